import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

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

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

/**
 * Now as a wall-clock time in the service zone, held in a plain (browser-zone) dayjs: date pickers
 * work in the browser's zone, so they get the service zone's fields to show and edit.
 */
export function serviceWallClockNow(): Dayjs {
  return dayjs(dayjs().tz(SERVICE_ZONE).format(WALL_CLOCK));
}

/** The instant (ISO, UTC) that a wall-clock time picked in the service zone stands for. */
export function serviceWallClockToInstant(value: Dayjs): string {
  return dayjs.tz(value.format(WALL_CLOCK), SERVICE_ZONE).toISOString();
}
