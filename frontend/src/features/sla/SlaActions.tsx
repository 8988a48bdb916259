import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Radio, Select, Space, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { acceptLanguage } from '../../i18n';
import {
  DELIVERABLE_KINDS,
  HOLD_REASONS,
  type DeliverableKind,
  type HoldReason,
  type TicketAction,
  type TicketClocks,
  type TicketDetail,
} from '../../api/types';
import { describeError } from '../../shared/errors';
import { slaApi, slaKeys } from './api';
import { clockLabel, levelName } from './tags';

const TEXT_MAX = 4000;
const REASON_MAX = 1000;

/**
 * The deliverables the user may hand in now: those the server offers (SUBMIT_<kind>). The server decides from
 * the clocks and the user's role with the very rule its endpoint enforces, so a closed case that still owes its
 * fault report offers it, and a stopped clock's deliverable is not offered.
 */
export function offeredDeliverables(actions: readonly TicketAction[] | undefined): DeliverableKind[] {
  return DELIVERABLE_KINDS.filter((k) => (actions ?? []).includes(`SUBMIT_${k}`));
}

/** The server's message for a refused action; a 403 keeps the server's reason next to the generic text. */
export function actionError(error: unknown, t: TFunction): string {
  // the server's reason only where the reader can read it (some 403 reasons are still English, ADR 0049)
  if (
    error instanceof ApiError &&
    error.status === 403 &&
    showable(error.problem.detail, acceptLanguage() === 'zh-CN')
  ) {
    return `${t('common.forbidden')} (${error.problem.detail})`;
  }
  return describeError(error, t);
}

interface ActionModalProps<V> {
  title: string;
  testId: string;
  /** Form field names, to put the server's field errors on the matching field. */
  fields: string[];
  initialValues?: Partial<V>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
}

/** A small modal form for one action; shows problem+json errors on the field or above the buttons. */
function ActionModal<V extends object>({
  title,
  testId,
  fields,
  initialValues,
  submit,
  onClose,
  onDone,
  children,
}: ActionModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const finish = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await submit(values);
      message.success(t('actions.done', { action: title }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(
          e.fieldErrors
            .filter((fe) => fields.includes(fe.field))
            .map((fe) => ({ name: fe.field as never, errors: [fe.message] })),
        );
      }
      setError(actionError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('actions.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ 'data-testid': `${testId}-cancel` }}
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void finish(values)}
        data-testid={`${testId}-form`}
      >
        {children}
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid={`${testId}-error`} />}
    </Modal>
  );
}

function LevelModal({
  ticket,
  policyCode,
  currentLevel,
  onClose,
  onDone,
}: {
  ticket: TicketDetail;
  policyCode: string;
  currentLevel: string | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: slaKeys.policy(policyCode), queryFn: () => slaApi.policy(policyCode) });
  return (
    <ActionModal<{ level: string; reason: string }>
      title={t('actions.changeLevel')}
      testId="action-level"
      fields={['level', 'reason']}
      submit={(v) => slaApi.changeLevel(ticket.id, { level: v.level, reason: v.reason.trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      {policy.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(policy.error, t) })}
        />
      )}
      <Form.Item
        name="level"
        label={t('actions.newLevel')}
        rules={[{ required: true, message: t('validation.choose', { field: t('actions.newLevel') }) }]}
      >
        <Select
          data-testid="action-level-level"
          loading={policy.isFetching}
          options={(policy.data?.levels ?? []).map((l) => ({
            value: l.code,
            label: `${t('level.value', { level: l.code })} · ${levelName(t, policyCode, l.code, l.name)}`,
            disabled: l.code === currentLevel,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('actions.levelReason')}
        rules={requiredText(t, 'actions.levelReason', REASON_MAX)}
      >
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="action-level-reason" />
      </Form.Item>
    </ActionModal>
  );
}

function requiredText(t: TFunction, labelKey: string, max: number): Rule[] {
  return [
    { required: true, whitespace: true, message: t('validation.required', { field: t(labelKey) }) },
    { max, message: t('validation.maxLength', { field: t(labelKey), max }) },
  ];
}

type ModalName = 'hold' | 'level' | 'deliverable' | 'abnormal' | 'delay';

/**
 * SLA actions on a ticket: hold/resume, change level, arrived on site, deliverables, abnormal events
 * and delays, each shown exactly when the server lists it in `availableActions` (closed or not).
 * `onChanged` reloads the ticket and its clocks.
 */
export function SlaActions({
  ticket,
  clocks,
  onChanged,
}: {
  ticket: TicketDetail;
  clocks: TicketClocks | undefined;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ModalName | null>(null);

  const offered = ticket.availableActions ?? [];
  const can = (action: TicketAction) => offered.includes(action);
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    void onChanged();
  };
  const run = async (label: string, call: () => Promise<unknown>) => {
    try {
      await call();
      message.success(t('actions.done', { action: label }));
    } catch (e) {
      message.error(actionError(e, t));
    }
    await onChanged();
  };

  const policyCode = clocks?.policy?.code;
  const currentLevel = clocks?.level ?? (ticket.level != null ? String(ticket.level) : null);
  const deliverables = offeredDeliverables(offered);
  // on hold, "hold" switches to the other reason; the current one would be refused
  const holdReasons = HOLD_REASONS.filter((r) => r !== ticket.holdReason);
  const holdTitle = ticket.holdReason ? t('actions.changeHoldReason') : t('actions.hold');

  const buttons: ReactNode[] = [];
  if (can('RESUME')) {
    buttons.push(
      <Popconfirm
        key="resume"
        title={t('actions.resumeConfirm')}
        okText={t('actions.resume')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ 'data-testid': 'action-resume-confirm' }}
        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
        onConfirm={() => run(t('actions.resume'), () => slaApi.resume(ticket.id))}
      >
        <Button data-testid="action-resume">{t('actions.resume')}</Button>
      </Popconfirm>,
    );
  }
  if (can('HOLD') && holdReasons.length > 0) {
    buttons.push(
      <Button key="hold" onClick={() => setOpen('hold')} data-testid="action-hold">
        {holdTitle}
      </Button>,
    );
  }
  if (can('CHANGE_LEVEL') && policyCode) {
    buttons.push(
      <Button key="level" onClick={() => setOpen('level')} data-testid="action-level">
        {t('actions.changeLevel')}
      </Button>,
    );
  }
  if (can('ARRIVE_ON_SITE')) {
    buttons.push(
      <Popconfirm
        key="onSite"
        title={t('actions.onSiteConfirm')}
        okText={t('actions.onSite')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ 'data-testid': 'action-on-site-confirm' }}
        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
        onConfirm={() => run(t('actions.onSite'), () => slaApi.onSite(ticket.id))}
      >
        <Button data-testid="action-on-site">{t('actions.onSite')}</Button>
      </Popconfirm>,
    );
  }
  if (deliverables.length > 0) {
    buttons.push(
      <Button key="deliverable" onClick={() => setOpen('deliverable')} data-testid="action-deliverable">
        {t('actions.deliverable')}
      </Button>,
    );
  }
  if (can('REPORT_ABNORMAL_EVENT')) {
    buttons.push(
      <Button key="abnormal" onClick={() => setOpen('abnormal')} data-testid="action-abnormal">
        {t('actions.abnormal')}
      </Button>,
    );
  }
  if (can('ACKNOWLEDGE_ABNORMAL_EVENT')) {
    buttons.push(
      <Popconfirm
        key="acknowledge"
        title={t('actions.acknowledgeConfirm')}
        okText={t('actions.acknowledge')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ 'data-testid': 'action-acknowledge-confirm' }}
        // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd waits for the returned promise and shows the button loading until it settles
        onConfirm={() => run(t('actions.acknowledge'), () => slaApi.acknowledgeAbnormal(ticket.id))}
      >
        <Button data-testid="action-acknowledge">{t('actions.acknowledge')}</Button>
      </Popconfirm>,
    );
  }
  if (can('REPORT_DELAY')) {
    buttons.push(
      <Button key="delay" onClick={() => setOpen('delay')} data-testid="action-delay">
        {t('actions.delay')}
      </Button>,
    );
  }
  if (buttons.length === 0) return null;

  return (
    <Card title={t('actions.title')} size="small" data-testid="sla-actions">
      {ticket.status === 'CLOSED' && deliverables.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="sla-actions-closed-owes"
          message={t('actions.closedButOwed', {
            what: deliverables.map((k) => clockLabel(t, k)).join(t('actions.listSeparator')),
          })}
        />
      )}
      <Space wrap>{buttons}</Space>

      {open === 'hold' && (
        <ActionModal<{ reason: HoldReason; note?: string }>
          title={holdTitle}
          testId="action-hold"
          fields={['reason', 'note']}
          initialValues={{ reason: holdReasons[0] }}
          submit={(v) => slaApi.hold(ticket.id, { reason: v.reason, note: v.note?.trim() || undefined })}
          onClose={close}
          onDone={done}
        >
          <Form.Item
            name="reason"
            label={t('actions.holdReason')}
            rules={[{ required: true, message: t('validation.choose', { field: t('actions.holdReason') }) }]}
          >
            <Radio.Group data-testid="action-hold-reason">
              {holdReasons.map((r) => (
                <Radio key={r} value={r} data-testid={`action-hold-reason-${r}`}>
                  {t(`holdReason.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={t('actions.holdNote')}
            rules={[
              {
                max: REASON_MAX,
                message: t('validation.maxLength', { field: t('actions.holdNote'), max: REASON_MAX }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="action-hold-note" />
          </Form.Item>
        </ActionModal>
      )}

      {open === 'level' && policyCode && (
        <LevelModal ticket={ticket} policyCode={policyCode} currentLevel={currentLevel} onClose={close} onDone={done} />
      )}

      {open === 'deliverable' && (
        <ActionModal<{ kind: DeliverableKind; text: string }>
          title={t('actions.deliverable')}
          testId="action-deliverable"
          fields={['kind', 'text']}
          initialValues={{ kind: deliverables[0] }}
          submit={(v) => slaApi.deliverable(ticket.id, { kind: v.kind, text: v.text.trim() })}
          onClose={close}
          onDone={done}
        >
          <Form.Item
            name="kind"
            label={t('actions.deliverableKind')}
            rules={[{ required: true, message: t('validation.choose', { field: t('actions.deliverableKind') }) }]}
          >
            <Radio.Group data-testid="action-deliverable-kind" optionType="button">
              {deliverables.map((k) => (
                <Radio.Button key={k} value={k} data-testid={`action-deliverable-kind-${k}`}>
                  {clockLabel(t, k)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="text"
            label={t('actions.deliverableText')}
            rules={requiredText(t, 'actions.deliverableText', TEXT_MAX)}
          >
            <Input.TextArea rows={6} maxLength={TEXT_MAX} showCount data-testid="action-deliverable-text" />
          </Form.Item>
        </ActionModal>
      )}

      {open === 'abnormal' && (
        <ActionModal<{ description: string; technical: boolean }>
          title={t('actions.abnormal')}
          testId="action-abnormal"
          fields={['description', 'technical']}
          initialValues={{ technical: false }}
          submit={(v) =>
            slaApi.abnormalEvent(ticket.id, { description: v.description.trim(), technical: !!v.technical })
          }
          onClose={close}
          onDone={done}
        >
          <Form.Item
            name="description"
            label={t('actions.abnormalDescription')}
            rules={requiredText(t, 'actions.abnormalDescription', TEXT_MAX)}
          >
            <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="action-abnormal-description" />
          </Form.Item>
          <Form.Item name="technical" label={t('actions.technical')} valuePropName="checked">
            <Switch data-testid="action-abnormal-technical" />
          </Form.Item>
        </ActionModal>
      )}

      {open === 'delay' && (
        <ActionModal<{ reason: string }>
          title={t('actions.delay')}
          testId="action-delay"
          fields={['reason']}
          submit={(v) => slaApi.delay(ticket.id, { reason: v.reason.trim() })}
          onClose={close}
          onDone={done}
        >
          <Form.Item
            name="reason"
            label={t('actions.delayReason')}
            rules={requiredText(t, 'actions.delayReason', REASON_MAX)}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="action-delay-reason" />
          </Form.Item>
        </ActionModal>
      )}
    </Card>
  );
}
