import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Pagination, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Task } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag } from '../../shared/tags';
import { PageHeader } from '../../shared/PageHeader';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { useEngineerNames } from '../../shared/useEngineerNames';
import { useIsPhone } from '../../shared/useIsPhone';
import { levelName } from '../sla';
import { taskKeys, tasksApi } from './api';
import { taskName } from './formFields';
import { DeadlineCountdown, JobCard } from './JobCard';

/** Rows a page shows unless the reader chose another size (kept in the address with the page). */
export const INBOX_PAGE_SIZE = 20;
const PAGE_SIZES = [20, 50, 100, 200];

/** Page (from 1, as the pager counts) and size from the address; anything else there falls back to the first page. */
export function readPaging(params: URLSearchParams): { page: number; size: number } {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    page: Number.isInteger(page) && page > 1 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : INBOX_PAGE_SIZE,
  };
}

/** The address's parameters with this page and size; the first page and the default size are left out. */
function withPaging(params: URLSearchParams, page: number, size: number): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  if (size !== INBOX_PAGE_SIZE) next.set('size', String(size));
  else next.delete('size');
  return next;
}

export function TaskInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  // a task's holder by the name people know them by ("工程师 7", not the user name "engineer7")
  const holderName = useEngineerNames();
  // The server pages (ADR 0063): the page lives in the address, so a refresh, a reload or the back button keeps it.
  const [params, setParams] = useSearchParams();
  const { page, size } = readPaging(params);
  // another page size starts again on the first page
  const goTo = (nextPage: number, nextSize: number) =>
    setParams((prev) => withPaging(prev, nextSize === size ? nextPage : 1, nextSize), { replace: true });
  // Refreshes by itself (ADR 0038) without a spinner: the rows change in place, the first load alone shows one. The
  // refresh asks for the page on screen; while another page loads, the last one stays.
  const {
    data,
    error,
    isLoading: loading,
    isFetching,
    isPlaceholderData,
    refetch,
  } = useQuery({
    queryKey: taskKeys.page(page, size),
    queryFn: () => tasksApi.page(page - 1, size),
    refetchInterval: REFRESH_MILLIS,
    placeholderData: keepPreviousData,
  });
  // while a page of another size loads, the last one shows no more rows than the new size (antd would page them itself)
  const tasks = (data?.content ?? []).slice(0, size);
  const total = data?.totalElements ?? 0;

  // Tasks done or claimed by others can empty the last page under the reader: show the new last page instead.
  const lastPage = Math.max(1, data?.totalPages ?? 1);
  const pastTheEnd = !!data && !isPlaceholderData && data.content.length === 0 && page > lastPage;
  useEffect(() => {
    if (pastTheEnd) setParams((prev) => withPaging(prev, lastPage, size), { replace: true });
  }, [pastTheEnd, lastPage, size, setParams]);

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
      render: (_, task) =>
        task.levelCode ? (
          <LevelTag level={task.levelCode} name={levelName(t, task.policyCode, task.levelCode, task.levelName)} />
        ) : (
          '—'
        ),
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
        holderName(assignee) ?? <Typography.Text type="secondary">{t('common.unassigned')}</Typography.Text>,
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
          {!loading && tasks.length === 0 && <Empty description={t('tasks.empty')} data-testid="tasks-empty" />}
          {tasks.map((task) => (
            <JobCard
              key={task.id}
              task={task}
              holder={holderName(task.assignee)}
              onClaim={(task) => void claim(task)}
              onOpen={(task) => void navigate(`/tickets/${task.ticketId}`)}
            />
          ))}
          {total > 0 && (
            // a phone's pager: the total, previous, the page of pages, next (fits 390 px; the size stays as chosen)
            <div className="task-pager" data-testid="task-pager">
              <Typography.Text type="secondary" data-testid="task-total">
                {t('tasks.total', { count: total })}
              </Typography.Text>
              {total > size && (
                <Pagination simple current={page} pageSize={size} total={total} onChange={(p) => goTo(p, size)} />
              )}
            </div>
          )}
        </Space>
      ) : (
        <Table<Task>
          data-testid="task-table"
          // on a phone the table scrolls within itself; the page never scrolls sideways
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={tasks}
          pagination={{
            current: page,
            pageSize: size,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (count) => <span data-testid="task-total">{t('tasks.total', { count })}</span>,
            onChange: goTo,
          }}
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
