import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime, nameInLanguage, serviceWallClockNow, serviceWallClockToInstant } from './format';

describe('formatDateTime', () => {
  it('shows instants in the service zone (Asia/Shanghai), not the browser zone', () => {
    expect(formatDateTime('2026-01-10T01:30:00Z')).toBe('2026-01-10 09:30');
    expect(formatDateTime('2026-01-10T18:05:00Z')).toBe('2026-01-11 02:05');
    expect(formatDateTime('2026-01-10T09:30:00+08:00')).toBe('2026-01-10 09:30');
  });

  it('shows a dash for missing values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});

describe('service wall-clock times for date pickers', () => {
  afterEach(() => vi.useRealTimers());

  it('shows "now" with the service zone\'s fields and turns a picked time back into the right instant', () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T02:00:00Z'), toFake: ['Date'] });
    const now = serviceWallClockNow();
    expect(now.format('YYYY-MM-DD HH:mm')).toBe('2026-03-10 10:00');
    expect(serviceWallClockToInstant(now)).toBe('2026-03-10T02:00:00.000Z');
    expect(serviceWallClockToInstant(dayjs('2026-03-10T09:35:00'))).toBe('2026-03-10T01:35:00.000Z');
  });
});

describe('nameInLanguage', () => {
  it("shows the reader's half of a name written in both languages", () => {
    expect(nameInLanguage('Fault intake / 故障受理', 'zh-CN')).toBe('故障受理');
    expect(nameInLanguage('Fault intake / 故障受理', 'en')).toBe('Fault intake');
    expect(nameInLanguage('故障受理 / Fault intake', 'en-US')).toBe('Fault intake');
    expect(nameInLanguage('Escalation / SLA 升级', 'zh')).toBe('SLA 升级');
  });

  it('shows any other name as written', () => {
    expect(nameInLanguage('故障受理（新版）', 'en')).toBe('故障受理（新版）');
    expect(nameInLanguage('Night shift / weekend', 'zh-CN')).toBe('Night shift / weekend');
    expect(nameInLanguage('派单 / 回访', 'en')).toBe('派单 / 回访');
    expect(nameInLanguage('A / B / 丙', 'zh-CN')).toBe('A / B / 丙');
    expect(nameInLanguage(null, 'zh-CN')).toBe('');
  });
});
