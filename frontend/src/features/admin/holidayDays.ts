// How a holiday's dates read: consecutive days as one range, make-up workdays with their weekday.

const DAY_MS = 86_400_000;

const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

function monthDay(date: string, locale: string, weekday = false): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    weekday: weekday ? 'short' : undefined,
    timeZone: 'UTC',
  }).format(asUtc(date));
}

/** Runs of consecutive dates (yyyy-MM-dd, sorted): [["2026-02-15", "2026-02-23"], ["2026-03-01", "2026-03-01"]]. */
export function runs(dates: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const date of dates) {
    const last = out[out.length - 1];
    if (last && asUtc(date).getTime() - asUtc(last[1]).getTime() === DAY_MS) last[1] = date;
    else out.push([date, date]);
  }
  return out;
}

/** Off days: "2月15日–2月23日"; several runs joined with "、" (", " in English). */
export function offDaysText(dates: string[], locale: string): string {
  const sep = locale.startsWith('zh') ? '、' : ', ';
  return runs(dates)
    .map(([from, to]) => (from === to ? monthDay(from, locale) : `${monthDay(from, locale)}–${monthDay(to, locale)}`))
    .join(sep);
}

/** Make-up workdays one by one with the weekday, which is why they are listed: "2月14日周六". */
export function makeUpDaysText(dates: string[], locale: string): string {
  const sep = locale.startsWith('zh') ? '、' : ', ';
  return dates.map((d) => monthDay(d, locale, true)).join(sep);
}
