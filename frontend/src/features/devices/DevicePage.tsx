import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime, SERVICE_ZONE } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { StatusTag } from '../../shared/tags';
import { useIsPhone } from '../../shared/useIsPhone';
import { ChangeOutcomeTag, ChangeStatusTag, formatWindow } from '../changes';
import { DeviceConfigBackups } from '../configbackup';
import { DeviceImpact } from '../configitems';
import {
  DEVICE_RECORD_CASES,
  deviceKeys,
  devicesApi,
  type DeviceRecord,
  type DeviceRecordCase,
  type DeviceRecordChange,
  type DeviceRecordDevice,
} from './api';

const wrap = { overflowWrap: 'anywhere' } as const;
const section = { marginBottom: 16 } as const;

type Fact = NonNullable<DescriptionsProps['items']>[number];

/** Today in the service's zone, 'YYYY-MM-DD' (the dates of a device are calendar days there). */
const today = () => dayjs().tz(SERVICE_ZONE).format('YYYY-MM-DD');

/** 保修期内 until the warranty's last day (inclusive), 已过保 after it. */
function WarrantyHint({ end }: { end: string }) {
  const { t } = useTranslation();
  const expired = today() > end;
  return (
    <Tag color={expired ? 'red' : 'green'} data-testid="device-warranty-state" data-expired={expired}>
      {t(expired ? 'devices.info.outOfWarranty' : 'devices.info.inWarranty')}
    </Tag>
  );
}

/** 设备信息: the device's facts; a missing one reads 「—」, the IP address only where the server sent it (staff). */
function DeviceFacts({ device, staff }: { device: DeviceRecordDevice; staff: boolean }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const blank = t('common.empty');
  const fact = (key: string, value: ReactNode): Fact => ({
    key,
    label: t(`devices.info.${key}`),
    children: (
      <span style={wrap} data-testid={`device-fact-${key}`}>
        {value ?? blank}
      </span>
    ),
  });
  const facts: Fact[] = [
    fact('customer', device.customerName),
    fact('site', device.siteName),
    fact('model', device.model || null),
    fact('serialNumber', device.serialNumber || null),
    ...(staff ? [fact('ipAddress', device.ipAddress || null)] : []),
    fact('softwareVersion', device.softwareVersion || null),
    fact('location', device.location || null),
    fact('purchasedOn', device.purchasedOn || null),
    fact('commissionedOn', device.commissionedOn || null),
    fact(
      'warrantyEnd',
      device.warrantyEnd ? (
        <Space size={4} wrap>
          <span>{device.warrantyEnd}</span>
          <WarrantyHint end={device.warrantyEnd} />
        </Space>
      ) : null,
    ),
    ...(device.retired ? [fact('retiredOn', device.retiredOn || null)] : []),
  ];
  return (
    <Card size="small" title={t('devices.info.title')} style={section}>
      <Descriptions
        size="small"
        column={phone ? 1 : 2}
        layout={phone ? 'vertical' : 'horizontal'}
        data-testid="device-facts"
        items={facts}
      />
    </Card>
  );
}

/** 维修记录: the cases reported on the device, newest first (as the server sends them), each linking to its page. */
function DeviceCases({ record }: { record: DeviceRecord }) {
  const { t } = useTranslation();
  const { cases, casesTotal, openCases } = record;
  return (
    <Card size="small" title={t('devices.cases.title')} style={section} data-testid="device-cases">
      {casesTotal === 0 && cases.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('devices.cases.empty')}
          data-testid="device-cases-empty"
        />
      ) : (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="device-cases-summary">
            {t('devices.cases.summary', { total: casesTotal, open: openCases })}
            {casesTotal > cases.length && (
              <Typography.Text type="secondary" data-testid="device-cases-recent">
                {' · '}
                {t('devices.cases.recentOnly', { max: DEVICE_RECORD_CASES })}
              </Typography.Text>
            )}
          </Typography.Paragraph>
          <ResponsiveTable<DeviceRecordCase>
            size="small"
            rowKey="id"
            dataSource={cases}
            pagination={false}
            data-testid="device-cases-table"
            onRow={(c) => ({ 'data-testid': `device-case-${c.id}` }) as object}
            cardTitle={(c) => (
              <span style={wrap}>
                <Link to={`/tickets/${c.id}`}>{c.number}</Link> {c.title}
              </span>
            )}
            cardHidden={['number', 'title']}
            columns={[
              {
                title: t('devices.cases.number'),
                dataIndex: 'number',
                render: (_: unknown, c: DeviceRecordCase) => <Link to={`/tickets/${c.id}`}>{c.number}</Link>,
              },
              {
                title: t('devices.cases.caseTitle'),
                dataIndex: 'title',
                render: (v: string) => <span style={wrap}>{v}</span>,
              },
              {
                title: t('devices.cases.requestType'),
                dataIndex: 'requestType',
                render: (r: string) => t(`requestType.${r}`, { defaultValue: t('common.empty') }),
              },
              {
                title: t('devices.cases.category'),
                dataIndex: 'category',
                render: (c: string | null | undefined) =>
                  c ? t(`category.${c}`, { defaultValue: t('common.empty') }) : t('common.empty'),
              },
              {
                title: t('devices.cases.status'),
                dataIndex: 'status',
                render: (s: string) => <StatusTag status={s} />,
              },
              {
                title: t('devices.cases.receivedAt'),
                dataIndex: 'receivedAt',
                render: (v: string) => formatDateTime(v),
              },
              {
                title: t('devices.cases.closedAt'),
                dataIndex: 'closedAt',
                render: (v: string | null | undefined) => formatDateTime(v),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 变更记录 (staff): the change requests naming the device, latest window first. */
function DeviceChanges({ changes }: { changes: DeviceRecordChange[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('devices.changes.title')} style={section} data-testid="device-changes">
      {changes.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('devices.changes.empty')}
          data-testid="device-changes-empty"
        />
      ) : (
        <ResponsiveTable<DeviceRecordChange>
          size="small"
          rowKey="id"
          dataSource={changes}
          pagination={false}
          onRow={(c) => ({ 'data-testid': `device-change-${c.id}` }) as object}
          cardTitle={(c) => (
            <span style={wrap}>
              <Link to={`/changes/${c.id}`}>{c.number}</Link> {c.title}
            </span>
          )}
          cardHidden={['number', 'title']}
          columns={[
            {
              title: t('devices.changes.number'),
              dataIndex: 'number',
              render: (_: unknown, c: DeviceRecordChange) => <Link to={`/changes/${c.id}`}>{c.number}</Link>,
            },
            {
              title: t('devices.changes.changeTitle'),
              dataIndex: 'title',
              render: (v: string) => <span style={wrap}>{v}</span>,
            },
            {
              title: t('devices.changes.window'),
              dataIndex: 'plannedStart',
              render: (_: unknown, c: DeviceRecordChange) => formatWindow(c.plannedStart, c.plannedEnd, t),
            },
            {
              title: t('devices.changes.status'),
              dataIndex: 'status',
              render: (_: unknown, c: DeviceRecordChange) => <ChangeStatusTag status={c.status} />,
            },
            {
              title: t('devices.changes.outcome'),
              dataIndex: 'outcome',
              render: (_: unknown, c: DeviceRecordChange) =>
                c.outcome ? <ChangeOutcomeTag outcome={c.outcome} /> : t('common.empty'),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** ← 返回: to the page the reader came from, or their start page when the device page was opened directly. */
function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const fresh = location.key === 'default';
  return (
    <Link
      to="/"
      data-testid="device-back"
      onClick={(e) => {
        if (fresh) return;
        e.preventDefault();
        void navigate(-1);
      }}
    >
      {t('devices.back')}
    </Link>
  );
}

/**
 * 设备档案 (`/devices/:id`, RP-3 / RP-2): one device's facts, the cases reported on it, the changes naming it (staff),
 * the configuration items resting on it and its configuration backups (staff). A customer's user opens their own
 * unit's devices; the server answers 404 for anything else, and the page says it found nothing.
 */
export function DevicePage() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: deviceKeys.record(id),
    queryFn: () => devicesApi.record(id),
    enabled: Number.isFinite(id),
    retry: false,
  });

  if (query.isLoading) return <Spin size="large" style={{ display: 'block', marginTop: 80 }} />;
  if (query.error || !query.data) {
    const notFound = !Number.isFinite(id) || (query.error instanceof ApiError && query.error.status === 404);
    return (
      <div>
        <BackLink />
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="device-load-error"
          message={
            notFound ? t('devices.notFound') : t('common.loadFailed', { message: describeError(query.error, t) })
          }
        />
      </div>
    );
  }
  const record = query.data;
  const device = record.device;
  const staff = !isCustomer;

  return (
    <div data-testid="device-page" style={{ minWidth: 0 }}>
      <BackLink />
      <PageHeader title={<span style={wrap}>{device.name}</span>} />
      <Space wrap size={[8, 8]} style={{ marginTop: -8, marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('devices.title')}</Typography.Text>
        <Tag data-testid="device-type">{t(`admin.deviceType.${device.type}`, { defaultValue: t('common.empty') })}</Tag>
        {device.retired && (
          <Tag color="default" data-testid="device-retired">
            {t('devices.retired')}
          </Tag>
        )}
      </Space>

      <DeviceFacts device={device} staff={staff} />
      <DeviceCases record={record} />
      {staff && record.changes && <DeviceChanges changes={record.changes} />}
      <DeviceImpact deviceId={device.id} style={section} />
      {staff && (
        <Card size="small" title={t('devices.backups.title')} style={section} data-testid="device-backups">
          <DeviceConfigBackups deviceId={device.id} />
        </Card>
      )}
    </div>
  );
}

export default DevicePage;
