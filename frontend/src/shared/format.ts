import dayjs from 'dayjs';
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
