import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Flex, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { describeError } from '../../shared/errors';
import { SERVICE_ZONE } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { CHANGE_STATUSES, CHANGE_WINDOW_MAX, changeKeys, changesApi, type ChangeStatus, type ChangeView } from './api';
import { changeStatusColor, ChangeStatusTag, formatWindow, MajorTag } from './parts';

const DAY = 24 * 3_600_000;

/** Ended without being carried out (withdrawn, rejected, failed its test): greyed, behind a checkbox, never clashing. */
const GREYED: ReadonlySet<ChangeStatus> = new Set<ChangeStatus>(['CANCELLED', 'REJECTED', 'TEST_FAILED']);

/** What a customer's user may see (announced changes only): the legend names no other status for them. */
const CUSTOMER_STATUSES: ChangeStatus[] = ['SCHEDULED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

/** Monday first, as calendars in China are printed; dayjs numbers Sunday 0. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const weekdayOf = (date: string) => WEEKDAYS[(dayjs(date).day() + 6) % 7];

const CLASH_RED = '#cf1322';

/** One day of the shown month in the service zone (Beijing: no daylight saving, so every day is 24 h). */
interface Day {
  /** "2026-12-10" */
  date: string;
  /** The day's first and next day's first instant, epoch ms. */
  start: number;
  end: number;
  entries: Entry[];
}

/** A change as one day shows it. */
interface Entry {
  change: ChangeView;
  greyed: boolean;
  /** Another change of the same unit has a window overlapping this one's on this day. */
  clash: boolean;
}

const startOf = (c: ChangeView) => Date.parse(c.plannedStart);
/** A window never shorter than 1 ms, so that even an empty one touches the day it sits in. */
const endOf = (c: ChangeView) => Math.max(Date.parse(c.plannedEnd), startOf(c) + 1);

/** The instant a month ("2026-12") begins in the service zone, as ISO: 2026-11-30T16:00:00.000Z. */
export const monthStart = (month: string) => dayjs.tz(`${month}-01T00:00:00`, SERVICE_ZONE).toISOString();
const shiftMonth = (month: string, by: number) => dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
const currentMonth = () => dayjs().tz(SERVICE_ZONE).format('YYYY-MM');

/**
 * The month's days with the changes touching each. On a day, a change clashes when another of the same unit (neither
 * cancelled nor rejected) has a window overlapping its own within that day.
 */
function daysOf(month: string, changes: ChangeView[], shown: (c: ChangeView) => boolean): Day[] {
  const first = Date.parse(monthStart(month));
  const count = dayjs(`${month}-01`).daysInMonth();
  const counted = changes.filter((c) => !GREYED.has(c.status));
  return Array.from({ length: count }, (_, i) => {
    const start = first + i * DAY;
    const end = start + DAY;
    const touches = (c: ChangeView) => startOf(c) < end && endOf(c) > start;
    const rivals = counted.filter(touches);
    const clashes = (c: ChangeView) =>
      rivals.some(
        (o) =>
          o.id !== c.id &&
          o.customerId === c.customerId &&
          Math.max(startOf(c), startOf(o), start) < Math.min(endOf(c), endOf(o), end),
      );
    const entries = changes
      .filter((c) => shown(c) && touches(c))
      .map((c) => {
        const greyed = GREYED.has(c.status);
        return { change: c, greyed, clash: !greyed && clashes(c) };
      });
    return { date: dayjs(`${month}-01`).add(i, 'day').format('YYYY-MM-DD'), start, end, entries };
  });
}

const unitOf = (c: ChangeView) => (c.siteName ? `${c.customerName} / ${c.siteName}` : c.customerName);

function ClashTag({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t('changes.calendar.clash')}
    </Tag>
  );
}

/** Everything about an entry that its truncated line in a day cell may leave out. */
function entryTooltip(e: Entry, t: TFunction): ReactNode {
  const c = e.change;
  return (
    <div>
      <div>
        {c.number} {c.title}
      </div>
      <div>{formatWindow(c.plannedStart, c.plannedEnd, t)}</div>
      <div>{unitOf(c)}</div>
      <div>
        {t(`changes.status.${c.status}`)} · {t(c.major ? 'changes.major' : 'changes.minor')}
        {e.clash && ` · ${t('changes.calendar.clash')}`}
      </div>
    </div>
  );
}

/** One change in a day cell of the month grid: number and title on one truncated line, coloured by status. */
function GridEntry({ entry, date }: { entry: Entry; date: string }) {
  const { t } = useTranslation();
  const c = entry.change;
  const line: CSSProperties = {
    display: 'block',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    marginInlineEnd: 0,
    ...(entry.greyed ? { opacity: 0.55, textDecoration: 'line-through' } : {}),
    ...(entry.clash ? { borderLeft: `3px solid ${CLASH_RED}` } : {}),
  };
  return (
    <Tooltip title={entryTooltip(entry, t)}>
      <Link
        to={`/changes/${c.id}`}
        style={{ display: 'block', minWidth: 0, marginBottom: 4 }}
        data-testid={`calendar-entry-${date}-${c.id}`}
        data-status={c.status}
        data-clash={entry.clash}
        data-greyed={entry.greyed}
      >
        <Tag color={entry.greyed ? 'default' : changeStatusColor(c.status)} style={line}>
          {c.major && <strong style={{ color: CLASH_RED }}>{t('changes.calendar.majorMark')} </strong>}
          {c.number} {c.title}
        </Tag>
        {entry.clash && <ClashTag />}
      </Link>
    </Tooltip>
  );
}

/** The month as a 7-column grid, Monday first; the days before the 1st and after the last are blank. */
function MonthGrid({ month, days }: { month: string; days: Day[] }) {
  const { t } = useTranslation();
  const today = dayjs().tz(SERVICE_ZONE).format('YYYY-MM-DD');
  const blanks = WEEKDAYS.indexOf(weekdayOf(`${month}-01`));
  const cells: (Day | null)[] = [...Array<null>(blanks).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const border = '1px solid #f0f0f0';
  return (
    <div
      data-testid="calendar-grid"
      role="grid"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
        borderTop: border,
        borderLeft: border,
      }}
    >
      {/* rows for assistive technology only: the cells lay out on the grid itself */}
      <div role="row" style={{ display: 'contents' }}>
        {WEEKDAYS.map((w) => (
          <div
            key={w}
            role="columnheader"
            style={{ padding: '4px 6px', borderRight: border, borderBottom: border, background: '#fafafa' }}
          >
            {t(`changes.calendar.weekday.${w}`)}
          </div>
        ))}
      </div>
      {weeks.map((week, w) => (
        <div key={w} role="row" style={{ display: 'contents' }}>
          {week.map((d, i) => (
            <div
              key={d?.date ?? `blank-${i}`}
              role="gridcell"
              data-testid={d ? `calendar-day-${d.date}` : undefined}
              style={{
                minWidth: 0,
                minHeight: 96,
                padding: 4,
                borderRight: border,
                borderBottom: border,
                background: d ? undefined : '#fafafa',
                ...(d?.date === today ? { boxShadow: 'inset 0 2px 0 #1677ff' } : {}),
              }}
            >
              {d && (
                <>
                  <Typography.Text type={d.date === today ? undefined : 'secondary'} strong={d.date === today}>
                    {dayjs(d.date).date()}
                  </Typography.Text>
                  {d.entries.map((e) => (
                    <GridEntry key={e.change.id} entry={e} date={d.date} />
                  ))}
                </>
              )}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** On a phone: the days that have changes, each with its changes as cards (the grid would not fit 390 px). */
function Agenda({ days }: { days: Day[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const busy = days.filter((d) => d.entries.length > 0);
  return (
    <div data-testid="calendar-agenda">
      {busy.map((d) => (
        <section key={d.date} data-testid={`agenda-day-${d.date}`} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
            {dayjs(d.date).locale('en').format(t('changes.calendar.dayFormat'))}{' '}
            {t(`changes.calendar.weekdayLong.${weekdayOf(d.date)}`)}
          </Typography.Title>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {d.entries.map((e) => {
              const c = e.change;
              return (
                <Card
                  key={c.id}
                  size="small"
                  hoverable
                  className="clickable-row"
                  data-testid={`agenda-entry-${d.date}-${c.id}`}
                  data-clash={e.clash}
                  data-greyed={e.greyed}
                  onClick={() => void navigate(`/changes/${c.id}`)}
                  style={{
                    opacity: e.greyed ? 0.6 : 1,
                    ...(e.clash ? { borderLeft: `3px solid ${CLASH_RED}` } : {}),
                  }}
                >
                  <div style={{ overflowWrap: 'anywhere' }}>
                    <Typography.Text type="secondary">{formatWindow(c.plannedStart, c.plannedEnd, t)}</Typography.Text>
                    <div>
                      <Link to={`/changes/${c.id}`} onClick={(ev) => ev.stopPropagation()}>
                        {c.number}
                      </Link>{' '}
                      <Typography.Text strong>{c.title}</Typography.Text>
                    </div>
                    <div>{unitOf(c)}</div>
                    <Space size={4} wrap style={{ marginTop: 4 }}>
                      <ChangeStatusTag status={c.status} />
                      {c.major && <MajorTag major />}
                      {e.clash && <ClashTag />}
                    </Space>
                  </div>
                </Card>
              );
            })}
          </Space>
        </section>
      ))}
    </div>
  );
}

function Legend({ statuses }: { statuses: ChangeStatus[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="calendar-legend" style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('changes.calendar.legend.title')}</Typography.Text>
      <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{t('changes.calendar.legend.status')}</Typography.Text>
        {statuses
          .filter((s) => !GREYED.has(s))
          .map((s) => (
            <ChangeStatusTag key={s} status={s} />
          ))}
      </Flex>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        <li>
          <Typography.Text type="secondary">{t('changes.calendar.legend.greyed')}</Typography.Text>
        </li>
        <li>
          <Typography.Text type="secondary">{t('changes.calendar.legend.clash')}</Typography.Text>
        </li>
        <li>
          <Typography.Text type="secondary">{t('changes.calendar.legend.major')}</Typography.Text>
        </li>
        <li>
          <Typography.Text type="secondary">{t('changes.calendar.legend.zone')}</Typography.Text>
        </li>
      </ul>
    </div>
  );
}

const ALL_UNITS = 'ALL';

/**
 * 变更日历 (RP-5): the change windows of a month across all units, in Beijing time, so a supervisor sees two outages of
 * one unit at once before approving; a customer's user sees their unit's announced changes. A month grid on a
 * desktop, an agenda by day on a phone.
 */
export function ChangeCalendar() {
  const { t } = useTranslation();
  const { isCustomer } = useAuth();
  const phone = useIsPhone();
  const [month, setMonth] = useState(currentMonth);
  const [unit, setUnit] = useState<number | typeof ALL_UNITS>(ALL_UNITS);
  const [showEnded, setShowEnded] = useState(false);

  const from = monthStart(month);
  const to = monthStart(shiftMonth(month, 1));
  const query = useQuery({ queryKey: changeKeys.window(from, to), queryFn: () => changesApi.window(from, to) });
  const changes = query.data ?? [];

  // the units present in the month's data; a unit chosen in another month and absent from this one means all units
  const units = [...new Map(changes.map((c) => [c.customerId, c.customerName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'zh-CN'),
  );
  const chosenUnit = units.some(([id]) => id === unit) ? unit : ALL_UNITS;
  const shown = (c: ChangeView) =>
    (showEnded || !GREYED.has(c.status)) && (chosenUnit === ALL_UNITS || c.customerId === chosenUnit);
  const days = daysOf(month, changes, shown);
  const empty = query.isSuccess && days.every((d) => d.entries.length === 0);

  return (
    <div data-testid="change-calendar">
      <Flex wrap align="center" justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-month">
          {dayjs(`${month}-01`).locale('en').format(t('changes.calendar.monthFormat'))}
        </Typography.Title>
        <Space wrap size={8}>
          <Button onClick={() => setMonth((m) => shiftMonth(m, -1))} data-testid="calendar-previous">
            {t('changes.calendar.previous')}
          </Button>
          <Button onClick={() => setMonth(currentMonth())} data-testid="calendar-this-month">
            {t('changes.calendar.thisMonth')}
          </Button>
          <Button onClick={() => setMonth((m) => shiftMonth(m, 1))} data-testid="calendar-next">
            {t('changes.calendar.next')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap align="center" gap={12} style={{ marginBottom: 12 }}>
        {units.length > 1 && (
          <Select<number | typeof ALL_UNITS>
            data-testid="calendar-unit"
            aria-label={t('changes.calendar.unit')}
            value={chosenUnit}
            onChange={setUnit}
            style={{ width: phone ? '100%' : 240 }}
            popupMatchSelectWidth={false}
            options={[
              { value: ALL_UNITS, label: t('changes.calendar.allUnits') },
              ...units.map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
        )}
        <Checkbox
          checked={showEnded}
          onChange={(e) => setShowEnded(e.target.checked)}
          data-testid="calendar-show-ended"
        >
          {t('changes.calendar.showEnded')}
        </Checkbox>
      </Flex>
      {query.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('common.loadFailed', { message: describeError(query.error, t) })}
        />
      )}
      {changes.length >= CHANGE_WINDOW_MAX && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-too-many"
          message={t('changes.calendar.tooMany', { max: CHANGE_WINDOW_MAX })}
        />
      )}
      <Spin spinning={query.isLoading}>
        {empty && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('changes.calendar.empty')}
            data-testid="calendar-empty"
            style={{ margin: '8px 0 16px' }}
          />
        )}
        {phone ? <Agenda days={days} /> : <MonthGrid month={month} days={days} />}
      </Spin>
      <Legend statuses={isCustomer ? CUSTOMER_STATUSES : CHANGE_STATUSES} />
    </div>
  );
}
