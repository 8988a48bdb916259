import { Alert, Card, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

const STATUS_COLORS: Record<string, string> = {
  PENDING: 'blue',
  RETRYING: 'orange',
  SENT: 'green',
  FAILED: 'red',
  SKIPPED: 'default',
};

/** "Notifications sent" for a ticket (GET /api/tickets/{id}/deliveries). */
export function DeliveriesPanel({
  deliveries,
  error,
  loading,
}: {
  deliveries: Delivery[] | undefined;
  error: Error | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Delivery> = [
    {
      title: t('deliveries.channel'),
      dataIndex: 'channel',
      width: 110,
      render: (c: string) => t(`deliveryChannel.${c}`, { defaultValue: c }),
    },
    { title: t('deliveries.target'), dataIndex: 'target', ellipsis: true },
    {
      title: t('deliveries.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string) => (
        <Tag color={STATUS_COLORS[s] ?? 'default'} data-status={s}>
          {t(`deliveryStatus.${s}`, { defaultValue: s })}
        </Tag>
      ),
    },
    { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    { title: t('deliveries.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('deliveries.sentAt'),
      key: 'when',
      width: 170,
      render: (_, d) =>
        d.sentAt ? (
          formatDateTime(d.sentAt)
        ) : d.nextAttemptAt ? (
          <Typography.Text type="secondary">
            {t('deliveries.nextAttemptAt')}: {formatDateTime(d.nextAttemptAt)}
          </Typography.Text>
        ) : (
          t('common.empty')
        ),
    },
    {
      title: t('deliveries.lastError'),
      dataIndex: 'lastError',
      ellipsis: { showTitle: true },
      render: (e: string | null | undefined) =>
        e ? <Typography.Text type="danger">{e}</Typography.Text> : t('common.empty'),
    },
  ];
  return (
    <Card title={t('deliveries.title')} data-testid="ticket-deliveries">
      {error ? (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(error, t) })} />
      ) : (
        <ResponsiveTable<Delivery>
          size="small"
          rowKey="id"
          loading={loading && !deliveries}
          columns={columns}
          dataSource={deliveries ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('deliveries.empty') }}
          onRow={(d) => ({ 'data-testid': 'delivery-row', 'data-status': d.status }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}
