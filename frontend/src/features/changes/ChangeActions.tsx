import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { useSendOnce } from '../../shared/useSendOnce';
import { CHANGE_LIMITS, changeKeys, changesApi, type ChangeOutcome, type ChangeView } from './api';
import { describeChangeError, endRules, formField, instantToServiceWallClock, startRules } from './parts';

type Kind = 'approve' | 'reject' | 'test' | 'reschedule' | 'cancel' | 'outcome';

/** The fields of each action's form: the server's field errors for these are shown under them. */
const FIELDS: Record<Kind, string[]> = {
  approve: ['note'],
  reject: ['note'],
  test: ['passed', 'note'],
  reschedule: ['plannedStart', 'plannedEnd', 'note'],
  cancel: ['reason'],
  outcome: ['outcome', 'note'],
};

interface ModalProps<V> {
  change: ChangeView;
  kind: Kind;
  title: string;
  okText: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  send: (values: V) => Promise<ChangeView>;
  done: string;
  onClose: () => void;
  children: (form: FormInstance<V>) => ReactNode;
}

/**
 * One action on a change in a modal: its form, an OK button that shows it is sending and cannot send twice, the
 * server's field errors under their fields, any other refusal in a line above the buttons. Afterwards the change is
 * shown as the server now has it; after a 409 (someone acted first, or the window is now too close) it is read again.
 */
function ActionModal<V extends object>({
  change,
  kind,
  title,
  okText,
  danger,
  initialValues,
  send,
  done,
  onClose,
  children,
}: ModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const { ok, busy, error, setError } = useSendOnce(
    form,
    async (values) => {
      const view = await send(values);
      queryClient.setQueryData(changeKeys.detail(change.id), view);
      void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      message.success(done);
      onClose();
    },
    (e) => {
      const known = new Set(FIELDS[kind]);
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.some((fe) => known.has(formField(fe.field)))) {
        form.setFields(
          e.fieldErrors
            .filter((fe) => known.has(formField(fe.field)))
            .map((fe) => ({ name: formField(fe.field) as never, errors: [fe.message] })),
        );
      } else {
        setError(describeChangeError(e, t, change.leadHours));
      }
      // the change moved on meanwhile: show it as it is now
      if (e instanceof ApiError && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      }
    },
  );

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('changes.actions.close')}
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger, disabled: busy, ...({ 'data-testid': `change-${kind}-ok` } as object) }}
      width={phone ? '100%' : 560}
      style={phone ? { top: 8, maxWidth: '100vw', paddingInline: 0 } : undefined}
      destroyOnHidden
      maskClosable={!busy}
      data-testid={`change-${kind}-modal`}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children(form)}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="change-action-error" />}
    </Modal>
  );
}

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** The buttons of what the reader may do now (the server's `actions`), each with its modal. */
export function ChangeActionBar({ change }: { change: ChangeView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Kind | null>(null);
  const a = change.actions;
  if (!a.decide && !a.test && !a.reschedule && !a.cancel && !a.recordOutcome) return null;
  const close = () => setOpen(null);
  const noteRules = (labelKey: string, max: number, required: boolean) => [
    ...(required
      ? [{ required: true, whitespace: true, message: t('validation.required', { field: t(labelKey) }) }]
      : []),
    { max, message: t('validation.maxLength', { field: t(labelKey), max }) },
  ];
  const trimmed = (s: string | undefined) => s?.trim() || null;

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="change-actions">
        {a.decide && (
          <>
            <Button type="primary" onClick={() => setOpen('approve')} data-testid="change-approve">
              {t('changes.actions.approve')}
            </Button>
            <Button danger onClick={() => setOpen('reject')} data-testid="change-reject">
              {t('changes.actions.reject')}
            </Button>
          </>
        )}
        {a.test && (
          <Button type="primary" onClick={() => setOpen('test')} data-testid="change-test">
            {t('changes.actions.test')}
          </Button>
        )}
        {a.recordOutcome && (
          <Button type="primary" onClick={() => setOpen('outcome')} data-testid="change-outcome">
            {t('changes.actions.outcome')}
          </Button>
        )}
        {a.reschedule && (
          <Button onClick={() => setOpen('reschedule')} data-testid="change-reschedule">
            {t('changes.actions.reschedule')}
          </Button>
        )}
        {a.cancel && (
          <Button danger onClick={() => setOpen('cancel')} data-testid="change-cancel">
            {t('changes.actions.cancel')}
          </Button>
        )}
      </Flex>

      {(open === 'approve' || open === 'reject') && (
        <ActionModal<{ note?: string }>
          change={change}
          kind={open}
          title={t(open === 'approve' ? 'changes.actions.approveTitle' : 'changes.actions.rejectTitle')}
          okText={t(open === 'approve' ? 'changes.actions.approve' : 'changes.actions.reject')}
          danger={open === 'reject'}
          done={t(open === 'approve' ? 'changes.actions.approved' : 'changes.actions.rejected')}
          send={(v) => changesApi.decide(change.id, { approve: open === 'approve', note: trimmed(v.note) })}
          onClose={close}
        >
          {() => (
            <>
              {open === 'approve' && (
                <Typography.Paragraph type="secondary">
                  {t(change.major ? 'changes.actions.approveHelpMajor' : 'changes.actions.approveHelpMinor')}
                </Typography.Paragraph>
              )}
              <Form.Item
                name="note"
                label={t(open === 'approve' ? 'changes.actions.approveNote' : 'changes.actions.rejectNote')}
                rules={noteRules(
                  open === 'approve' ? 'changes.actions.approveNote' : 'changes.actions.rejectNote',
                  CHANGE_LIMITS.decisionNote,
                  open === 'reject',
                )}
              >
                <Input.TextArea rows={3} maxLength={CHANGE_LIMITS.decisionNote} data-testid="change-decision-note" />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}

      {open === 'test' && (
        <ActionModal<{ passed?: boolean; note?: string }>
          change={change}
          kind="test"
          title={t('changes.actions.testTitle')}
          okText={t('changes.actions.save')}
          done={t('changes.actions.tested')}
          send={(v) => changesApi.test(change.id, { passed: !!v.passed, note: v.note!.trim() })}
          onClose={close}
        >
          {() => (
            <>
              {change.testPlan && (
                <Typography.Paragraph type="secondary" style={textStyle}>
                  {t('changes.field.testPlan')}：{change.testPlan}
                </Typography.Paragraph>
              )}
              <Form.Item
                name="passed"
                label={t('changes.actions.testResult')}
                rules={[
                  { required: true, message: t('validation.choose', { field: t('changes.actions.testResult') }) },
                ]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="change-test-passed"
                  options={[
                    { value: true, label: t('changes.actions.passed') },
                    { value: false, label: t('changes.actions.failed') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('changes.actions.testNote')}
                rules={noteRules('changes.actions.testNote', CHANGE_LIMITS.testNote, true)}
              >
                <Input.TextArea rows={3} maxLength={CHANGE_LIMITS.testNote} data-testid="change-test-note" />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}

      {open === 'reschedule' && (
        <ActionModal<{ plannedStart?: Dayjs | null; plannedEnd?: Dayjs | null; note?: string }>
          change={change}
          kind="reschedule"
          title={t('changes.actions.rescheduleTitle')}
          okText={t('changes.actions.save')}
          done={t('changes.actions.rescheduled')}
          initialValues={{
            plannedStart: instantToServiceWallClock(change.plannedStart),
            plannedEnd: instantToServiceWallClock(change.plannedEnd),
          }}
          send={(v) =>
            changesApi.reschedule(change.id, {
              plannedStart: serviceWallClockToInstant(v.plannedStart!),
              plannedEnd: serviceWallClockToInstant(v.plannedEnd!),
              note: trimmed(v.note),
            })
          }
          onClose={close}
        >
          {(form) => (
            <>
              <Typography.Paragraph type="secondary">{t('changes.rules.leadHelp')}</Typography.Paragraph>
              {change.status === 'SCHEDULED' && (
                <Typography.Paragraph type="secondary">{t('changes.actions.rescheduleAnnounced')}</Typography.Paragraph>
              )}
              <Form.Item
                name="plannedStart"
                label={t('changes.field.plannedStart')}
                dependencies={['plannedEnd']}
                rules={[
                  ...startRules(() => change.major, t),
                  {
                    // saving the window as it is would only tell the customer again of nothing new
                    validator: (_, value: Dayjs | null | undefined) => {
                      const end = form.getFieldValue('plannedEnd') as Dayjs | null | undefined;
                      if (!value || !end) return Promise.resolve();
                      const same =
                        Date.parse(serviceWallClockToInstant(value)) === Date.parse(change.plannedStart) &&
                        Date.parse(serviceWallClockToInstant(end)) === Date.parse(change.plannedEnd);
                      return same ? Promise.reject(new Error(t('changes.rules.unchanged'))) : Promise.resolve();
                    },
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(serviceWallClockNow().startOf('day'))}
                  data-testid="change-reschedule-start"
                />
              </Form.Item>
              <Form.Item
                name="plannedEnd"
                label={t('changes.field.plannedEnd')}
                dependencies={['plannedStart']}
                rules={endRules(() => form.getFieldValue('plannedStart') as Dayjs | undefined, t)}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isBefore(serviceWallClockNow().startOf('day'))}
                  data-testid="change-reschedule-end"
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('changes.actions.rescheduleNote')}
                rules={noteRules('changes.actions.rescheduleNote', CHANGE_LIMITS.decisionNote, false)}
              >
                <Input.TextArea rows={2} maxLength={CHANGE_LIMITS.decisionNote} data-testid="change-reschedule-note" />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}

      {open === 'cancel' && (
        <ActionModal<{ reason?: string }>
          change={change}
          kind="cancel"
          danger
          title={t('changes.actions.cancelTitle')}
          okText={t('changes.actions.cancel')}
          done={t('changes.actions.cancelled')}
          send={(v) => changesApi.cancel(change.id, { reason: v.reason!.trim() })}
          onClose={close}
        >
          {() => (
            <>
              {change.announcedAt && (
                <Typography.Paragraph type="secondary">{t('changes.actions.cancelAnnounced')}</Typography.Paragraph>
              )}
              <Form.Item
                name="reason"
                label={t('changes.actions.cancelReason')}
                extra={change.announcedAt ? t('changes.actions.toldToCustomer') : undefined}
                rules={noteRules('changes.actions.cancelReason', CHANGE_LIMITS.cancelReason, true)}
              >
                <Input.TextArea rows={3} maxLength={CHANGE_LIMITS.cancelReason} data-testid="change-cancel-reason" />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}

      {open === 'outcome' && (
        <ActionModal<{ outcome?: ChangeOutcome; note?: string }>
          change={change}
          kind="outcome"
          title={t('changes.actions.outcomeTitle')}
          okText={t('changes.actions.save')}
          done={t('changes.actions.outcomeRecorded')}
          send={(v) => changesApi.recordOutcome(change.id, { outcome: v.outcome!, note: v.note!.trim() })}
          onClose={close}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary" style={textStyle}>
                {t('changes.field.fallback')}：{change.fallback}
              </Typography.Paragraph>
              <Form.Item
                name="outcome"
                label={t('changes.actions.outcomeResult')}
                rules={[
                  { required: true, message: t('validation.choose', { field: t('changes.actions.outcomeResult') }) },
                ]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="change-outcome-result"
                  options={(['SUCCEEDED', 'ROLLED_BACK'] as const).map((o) => ({
                    value: o,
                    label: t(`changes.outcome.${o}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('changes.actions.outcomeNote')}
                extra={t('changes.actions.toldToCustomer')}
                rules={noteRules('changes.actions.outcomeNote', CHANGE_LIMITS.outcomeNote, true)}
              >
                <Input.TextArea rows={3} maxLength={CHANGE_LIMITS.outcomeNote} data-testid="change-outcome-note" />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}
    </>
  );
}
