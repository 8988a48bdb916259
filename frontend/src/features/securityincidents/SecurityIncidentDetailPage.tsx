import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Spin, Timeline, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useIsPhone } from '../../shared/useIsPhone';
import {
  securityIncidentKeys,
  securityIncidentsApi,
  type SecurityIncidentAction,
  type SecurityIncidentView,
} from './api';
import { codeLabel, SecurityImpactTag, SecurityKindTag, SecurityStatusTag } from './parts';
import { SecurityIncidentActionBar } from './SecurityIncidentActions';

const textStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

type FactItem = NonNullable<DescriptionsProps['items']>[number];

const EVENT_COLORS: Record<SecurityIncidentAction, string> = {
  REPORTED: 'red',
  TAKEN: 'blue',
  NOTE: 'gray',
  CUSTOMER_TOLD: 'blue',
  CLOSED: 'green',
};

/** 用户单位自行报告 / when and how the unit was told / not yet. */
function customerTold(c: SecurityIncidentView, t: TFunction): string {
  if (c.reportedByCustomer) return t('securityIncidents.detail.reportedByCustomer');
  if (!c.customerToldAt) return t('securityIncidents.detail.notTold');
  return c.customerToldHow
    ? t('securityIncidents.detail.toldAtHow', { at: formatDateTime(c.customerToldAt), how: c.customerToldHow })
    : formatDateTime(c.customerToldAt);
}

/** 处理记录: who did what and when, newest first, with what they wrote. */
function Events({ incident }: { incident: SecurityIncidentView }) {
  const { t } = useTranslation();
  const events = [...incident.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Card size="small" title={t('securityIncidents.detail.timeline')} data-testid="sec-events">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('securityIncidents.detail.noEvents')} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color: EVENT_COLORS[e.action] ?? 'gray',
            children: (
              <div data-testid={`sec-event-${e.id}`}>
                <Typography.Text strong data-testid={`sec-event-action-${e.id}`}>
                  {codeLabel(t, 'securityAction', e.action)}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('securityIncidents.detail.byAt', { name: e.actorName || e.actor, at: formatDateTime(e.at) })}
                  </Typography.Text>
                </div>
                {e.note && (
                  <div style={textStyle} data-testid={`sec-event-note-${e.id}`}>
                    {e.note}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/**
 * One security incident (RP-6): its facts, what happened, who was involved, the case it happened in, whether and how
 * the unit was told, the measures and conclusion once closed, and the timeline. A supervisor or administrator takes
 * it, writes notes, records that the unit was told and closes it (the view's canTake / canHandle); the rest read.
 */
export function SecurityIncidentDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const phone = useIsPhone();
  const query = useQuery({
    queryKey: securityIncidentKeys.detail(id),
    queryFn: () => securityIncidentsApi.get(id),
  });

  if (query.isLoading) return <Spin />;
  if (query.error || !query.data)
    return (
      <div>
        <Link to="/security-incidents">{t('securityIncidents.detail.back')}</Link>
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={describeError(query.error, t)} />
      </div>
    );
  const c = query.data;
  const fact = (key: string, label: string, value: ReactNode, wide = false): FactItem => ({
    key,
    label,
    // a wide one takes the rest of its line (a whole line after an even number of facts)
    span: wide ? 'filled' : 1,
    children: (
      <span style={textStyle} data-testid={`sec-fact-${key}`}>
        {value}
      </span>
    ),
  });
  const facts: FactItem[] = [
    fact('customer', t('securityIncidents.field.customer'), c.customerName),
    fact('kind', t('securityIncidents.field.kind'), codeLabel(t, 'securityKind', c.kind)),
    fact('impact', t('securityIncidents.field.impact'), codeLabel(t, 'securityImpact', c.impact)),
    fact('status', t('securityIncidents.field.status'), codeLabel(t, 'securityStatus', c.status)),
    fact('occurred', t('securityIncidents.field.occurredAt'), formatDateTime(c.occurredAt)),
    fact(
      'reported',
      t('securityIncidents.field.reported'),
      t('securityIncidents.detail.byAt', { name: c.reportedByName || c.reportedBy, at: formatDateTime(c.reportedAt) }),
    ),
    fact(
      'handler',
      t('securityIncidents.field.handler'),
      c.handler ? c.handlerName || c.handler : t('securityIncidents.noHandler'),
    ),
    fact(
      'ticket',
      t('securityIncidents.field.ticket'),
      c.ticketId ? (
        <Link to={`/tickets/${c.ticketId}`} data-testid="sec-ticket-link">
          {c.ticketNumber || t('securityIncidents.detail.ticketLink')}
        </Link>
      ) : (
        t('common.empty')
      ),
    ),
    ...(c.closedAt ? [fact('closed', t('securityIncidents.field.closedAt'), formatDateTime(c.closedAt))] : []),
    fact('told', t('securityIncidents.field.customerTold'), customerTold(c, t), true),
    fact('involved', t('securityIncidents.field.involved'), c.involved || t('common.empty'), true),
  ];
  const closed = c.status === 'CLOSED';

  return (
    <div data-testid="sec-detail">
      <Link to="/security-incidents">{t('securityIncidents.detail.back')}</Link>
      <PageHeader title={<span style={{ overflowWrap: 'anywhere' }}>{c.title}</span>} />
      <Space wrap size={[8, 8]} style={{ marginTop: -8, marginBottom: 16 }}>
        <Typography.Text type="secondary" data-testid="sec-number">
          {c.number}
        </Typography.Text>
        <SecurityKindTag kind={c.kind} />
        <SecurityImpactTag impact={c.impact} testId="sec-impact" />
        <SecurityStatusTag status={c.status} testId="sec-status" />
      </Space>

      <SecurityIncidentActionBar incident={c} />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={phone ? 1 : 2}
          layout={phone ? 'vertical' : 'horizontal'}
          data-testid="sec-facts"
          items={facts}
        />
      </Card>

      <Card size="small" title={t('securityIncidents.field.description')} style={{ marginBottom: 16 }}>
        <div style={textStyle} data-testid="sec-description">
          {c.description}
        </div>
      </Card>

      {(closed || c.measures || c.conclusion) && (
        <Card
          size="small"
          title={t('securityIncidents.detail.outcome')}
          style={{ marginBottom: 16 }}
          data-testid="sec-outcome"
        >
          <Typography.Text strong>{t('securityIncidents.field.measures')}</Typography.Text>
          <div style={{ ...textStyle, marginBottom: 12 }} data-testid="sec-measures">
            {c.measures || t('common.empty')}
          </div>
          <Typography.Text strong>{t('securityIncidents.field.conclusion')}</Typography.Text>
          <div style={textStyle} data-testid="sec-conclusion">
            {c.conclusion || t('common.empty')}
          </div>
        </Card>
      )}

      <Events incident={c} />
    </div>
  );
}
