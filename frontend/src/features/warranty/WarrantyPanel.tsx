import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { AttachmentImage, SignatureField } from '../fieldwidgets';
import { CaseStockParts } from '../stock';
import { warrantyApi, warrantyKeys, type CostLineView, type WarrantyAnswer, type WarrantyView } from './api';
import { useStaffNames } from '../../shared/useStaffNames';

const TEXT_MAX = 2000;

const yuan = (n: number | null | undefined) => `¥${Number(n ?? 0).toFixed(2)}`;

interface Props {
  ticketId: number;
  /** Staff record cost lines and parts handed back; the customer only reads and answers. */
  staff: boolean;
  /** Reloads the case after an answer moved it on. */
  onChanged?: () => Promise<void> | void;
}

/**
 * The warranty and cost of a case (WA-1, RR-5, RR-6, FW-5): warranty status, the repeat-repair flag, the parts and
 * labour lines, the answers to the quote and the replacement, parts handed back; and the approval card when an
 * answer waits (the customer in the portal, or the desk on their behalf).
 */
export function WarrantyPanel({ ticketId, staff, onChanged }: Props) {
  const { t } = useTranslation();
  const staffName = useStaffNames(staff);
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: warrantyKeys.one(ticketId), queryFn: () => warrantyApi.get(ticketId) });
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: warrantyKeys.one(ticketId) });
    await onChanged?.();
  };
  if (error) {
    return (
      <Card title={t('warranty.title')} data-testid="warranty-panel">
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(error, t) })} />
      </Card>
    );
  }
  if (!data) return null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {data.waitingFor && <ApprovalCard ticketId={ticketId} view={data} onDone={reload} />}
      <Card title={t('warranty.title')} data-testid="warranty-panel">
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {data.repeatOfNumber && (
            <Alert
              type="warning"
              showIcon
              data-testid="warranty-repeat"
              message={t('warranty.repeat', { number: data.repeatOfNumber })}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('warranty.status')}>
              <span data-testid="warranty-status">
                {!data.assessed ? (
                  t('warranty.notAssessed')
                ) : data.inWarranty ? (
                  <Tag color="green">{t('warranty.inWarranty')}</Tag>
                ) : (
                  <Tag color="orange">{t('warranty.outOfWarranty')}</Tag>
                )}
                {data.warrantyEnd && t('warranty.until', { date: data.warrantyEnd })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('warranty.charge')}>
              <span data-testid="warranty-charge">
                {data.cost.freeOfCharge
                  ? t(`warranty.free.${data.cost.freeReason ?? 'WARRANTY'}`)
                  : t('warranty.charged', { total: yuan(data.cost.total) })}
              </span>
            </Descriptions.Item>
            {!data.cost.freeOfCharge && (
              <Descriptions.Item label={t('warranty.totals')}>
                {t('warranty.partsLabour', { parts: yuan(data.cost.parts), labour: yuan(data.cost.labour) })}
              </Descriptions.Item>
            )}
            {data.quote && (
              <Descriptions.Item label={t('warranty.quoteAnswer')}>
                <AnswerText answer={data.quote} testId="warranty-quote-answer" />
              </Descriptions.Item>
            )}
          </Descriptions>
          <ResponsiveTable<CostLineView>
            size="small"
            pagination={false}
            rowKey="id"
            data-testid="warranty-lines"
            dataSource={data.lines}
            locale={{ emptyText: t('warranty.noLines') }}
            columns={[
              {
                title: t('warranty.kind'),
                dataIndex: 'kind',
                width: 80,
                render: (k: string) => t(`warranty.kinds.${k}`),
              },
              { title: t('warranty.description'), dataIndex: 'description' },
              { title: t('warranty.amount'), dataIndex: 'amount', width: 110, render: (a: number) => yuan(a) },
            ]}
          />
          {staff && <AddLineForm ticketId={ticketId} onDone={reload} />}
          {data.replacement && (
            <Descriptions size="small" column={1} bordered title={t('warranty.replacement')}>
              <Descriptions.Item label={t('warranty.replacementCause')}>
                {t(`warranty.causes.${data.replacement.cause}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('warranty.replacementModel')}>
                {data.replacement.model ?? '—'}
              </Descriptions.Item>
              {data.replacement.answer && (
                <Descriptions.Item label={t('warranty.replacementAnswer')}>
                  <AnswerText answer={data.replacement.answer} testId="warranty-replacement-answer" />
                </Descriptions.Item>
              )}
              {data.replacement.replacedAt && (
                <Descriptions.Item label={t('warranty.replacedAt')}>
                  {formatDateTime(data.replacement.replacedAt)}
                  {data.replacement.scrapped && (
                    <>
                      {' · '}
                      <Link to={`/tickets/${ticketId}/scrap-certificate`} data-testid="scrap-certificate-link">
                        {t('scrapCertificate.title')}
                      </Link>
                    </>
                  )}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <div data-testid="warranty-handovers">
            <Typography.Text strong>{t('warranty.handovers')}</Typography.Text>
            {data.handovers.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('warranty.noHandovers')}</Typography.Paragraph>
            ) : (
              <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
                {data.handovers.map((h) => (
                  <li key={h.id} style={{ wordBreak: 'break-word' }} data-testid="handover-line">
                    {t('warranty.handoverLine', { part: h.part, to: h.handedTo, at: formatDateTime(h.handedAt) })}
                    {h.recordedBy &&
                      t('warranty.handoverRecorded', {
                        by: staffName(h.recordedBy),
                        at: formatDateTime(h.recordedAt ?? null),
                      })}
                    {h.signatureAttachmentId ? (
                      <div>
                        <Typography.Text type="secondary">
                          {t('warranty.handoverSignature', { name: h.handedTo })}
                        </Typography.Text>
                        <AttachmentImage
                          ticketId={ticketId}
                          attachmentId={h.signatureAttachmentId}
                          thumbnail={false}
                          alt={t('warranty.handoverSignature', { name: h.handedTo })}
                          testId="handover-signature"
                          style={{ display: 'block', maxWidth: 240, maxHeight: 80, border: '1px solid #f0f0f0' }}
                        />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {staff && <HandoverForm ticketId={ticketId} onDone={reload} />}
          </div>
          {staff && <CaseStockParts ticketId={ticketId} />}
        </Space>
      </Card>
    </Space>
  );
}

function AnswerText({ answer, testId }: { answer: WarrantyAnswer; testId: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId}>
      <Tag color={answer.answer === 'APPROVED' ? 'green' : 'red'}>{t(`warranty.answers.${answer.answer}`)}</Tag>
      {answer.byName ?? answer.by} {answer.at && formatDateTime(answer.at)} {answer.reason && `· ${answer.reason}`}
    </span>
  );
}

/** Shows field errors on the form, anything else as a message. */
function useSubmit() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async <V,>(form: ReturnType<typeof Form.useForm<V>>[0], run: () => Promise<unknown>) => {
    try {
      await run();
      form.resetFields();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((fe) => ({ name: fe.field as never, errors: [fe.message] })));
      } else {
        void message.error(describeError(e, t));
      }
      return false;
    }
  };
}

interface LineValues {
  kind: 'PART' | 'LABOUR';
  description: string;
  amount: number;
}

function AddLineForm({ ticketId, onDone }: { ticketId: number; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LineValues>();
  const submit = useSubmit();
  const [busy, setBusy] = useState(false);
  return (
    <Form<LineValues>
      form={form}
      layout="vertical"
      name="cost-line"
      initialValues={{ kind: 'PART' }}
      onFinish={(v) => {
        setBusy(true);
        void submit(form, () => warrantyApi.addLine(ticketId, { ...v, description: v.description.trim() }))
          .then((ok) => (ok ? onDone() : undefined))
          .finally(() => setBusy(false));
      }}
    >
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="kind" label={t('warranty.kind')} style={{ minWidth: 110 }}>
          <Select
            data-testid="cost-line-kind"
            options={['PART', 'LABOUR'].map((k) => ({ value: k, label: t(`warranty.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('warranty.description')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('warranty.description') }),
            },
          ]}
        >
          <Input maxLength={500} data-testid="cost-line-description" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('warranty.amountYuan')}
          rules={[{ required: true, message: t('validation.required', { field: t('warranty.amount') }) }]}
        >
          <InputNumber min={0} max={1000000} precision={2} step={10} data-testid="cost-line-amount" />
        </Form.Item>
        <Form.Item label=" ">
          <Button htmlType="submit" loading={busy} data-testid="cost-line-add">
            {t('warranty.addLine')}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}

interface HandoverValues {
  part: string;
  handedTo: string;
  signatureAttachmentId: number;
}

function HandoverForm({ ticketId, onDone }: { ticketId: number; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HandoverValues>();
  const submit = useSubmit();
  const [busy, setBusy] = useState(false);
  return (
    <Form<HandoverValues>
      form={form}
      layout="vertical"
      name="part-handover"
      onFinish={(v) => {
        setBusy(true);
        void submit(form, () =>
          warrantyApi.addHandover(ticketId, {
            part: v.part.trim(),
            handedTo: v.handedTo.trim(),
            signatureAttachmentId: v.signatureAttachmentId,
          }),
        )
          .then((ok) => (ok ? onDone() : undefined))
          .finally(() => setBusy(false));
      }}
    >
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item
          name="part"
          label={t('warranty.part')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('warranty.part') }) },
          ]}
        >
          <Input maxLength={500} data-testid="handover-part" />
        </Form.Item>
        <Form.Item
          name="handedTo"
          label={t('warranty.handedTo')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('warranty.handedTo') }) },
          ]}
        >
          <Input maxLength={200} data-testid="handover-to" />
        </Form.Item>
      </Space>
      {/* the owner's representative signs for the part on the engineer's phone (FW-5, ADR 0028) */}
      <Form.Item
        name="signatureAttachmentId"
        label={t('warranty.handoverSign')}
        rules={[{ required: true, message: t('warranty.handoverSignRequired') }]}
      >
        <SignatureField ticketId={ticketId} testId="handover-signature-pad" />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="handover-add">
        {t('warranty.recordHandover')}
      </Button>
    </Form>
  );
}

/** The quote (parts and cost) or the replacement waiting for the customer's answer. */
function ApprovalCard({
  ticketId,
  view,
  onDone,
}: {
  ticketId: number;
  view: WarrantyView;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const quote = view.waitingFor === 'QUOTE';

  const send = async (approved: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = { approved, reason: approved ? '' : reason.trim() };
      await (quote ? warrantyApi.answerQuote(ticketId, answer) : warrantyApi.answerReplacement(ticketId, answer));
      void message.success(t(approved ? 'warranty.approved' : 'warranty.refused'));
      await onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        void message.warning(t('fieldWidgets.portal.gone'));
        await onDone();
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setError(e.fieldErrors.map((fe) => fe.message).join('; '));
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t(quote ? 'warranty.quoteCardTitle' : 'warranty.replacementCardTitle')}
      data-testid="warranty-approval"
    >
      <Typography.Paragraph type="secondary">
        {quote
          ? view.cost.freeOfCharge
            ? t('warranty.quoteIntroFree')
            : t('warranty.quoteIntro', { total: yuan(view.cost.total) })
          : t('warranty.replacementIntro', {
              cause: view.replacement ? t(`warranty.causes.${view.replacement.cause}`) : '',
              model: view.replacement?.model ?? '—',
            })}
      </Typography.Paragraph>
      {quote && (
        <ul style={{ paddingLeft: 20 }} data-testid="warranty-approval-lines">
          {view.lines.map((l) => (
            <li key={l.id} style={{ wordBreak: 'break-word' }}>
              {t(`warranty.kinds.${l.kind}`)} · {l.description} · {yuan(l.amount)}
            </li>
          ))}
        </ul>
      )}
      {refusing && (
        <Input.TextArea
          rows={3}
          maxLength={TEXT_MAX}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('warranty.refuseReason')}
          data-testid="warranty-refuse-reason"
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        {!refusing && (
          <Button type="primary" loading={busy} onClick={() => void send(true)} data-testid="warranty-approve">
            {t('warranty.approve')}
          </Button>
        )}
        {refusing ? (
          <>
            <Button
              danger
              loading={busy}
              disabled={reason.trim() === ''}
              onClick={() => void send(false)}
              data-testid="warranty-refuse-submit"
            >
              {t('warranty.refuseSubmit')}
            </Button>
            <Button onClick={() => setRefusing(false)} disabled={busy}>
              {t('fieldWidgets.portal.cancel')}
            </Button>
          </>
        ) : (
          <Button danger disabled={busy} onClick={() => setRefusing(true)} data-testid="warranty-refuse">
            {t('warranty.refuse')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
