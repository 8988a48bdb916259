import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatSpan,
  formatTarget,
  liveRisk,
  mostUrgentClock,
  parseIsoDuration,
  remainingNow,
} from './countdown';

const t = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh');
const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

describe('formatCountdown', () => {
  it('shows seconds, minutes with padded seconds, hours with padded minutes, days with hours', () => {
    expect(formatCountdown(0, t)).toBe('0s');
    expect(formatCountdown(45, t)).toBe('45s');
    expect(formatCountdown(23 * MIN + 10, t)).toBe('23m 10s');
    expect(formatCountdown(5 * MIN + 2, t)).toBe('5m 02s');
    expect(formatCountdown(HOUR + 5 * MIN + 59, t)).toBe('1h 05m');
    expect(formatCountdown(2 * DAY + 3 * HOUR + 59 * MIN, t)).toBe('2d 3h');
  });

  it('says "overdue" for negative times', () => {
    expect(formatCountdown(-(5 * MIN + 2), t)).toBe('overdue 5m 02s');
    expect(formatCountdown(-1, t)).toBe('overdue 1s');
    expect(formatCountdown(-(DAY + HOUR), t)).toBe('overdue 1d 1h');
  });

  it('has Chinese texts', () => {
    expect(formatCountdown(23 * MIN + 10, zh)).toBe('23分10秒');
    expect(formatCountdown(-(HOUR + 5 * MIN), zh)).toBe('超时 1小时05分');
  });

  it('formatSpan ignores the sign, and can drop a trailing zero part', () => {
    expect(formatSpan(-600, t)).toBe('10m 00s');
    expect(formatSpan(600, t, true)).toBe('10m');
    expect(formatSpan(302, t, true)).toBe('5m 02s');
    expect(formatSpan(2 * HOUR, t, true)).toBe('2h');
    expect(formatSpan(DAY, zh, true)).toBe('1天');
  });
});

describe('remainingNow', () => {
  const received = 10_000; // performance.now() when the answer arrived, in ms

  it('counts a running clock down by whole seconds elapsed on the monotonic clock', () => {
    const clock = { state: 'RUNNING', remainingSeconds: 1390 };
    expect(remainingNow(clock, received, received)).toBe(1390);
    expect(remainingNow(clock, received, received + 999)).toBe(1390);
    expect(remainingNow(clock, received, received + 1000)).toBe(1389);
    expect(remainingNow(clock, received, received + 65_500)).toBe(1325);
  });

  it('goes negative once the due time passes, and a breached clock keeps counting', () => {
    expect(remainingNow({ state: 'RUNNING', remainingSeconds: 3 }, received, received + 5000)).toBe(-2);
    expect(remainingNow({ state: 'BREACHED', remainingSeconds: -1800 }, received, received + 2000)).toBe(-1802);
  });

  it('does not count a paused clock down', () => {
    const paused = { state: 'PAUSED', remainingSeconds: 600 };
    expect(remainingNow(paused, received, received + 3_600_000)).toBe(600);
  });

  it('keeps days as seconds', () => {
    const clock = { state: 'RUNNING', remainingSeconds: 2 * DAY + 3 * HOUR };
    expect(formatCountdown(remainingNow(clock, received, received + HOUR * 1000)!, t)).toBe('2d 2h');
  });

  it('is null without a remaining time, and never counts up if the monotonic clock looks earlier', () => {
    expect(remainingNow({ state: 'MET', remainingSeconds: null }, received, received + 1000)).toBeNull();
    expect(remainingNow({ state: 'RUNNING', remainingSeconds: undefined }, received, received + 1000)).toBeNull();
    expect(remainingNow({ state: 'RUNNING', remainingSeconds: 100 }, received, received - 5000)).toBe(100);
  });
});

describe('liveRisk', () => {
  it('turns a counting clock overdue when it passes zero before the next refresh', () => {
    expect(liveRisk('AT_RISK', -1, 'RUNNING')).toBe('OVERDUE');
    expect(liveRisk('AT_RISK', 10, 'RUNNING')).toBe('AT_RISK');
    expect(liveRisk('OK', -5, 'PAUSED')).toBe('OK');
    expect(liveRisk('OK', null, 'MET')).toBe('OK');
  });
});

describe('mostUrgentClock', () => {
  it('takes the counting clock with least time left, then a paused one', () => {
    const a = { clock: 'RESOLUTION', state: 'RUNNING', remainingSeconds: 5000 };
    const b = { clock: 'RESPONSE', state: 'BREACHED', remainingSeconds: -60 };
    const p = { clock: 'ON_SITE', state: 'PAUSED', remainingSeconds: -100 };
    const m = { clock: 'DISPATCH', state: 'MET', remainingSeconds: null };
    expect(mostUrgentClock([a, p, b, m])).toBe(b);
    expect(mostUrgentClock([p, m])).toBe(p);
    expect(mostUrgentClock([m])).toBeNull();
    expect(mostUrgentClock([])).toBeNull();
  });
});

describe('ISO durations', () => {
  it('reads the targets of the SLA schemes', () => {
    expect(parseIsoDuration('PT30M')).toBe(30 * MIN);
    expect(parseIsoDuration('PT36H')).toBe(36 * HOUR);
    expect(parseIsoDuration('P1DT4H')).toBe(DAY + 4 * HOUR);
    expect(parseIsoDuration('P1W')).toBe(7 * DAY);
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT')).toBeNull();
    expect(parseIsoDuration('30 minutes')).toBeNull();
    expect(parseIsoDuration(null)).toBeNull();
  });

  it('shows them for people', () => {
    expect(formatTarget('PT30M', t)).toBe('30 min');
    expect(formatTarget('PT36H', t)).toBe('1 d 12 h');
    expect(formatTarget('PT1H30M', t)).toBe('1 h 30 min');
    expect(formatTarget('PT4H', zh)).toBe('4 小时');
    expect(formatTarget('P1M', t)).toBe('P1M');
  });
});
