import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Drawer, Row, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TicketSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { LevelTag, StatusTag } from '../../shared/tags';
import { EChart } from '../../shared/EChart';
import { KPI_NAMES, kpiApi, kpiKeys, partsOf, percent, type Drill, type Figure, type KpiFilter } from './api';

const MONTH = 'YYYY-MM';

/**
 * The KPI dashboard (issue 16, CB-4 and seed 003): a month's figures for one customer unit (or all, for staff), each
 * with its numerator and denominator and links to the cases behind them, the incidents by category and level, the
 * trend of the last twelve months, and the month as an Excel file. A customer's user sees their own unit only.
 */
export default function KpiDashboardPage() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [customerId, setCustomerId] = useState<number>();
  const [drill, setDrill] = useState<{ drill: Drill; title: string }>();
  const [error, setError] = useState<string>();
  const filter: KpiFilter = { customerId, month: month.format(MONTH) };
  const customers = useQuery({ queryKey: kpiKeys.customers, queryFn: kpiApi.customers, enabled: !isCustomer });
  const dashboard = useQuery({ queryKey: kpiKeys.dashboard(filter), queryFn: () => kpiApi.dashboard(filter) });
  const data = dashboard.data;

  const open = (d: Drill, title: string) => setDrill({ drill: d, title });
  const figureName = (f: Figure) => t(`kpiName.${f.kpi}`);
  const amount = (f: Figure, n: number) =>
    f.unit === 'DEVICE_MINUTES'
      ? t('kpiPage.deviceHours', { hours: (n / 60).toLocaleString(undefined, { maximumFractionDigits: 1 }) })
      : `${n} ${t(`kpiUnit.${f.unit}`)}`;

  const trend = useMemo(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? t('kpi.noData') : `${v}%`) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.trend.map((p) => p.month) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: KPI_NAMES.map((kpi) => ({
        name: t(`kpiName.${kpi}`),
        type: 'line',
        connectNulls: false,
        data: data.trend.map((p) => {
          const rate = p.figures.find((f) => f.kpi === kpi)?.rate;
          return rate == null ? null : Math.round(rate * 1000) / 10;
        }),
      })),
    };
  }, [data, t]);

  const incidents = useMemo(() => {
    if (!data) return null;
    const inc = data.month.incidents;
    const categories = inc.byCategory.map((c) => c.code);
    const levels = inc.byLevel.map((c) => c.code);
    const label = (kind: 'category' | 'level', code: string) =>
      code === 'NONE' ? t('kpi.none') : kind === 'category' ? t(`category.${code}`) : t('level.value', { level: code });
    return {
      codes: { categories, levels },
      option: {
        tooltip: { trigger: 'item' },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          data: [...categories.map((c) => label('category', c)), ...levels.map((l) => label('level', l))],
        },
        series: [
          {
            type: 'bar',
            data: [...inc.byCategory.map((c) => c.count), ...inc.byLevel.map((c) => c.count)],
            label: { show: true, position: 'right' },
          },
        ],
      },
      label,
    };
  }, [data, t]);

  const pickIncident = (index: number) => {
    if (!incidents) return;
    const { categories, levels } = incidents.codes;
    if (index < categories.length) {
      const code = categories[index];
      open({ kind: 'incidents', category: code }, incidents.label('category', code));
    } else {
      const code = levels[index - categories.length];
      open({ kind: 'incidents', level: code }, incidents.label('level', code));
    }
  };

  const exportExcel = () => {
    setError(undefined);
    kpiApi.excel(filter).catch((e) => setError(describeError(e, t)));
  };

  return (
    <div className="kpi-dashboard">
      <PageHeader
        title={t('kpiPage.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportExcel} data-testid="kpi-export">
            {t('kpiPage.export')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {!isCustomer && (
          <Select
            data-testid="kpi-customer"
            aria-label={t('kpiPage.customer')}
            style={{ minWidth: 220, maxWidth: '100%' }}
            value={customerId ?? 0}
            onChange={(v: number) => setCustomerId(v === 0 ? undefined : v)}
            showSearch
            optionFilterProp="label"
            options={[
              { value: 0, label: t('kpi.allCustomers') },
              ...(customers.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        )}
        <DatePicker
          picker="month"
          data-testid="kpi-month"
          aria-label={t('kpiPage.month')}
          allowClear={false}
          value={month}
          format={t('kpiPage.monthFormat')}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => d && setMonth(d)}
        />
      </Space>
      {(error || dashboard.error) && (
        <Alert
          type="error"
          showIcon
          message={error ?? describeError(dashboard.error, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      {!data ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="kpi-scope">
            {t('kpiPage.scope', {
              customer: data.customerName ?? t('kpi.allCustomers'),
              from: formatDateTime(data.month.from),
              to: formatDateTime(data.month.to),
            })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {data.month.figures.map((f) => (
              <Col key={f.kpi} xs={24} sm={12} lg={8} xl={6}>
                <Card size="small" data-testid={`kpi-${f.kpi}`} title={figureName(f)} style={{ height: '100%' }}>
                  <div className="kpi-rate" data-testid={`kpi-rate-${f.kpi}`}>
                    {percent(f.rate) ?? t('kpi.noData')}
                  </div>
                  <Typography.Text type="secondary">
                    {t('kpiPage.fraction', {
                      numerator: amount(f, f.numerator),
                      denominator: amount(f, f.denominator),
                    })}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0' }}>
                    {t(`kpi.definition.${f.kpi}`)}
                  </Typography.Paragraph>
                  <Space wrap size={4}>
                    {partsOf(f.unit).map((part) => (
                      <Button
                        key={part}
                        size="small"
                        data-testid={`kpi-drill-${f.kpi}-${part}`}
                        onClick={() =>
                          open({ kind: 'figure', kpi: f.kpi, part }, `${figureName(f)} · ${t(`kpiPart.${part}`)}`)
                        }
                      >
                        {t(`kpiPage.part.${part}`)}
                      </Button>
                    ))}
                  </Space>
                </Card>
              </Col>
            ))}
            <Col xs={24} sm={12} lg={8} xl={6}>
              <Card size="small" title={t('kpiPage.incidents')} data-testid="kpi-INCIDENTS" style={{ height: '100%' }}>
                <div className="kpi-rate">{data.month.incidents.total}</div>
                <Button
                  size="small"
                  data-testid="kpi-drill-INCIDENTS"
                  onClick={() => open({ kind: 'incidents' }, t('kpiPage.incidents'))}
                >
                  {t('kpiPage.allIncidents')}
                </Button>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={16}>
              <Card size="small" title={t('kpiPage.trend')}>
                {trend && <EChart option={trend} height={300} testId="kpi-trend" />}
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('kpiPage.byCategoryAndLevel')}>
                {incidents && data.month.incidents.total > 0 ? (
                  <EChart option={incidents.option} height={220} testId="kpi-incidents-chart" onPick={pickIncident} />
                ) : (
                  <Typography.Text type="secondary">{t('kpiPage.noIncidents')}</Typography.Text>
                )}
                {incidents && (
                  <Space wrap size={4} style={{ marginTop: 8 }}>
                    {[...incidents.codes.categories, ...incidents.codes.levels].map((code, i) => (
                      <Button key={`${i}-${code}`} size="small" onClick={() => pickIncident(i)}>
                        {i < incidents.codes.categories.length
                          ? incidents.label('category', code)
                          : incidents.label('level', code)}
                        {' · '}
                        {i < incidents.codes.categories.length
                          ? data.month.incidents.byCategory[i].count
                          : data.month.incidents.byLevel[i - incidents.codes.categories.length].count}
                      </Button>
                    ))}
                  </Space>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Drawer
        open={drill != null}
        onClose={() => setDrill(undefined)}
        title={drill?.title}
        width="min(920px, 100vw)"
        destroyOnClose
      >
        {drill && <DrillList filter={filter} drill={drill.drill} />}
      </Drawer>
    </div>
  );
}

/** The cases behind a figure, as the ticket list shows them (number links to the case). */
function DrillList({ filter, drill }: { filter: KpiFilter; drill: Drill }) {
  const { t } = useTranslation();
  const rows = useQuery({ queryKey: kpiKeys.cases(filter, drill), queryFn: () => kpiApi.cases(filter, drill) });
  if (rows.error) return <Alert type="error" showIcon message={describeError(rows.error, t)} />;
  return (
    <ResponsiveTable<TicketSummary>
      rowKey="id"
      data-testid="kpi-drill-list"
      loading={rows.isLoading}
      dataSource={rows.data ?? []}
      pagination={false}
      locale={{ emptyText: t('kpiPage.noCases') }}
      cardTitle={(r) => (
        <Link to={`/tickets/${r.id}`}>
          {r.number} {r.title}
        </Link>
      )}
      cardHidden={['number', 'title']}
      columns={[
        {
          title: t('kpi.column.ticket'),
          dataIndex: 'number',
          render: (n: string, r) => <Link to={`/tickets/${r.id}`}>{n}</Link>,
        },
        { title: t('kpi.column.title'), dataIndex: 'title', ellipsis: true },
        { title: t('kpiPage.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('kpi.column.level'), dataIndex: 'level', render: (l: string | null) => <LevelTag level={l} /> },
        { title: t('kpi.column.site'), dataIndex: 'siteName', ellipsis: true },
        { title: t('kpi.column.received'), dataIndex: 'receivedAt', render: formatDateTime },
        { title: t('kpi.column.closed'), dataIndex: 'closedAt', render: formatDateTime },
      ]}
    />
  );
}
