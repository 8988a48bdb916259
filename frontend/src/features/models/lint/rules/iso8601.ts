// The ISO-8601 forms Camunda 7 timers accept: durations (timeDuration), date-times (timeDate) and
// repeating intervals R[n]/… (timeCycle). Cron cycles are deliberately not accepted here.

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const DURATION = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
  'i',
);
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const REPEAT = /^R(\d*)$/i;

/** An `${…}` or `#{…}` expression anywhere in the value: evaluated by the engine, not checkable here. */
export function hasExpression(value: string): boolean {
  return /[$#]\{[^}]*\}/.test(value);
}

/** Seconds an ISO-8601 duration spans (years as 365 days, months as 30), or null if it is not one. */
export function durationSeconds(value: string): number | null {
  const match = DURATION.exec(value.trim());
  if (!match) return null;
  const text = value.trim().toUpperCase();
  // "P" or "PT" alone: no component at all.
  if (!/\d/.test(text) || text.endsWith('T')) return null;
  const [, y, mo, w, d, h, mi, s] = match.map((m) => (m === undefined ? 0 : Number(m.replace(',', '.'))));
  return (((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s;
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return false;
  const [, , month, day, hour = '0', minute = '0', second = '0'] = match;
  return (
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= 31 &&
    Number(hour) <= 24 &&
    Number(minute) <= 59 &&
    Number(second) <= 60
  );
}

export type CycleCheck = { ok: true; intervalSeconds: number } | { ok: false };

/** A repeating interval: R[n]/duration, R[n]/start/duration or R[n]/duration/end. */
export function parseCycle(value: string): CycleCheck {
  const parts = value.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || !REPEAT.test(parts[0])) return { ok: false };
  const rest = parts.slice(1);
  const durations = rest.map(durationSeconds);
  const dates = rest.filter(isDateTime);
  const interval = durations.find((d) => d !== null);
  if (interval === undefined || interval === null) return { ok: false };
  if (durations.filter((d) => d !== null).length + dates.length !== rest.length) return { ok: false };
  if (rest.length === 2 && dates.length !== 1) return { ok: false };
  return { ok: true, intervalSeconds: interval };
}
