import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { TFunction } from 'i18next';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The service's time zone (backend `aftercare.zone`). All times are shown in it, whatever the
 * browser's zone, so they match the timeline messages the server writes.
 */
export const SERVICE_ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).tz(SERVICE_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

/** "3 d 4 h" / "2 h 5 min" / "12 min" — coarse on purpose: a supervisor needs the order of magnitude. */
export function formatDuration(millis: number, t: TFunction): string {
  const totalMinutes = Math.max(0, Math.floor(millis / 60000));
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  if (d > 0) return t('duration.days', { d, h });
  if (h > 0) return t('duration.hours', { h, m });
  return t('duration.minutes', { m });
}
