import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { CALLBACK_OUTCOMES, SATISFACTION_SCORES, type CallbackAnswer, type CustomerCaseFile } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag, StatusTag } from '../../shared/tags';
import { CustomerStepCard } from '../fieldwidgets';
import { ConversationPanel } from '../conversation';
import { ClocksPanel, slaApi, slaKeys, stamped } from '../sla';
import { ServiceFormLink } from '../serviceform';
import { CustomerRepairPanel } from '../repair';
import { WarrantyPanel } from '../warranty';
import { LinkedCases } from '../caselink';
import { ticketKeys, ticketsApi } from './api';
import { pollWhileVerifying, TicketNotLoaded } from './ticketPageParts';
import { requestLabel } from './requestLabel';

/** The callback task's feedback field takes at most this many characters (customer-callback.bpmn). */
const FEEDBACK_MAX = 2000;

const OUTCOME_TEST_IDS: Record<CallbackAnswer['callbackOutcome'], string> = {
  CONFIRMED: 'callback-confirmed',
  NOT_FIXED: 'callback-not-fixed',
};

const ANSWER_FIELDS = new Set(['callbackOutcome', 'satisfaction', 'customerFeedback']);

/**
 * A ticket as its customer sees it: what they reported, where it stands, the SLA clocks and, once
 * the repair is done, the callback to confirm it. Calls only routes a customer's user may call
 * (GET /tickets/{id}, GET /tickets/{id}/clocks, POST /tickets/{id}/callback-answer).
 */
export function CustomerTicketView({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: ticket, error } = useQuery({
    queryKey: ticketKeys.customerCase(id),
    queryFn: () => ticketsApi.customerCase(id),
    refetchInterval: pollWhileVerifying,
  });
  const clocks = useQuery({ queryKey: slaKeys.clocks(id), queryFn: () => stamped(slaApi.clocks(id)) });

  /** The case file and its clocks, both under the ticket's key. */
  const reloadAll = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ticketKeys.one(id) });
  }, [queryClient, id]);

  if (!ticket) return <TicketNotLoaded error={error} />;
  // repair, warranty and parts and the service form are steps of a fault only (ADR 0041)
  const isFault = (ticket.requestType ?? 'FAULT') === 'FAULT';

  return (
    <div data-testid="customer-ticket-view" data-ticket-id={ticket.id} data-ticket-number={ticket.number}>
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <span data-testid="ticket-number">{ticket.number}</span> ·{' '}
          <span data-testid="ticket-title">{ticket.title}</span>
        </Typography.Title>
        <StatusTag status={ticket.status} testId="ticket-status" />
        <LevelTag level={ticket.level} testId="ticket-level" />
        <Button icon={<ReloadOutlined />} onClick={() => void reloadAll()} data-testid="ticket-refresh">
          {t('common.refresh')}
        </Button>
        {isFault && <ServiceFormLink ticketId={ticket.id} />}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {ticket.customerStep && (
              <CustomerStepCard ticketId={ticket.id} step={ticket.customerStep} onDone={reloadAll} />
            )}
            {ticket.callbackOpen ? (
              <CallbackForm ticketId={ticket.id} onAnswered={reloadAll} />
            ) : (
              ticket.callbackOutcome && <CallbackAnswered ticket={ticket} />
            )}
            {isFault && <CustomerRepairPanel ticketId={ticket.id} />}
            {isFault && <WarrantyPanel ticketId={ticket.id} staff={false} onChanged={reloadAll} />}
            <CustomerFacts ticket={ticket} />
            <ConversationPanel ticketId={ticket.id} staff={false} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Progress ticket={ticket} />
            <ClocksPanel data={clocks.data} error={clocks.error ?? undefined} loading={clocks.isFetching} />
            <LinkedCases ticketId={ticket.id} onChanged={reloadAll} readOnly />
          </Space>
        </Col>
      </Row>
    </div>
  );
}

/** Resolved: the engineers' fix is in (awaiting the callback, closed, or resolved earlier). */
function isResolved(ticket: CustomerCaseFile): boolean {
  return !!ticket.resolvedAt || ticket.status === 'AWAITING_CALLBACK' || ticket.status === 'CLOSED';
}

function CustomerFacts({ ticket }: { ticket: CustomerCaseFile }) {
  const { t } = useTranslation();
  const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? t('common.empty') : v);
  const requester = [ticket.requesterName, ticket.requesterUnit, ticket.requesterPhone].filter(Boolean).join(' · ');
  const items = [
    {
      key: 'site',
      label: t('ticket.site'),
      children: <span data-testid="ticket-site">{ticket.siteName}</span>,
    },
    {
      key: 'device',
      label: t('ticket.device'),
      children: (
        <span data-testid="ticket-device">
          {ticket.deviceId != null && ticket.deviceName ? (
            <Link to={`/devices/${ticket.deviceId}`} data-testid="ticket-device-link">
              {ticket.deviceName}
            </Link>
          ) : (
            text(ticket.deviceName)
          )}
        </span>
      ),
    },
    {
      key: 'requestType',
      label: t('ticket.requestType'),
      children: (
        <span data-testid="ticket-requestType">
          {requestLabel(t, ticket.requestType ?? 'FAULT', ticket.serviceItem)}
        </span>
      ),
    },
    // category, impact and urgency level a fault; the other request types have none
    ...((ticket.requestType ?? 'FAULT') === 'FAULT'
      ? [
          {
            key: 'category',
            label: t('ticket.category'),
            children: t(`category.${ticket.category}`, { defaultValue: ticket.category }),
          },
          {
            key: 'impactUrgency',
            label: t('ticket.impactUrgency'),
            children: `${t(`impact.${ticket.impact}`, { defaultValue: ticket.impact })} / ${t(`urgency.${ticket.urgency}`, { defaultValue: ticket.urgency })}`,
          },
        ]
      : []),
    { key: 'requester', label: t('ticket.requester'), children: text(requester), span: 2 },
    {
      key: 'description',
      label: t('ticket.description'),
      children: <span data-testid="ticket-description">{text(ticket.description)}</span>,
      span: 2,
    },
    ...(isResolved(ticket) && ticket.solution
      ? [
          {
            key: 'solution',
            label: t('ticket.solution'),
            children: <span data-testid="ticket-solution">{ticket.solution}</span>,
            span: 2,
          },
        ]
      : []),
  ];
  return (
    <Card title={t('customer.details')}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} data-testid="ticket-facts" />
    </Card>
  );
}

function Progress({ ticket }: { ticket: CustomerCaseFile }) {
  const { t } = useTranslation();
  const at = (value: string | null, testId: string) => <span data-testid={testId}>{formatDateTime(value)}</span>;
  return (
    <Card title={t('customer.progress')} data-testid="ticket-progress">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'createdAt', label: t('customer.reportedAt'), children: at(ticket.createdAt, 'ticket-reported-at') },
          {
            key: 'respondedAt',
            label: t('detail.respondedAt'),
            children: at(ticket.respondedAt, 'ticket-responded-at'),
          },
          { key: 'resolvedAt', label: t('detail.resolvedAt'), children: at(ticket.resolvedAt, 'ticket-resolved-at') },
          { key: 'closedAt', label: t('detail.closedAt'), children: at(ticket.closedAt, 'ticket-closed-at') },
        ]}
      />
    </Card>
  );
}

interface AnswerValues {
  callbackOutcome?: CallbackAnswer['callbackOutcome'];
  satisfaction?: CallbackAnswer['satisfaction'];
  customerFeedback?: string;
}

/** "Confirm the repair": the customer answers the callback themselves. */
function CallbackForm({ ticketId, onAnswered }: { ticketId: number; onAnswered: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: AnswerValues) => {
    setBusy(true);
    setError(null);
    try {
      await ticketsApi.answerCallback(ticketId, {
        callbackOutcome: values.callbackOutcome!,
        satisfaction: values.satisfaction!,
        customerFeedback: values.customerFeedback?.trim() ?? '',
      });
      message.success(t('customer.thanks'));
      await onAnswered();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Answered meanwhile (e.g. the desk called): show the ticket as it is now.
        message.warning(t('customer.callbackGone'));
        await onAnswered();
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const onForm = e.fieldErrors.filter((fe) => ANSWER_FIELDS.has(fe.field));
        form.setFields(onForm.map((fe) => ({ name: fe.field as keyof AnswerValues, errors: [fe.message] })));
        const elsewhere = e.fieldErrors.filter((fe) => !ANSWER_FIELDS.has(fe.field));
        setError(
          elsewhere.length > 0
            ? elsewhere.map((fe) => `${fe.field}: ${fe.message}`).join('; ')
            : t('validation.serverRejected'),
        );
      } else {
        setError(describeError(e, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('customer.callbackTitle')} data-testid="callback-form">
      <Typography.Paragraph>{t('customer.callbackIntro')}</Typography.Paragraph>
      <Form<AnswerValues>
        form={form}
        name="callback-answer"
        layout="vertical"
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="callbackOutcome"
          label={t('customer.callbackOutcome')}
          rules={[{ required: true, message: t('validation.choose', { field: t('customer.callbackOutcome') }) }]}
        >
          <Radio.Group>
            <Space direction="vertical">
              {CALLBACK_OUTCOMES.map((o) => (
                <Radio key={o} value={o} data-testid={OUTCOME_TEST_IDS[o]}>
                  {t(o === 'CONFIRMED' ? 'customer.confirmed' : 'customer.notFixed')}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="satisfaction"
          label={t('customer.satisfaction')}
          rules={[{ required: true, message: t('validation.choose', { field: t('customer.satisfaction') }) }]}
        >
          <Radio.Group data-testid="callback-satisfaction">
            {SATISFACTION_SCORES.map((s) => (
              <Radio.Button key={s} value={s} data-testid={`callback-satisfaction-${s}`}>
                {t(`option.satisfaction.${s}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="customerFeedback"
          label={t('customer.feedback')}
          rules={[
            {
              max: FEEDBACK_MAX,
              message: t('validation.maxLength', { field: t('customer.feedback'), max: FEEDBACK_MAX }),
            },
          ]}
        >
          <Input.TextArea
            data-testid="callback-feedback"
            rows={3}
            showCount
            maxLength={FEEDBACK_MAX}
            placeholder={t('customer.feedbackPlaceholder')}
          />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="callback-error" />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="callback-submit">
          {t('customer.submitAnswer')}
        </Button>
      </Form>
    </Card>
  );
}

/** The answer given to the callback (by the customer here, or to the desk on the phone). */
function CallbackAnswered({ ticket }: { ticket: CustomerCaseFile }) {
  const { t } = useTranslation();
  const outcome = ticket.callbackOutcome!;
  const reopened = outcome === 'NOT_FIXED' && ticket.status !== 'CLOSED';
  const satisfaction =
    ticket.satisfaction != null && ticket.satisfaction !== ''
      ? t(`option.satisfaction.${ticket.satisfaction}`, { defaultValue: String(ticket.satisfaction) })
      : null;
  return (
    <Card title={t('customer.answerTitle')} data-testid="callback-answered" data-outcome={outcome}>
      {reopened && <Alert type="info" showIcon message={t('customer.reopened')} style={{ marginBottom: 12 }} />}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'outcome',
            label: t('customer.answer'),
            children: t(`customer.outcome.${outcome}`, { defaultValue: outcome }),
          },
          ...(satisfaction ? [{ key: 'satisfaction', label: t('customer.satisfaction'), children: satisfaction }] : []),
          ...(ticket.customerFeedback
            ? [{ key: 'feedback', label: t('customer.feedback'), children: ticket.customerFeedback }]
            : []),
        ]}
      />
    </Card>
  );
}
