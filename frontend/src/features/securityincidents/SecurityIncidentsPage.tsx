import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Select, Spin, Statistic, Typography } from 'antd';
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { referenceApi, referenceKeys } from '../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { EChart } from '../../shared/EChart';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useIsPhone } from '../../shared/useIsPhone';
import {
  SECURITY_INCIDENT_KINDS,
  SECURITY_INCIDENT_STATUSES,
  SECURITY_STATS_READERS,
  securityIncidentKeys,
  securityIncidentsApi,
  type SecurityIncidentFilter,
  type SecurityIncidentKind,
  type SecurityIncidentStats,
  type SecurityIncidentStatus,
  type SecurityIncidentSummary,
} from './api';
import { codeLabel, IMPACT_STROKES, SecurityImpactTag, SecurityKindTag, SecurityStatusTag } from './parts';

/** The server lists at most this many. */
const MAX_LISTED = 500;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((v) => v === value);

/**
 * The security incidents (安全事件, RP-6): each one recorded against a customer unit, filtered by unit (staff), status
 * and kind; anyone reports a new one. Supervisors, administrators and a customer's user see the counts of the last
 * 12 months by kind, impact and month (the contract's 统计项目: 发生安全事件的次数、类型和影响). A customer's user
 * sees their own unit's incidents only, other staff those they reported.
 */
export function SecurityIncidentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isCustomer, hasRole } = useAuth();
  const phone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const showStats = isCustomer || hasRole(...SECURITY_STATS_READERS);

  const customerParam = Number(params.get('customerId'));
  const filter: SecurityIncidentFilter = {
    customerId: !isCustomer && customerParam > 0 ? customerParam : undefined,
    status: oneOf(SECURITY_INCIDENT_STATUSES, params.get('status')),
    kind: oneOf(SECURITY_INCIDENT_KINDS, params.get('kind')),
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const setFilter = (key: keyof SecurityIncidentFilter, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const customers = useQuery({
    queryKey: referenceKeys.customers,
    queryFn: referenceApi.customers,
    enabled: !isCustomer,
  });
  const incidents = useQuery({
    queryKey: securityIncidentKeys.list(filter),
    queryFn: () => securityIncidentsApi.list(filter),
  });
  const rows = incidents.data ?? [];
  // a desktop row keeps a number and a time on one line; a phone card lets them wrap (no sideways scroll)
  const oneLine = (text: ReactNode) => (phone ? text : <span style={{ whiteSpace: 'nowrap' }}>{text}</span>);
  const wrap = (text: ReactNode) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>;
  const link = (c: SecurityIncidentSummary, text: ReactNode) => (
    <Link to={`/security-incidents/${c.id}`} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );

  return (
    <div data-testid="sec-page">
      <PageHeader
        title={t('securityIncidents.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/security-incidents/new')}
            data-testid="sec-report"
          >
            {t('securityIncidents.report')}
          </Button>
        }
      />
      {isCustomer && (
        <Typography.Paragraph type="secondary" data-testid="sec-customer-intro">
          {t('securityIncidents.customerIntro')}
        </Typography.Paragraph>
      )}
      {showStats && <StatsPanel customerId={filter.customerId} />}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {!isCustomer && (
          <Col xs={24} md={8}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t('securityIncidents.filter.unit')}
              value={filter.customerId}
              onChange={(v?: number) => setFilter('customerId', v)}
              loading={customers.isFetching}
              options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="sec-filter-unit"
            />
          </Col>
        )}
        <Col xs={12} md={isCustomer ? 6 : 4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('securityIncidents.filter.status')}
            value={filter.status}
            onChange={(v?: SecurityIncidentStatus) => setFilter('status', v)}
            options={SECURITY_INCIDENT_STATUSES.map((s) => ({
              value: s,
              label: codeLabel(t, 'securityStatus', s),
            }))}
            data-testid="sec-filter-status"
          />
        </Col>
        <Col xs={12} md={isCustomer ? 6 : 4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('securityIncidents.filter.kind')}
            value={filter.kind}
            onChange={(v?: SecurityIncidentKind) => setFilter('kind', v)}
            options={SECURITY_INCIDENT_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'securityKind', k) }))}
            data-testid="sec-filter-kind"
          />
        </Col>
      </Row>
      {incidents.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(incidents.error, t) })}
        />
      )}
      {rows.length >= MAX_LISTED && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('securityIncidents.tooMany', { max: MAX_LISTED })}
          data-testid="sec-too-many"
        />
      )}
      <ResponsiveTable<SecurityIncidentSummary>
        rowKey="id"
        data-testid="sec-list"
        loading={incidents.isLoading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{
          emptyText: filtered ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('securityIncidents.emptyFiltered')}
              data-testid="sec-empty-filtered"
            />
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <span data-testid="sec-empty">
                  <Typography.Text strong>{t('securityIncidents.empty')}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {t(isCustomer ? 'securityIncidents.emptyHelpCustomer' : 'securityIncidents.emptyHelp')}
                  </Typography.Text>
                </span>
              }
            />
          ),
        }}
        onRow={(c) =>
          ({
            onClick: () => void navigate(`/security-incidents/${c.id}`),
            className: 'clickable-row',
            'data-testid': `sec-row-${c.id}`,
          }) as HTMLAttributes<HTMLElement>
        }
        cardTitle={(c) => link(c, wrap(`${c.number} · ${c.title}`))}
        cardHidden={['number', 'title']}
        columns={[
          {
            title: t('securityIncidents.col.number'),
            dataIndex: 'number',
            render: (_: unknown, c: SecurityIncidentSummary) => link(c, oneLine(c.number)),
          },
          {
            title: t('securityIncidents.col.title'),
            dataIndex: 'title',
            render: (_: unknown, c: SecurityIncidentSummary) => link(c, wrap(c.title)),
          },
          {
            title: t('securityIncidents.col.unit'),
            dataIndex: 'customerName',
            hidden: isCustomer,
            render: (v: string) => wrap(v),
          },
          {
            title: oneLine(t('securityIncidents.col.kind')),
            dataIndex: 'kind',
            render: (_: unknown, c: SecurityIncidentSummary) => <SecurityKindTag kind={c.kind} />,
          },
          {
            title: oneLine(t('securityIncidents.col.impact')),
            dataIndex: 'impact',
            render: (_: unknown, c: SecurityIncidentSummary) => (
              <SecurityImpactTag impact={c.impact} testId={`sec-impact-${c.id}`} />
            ),
          },
          {
            title: oneLine(t('securityIncidents.col.status')),
            dataIndex: 'status',
            render: (_: unknown, c: SecurityIncidentSummary) => (
              <SecurityStatusTag status={c.status} testId={`sec-status-${c.id}`} />
            ),
          },
          {
            title: oneLine(t('securityIncidents.col.occurred')),
            dataIndex: 'occurredAt',
            render: (v: string) => oneLine(formatDateTime(v)),
          },
          {
            title: oneLine(t('securityIncidents.col.handler')),
            dataIndex: 'handler',
            render: (_: unknown, c: SecurityIncidentSummary) =>
              c.handler ? (
                wrap(c.handlerName || c.handler)
              ) : (
                <Typography.Text type="secondary">{t('securityIncidents.noHandler')}</Typography.Text>
              ),
          },
        ]}
      />
    </div>
  );
}

/** The counts of the last 12 months (the server's default): total, still open, by kind, by impact, by month. */
function StatsPanel({ customerId }: { customerId?: number }) {
  const { t } = useTranslation();
  const filter = { customerId };
  const stats = useQuery({
    queryKey: securityIncidentKeys.stats(filter),
    queryFn: () => securityIncidentsApi.stats(filter),
  });
  if (stats.error)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('common.loadFailed', { message: describeError(stats.error, t) })}
      />
    );
  if (!stats.data) return <Spin style={{ display: 'block', marginBottom: 12 }} />;
  return <Figures stats={stats.data} />;
}

function Figures({ stats: s }: { stats: SecurityIncidentStats }) {
  const { t } = useTranslation();
  const monthLabel = (month: string) =>
    t('securityIncidents.stats.month', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });
  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: s.byMonth.map((m) => t('securityIncidents.stats.monthShort', { month: Number(m.month.slice(5, 7)) })),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('securityIncidents.stats.count'), type: 'bar', data: s.byMonth.map((m) => m.count) }],
    }),
    [s.byMonth, t],
  );
  const bar = (key: string, label: ReactNode, count: number, color?: string) => (
    <div key={key} data-testid={key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <span style={{ flex: '0 0 auto', minWidth: 96 }}>{label}</span>
      <Progress
        percent={s.total > 0 ? Math.round((count / s.total) * 100) : 0}
        format={() => count}
        size="small"
        strokeColor={color}
        style={{ flex: 1, margin: 0, minWidth: 0 }}
      />
    </div>
  );

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="sec-stats">
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('securityIncidents.stats.title')}
          extra={
            <Typography.Text type="secondary" data-testid="sec-stats-period">
              {t('securityIncidents.stats.period', { from: monthLabel(s.from), to: monthLabel(s.to) })}
            </Typography.Text>
          }
          style={{ height: '100%' }}
        >
          <Flex wrap gap={24}>
            <div data-testid="sec-stats-total">
              <Statistic title={t('securityIncidents.stats.total')} value={s.total} />
            </div>
            <div data-testid="sec-stats-open">
              <Statistic
                title={t('securityIncidents.stats.open')}
                value={s.open}
                valueStyle={s.open > 0 ? { color: '#cf1322' } : undefined}
              />
            </div>
          </Flex>
          {s.total === 0 ? (
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: 12, marginBottom: 0 }}
              data-testid="sec-stats-none"
            >
              {t('securityIncidents.stats.none')}
            </Typography.Paragraph>
          ) : (
            <>
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('securityIncidents.stats.byKind')}
              </Typography.Text>
              {s.byKind.map((k) => bar(`sec-stats-kind-${k.kind}`, codeLabel(t, 'securityKind', k.kind), k.count))}
              <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                {t('securityIncidents.stats.byImpact')}
              </Typography.Text>
              {s.byImpact.map((i) =>
                bar(
                  `sec-stats-impact-${i.impact}`,
                  codeLabel(t, 'securityImpact', i.impact),
                  i.count,
                  IMPACT_STROKES[i.impact],
                ),
              )}
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('securityIncidents.stats.byMonth')} style={{ height: '100%' }}>
          {s.total === 0 ? (
            <Typography.Text type="secondary">{t('securityIncidents.stats.none')}</Typography.Text>
          ) : (
            <EChart option={chart} height={200} testId="sec-stats-months" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
