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

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * A name written in both languages, "Fault intake / 故障受理" (the shipped models are named so, and a process owner
 * may follow the same habit): the half in the reader's language, so a Chinese reader does not get half an English
 * name. Any other name (one language, or not split in two that way) is shown as written.
 */
export function nameInLanguage(name: string | null | undefined, language: string): string {
  if (!name) return '';
  const halves = name.split(' / ');
  if (halves.length !== 2) return name;
  const [first, second] = halves.map((h) => h.trim());
  const chinese = [first, second].find((h) => HAN.test(h));
  const english = [first, second].find((h) => !HAN.test(h) && LATIN.test(h));
  if (!chinese || !english) return name;
  return language.toLowerCase().startsWith('zh') ? chinese : english;
}
