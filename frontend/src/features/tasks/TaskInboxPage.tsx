import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Task } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag } from '../../shared/tags';
import { PageHeader } from '../../shared/PageHeader';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { useIsPhone } from '../../shared/useIsPhone';
import { taskKeys, tasksApi } from './api';
import { taskName } from './formFields';
import { DeadlineCountdown, JobCard } from './JobCard';

export function TaskInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  // Refreshes by itself (ADR 0038) without a spinner: the rows change in place, the first load alone shows one.
  const {
    data,
    error,
    isLoading: loading,
    isFetching,
    refetch,
  } = useQuery({ queryKey: taskKeys.all, queryFn: tasksApi.list, refetchInterval: REFRESH_MILLIS });

  // Claimed or not (409: someone was quicker), the inbox is looked at again.
  const claimTask = useMutation({
    mutationFn: (task: Task) => tasksApi.claim(task.id),
    onSuccess: () => message.success(t('tasks.claimed')),
    onError: (e) =>
      message.error(e instanceof ApiError && e.status === 409 ? t('common.conflict') : describeError(e, t)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  const claim = (task: Task) => claimTask.mutateAsync(task).catch(() => undefined);

  const columns: ColumnsType<Task> = [
    { title: t('tasks.name'), key: 'name', render: (_, task) => taskName(t, task) },
    {
      title: t('tasks.ticket'),
      key: 'ticket',
      render: (_, task) => (
        <Link to={`/tickets/${task.ticketId}`} data-testid="task-ticket-link">
          {task.ticketNumber}
        </Link>
      ),
    },
    { title: t('tasks.ticketTitle'), dataIndex: 'ticketTitle', ellipsis: true },
    { title: t('phone.site'), dataIndex: 'siteName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('ticket.level'),
      key: 'level',
      render: (_, task) => (task.levelCode ? <LevelTag level={task.levelCode} name={task.levelName} /> : '—'),
    },
    {
      title: t('detail.deadlines'),
      key: 'deadline',
      render: (_, task) => <DeadlineCountdown deadline={task.nextDeadline} />,
    },
    {
      title: t('tasks.assignee'),
      dataIndex: 'assignee',
      render: (assignee: string | null) =>
        assignee ?? <Typography.Text type="secondary">{t('common.unassigned')}</Typography.Text>,
    },
    { title: t('tasks.created'), dataIndex: 'created', render: formatDateTime, width: 160 },
    {
      title: t('tasks.actions'),
      key: 'actions',
      width: 180,
      render: (_, task) => (
        <Space>
          {!task.assignee && (
            <Button size="small" onClick={() => void claim(task)} data-testid="task-claim">
              {t('tasks.claim')}
            </Button>
          )}
          <Button
            size="small"
            type="primary"
            onClick={() => void navigate(`/tickets/${task.ticketId}`)}
            data-testid="task-open"
          >
            {t('tasks.open')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="task-inbox" data-state={isFetching ? 'loading' : 'ready'}>
      <PageHeader
        title={t('tasks.title')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={isFetching && !loading}
            onClick={() => void refetch()}
            data-testid="tasks-refresh"
          >
            {t('common.refresh')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(error, t) })} />}
      {phone ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="task-table" data-layout="cards">
          {!loading && (data ?? []).length === 0 && <Empty description={t('tasks.empty')} data-testid="tasks-empty" />}
          {(data ?? []).map((task) => (
            <JobCard
              key={task.id}
              task={task}
              onClaim={(task) => void claim(task)}
              onOpen={(task) => void navigate(`/tickets/${task.ticketId}`)}
            />
          ))}
        </Space>
      ) : (
        <Table<Task>
          data-testid="task-table"
          // on a phone the table scrolls within itself; the page never scrolls sideways
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('tasks.empty')} data-testid="tasks-empty" /> }}
          onRow={(task) =>
            ({
              'data-testid': 'task-row',
              'data-task-key': task.key,
              'data-ticket-number': task.ticketNumber,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
