import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { formatDateTime } from '../../shared/format';
import { describeError } from '../../shared/errors';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import {
  HAZARDS,
  inspectionKeys,
  inspectionsApi,
  type Hazard,
  type InspectionSummary,
  type SiteHazardMark,
} from './api';
import { PlansTab } from './PlansTab';
import { WeatherWarnings } from './WeatherWarnings';

/** The inspection's kind as one phrase: "恶劣天气巡查（雷雨）" for a weather inspection. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (s: Pick<InspectionSummary, 'kind' | 'hazard'>) =>
    t(`inspection.kind.${s.kind}`) + (s.hazard ? `（${t(`inspection.hazard.${s.hazard}`)}）` : '');
}

export function StatusTag({ s }: { s: InspectionSummary }) {
  const { t } = useTranslation();
  const color = s.status === 'DONE' ? 'green' : s.overdue ? 'red' : s.status === 'AWAITING_TIME' ? 'gold' : 'blue';
  return (
    <Space size={4} wrap>
      <Tag color={color}>{t(`inspection.status.${s.status}`)}</Tag>
      {s.overdue && <Tag color="red">{t('inspections.overdue')}</Tag>}
    </Space>
  );
}

function InspectionList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kindLabel = useKindLabel();
  const [overdue, setOverdue] = useState(window.location.hash.includes('overdue=true'));
  const list = useQuery({ queryKey: inspectionKeys.list(overdue), queryFn: () => inspectionsApi.list(overdue) });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={overdue} onChange={setOverdue} data-testid="inspections-overdue" />
        <span>{t('inspections.overdueOnly')}</span>
      </Space>
      <ResponsiveTable<InspectionSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('inspections.none') }}
        onRow={(r) => ({ onClick: () => void navigate(`/inspections/${r.id}`), style: { cursor: 'pointer' } })}
        cardTitle={(r) => <Link to={`/inspections/${r.id}`}>{`${kindLabel(r)} · ${r.customerName}`}</Link>}
        cardHidden={['kind', 'customerName']}
        columns={[
          {
            title: t('inspections.kind'),
            dataIndex: 'kind',
            render: (_: unknown, r: InspectionSummary) => <Link to={`/inspections/${r.id}`}>{kindLabel(r)}</Link>,
          },
          { title: t('inspections.customer'), dataIndex: 'customerName' },
          {
            title: t('inspections.site'),
            dataIndex: 'siteName',
            render: (v: string | null) => v ?? t('inspections.allSites'),
          },
          { title: t('inspections.lastDay'), dataIndex: 'lastDay' },
          {
            title: t('inspections.agreedAt'),
            dataIndex: 'agreedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : t('inspections.notAgreed')),
          },
          {
            title: t('inspections.progress'),
            dataIndex: 'checked',
            render: (_: unknown, r: InspectionSummary) =>
              t('inspections.progressText', { checked: r.checked, items: r.items, failed: r.failed }),
          },
          {
            title: t('inspections.status'),
            dataIndex: 'status',
            render: (_: unknown, r: InspectionSummary) => <StatusTag s={r} />,
          },
        ]}
      />
    </>
  );
}

function WeatherCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [hazard, setHazard] = useState<Hazard>('LIGHTNING');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const start = useMutation({
    mutationFn: () => inspectionsApi.weather(hazard),
    onSuccess: (made) => {
      setMessage({ ok: true, text: t('inspections.weather.started', { count: made.length }) });
      void queryClient.invalidateQueries({ queryKey: ['inspections'] });
    },
    onError: (e) => setMessage({ ok: false, text: describeError(e, t) }),
  });
  return (
    <Card size="small" title={t('inspections.weather.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('inspections.weather.help')}</Typography.Paragraph>
      <Space wrap>
        <Select
          value={hazard}
          onChange={setHazard}
          style={{ minWidth: 120 }}
          data-testid="weather-hazard"
          options={HAZARDS.map((h) => ({ value: h, label: t(`inspection.hazard.${h}`) }))}
        />
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="weather-start">
          {t('inspections.weather.start')}
        </Button>
      </Space>
      {message && (
        <Alert style={{ marginTop: 12 }} showIcon type={message.ok ? 'success' : 'error'} message={message.text} />
      )}
      <WeatherWarnings />
    </Card>
  );
}

function HazardsTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const marks = useQuery({ queryKey: inspectionKeys.hazards, queryFn: inspectionsApi.hazards });
  const [error, setError] = useState<string>();
  const mark = useMutation({
    mutationFn: (m: SiteHazardMark) => inspectionsApi.markHazards(m.siteId, m.lightning, m.wind),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inspectionKeys.hazards }),
    onError: (e) => setError(describeError(e, t)),
  });
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<SiteHazardMark>
        rowKey="siteId"
        loading={marks.isLoading}
        dataSource={marks.data ?? []}
        pagination={false}
        cardTitle={(m) => m.siteName}
        cardHidden={['siteName']}
        columns={[
          { title: t('inspections.site'), dataIndex: 'siteName' },
          { title: t('inspections.customer'), dataIndex: 'customerName' },
          {
            title: t('inspections.hazardLightning'),
            dataIndex: 'lightning',
            render: (_: unknown, m: SiteHazardMark) => (
              <Checkbox checked={m.lightning} onChange={(e) => mark.mutate({ ...m, lightning: e.target.checked })}>
                {t('inspections.hazardLightning')}
              </Checkbox>
            ),
          },
          {
            title: t('inspections.hazardWind'),
            dataIndex: 'wind',
            render: (_: unknown, m: SiteHazardMark) => (
              <Checkbox checked={m.wind} onChange={(e) => mark.mutate({ ...m, wind: e.target.checked })}>
                {t('inspections.hazardWind')}
              </Checkbox>
            ),
          },
        ]}
      />
    </>
  );
}

/** PM-5: corrections found on site waiting for the asset keeper (process owner, administrator), each to its inspection. */
function AssetCorrectionsCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: inspectionKeys.corrections, queryFn: inspectionsApi.assetCorrections });
  const pending = query.data ?? [];
  if (pending.length === 0) return null;
  const dash = (v?: string | null) => v || '-';
  return (
    <Card
      size="small"
      title={t('inspections.corrections.title', { count: pending.length })}
      style={{ marginBottom: 16 }}
      data-testid="asset-corrections"
    >
      {pending.map((c) => (
        <div key={`${c.inspectionId}-${c.deviceId}`} style={{ marginBottom: 8 }}>
          <Link to={`/inspections/${c.inspectionId}`}>
            {c.customerName} · {c.deviceName}
          </Link>
          <div>
            <Typography.Text type="secondary">
              {t('inspections.detail.corrected', {
                model: dash(c.foundModel),
                serial: dash(c.foundSerialNumber),
                location: dash(c.foundLocation),
                ip: dash(c.foundIpAddress),
              })}
              {c.foundOutOfService ? t('inspections.detail.foundOutOfService') : ''}
            </Typography.Text>
          </div>
        </div>
      ))}
    </Card>
  );
}

/** Preventive inspections (PM-1..PM-5): the inspections, the plans that open them, and the weather-prone sites. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { isCustomer, hasRole } = useAuth();
  const desk = hasRole('SERVICE_DESK', 'SUPERVISOR');
  const keeper = hasRole('PROCESS_OWNER', 'ADMIN');
  const planner = hasRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN', 'SERVICE_DESK');
  if (isCustomer || !planner) {
    return (
      <div>
        <PageHeader title={t('inspections.title')} />
        <InspectionList />
      </div>
    );
  }
  return (
    <div>
      <PageHeader title={t('inspections.title')} />
      <Tabs
        items={[
          {
            key: 'list',
            label: t('inspections.tabs.list'),
            children: (
              <>
                {keeper && <AssetCorrectionsCard />}
                {desk && <WeatherCard />}
                <InspectionList />
              </>
            ),
          },
          { key: 'plans', label: t('inspections.tabs.plans'), children: <PlansTab /> },
          { key: 'hazards', label: t('inspections.tabs.hazards'), children: <HazardsTab /> },
        ]}
      />
    </div>
  );
}
