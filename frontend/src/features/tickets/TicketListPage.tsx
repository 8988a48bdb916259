import { FilterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Input, Select, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHANNELS, REQUEST_TYPES, STATUSES, type TicketSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { LevelTag, StatusTag } from '../../shared/tags';
import { PageHeader } from '../../shared/PageHeader';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { matchSite, siteOption } from '../../shared/siteSearch';
import { useIsPhone } from '../../shared/useIsPhone';
import { useEngineerNames } from '../../shared/useEngineerNames';
import { referenceApi, referenceKeys } from '../../api/reference';
import { TICKET_SORTS, ticketKeys, ticketsApi, type TicketFilter, type TicketSort } from './api';
import { listTotal } from './listTotal';
import { requestLabel } from './requestLabel';

const PAGE_SIZE = 20;
/** The level codes SLA policies use ("1"-"3", "0"-"5", "A"-"D"). */
const LEVELS = ['0', '1', '2', '3', '4', '5', 'A', 'B', 'C', 'D'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The phone's sort choices (a phone shows cards, without column headers to click). */
const PHONE_SORTS: { key: string; sort: TicketSort; direction: 'ASC' | 'DESC'; label: string }[] = [
  { key: 'newest', sort: 'CREATED_AT', direction: 'DESC', label: 'tickets.sortNewest' },
  { key: 'oldest', sort: 'CREATED_AT', direction: 'ASC', label: 'tickets.sortOldest' },
  { key: 'due', sort: 'RESOLUTION_DUE', direction: 'ASC', label: 'tickets.sortDueSoonest' },
  { key: 'level', sort: 'LEVEL', direction: 'ASC', label: 'tickets.sortLevel' },
  { key: 'number', sort: 'NUMBER', direction: 'DESC', label: 'tickets.sortNumber' },
];

function positiveId(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Filters live in the URL so "back" from a ticket returns to the same list (and the top bar's search box can link
 * here). A customer filters by text, status, site, device, level, channel and dates only: an engineer or "overdue"
 * filter in a pasted link is ignored for them.
 */
export function readFilter(params: URLSearchParams, customer: boolean): TicketFilter {
  const sort = params.get('sort');
  const direction = params.get('direction');
  const day = (k: string) => {
    const v = params.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  return {
    q: params.get('q')?.trim() || undefined,
    status: params.get('status') ?? undefined,
    siteId: positiveId(params.get('siteId')),
    deviceId: positiveId(params.get('deviceId')),
    level: params.get('level') ?? undefined,
    channel: params.get('channel') ?? undefined,
    from: day('from'),
    to: day('to'),
    assignee: customer ? undefined : (params.get('assignee') ?? undefined),
    requestType: params.get('requestType') ?? undefined,
    overdue: !customer && params.get('overdue') === 'true',
    sort: TICKET_SORTS.includes(sort as TicketSort) ? (sort as TicketSort) : undefined,
    direction: direction === 'ASC' || direction === 'DESC' ? direction : undefined,
    page: Math.max(0, Number(params.get('page')) || 0),
    size: Number(params.get('size')) || PAGE_SIZE,
  };
}

export function TicketListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isCustomer } = useAuth();
  const phone = useIsPhone();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params, isCustomer);
  // what is being typed; the list follows on Enter or the search button (and when the top bar's box changes the URL)
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);

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
  const devices = useQuery({
    queryKey: referenceKeys.devices(filter.siteId),
    queryFn: () => referenceApi.devices(filter.siteId!),
    enabled: filter.siteId !== undefined,
  });
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

  const sortOrder = (column: TicketSort): SortOrder => {
    const active = (filter.sort ?? 'CREATED_AT') === column;
    if (!active) return null;
    return (filter.direction ?? 'DESC') === 'ASC' ? 'ascend' : 'descend';
  };
  const sortable = (column: TicketSort) => ({ key: column, sorter: true, sortOrder: sortOrder(column) });

  const engineerName = useEngineerNames(!isCustomer);
  const columns: ColumnsType<TicketSummary> = [
    { title: t('ticket.number'), dataIndex: 'number', width: 150, ...sortable('NUMBER') },
    { title: t('ticket.title'), dataIndex: 'title', ellipsis: true, ...sortable('TITLE') },
    {
      title: t('ticket.requestType'),
      dataIndex: 'requestType',
      width: 130,
      render: (r: string | undefined, row: TicketSummary) =>
        r ? <span data-testid="ticket-requestType">{requestLabel(t, r, row.serviceItem)}</span> : t('common.empty'),
    },
    {
      title: t('ticket.status'),
      dataIndex: 'status',
      render: (s: string) => <StatusTag status={s} />,
      width: 170,
      ...sortable('STATUS'),
    },
    {
      title: t('ticket.level'),
      dataIndex: 'level',
      render: (l: number | null) => <LevelTag level={l} />,
      width: 100,
      ...sortable('LEVEL'),
    },
    { title: t('ticket.site'), dataIndex: 'siteName', ellipsis: true, ...sortable('SITE') },
    {
      title: t('ticket.device'),
      dataIndex: 'deviceName',
      ellipsis: true,
      render: (d: string | null) => d ?? t('common.empty'),
    },
    ...(isCustomer
      ? []
      : [
          {
            title: t('ticket.assignee'),
            dataIndex: 'assignee',
            render: (a: string | null) => engineerName(a) ?? t('common.empty'),
            ...sortable('ASSIGNEE'),
          },
        ]),
    {
      title: t('detail.resolutionDue'),
      dataIndex: 'resolutionDue',
      width: 160,
      ...sortable('RESOLUTION_DUE'),
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
      ...sortable('CREATED_AT'),
    },
  ];

  const width = (desktop: number) => ({ width: phone ? '100%' : desktop });
  const phoneSort =
    PHONE_SORTS.find((s) => s.sort === (filter.sort ?? 'CREATED_AT') && s.direction === (filter.direction ?? 'DESC'))
      ?.key ?? 'newest';
  // on a phone the filters fold away under one button, so the first screen shows cases, not seven empty fields
  const activeFilters = [
    filter.status,
    filter.requestType,
    filter.siteId,
    filter.deviceId,
    filter.level,
    filter.channel,
    filter.from,
    filter.to,
    filter.assignee,
    filter.overdue ? true : undefined,
  ].filter((v) => v !== undefined && v !== '').length;
  const showFilters = !phone || filtersOpen;
  const filtered =
    filter.q ||
    filter.requestType ||
    filter.deviceId ||
    filter.status ||
    filter.siteId ||
    filter.level ||
    filter.channel ||
    filter.from ||
    filter.to ||
    filter.assignee ||
    filter.overdue;

  const page = tickets.data;
  const total = listTotal(page);
  return (
    <>
      <PageHeader title={t(isCustomer ? 'customer.ticketsTitle' : 'tickets.title')} />
      <div className="ticket-filters" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        <Input.Search
          data-testid="ticket-search"
          allowClear
          enterButton={t('tickets.searchButton')}
          placeholder={t('tickets.search')}
          aria-label={t('tickets.search')}
          style={width(420)}
          value={text}
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '' && filter.q) update({ q: undefined });
          }}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        {phone && (
          <Button
            data-testid="ticket-filters-toggle"
            icon={<FilterOutlined />}
            style={{ width: '100%' }}
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {activeFilters > 0 ? t('tickets.filtersActive', { count: activeFilters }) : t('tickets.filters')}
          </Button>
        )}
        {showFilters && (
          <>
            <Select
              data-testid="filter-status"
              allowClear
              placeholder={t('tickets.anyStatus')}
              style={width(180)}
              value={filter.status}
              onChange={(status) => update({ status })}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <Select
              data-testid="filter-requestType"
              allowClear
              placeholder={t('tickets.anyRequestType')}
              style={width(160)}
              value={filter.requestType}
              onChange={(requestType) => update({ requestType })}
              options={REQUEST_TYPES.map((r) => ({ value: r, label: t(`requestType.${r}`) }))}
            />
            <Select
              data-testid="filter-site"
              allowClear
              showSearch
              filterOption={matchSite}
              placeholder={t('tickets.anySite')}
              style={width(220)}
              value={filter.siteId}
              onChange={(siteId) => update({ siteId, deviceId: undefined })}
              options={(sites.data ?? []).map((s) => siteOption(s))}
            />
            {filter.siteId !== undefined && (
              <Select
                data-testid="filter-device"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('tickets.anyDevice')}
                style={width(220)}
                value={filter.deviceId}
                loading={devices.isFetching}
                onChange={(deviceId) => update({ deviceId })}
                options={(devices.data ?? []).map((d) => ({
                  value: d.id,
                  label: [d.name, d.model].filter(Boolean).join(' · '),
                }))}
              />
            )}
            <Select
              data-testid="filter-level"
              allowClear
              placeholder={t('tickets.anyLevel')}
              style={width(130)}
              value={filter.level}
              onChange={(level) => update({ level })}
              options={LEVELS.map((l) => ({ value: l, label: t('level.value', { level: l }) }))}
            />
            <Select
              data-testid="filter-channel"
              allowClear
              placeholder={t('tickets.anyChannel')}
              style={width(150)}
              value={filter.channel}
              onChange={(channel) => update({ channel })}
              options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            />
            <DatePicker
              data-testid="filter-from"
              placeholder={t('tickets.reportedFrom')}
              aria-label={t('tickets.reportedFrom')}
              style={phone ? { width: 'calc(50% - 4px)' } : { width: 150 }}
              value={filter.from ? dayjs(filter.from) : null}
              onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : undefined })}
              inputReadOnly={phone}
            />
            <DatePicker
              data-testid="filter-to"
              placeholder={t('tickets.reportedTo')}
              aria-label={t('tickets.reportedTo')}
              style={phone ? { width: 'calc(50% - 4px)' } : { width: 150 }}
              value={filter.to ? dayjs(filter.to) : null}
              disabledDate={(d) => (filter.from ? d.isBefore(dayjs(filter.from), 'day') : false)}
              onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : undefined })}
              inputReadOnly={phone}
            />
            {!isCustomer && (
              <>
                <Select
                  data-testid="filter-assignee"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('tickets.anyAssignee')}
                  style={width(200)}
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
                  style={{ alignSelf: 'center' }}
                >
                  {t('tickets.overdueOnly')}
                </Checkbox>
              </>
            )}
          </>
        )}
        {phone && (
          <Select
            data-testid="ticket-sort"
            aria-label={t('tickets.sortBy')}
            style={{ width: '100%' }}
            value={phoneSort}
            onChange={(key: string) => {
              const chosen = PHONE_SORTS.find((s) => s.key === key)!;
              update({ sort: chosen.sort, direction: chosen.direction });
            }}
            options={PHONE_SORTS.map((s) => ({ value: s.key, label: t('tickets.sortLabel', { sort: t(s.label) }) }))}
          />
        )}
      </div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" data-testid="ticket-total">
          {t(total.capped ? 'tickets.foundAtLeast' : 'tickets.found', { total: total.shown, count: total.count })}
        </Typography.Text>
        {filtered && (
          <Typography.Link
            data-testid="clear-filters"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t('tickets.clearFilters')}
          </Typography.Link>
        )}
      </div>
      {tickets.error && (
        <Alert type="error" showIcon message={t('common.loadFailed', { message: describeError(tickets.error, t) })} />
      )}
      <ResponsiveTable<TicketSummary>
        data-testid="ticket-table"
        cardTitle={(row) => `${row.number} · ${row.title}`}
        cardHidden={['NUMBER', 'TITLE']}
        // at a desk the columns share the width (long titles and sites cut with …); on a narrow window the table
        // scrolls within itself; the page never scrolls sideways
        scroll={{ x: phone ? 'max-content' : 1100 }}
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
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const column = sorter.columnKey as TicketSort | undefined;
          if (!sorter.order || !column) update({ sort: undefined, direction: undefined });
          else update({ sort: column, direction: sorter.order === 'ascend' ? 'ASC' : 'DESC' });
        }}
        pagination={{
          current: (page?.page ?? filter.page) + 1,
          pageSize: page?.size ?? filter.size,
          total: total.pagerTotal,
          showSizeChanger: true,
          onChange: (p, size) => update({ page: p - 1, size: size === PAGE_SIZE ? undefined : size }),
        }}
      />
    </>
  );
}
