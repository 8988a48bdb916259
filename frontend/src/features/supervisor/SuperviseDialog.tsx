import { Alert, App, Form, Input, List, Modal, Select, Space, Typography, type ButtonProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/errors';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import { superviseApi, superviseKeys, type BulkOutcome, type SuperviseAction } from './api';

export interface SuperviseTarget {
  ticketId: number;
  number?: string | null;
  level?: string | null;
}

interface Values {
  engineer?: string;
  level?: string;
  reason?: string;
}

const TITLES: Record<SuperviseAction, string> = {
  REASSIGN: 'supervise.reassignTitle',
  NUDGE: 'supervise.nudgeTitle',
  RAISE_LEVEL: 'supervise.raiseLevelTitle',
};

/**
 * Reassign, nudge or raise the level of one case or of several at once (issue 15): one request whatever the
 * count, each case's outcome shown; the Idempotency-Key is made when the dialog opens, so a second click or a
 * resend after a lost answer is the same request and nothing is done twice.
 */
export function SuperviseDialog({
  action,
  targets,
  levels,
  onClose,
  onDone,
}: {
  action: SuperviseAction;
  targets: SuperviseTarget[];
  /** the scheme's level codes, most severe first */
  levels: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const engineers = useQuery({
    queryKey: superviseKeys.engineers,
    queryFn: superviseApi.engineers,
    enabled: action === 'REASSIGN',
  });

  // a second click before the button shows it is busy must not send again (the key would answer it, but with a 409)
  const inFlight = useRef(false);

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      inFlight.current = false; // the form shows what is missing
      return;
    }
    setSending(true);
    try {
      const result = await superviseApi.bulk(
        {
          action,
          ticketIds: targets.map((x) => x.ticketId),
          engineer: values.engineer,
          level: values.level,
          reason: values.reason?.trim() || undefined,
        },
        key,
      );
      setOutcome(result);
      onDone();
    } catch (e) {
      message.error(t('supervise.failedToSend', { message: describeError(e, t) }));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const numbers = targets.map((x) => x.number ?? `#${x.ticketId}`).join('、');
  const numberOf = (id: number) => targets.find((x) => x.ticketId === id)?.number ?? `#${id}`;

  return (
    <Modal
      open
      title={t(TITLES[action])}
      okText={outcome ? t('supervise.close') : t('supervise.submit')}
      onOk={outcome ? onClose : () => void submit()}
      okButtonProps={{ loading: sending, 'data-testid': 'supervise-submit' } as ButtonProps}
      cancelButtonProps={outcome ? { style: { display: 'none' } } : undefined}
      onCancel={onClose}
      destroyOnHidden
      data-testid="supervise-dialog"
    >
      <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-word' }}>
        {t('supervise.cases', { numbers })}
      </Typography.Paragraph>
      {outcome ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="supervise-outcome">
          {outcome.replayed && <Alert type="info" showIcon message={t('supervise.replayed')} />}
          <Alert
            type={outcome.failed === 0 ? 'success' : 'warning'}
            showIcon
            data-testid="supervise-summary"
            message={t('supervise.done', { done: outcome.done, failed: outcome.failed })}
          />
          <List
            size="small"
            dataSource={outcome.rows}
            renderItem={(row) => (
              <List.Item data-testid="supervise-row" data-ok={row.ok ? 'true' : 'false'}>
                <Space wrap>
                  <Typography.Text strong>{row.number ?? numberOf(row.ticketId)}</Typography.Text>
                  {row.ok ? (
                    <Typography.Text type="success">{t('supervise.ok')}</Typography.Text>
                  ) : (
                    <Typography.Text type="danger">
                      {t(`supervise.refusal.${row.code ?? 'FAILED'}`, {
                        field: t(`supervise.field.${row.field ?? 'reason'}`),
                        defaultValue: t('supervise.refusal.FAILED'),
                      })}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      ) : (
        <Form form={form} layout="vertical" requiredMark>
          {action === 'REASSIGN' && (
            <Form.Item
              name="engineer"
              label={t('supervise.engineer')}
              rules={[{ required: true, message: t('supervise.engineerRequired') }]}
            >
              <Select
                data-testid="supervise-engineer"
                showSearch
                optionFilterProp="label"
                placeholder={t('supervise.engineerPlaceholder')}
                loading={engineers.isFetching}
                options={(engineers.data ?? []).map((e) => ({
                  value: e.username,
                  label: t('supervise.engineerOption', {
                    name: e.displayName,
                    region: e.region ? t(`region.${e.region}`, { defaultValue: e.region }) : t('supervise.noRegion'),
                    jobs: e.openJobs,
                  }),
                }))}
              />
            </Form.Item>
          )}
          {action === 'RAISE_LEVEL' && (
            <Form.Item
              name="level"
              label={t('supervise.level')}
              rules={[{ required: true, message: t('supervise.levelRequired') }]}
            >
              <Select
                data-testid="supervise-level"
                options={levels.map((l) => ({ value: l, label: t('level.value', { level: l }) }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={action === 'NUDGE' ? t('supervise.note') : t('supervise.reason')}
            rules={[{ required: action === 'RAISE_LEVEL', whitespace: true, message: t('supervise.reasonRequired') }]}
          >
            <Input.TextArea data-testid="supervise-reason" rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
