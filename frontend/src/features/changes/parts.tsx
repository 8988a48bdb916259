import { Tag } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { acceptLanguage } from '../../i18n';
import { describeError } from '../../shared/errors';
import { formatDateTime, SERVICE_ZONE, serviceWallClockToInstant } from '../../shared/format';
import { CHANGE_LIMITS, leadHoursOf, type ChangeOutcome, type ChangeStatus } from './api';

const STATUS_COLORS: Record<ChangeStatus, string> = {
  SUBMITTED: 'gold',
  TESTING: 'purple',
  SCHEDULED: 'blue',
  IN_PROGRESS: 'processing',
  DONE: 'green',
  REJECTED: 'red',
  TEST_FAILED: 'volcano',
  CANCELLED: 'default',
};

/** The colour of a status's tag (an antd preset), for the list's tags and the calendar's entries alike. */
export const changeStatusColor = (status: ChangeStatus): string => STATUS_COLORS[status] ?? 'default';

export function ChangeStatusTag({ status, testId }: { status: ChangeStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={changeStatusColor(status)} data-testid={testId} data-status={status}>
      {t(`changes.status.${status}`)}
    </Tag>
  );
}

export function ChangeOutcomeTag({ outcome }: { outcome: ChangeOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={outcome === 'SUCCEEDED' ? 'green' : 'orange'} data-outcome={outcome}>
      {t(`changes.outcome.${outcome}`)}
    </Tag>
  );
}

/** 一般变更 / 重大变更 */
export function MajorTag({ major }: { major: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={major ? 'red' : 'default'} data-major={major}>
      {t(major ? 'changes.major' : 'changes.minor')}
    </Tag>
  );
}

/** The day part of a window's end: "12月10日", or with the year when it is not this year's. */
function day(d: Dayjs, t: TFunction): string {
  const thisYear = dayjs().tz(SERVICE_ZONE).year() === d.year();
  return d.locale('en').format(t(thisYear ? 'changes.format.day' : 'changes.format.dayWithYear'));
}

/**
 * The planned window in the service's zone (as every time in the app): "12月10日 14:00–16:00", or
 * "12月10日 22:00–12月11日 02:00" over midnight.
 */
export function formatWindow(start: string, end: string, t: TFunction): string {
  const s = dayjs(start).tz(SERVICE_ZONE);
  const e = dayjs(end).tz(SERVICE_ZONE);
  const sameDay = s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD');
  return `${day(s, t)} ${s.format('HH:mm')}–${sameDay ? '' : `${day(e, t)} `}${e.format('HH:mm')}`;
}

/** A window's length: "2 小时", "1 天 3 小时", "45 分钟". */
export function formatDuration(start: string, end: string, t: TFunction): string {
  const minutes = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const parts = [
    days > 0 ? t('target.days', { n: days }) : '',
    hours > 0 ? t('target.hours', { n: hours }) : '',
    rest > 0 ? t('target.minutes', { n: rest }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : t('target.minutes', { n: 0 });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The checks of a planned window, as form rules (the pickers hold wall-clock times in the service zone): the start
 * at least 24 h (一般) / 72 h (重大) from now, at most 366 days ahead; the end after the start, at most 7 days later.
 * The server checks the same and has the last word.
 */
export function startRules(major: () => boolean, t: TFunction): Rule[] {
  return [
    { required: true, message: t('validation.choose', { field: t('changes.field.plannedStart') }) },
    {
      validator: (_, value: Dayjs | null | undefined) => {
        if (!value) return Promise.resolve();
        const start = Date.parse(serviceWallClockToInstant(value));
        const lead = leadHoursOf(major());
        const earliest = Date.now() + lead * HOUR;
        if (start < earliest) {
          return Promise.reject(
            new Error(
              t(major() ? 'changes.rules.tooEarlyMajor' : 'changes.rules.tooEarlyMinor', {
                hours: lead,
                earliest: formatDateTime(new Date(earliest).toISOString()),
              }),
            ),
          );
        }
        if (start > Date.now() + CHANGE_LIMITS.aheadDays * DAY) {
          return Promise.reject(new Error(t('changes.rules.tooFarAhead', { days: CHANGE_LIMITS.aheadDays })));
        }
        return Promise.resolve();
      },
    },
  ];
}

export function endRules(start: () => Dayjs | null | undefined, t: TFunction): Rule[] {
  return [
    { required: true, message: t('validation.choose', { field: t('changes.field.plannedEnd') }) },
    {
      validator: (_, value: Dayjs | null | undefined) => {
        const from = start();
        if (!value || !from) return Promise.resolve();
        const length = Date.parse(serviceWallClockToInstant(value)) - Date.parse(serviceWallClockToInstant(from));
        if (length <= 0) return Promise.reject(new Error(t('changes.rules.endBeforeStart')));
        if (length > CHANGE_LIMITS.windowDays * DAY) {
          return Promise.reject(new Error(t('changes.rules.tooLong', { days: CHANGE_LIMITS.windowDays })));
        }
        return Promise.resolve();
      },
    },
  ];
}

/** An instant as the wall-clock time in the service zone that the date pickers edit (see shared/format.ts). */
export function instantToServiceWallClock(value: string): Dayjs {
  return dayjs(dayjs(value).tz(SERVICE_ZONE).format('YYYY-MM-DDTHH:mm:ss'));
}

/** A field name the server gave ("deviceIds[3]", "note") as the form knows it ("deviceIds", "note"). */
export const formField = (field: string) => field.split(/[.[]/)[0];

/**
 * A failed action as one Chinese (or English) line. A 409 naming plannedStart means the window is now too close to
 * tell the customer in time; any other 409 that the server did not word for this reader means the change moved on
 * meanwhile (someone else acted on it).
 */
export function describeChangeError(error: unknown, t: TFunction, leadHours?: number): string {
  if (error instanceof ApiError && error.status === 409) {
    const chinese = acceptLanguage() === 'zh-CN';
    const fields = error.problem.errors ?? [];
    const start = fields.find((f) => f.field === 'plannedStart');
    if (start) {
      return showable(start.message, chinese)
        ? start.message
        : t('changes.errors.leadTime', { hours: leadHours ?? leadHoursOf(false) });
    }
    if (fields.length === 0 && showable(error.message, chinese) && !/^HTTP \d+$/.test(error.message)) {
      return error.message;
    }
    return t('changes.errors.stale');
  }
  return describeError(error, t);
}
