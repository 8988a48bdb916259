import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { BoardClock } from '../../api/types';

/** States in which a clock's remaining time runs down. PAUSED keeps its frozen remaining time. */
export const COUNTING_STATES: ReadonlySet<string> = new Set(['RUNNING', 'BREACHED']);

/**
 * Seconds left on a clock now (negative = overdue by). Counts down from the server's
 * `remainingSeconds` by the time elapsed since that answer arrived, both measured with the
 * browser's monotonic clock (performance.now()), so a wrong browser wall clock does not matter.
 * Paused and stopped clocks do not count down. null when the server sends no remaining time.
 */
export function remainingNow(
  clock: Pick<BoardClock, 'state' | 'remainingSeconds'>,
  receivedAt: number,
  now: number,
): number | null {
  const remaining = clock.remainingSeconds;
  if (remaining === null || remaining === undefined) return null;
  if (!COUNTING_STATES.has(clock.state)) return remaining;
  const elapsed = Math.max(0, Math.floor((now - receivedAt) / 1000));
  return remaining - elapsed;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A length of time, sign ignored: "45s", "23m 10s", "1h 05m", "2d 3h" (via i18n). `compact` drops
 * a trailing zero part ("10m" instead of "10m 00s") for figures that do not tick, such as margins.
 */
export function formatSpan(seconds: number, t: TFunction, compact = false): string {
  const total = Math.abs(Math.trunc(seconds));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return compact && h === 0 ? t('countdown.daysOnly', { d }) : t('countdown.days', { d, h });
  if (h > 0) return compact && m === 0 ? t('countdown.hoursOnly', { h }) : t('countdown.hours', { h, m: pad(m) });
  if (m > 0) return compact && s === 0 ? t('countdown.minutesOnly', { m }) : t('countdown.minutes', { m, s: pad(s) });
  return t('countdown.seconds', { s });
}

/** Time left, or "overdue 5m 02s" when negative. */
export function formatCountdown(seconds: number, t: TFunction): string {
  return seconds < 0 ? t('countdown.overdue', { time: formatSpan(seconds, t) }) : formatSpan(seconds, t);
}

/** A clock is shown as overdue as soon as its live countdown passes zero, even before the next refresh. */
export function liveRisk(serverRisk: string, remaining: number | null, state: string): string {
  return remaining !== null && remaining < 0 && COUNTING_STATES.has(state) ? 'OVERDUE' : serverRisk;
}

/**
 * The clock to show for a case: the counting clock with the least time left; failing that the
 * paused one with the least time left; otherwise none.
 */
export function mostUrgentClock<C extends Pick<BoardClock, 'state' | 'remainingSeconds'>>(
  clocks: readonly C[],
): C | null {
  const least = (candidates: C[]) =>
    candidates.reduce<C | null>(
      (best, c) => (best === null || c.remainingSeconds! < best.remainingSeconds! ? c : best),
      null,
    );
  const withTime = clocks.filter((c) => c.remainingSeconds !== null && c.remainingSeconds !== undefined);
  return (
    least(withTime.filter((c) => COUNTING_STATES.has(c.state))) ?? least(withTime.filter((c) => c.state === 'PAUSED'))
  );
}

/** The browser's monotonic time (performance.now()), updated every `intervalMillis`. */
export function useMonotonicNow(intervalMillis = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), intervalMillis);
    return () => clearInterval(timer);
  }, [intervalMillis]);
  return now;
}

/** "PT30M" → 30 min, "P1DT4H" → 1 d 4 h; null when the text is not an ISO-8601 duration of days/hours/minutes/seconds. */
export function parseIsoDuration(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(iso.trim());
  if (!match || iso.trim().toUpperCase() === 'P' || /T$/i.test(iso.trim())) return null;
  const [, w, d, h, m, s] = match.map((v) => (v === undefined ? 0 : Number(v)));
  return (((w * 7 + d) * 24 + h) * 60 + m) * 60 + s;
}

/** A target duration for people: "30 min", "4 h", "1 d 4 h"; the raw text if it cannot be read. */
export function formatTarget(iso: string | null | undefined, t: TFunction): string {
  const seconds = parseIsoDuration(iso);
  if (seconds === null) return iso || t('common.empty');
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const parts = [
    d > 0 && t('target.days', { n: d }),
    h > 0 && t('target.hours', { n: h }),
    m > 0 && t('target.minutes', { n: m }),
    s > 0 && t('target.seconds', { n: s }),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : t('target.minutes', { n: 0 });
}
