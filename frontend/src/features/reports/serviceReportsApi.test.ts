import { describe, expect, it } from 'vitest';
import { lastServicePeriod } from './serviceReportsApi';

describe('lastServicePeriod', () => {
  it('names the last whole day, month, quarter and year', () => {
    const today = new Date(2026, 10, 5); // 5 November 2026
    expect(lastServicePeriod('DAILY_LOG', today)).toBe('2026-11-04');
    expect(lastServicePeriod('MONTHLY_FAULTS', today)).toBe('2026-10');
    expect(lastServicePeriod('INSPECTION_MONTHLY', today)).toBe('2026-10');
    expect(lastServicePeriod('QUARTERLY_OM', today)).toBe('2026-Q3');
    expect(lastServicePeriod('ANNUAL', today)).toBe('2025');
    expect(lastServicePeriod('DAILY_LOG', new Date(2026, 0, 1))).toBe('2025-12-31');
    expect(lastServicePeriod('QUARTERLY_DEVICES', new Date(2027, 1, 1))).toBe('2026-Q4');
  });
});
