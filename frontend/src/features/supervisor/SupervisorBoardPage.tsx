import { DownloadOutlined, MinusSquareOutlined, PlusSquareOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, List, Segmented, Select, Space, Statistic, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type HTMLAttributes, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CLOCKS, REGIONS, type Board, type BoardClock, type BoardRow, type Notification } from '../../api/types';
import { describeError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { LevelTag, StatusTag } from '../../shared/tags';
import { referenceApi, referenceKeys } from '../../api/reference';
import {
  boardQuery,
  clockLabel,
  ClockStateTag,
  EscalationTag,
  formatCountdown,
  formatSpan,
  isFiltered,
  levelName,
  liveRisk,
  mostUrgentClock,
  readBoardFilter,
  remainingNow,
  RiskTag,
  slaApi,
  slaKeys,
  stamped,
  useMonotonicNow,
  type BoardFilter,
  type BoardSort,
} from '../sla';
import { ticketKeys, ticketsApi } from '../tickets';
import { notificationTicketLabel } from './notifications';
import { useHasRole } from '../../auth/AuthContext';
import type { SuperviseAction } from './api';
import { SuperviseDialog } from './SuperviseDialog';
import { OverdueInspectionsNotice } from '../inspections';
import { PendingChangesNotice } from '../changes';
import { LateReportsNotice } from '../reports';
import { LateSurveysNotice } from '../survey';
import { useEngineerNames } from '../../shared/useEngineerNames';

/** The board is refreshed this often (and at once when a filter changes). */
export const BOARD_REFRESH_MILLIS = 30_000;

/** Rows a board page shows unless the user picks another size (the server allows 1 to 200). */
export const BOARD_PAGE_SIZE = 50;
const PAGE_SIZES = [20, 50, 100, 200];

/** The page (from 1) and its size, kept in the URL beside the filters so "back" returns to the same rows. */
function readPage(params: URLSearchParams): { page: number; size: number } {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : BOARD_PAGE_SIZE,
  };
}

/** Levels offered before the board has reported any (the demo scheme has three). */
const DEFAULT_LEVELS = ['1', '2', '3'];

const RISK_ALL = 'ALL';

/** A live countdown: counts down from the server's remaining time; red "overdue …" once negative. */
export function Countdown({
  clock,
  receivedAt,
  now,
  testId,
}: {
  clock: Pick<BoardClock, 'state' | 'remainingSeconds'>;
  receivedAt: number;
  now: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const remaining = remainingNow(clock, receivedAt, now);
  if (remaining === null) {
    return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  }
  const paused = clock.state === 'PAUSED';
  const className = remaining < 0 ? 'overdue countdown' : paused ? 'countdown countdown-paused' : 'countdown';
  return (
    <span className={className} data-testid={testId} data-remaining={remaining} data-state={clock.state}>
      {paused && remaining >= 0
        ? t('clocks.frozen', { time: formatSpan(remaining, t) })
        : formatCountdown(remaining, t)}
    </span>
  );
}

function regionLabel(t: TFunction, region: string | null | undefined) {
  return region ? t(`region.${region}`, { defaultValue: region }) : t('common.empty');
}

function CountCards({ board }: { board: Board }) {
  const { t } = useTranslation();
  const counts = board.counts;
  const figure = (value: number, className: string | undefined, testId: string) => (
    <span className={value > 0 ? className : undefined} data-testid={testId} data-value={value}>
      {value}
    </span>
  );
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="board-counts">
      <Card size="small" className="count-card" data-testid="count-total">
        <Statistic title={t('board.total')} value={counts?.total ?? 0} />
      </Card>
      {(counts?.byLevel ?? []).map((c) => (
        <Card
          key={`level-${c.level}`}
          size="small"
          className="count-card"
          title={<LevelTag level={c.level} />}
          data-testid={`count-level-${c.level}`}
        >
          <div>
            {t('board.open')}: {figure(c.open, undefined, `count-level-${c.level}-open`)}
          </div>
          <div>
            {t('board.atRisk')}: {figure(c.atRisk, 'at-risk-text', `count-level-${c.level}-atRisk`)}
          </div>
          <div>
            {t('board.overdue')}: {figure(c.overdue, 'overdue', `count-level-${c.level}-overdue`)}
          </div>
        </Card>
      ))}
      {(counts?.byClock ?? []).map((c) => (
        <Card
          key={`clock-${c.clock}`}
          size="small"
          className="count-card"
          title={clockLabel(t, c.clock)}
          data-testid={`count-clock-${c.clock}`}
        >
          <Typography.Text type="secondary">
            {t('board.running')} {c.running} · {t('board.paused')} {c.paused}
          </Typography.Text>
          <div>
            {t('board.atRisk')}: {figure(c.atRisk, 'at-risk-text', `count-clock-${c.clock}-atRisk`)}
          </div>
          <div>
            {t('board.overdue')}: {figure(c.overdue, 'overdue', `count-clock-${c.clock}-overdue`)}
          </div>
        </Card>
      ))}
    </Flex>
  );
}

function RowClocks({ row, receivedAt, now }: { row: BoardRow; receivedAt: number; now: number }) {
  const { t } = useTranslation();
  const columns: ColumnsType<BoardClock> = [
    { title: t('board.clock'), dataIndex: 'clock', render: (c: string) => clockLabel(t, c) },
    { title: t('board.basis'), dataIndex: 'basis', render: (b: string) => t(`basis.${b}`, { defaultValue: b }) },
    { title: t('board.state'), dataIndex: 'state', render: (s: string) => <ClockStateTag state={s} /> },
    { title: t('board.dueAt'), dataIndex: 'dueAt', render: (d: string | null | undefined) => formatDateTime(d) },
    {
      title: t('board.timeLeft'),
      key: 'left',
      render: (_, c) => (
        <Countdown clock={c} receivedAt={receivedAt} now={now} testId={`board-clock-countdown-${c.clock}`} />
      ),
    },
    {
      title: t('board.risk'),
      key: 'risk',
      render: (_, c) => <RiskTag risk={liveRisk(c.risk, remainingNow(c, receivedAt, now), c.state)} />,
    },
    {
      title: t('board.escalation'),
      key: 'escalation',
      render: (_, c) => <EscalationTag level={c.escalationLevel} name={c.escalationName} />,
    },
  ];
  return (
    <ResponsiveTable<BoardClock>
      size="small"
      rowKey="clock"
      columns={columns}
      dataSource={row.clocks ?? []}
      pagination={false}
      data-testid={`board-clocks-${row.ticketId}`}
      onRow={(c) => ({ 'data-testid': 'board-clock-row', 'data-clock': c.clock }) as HTMLAttributes<HTMLElement>}
    />
  );
}

export function SupervisorBoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = readBoardFilter(params);
  const { page, size } = readPage(params);
  // the server pages the board: the key carries the page, the export takes the filter alone
  // the filter alone (the page's data-filter, read by the browser tests) and with its page (the query's key)
  const filterKey = new URLSearchParams(boardQuery(filter)).toString();
  const key = new URLSearchParams({ ...boardQuery(filter), page: String(page - 1), size: String(size) }).toString();
  const [exporting, setExporting] = useState(false);
  const canAct = useHasRole('SUPERVISOR', 'ADMIN');
  const [selected, setSelected] = useState<Key[]>([]);
  const [acting, setActing] = useState<SuperviseAction | null>(null);

  // The board of the previous filter stays on screen (marked stale by `current`) until the new one arrives.
  const board = useQuery({
    queryKey: slaKeys.board(key),
    queryFn: async () => {
      const query = new URLSearchParams(key);
      return {
        key,
        ...(await stamped(slaApi.board(readBoardFilter(query), Number(query.get('page')), Number(query.get('size'))))),
      };
    },
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MILLIS,
  });
  const engineers = useQuery({ queryKey: referenceKeys.engineers, queryFn: referenceApi.engineers });
  const notifications = useQuery({ queryKey: ticketKeys.notifications, queryFn: ticketsApi.notifications });
  const now = useMonotonicNow(1000);

  const update = (changes: Partial<Record<keyof BoardFilter | 'page' | 'size', string | undefined>>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    });
    // another filter or order starts again at its first page
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const data = board.data;
  const rows = data?.data.rows ?? [];
  const receivedAt = data?.receivedAt ?? now;
  const current = data?.key === key;
  const sort: BoardSort = filter.sort ?? 'remaining';

  const levelOptions = (() => {
    const names = new Map<string, string | undefined>(DEFAULT_LEVELS.map((l) => [l, undefined]));
    data?.data.counts?.byLevel?.forEach((c) => names.set(c.level, names.get(c.level)));
    rows.forEach(
      (r) => r.level && names.set(r.level, levelName(t, r.policy, r.level, r.levelName) ?? names.get(r.level)),
    );
    if (filter.level && !names.has(filter.level)) names.set(filter.level, undefined);
    return [...names.entries()]
      .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
      .map(([level, name]) => ({
        value: level,
        label: name ? `${t('level.value', { level })} · ${name}` : t('level.value', { level }),
      }));
  })();

  const sortable = (column: BoardSort) => ({
    key: column,
    sorter: true,
    sortDirections: ['ascend' as const],
    sortOrder: sort === column ? ('ascend' as const) : null,
  });

  const engineerName = useEngineerNames();
  const columns: ColumnsType<BoardRow> = [
    {
      title: t('ticket.number'),
      dataIndex: 'number',
      width: 165,
      ...sortable('ticket'),
      render: (n: string, row) => (
        <Link to={`/tickets/${row.ticketId}`} data-testid="board-ticket-link">
          {n}
        </Link>
      ),
    },
    { title: t('ticket.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('ticket.level'),
      dataIndex: 'level',
      width: 90,
      ...sortable('level'),
      render: (l: string | null, row) => <LevelTag level={l} name={levelName(t, row.policy, l, row.levelName)} />,
    },
    { title: t('ticket.status'), dataIndex: 'status', width: 140, render: (s: string) => <StatusTag status={s} /> },
    { title: t('ticket.site'), dataIndex: 'siteName', ellipsis: true },
    { title: t('ticket.region'), dataIndex: 'region', width: 85, render: (r: string | null) => regionLabel(t, r) },
    {
      title: t('ticket.assignee'),
      dataIndex: 'assignee',
      width: 100,
      render: (a: string | null) => engineerName(a) || t('common.unassigned'),
    },
    {
      title: t('board.escalation'),
      key: 'escalation',
      width: 140,
      render: (_, row) => (
        <EscalationTag level={row.escalationLevel} name={row.escalationName} testId="board-escalation" />
      ),
    },
    {
      title: t('board.urgentClock'),
      width: 160,
      ...sortable('remaining'),
      render: (_, row) => {
        const clock = mostUrgentClock(row.clocks ?? []);
        if (!clock) return <Typography.Text type="secondary">{t('board.noClock')}</Typography.Text>;
        return (
          <Space direction="vertical" size={0}>
            <Typography.Text
              type="secondary"
              data-testid="board-urgent-clock"
              data-clock={clock.clock}
              title={`${t('board.dueAt')}: ${formatDateTime(clock.dueAt)}`}
            >
              {clockLabel(t, clock.clock)}
            </Typography.Text>
            <Countdown clock={clock} receivedAt={receivedAt} now={now} testId="board-countdown" />
          </Space>
        );
      },
    },
    {
      title: t('board.risk'),
      key: 'risk',
      width: 100,
      render: (_, row) => <RiskTag risk={rowRisk(row, receivedAt, now)} testId="board-risk" />,
    },
  ];

  const onTableChange: TableProps<BoardRow>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = s?.order ? (s.columnKey as BoardSort) : undefined;
    update({ sort: column && column !== 'remaining' ? column : undefined });
  };

  const exportBoard = async () => {
    setExporting(true);
    try {
      const file = await slaApi.exportBoard(filter);
      message.success(t('board.exported', { file }));
    } catch (e) {
      message.error(t('board.exportFailed', { message: describeError(e, t) }));
    } finally {
      setExporting(false);
    }
  };

  const refreshAll = () => {
    void board.refetch();
    void notifications.refetch();
  };

  return (
    <div
      data-testid="supervisor-board"
      data-state={board.isFetching || !current ? 'loading' : 'ready'}
      data-filter={filterKey}
    >
      <PageHeader
        title={t('board.title')}
        extra={
          <Space wrap>
            {data && (
              <Typography.Text type="secondary" data-testid="board-generated-at">
                {t('board.asOf', { time: formatDateTime(data.data.generatedAt) })}
              </Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} onClick={refreshAll} data-testid="board-refresh">
              {t('common.refresh')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportBoard()}
              data-testid="board-export"
            >
              {t('board.export')}
            </Button>
          </Space>
        }
      />
      <OverdueInspectionsNotice />
      <PendingChangesNotice />
      <LateReportsNotice />
      <LateSurveysNotice />
      {board.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="board-error"
          message={t('common.loadFailed', { message: describeError(board.error, t) })}
        />
      )}
      {data && <CountCards board={data.data} />}
      <Space wrap style={{ marginBottom: 16 }} data-testid="board-filters">
        <Select
          data-testid="board-filter-level"
          allowClear
          placeholder={t('board.anyLevel')}
          style={{ width: 200 }}
          value={filter.level}
          onChange={(level?: string) => update({ level })}
          options={levelOptions}
        />
        <Select
          data-testid="board-filter-clock"
          allowClear
          placeholder={t('board.anyClock')}
          style={{ width: 180 }}
          value={filter.clock}
          onChange={(clock?: string) => update({ clock })}
          options={CLOCKS.map((c) => ({ value: c, label: clockLabel(t, c) }))}
        />
        <Select
          data-testid="board-filter-region"
          allowClear
          placeholder={t('board.anyRegion')}
          style={{ width: 140 }}
          value={filter.region}
          onChange={(region?: string) => update({ region })}
          options={REGIONS.map((r) => ({ value: r, label: regionLabel(t, r) }))}
        />
        <Select
          data-testid="board-filter-engineer"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('board.anyEngineer')}
          style={{ width: 220 }}
          value={filter.engineer}
          loading={engineers.isFetching}
          onChange={(engineer?: string) => update({ engineer })}
          options={(engineers.data ?? []).map((e) => ({
            value: e.username,
            label: `${e.displayName} (${e.username})`,
          }))}
        />
        <Segmented
          data-testid="board-filter-risk"
          value={filter.risk ?? RISK_ALL}
          onChange={(value) => update({ risk: value === RISK_ALL ? undefined : String(value) })}
          options={[
            { value: RISK_ALL, label: <span data-testid={`board-risk-${RISK_ALL}`}>{t('board.riskAll')}</span> },
            { value: 'AT_RISK', label: <span data-testid="board-risk-AT_RISK">{t('risk.AT_RISK')}</span> },
            { value: 'OVERDUE', label: <span data-testid="board-risk-OVERDUE">{t('risk.OVERDUE')}</span> },
          ]}
        />
      </Space>
      {canAct && selected.length > 0 && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="board-bulk-bar">
          <Typography.Text strong data-testid="board-selection-count">
            {t('supervise.selected', { count: selected.length })}
          </Typography.Text>
          {(['REASSIGN', 'NUDGE', 'RAISE_LEVEL'] as const).map((a) => (
            <Button
              key={a}
              type={a === 'REASSIGN' ? 'primary' : 'default'}
              onClick={() => setActing(a)}
              data-testid={`board-bulk-${a}`}
            >
              {t(a === 'REASSIGN' ? 'supervise.reassign' : a === 'NUDGE' ? 'supervise.nudge' : 'supervise.raiseLevel')}
            </Button>
          ))}
          <Button type="link" onClick={() => setSelected([])} data-testid="board-bulk-clear">
            {t('supervise.clearSelection')}
          </Button>
        </Flex>
      )}
      {acting && (
        <SuperviseDialog
          action={acting}
          targets={rows
            .filter((r) => selected.includes(r.ticketId))
            .map((r) => ({ ticketId: r.ticketId, number: r.number, level: r.level }))}
          levels={levelOptions.map((o) => o.value)}
          onDone={() => void board.refetch()}
          onClose={() => {
            setActing(null);
            setSelected([]);
          }}
        />
      )}
      <ResponsiveTable<BoardRow>
        data-testid="board-table"
        cardTitle={(row) => row.title}
        cardHidden={['title']}
        rowKey="ticketId"
        size="middle"
        loading={board.isFetching && !current}
        columns={columns}
        dataSource={current ? rows : []}
        onChange={onTableChange}
        rowSelection={
          canAct
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys),
                getCheckboxProps: (row) =>
                  ({
                    'data-testid': 'board-row-select',
                    'aria-label': `${t('supervise.select')} ${row.number}`,
                  }) as object,
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: size,
          total: current ? Number(data?.data.matching ?? rows.length) : 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          hideOnSinglePage: true,
          onChange: (p: number, s: number) =>
            update({
              page: p > 1 && s === size ? String(p) : undefined,
              size: s === BOARD_PAGE_SIZE ? undefined : String(s),
            }),
        }}
        scroll={{ x: 1250 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              data-testid="board-empty"
              description={isFiltered(filter) ? t('board.emptyFiltered') : t('board.empty')}
            />
          ),
        }}
        rowClassName={(row) => {
          const risk = rowRisk(row, receivedAt, now);
          return risk === 'OVERDUE' ? 'board-row-overdue' : risk === 'AT_RISK' ? 'board-row-at-risk' : '';
        }}
        onRow={(row) =>
          ({
            'data-testid': 'board-row',
            'data-ticket-id': row.ticketId,
            'data-ticket-number': row.number,
            'data-risk': row.risk,
          }) as HTMLAttributes<HTMLElement>
        }
        expandable={{
          rowExpandable: (row) => (row.clocks ?? []).length > 0,
          expandedRowRender: (row) => <RowClocks row={row} receivedAt={receivedAt} now={now} />,
          expandIcon: ({ expanded, onExpand, record, expandable }) =>
            expandable ? (
              <Button
                size="small"
                type="text"
                aria-label={t('board.showClocks')}
                title={t('board.showClocks')}
                aria-expanded={expanded}
                icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
                onClick={(e) => onExpand(record, e)}
                data-testid={`board-expand-${record.ticketId}`}
              />
            ) : null,
        }}
      />
      <Card title={t('board.notifications')} style={{ marginTop: 16 }} data-testid="notifications">
        {notifications.error ? (
          <Alert
            type="error"
            showIcon
            message={t('common.loadFailed', { message: describeError(notifications.error, t) })}
          />
        ) : (
          <List<Notification>
            size="small"
            loading={notifications.isFetching}
            dataSource={(notifications.data ?? []).slice(0, 20)}
            locale={{ emptyText: t('board.noNotifications') }}
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
    </div>
  );
}

/** The server's risk for the case, raised to OVERDUE as soon as its most urgent clock passes zero. */
function rowRisk(row: BoardRow, receivedAt: number, now: number): string {
  const clock = mostUrgentClock(row.clocks ?? []);
  if (!clock) return row.risk;
  return liveRisk(row.risk, remainingNow(clock, receivedAt, now), clock.state);
}
