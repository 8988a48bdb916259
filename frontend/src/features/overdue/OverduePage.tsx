import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Notification, TicketSummary } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime, formatDuration } from '../../shared/format';
import { LevelTag, StatusTag } from '../../shared/tags';
import { PageHeader } from '../../shared/PageHeader';
import { useLoad } from '../../shared/useLoad';
import { ticketsApi } from '../tickets/api';
import { notificationTicketLabel, overdueMillis } from './overdue';

export function OverduePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tickets = useLoad(() => ticketsApi.list({ overdue: true, page: 0, size: 100 }), []);
  const notifications = useLoad(ticketsApi.notifications, []);
  const now = Date.now();

  const dueCell = (value: string | null, overdue: boolean) => (
    <span className={overdue ? 'overdue' : undefined}>{formatDateTime(value)}</span>
  );

  const columns: ColumnsType<TicketSummary> = [
    { title: t('ticket.number'), dataIndex: 'number', width: 150 },
    { title: t('ticket.title'), dataIndex: 'title', ellipsis: true },
    { title: t('ticket.level'), dataIndex: 'level', width: 90, render: (l: number | null) => <LevelTag level={l} /> },
    { title: t('ticket.status'), dataIndex: 'status', width: 160, render: (s: string) => <StatusTag status={s} /> },
    { title: t('ticket.site'), dataIndex: 'siteName', ellipsis: true },
    {
      title: t('ticket.region'),
      dataIndex: 'region',
      width: 90,
      render: (r: string | null) => (r ? t(`region.${r}`, { defaultValue: r }) : t('common.empty')),
    },
    { title: t('ticket.assignee'), dataIndex: 'assignee', render: (a: string | null) => a ?? t('common.unassigned') },
    {
      title: t('detail.responseDue'),
      dataIndex: 'responseDue',
      width: 150,
      render: (v: string | null, row) => dueCell(v, row.responseOverdue),
    },
    {
      title: t('detail.resolutionDue'),
      dataIndex: 'resolutionDue',
      width: 150,
      render: (v: string | null, row) => dueCell(v, row.resolutionOverdue),
    },
    {
      title: t('overdue.overdueBy'),
      key: 'overdueBy',
      width: 140,
      render: (_, row) => <span className="overdue">{formatDuration(overdueMillis(row, now), t)}</span>,
    },
  ];

  const refresh = () => {
    void tickets.reload();
    void notifications.reload();
  };

  return (
    <>
      <PageHeader
        title={t('overdue.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="overdue-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      {tickets.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(tickets.error, t) })} />
      )}
      <Table<TicketSummary>
        data-testid="overdue-table"
        rowKey="id"
        loading={tickets.loading}
        columns={columns}
        dataSource={tickets.data?.content ?? []}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('overdue.empty') }}
        rowClassName={() => 'clickable-row'}
        onRow={(row) =>
          ({
            onClick: () => navigate(`/tickets/${row.id}`),
            'data-testid': 'overdue-row',
            'data-ticket-number': row.number,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <Card title={t('overdue.notifications')} style={{ marginTop: 16 }} data-testid="notifications">
        {notifications.error ? (
          <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(notifications.error, t) })} />
        ) : (
          <List<Notification>
            size="small"
            loading={notifications.loading}
            dataSource={(notifications.data ?? []).slice(0, 20)}
            locale={{ emptyText: t('overdue.noNotifications') }}
            renderItem={(n) => (
              <List.Item>
                <Space>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  {n.ticketId != null && <Link to={`/tickets/${n.ticketId}`}>{notificationTicketLabel(n)}</Link>}
                  <Typography.Text strong={!n.read}>{n.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
