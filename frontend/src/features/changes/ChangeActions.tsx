import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionModal, type ActionModalProps } from '../../shared/ActionModal';
import { serviceWallClockNow, serviceWallClockToInstant } from '../../shared/format';
import {
  CHANGE_LIMITS,
  changeKeys,
  changesApi,
  type ChangeActions,
  type ChangeItemUpdate,
  type ChangeOutcome,
  type ChangeView,
} from './api';
import { describeChangeError, endRules, formField, instantToServiceWallClock, startRules } from './parts';

type Kind = 'approve' | 'reject' | 'test' | 'reschedule' | 'cancel' | 'outcome' | 'confirm';

/** The fields of each action's form: the server's field errors for these are shown under them. */
const FIELDS: Record<Kind, string[]> = {
  approve: ['note'],
  reject: ['note'],
  test: ['passed', 'note'],
  reschedule: ['plannedStart', 'plannedEnd', 'note'],
  cancel: ['reason'],
  outcome: ['outcome', 'note'],
  confirm: ['accepted', 'opinion', 'confirmedByName'],
};

type ModalProps<V> = Pick<
  ActionModalProps<V, ChangeView>,
  'title' | 'okText' | 'danger' | 'initialValues' | 'send' | 'done' | 'onClose' | 'children'
> & {
  change: ChangeView;
  kind: Kind;
  /** Where the server's field error for `field` goes on the form; by default the kind's FIELDS by their own name. */
  fieldName?: ActionModalProps<V, ChangeView>['fieldName'];
};

/**
 * One action on a change in the shared ActionModal. Afterwards the change is shown as the server now has it; after a
 * 409 (someone acted first, or the window is now too close) it is read again.
 */
function ChangeActionModal<V extends object>({ change, kind, fieldName, ...props }: ModalProps<V>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const known = new Set(FIELDS[kind]);
  return (
    <ActionModal<V, ChangeView>
      {...props}
      cancelText={t('changes.actions.close')}
      testIds={{ modal: `change-${kind}-modal`, ok: `change-${kind}-ok`, error: 'change-action-error' }}
      width={560}
      onSent={(view) => {
        queryClient.setQueryData(changeKeys.detail(change.id), view);
        void queryClient.invalidateQueries({ queryKey: changeKeys.all });
      }}
      // the change moved on meanwhile: show it as it is now
      onConflict={() => void queryClient.invalidateQueries({ queryKey: changeKeys.all })}
      fieldName={fieldName ?? ((field) => (known.has(formField(field)) ? formField(field) : undefined))}
      describeError={(e) => describeChangeError(e, t, change.leadHours)}
    />
  );
}

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

const NO_ACTIONS: ChangeActions = {
  decide: false,
  test: false,
  reschedule: false,
  cancel: false,
  recordOutcome: false,
  confirm: false,
  markCausedFault: false,
};

/** The item updates of an outcome as the form holds them: one entry per item of the change, in its order. */
type ItemFields = { version?: string; parameters?: string }[];

/**
 * The buttons of what the reader may do now (the server's `actions`), each with its modal. A customer's user may only
 * give the sign-off (用户确认), whatever else the view says.
 */
export function ChangeActionBar({ change, customer = false }: { change: ChangeView; customer?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Kind | null>(null);
  // which item (its place in the form) each sent itemUpdates[i] was: the server's field errors name the sent index
  const sentItems = useRef<number[]>([]);
  const a = customer ? { ...NO_ACTIONS, confirm: change.actions.confirm } : change.actions;
  if (!a.decide && !a.test && !a.reschedule && !a.cancel && !a.recordOutcome && !a.confirm) return null;
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
        {a.confirm && (
          <Button type="primary" onClick={() => setOpen('confirm')} data-testid="change-confirm">
            {t('changes.actions.confirm')}
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
        <ChangeActionModal<{ note?: string }>
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
        </ChangeActionModal>
      )}

      {open === 'test' && (
        <ChangeActionModal<{ passed?: boolean; note?: string }>
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
        </ChangeActionModal>
      )}

      {open === 'reschedule' && (
        <ChangeActionModal<{ plannedStart?: Dayjs | null; plannedEnd?: Dayjs | null; note?: string }>
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
        </ChangeActionModal>
      )}

      {open === 'cancel' && (
        <ChangeActionModal<{ reason?: string }>
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
        </ChangeActionModal>
      )}

      {open === 'outcome' && (
        <ChangeActionModal<{ outcome?: ChangeOutcome; note?: string; items?: ItemFields }>
          change={change}
          kind="outcome"
          title={t('changes.actions.outcomeTitle')}
          okText={t('changes.actions.save')}
          done={t('changes.actions.outcomeRecorded')}
          send={(v) => {
            // 变更成功 only, and only the items given a new version or new parameters (blank: unchanged)
            const updates: ChangeItemUpdate[] = [];
            sentItems.current = [];
            if (v.outcome === 'SUCCEEDED') {
              change.configItems.forEach((item, i) => {
                const version = trimmed(v.items?.[i]?.version);
                const parameters = trimmed(v.items?.[i]?.parameters);
                if (version == null && parameters == null) return;
                updates.push({ itemId: item.id, version, parameters });
                sentItems.current.push(i);
              });
            }
            return changesApi.recordOutcome(change.id, {
              outcome: v.outcome!,
              note: v.note!.trim(),
              itemUpdates: updates.length > 0 ? updates : null,
            });
          }}
          fieldName={(field) => {
            const item = /^itemUpdates\[(\d+)\]\.(version|parameters)$/.exec(field);
            if (item) {
              const index = sentItems.current[Number(item[1])];
              return index == null ? undefined : ['items', index, item[2]];
            }
            return field === 'outcome' || field === 'note' ? field : undefined;
          }}
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
              <OutcomeItemUpdates change={change} />
            </>
          )}
        </ChangeActionModal>
      )}

      {open === 'confirm' && (
        <ChangeActionModal<{ accepted?: boolean; opinion?: string; confirmedByName?: string }>
          change={change}
          kind="confirm"
          title={t('changes.actions.confirmTitle')}
          okText={t('changes.actions.save')}
          done={t('changes.actions.confirmed')}
          send={(v) =>
            changesApi.confirm(change.id, {
              accepted: v.accepted ?? null,
              opinion: trimmed(v.opinion),
              // a customer's user confirms in their own name
              confirmedByName: customer ? null : trimmed(v.confirmedByName),
            })
          }
          onClose={close}
        >
          {() => <ConfirmFields customer={customer} />}
        </ChangeActionModal>
      )}
    </>
  );
}

/**
 * 变更成功 on a change that names configuration items: per item its new version and core parameters, both empty by
 * default (= unchanged). Not shown for 已回退: a rolled-back change leaves its items as they were.
 */
function OutcomeItemUpdates({ change }: { change: ChangeView }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const outcome = Form.useWatch('outcome', form) as ChangeOutcome | undefined;
  if (outcome !== 'SUCCEEDED' || change.configItems.length === 0) return null;
  return (
    <div data-testid="change-outcome-items">
      <Typography.Text strong>{t('changes.actions.outcomeItems')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('changes.actions.outcomeItemsHelp')}
      </Typography.Paragraph>
      {change.configItems.map((item, i) => (
        <div
          key={item.id}
          data-testid={`change-outcome-item-${item.id}`}
          style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', marginBottom: 12 }}
        >
          <div style={{ ...textStyle, fontWeight: 500, marginBottom: 4 }}>
            {item.name}（{item.number}）
          </div>
          <Form.Item
            name={['items', i, 'version']}
            label={t('changes.actions.newVersion')}
            extra={t('changes.actions.currentVersion', { version: item.version || t('changes.items.blank') })}
            rules={[
              {
                max: CHANGE_LIMITS.itemVersion,
                message: t('validation.maxLength', {
                  field: t('changes.actions.newVersion'),
                  max: CHANGE_LIMITS.itemVersion,
                }),
              },
            ]}
            style={{ marginBottom: 8 }}
          >
            <Input
              maxLength={CHANGE_LIMITS.itemVersion}
              placeholder={t('changes.actions.unchanged')}
              data-testid={`change-outcome-version-${item.id}`}
            />
          </Form.Item>
          <Form.Item
            name={['items', i, 'parameters']}
            label={t('changes.actions.itemParameters')}
            rules={[
              {
                max: CHANGE_LIMITS.itemParameters,
                message: t('validation.maxLength', {
                  field: t('changes.actions.itemParameters'),
                  max: CHANGE_LIMITS.itemParameters,
                }),
              },
            ]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea
              rows={2}
              maxLength={CHANGE_LIMITS.itemParameters}
              placeholder={t('changes.actions.unchanged')}
              data-testid={`change-outcome-parameters-${item.id}`}
            />
          </Form.Item>
        </div>
      ))}
    </div>
  );
}

/**
 * 用户确认: 验收通过 / 不通过, an opinion (required when not accepted) and, when the desk or a supervisor records it for
 * the customer (e.g. by phone), who on the customer's side confirmed. A customer's user confirms in their own name.
 */
function ConfirmFields({ customer }: { customer: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const accepted = Form.useWatch('accepted', form) as boolean | undefined;
  return (
    <>
      {customer && (
        <Typography.Paragraph type="secondary">{t('changes.actions.confirmHelpCustomer')}</Typography.Paragraph>
      )}
      <Form.Item
        name="accepted"
        label={t('changes.actions.confirmResult')}
        rules={[{ required: true, message: t('validation.choose', { field: t('changes.actions.confirmResult') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="change-confirm-accepted"
          options={[
            { value: true, label: t('changes.actions.confirmAccepted') },
            { value: false, label: t('changes.actions.confirmRejected') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="opinion"
        label={t('changes.actions.confirmOpinion')}
        extra={t('changes.actions.confirmOpinionHelp')}
        required={accepted === false}
        dependencies={['accepted']}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              form.getFieldValue('accepted') === false && !value?.trim()
                ? Promise.reject(new Error(t('changes.rules.opinionRequired')))
                : Promise.resolve(),
          },
          {
            max: CHANGE_LIMITS.confirmOpinion,
            message: t('validation.maxLength', {
              field: t('changes.actions.confirmOpinion'),
              max: CHANGE_LIMITS.confirmOpinion,
            }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={CHANGE_LIMITS.confirmOpinion} data-testid="change-confirm-opinion" />
      </Form.Item>
      {!customer && (
        <Form.Item
          name="confirmedByName"
          label={t('changes.actions.confirmedByName')}
          extra={t('changes.actions.confirmOnBehalf')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('changes.actions.confirmedByName') }),
            },
            {
              max: CHANGE_LIMITS.confirmedByName,
              message: t('validation.maxLength', {
                field: t('changes.actions.confirmedByName'),
                max: CHANGE_LIMITS.confirmedByName,
              }),
            },
          ]}
        >
          <Input maxLength={CHANGE_LIMITS.confirmedByName} data-testid="change-confirm-by" />
        </Form.Item>
      )}
    </>
  );
}
