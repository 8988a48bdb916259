import { Alert, Checkbox, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { REQUEST_TYPES, STATUSES, type TicketSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag, StatusTag } from '../../shared/tags';
import { PageHeader } from '../../shared/PageHeader';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { referenceApi, referenceKeys } from '../../api/reference';
import { ticketKeys, ticketsApi, type TicketFilter } from './api';
import { requestLabel } from './requestLabel';

const PAGE_SIZE = 20;

/**
 * Filters live in the URL so "back" from a ticket returns to the same list. A customer filters by
 * status and site only: an engineer or "overdue" filter in a pasted link is ignored for them.
 */
function readFilter(params: URLSearchParams, customer: boolean): TicketFilter {
  const siteId = Number(params.get('siteId'));
  return {
    status: params.get('status') ?? undefined,
    siteId: Number.isFinite(siteId) && siteId > 0 ? siteId : undefined,
    assignee: customer ? undefined : (params.get('assignee') ?? undefined),
    requestType: params.get('requestType') ?? undefined,
    overdue: !customer && params.get('overdue') === 'true',
    page: Math.max(0, Number(params.get('page')) || 0),
    size: Number(params.get('size')) || PAGE_SIZE,
  };
}

export function TicketListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isCustomer } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params, isCustomer);

  // The server scopes a customer's list (and sites) to their own unit. The previous page stays on screen
  // while the next one loads.
  const tickets = useQuery({
    queryKey: ticketKeys.list(filter),
    queryFn: () => ticketsApi.list(filter),
    placeholderData: keepPreviousData,
    // refreshes by itself (ADR 0038); the filters live in the URL, so nothing typed is lost
    refetchInterval: REFRESH_MILLIS,
  });
  const sites = useQuery({ queryKey: referenceKeys.sites, queryFn: referenceApi.sites });
  // The engineer list is staff-only (403 for a customer).
  const engineers = useQuery({
    queryKey: referenceKeys.engineers,
    queryFn: referenceApi.engineers,
    enabled: !isCustomer,
  });

  const update = (changes: Record<string, string | number | boolean | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => {
      if (v === undefined || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    });
    // Changing a filter starts again on the first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<TicketSummary> = [
    { title: t('ticket.number'), dataIndex: 'number', width: 150 },
    { title: t('ticket.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('ticket.requestType'),
      dataIndex: 'requestType',
      width: 130,
      render: (r: string | undefined, row: TicketSummary) =>
        r ? <span data-testid="ticket-requestType">{requestLabel(t, r, row.serviceItem)}</span> : t('common.empty'),
    },
    { title: t('ticket.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} />, width: 170 },
    { title: t('ticket.level'), dataIndex: 'level', render: (l: number | null) => <LevelTag level={l} />, width: 100 },
    { title: t('ticket.site'), dataIndex: 'siteName', ellipsis: true },
    ...(isCustomer
      ? []
      : [{ title: t('ticket.assignee'), dataIndex: 'assignee', render: (a: string | null) => a ?? t('common.empty') }]),
    {
      title: t('detail.resolutionDue'),
      dataIndex: 'resolutionDue',
      width: 160,
      render: (due: string | null, row) => (
        <span className={row.resolutionOverdue || row.responseOverdue ? 'overdue' : undefined}>
          {formatDateTime(due)}
        </span>
      ),
    },
    {
      title: t(isCustomer ? 'customer.reportedAt' : 'ticket.createdAt'),
      dataIndex: 'createdAt',
      render: formatDateTime,
      width: 160,
    },
  ];

  const page = tickets.data;
  return (
    <>
      <PageHeader title={t(isCustomer ? 'customer.ticketsTitle' : 'tickets.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          data-testid="filter-status"
          allowClear
          placeholder={t('tickets.anyStatus')}
          style={{ width: 200 }}
          value={filter.status}
          onChange={(status) => update({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          data-testid="filter-requestType"
          allowClear
          placeholder={t('tickets.anyRequestType')}
          style={{ width: 160 }}
          value={filter.requestType}
          onChange={(requestType) => update({ requestType })}
          options={REQUEST_TYPES.map((r) => ({ value: r, label: t(`requestType.${r}`) }))}
        />
        <Select
          data-testid="filter-site"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('tickets.anySite')}
          style={{ width: 260 }}
          value={filter.siteId}
          onChange={(siteId) => update({ siteId })}
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        {!isCustomer && (
          <>
            <Select
              data-testid="filter-assignee"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('tickets.anyAssignee')}
              style={{ width: 200 }}
              value={filter.assignee}
              onChange={(assignee) => update({ assignee })}
              options={(engineers.data ?? []).map((e) => ({
                value: e.username,
                label: `${e.displayName} (${e.username})`,
              }))}
            />
            <Checkbox
              data-testid="filter-overdue"
              checked={filter.overdue}
              onChange={(e) => update({ overdue: e.target.checked })}
            >
              {t('tickets.overdueOnly')}
            </Checkbox>
          </>
        )}
      </Space>
      {tickets.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(tickets.error, t) })} />
      )}
      <ResponsiveTable<TicketSummary>
        data-testid="ticket-table"
        cardTitle={(row) => `${row.number} · ${row.title}`}
        cardHidden={['number', 'title']}
        // on a phone the table scrolls within itself; the page never scrolls sideways
        scroll={{ x: 'max-content' }}
        rowKey="id"
        // a spinner while another page or filter loads, none while the same list refreshes itself
        loading={tickets.isLoading || (tickets.isFetching && tickets.isPlaceholderData)}
        columns={columns}
        dataSource={page?.content ?? []}
        locale={{ emptyText: t(isCustomer ? 'customer.ticketsEmpty' : 'tickets.empty') }}
        rowClassName={() => 'clickable-row'}
        onRow={(row) =>
          ({
            onClick: () => void navigate(`/tickets/${row.id}`),
            'data-testid': 'ticket-row',
            'data-ticket-number': row.number,
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: (page?.page ?? filter.page) + 1,
          pageSize: page?.size ?? filter.size,
          total: page?.totalElements ?? 0,
          showSizeChanger: true,
          onChange: (p, size) => update({ page: p - 1, size: size === PAGE_SIZE ? undefined : size }),
        }}
      />
    </>
  );
}
