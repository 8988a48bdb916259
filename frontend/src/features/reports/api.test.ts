import { describe, expect, it } from 'vitest';
import { lastPeriod } from './api';

describe('lastPeriod', () => {
  it('is the month before today', () => {
    expect(lastPeriod('MONTHLY', new Date(2026, 10, 2))).toBe('2026-10');
    expect(lastPeriod('MONTHLY', new Date(2027, 0, 5))).toBe('2026-12');
  });

  it('is the quarter before the one holding today', () => {
    expect(lastPeriod('QUARTERLY', new Date(2026, 9, 9))).toBe('2026-Q3');
    expect(lastPeriod('QUARTERLY', new Date(2027, 1, 1))).toBe('2026-Q4');
    expect(lastPeriod('QUARTERLY', new Date(2026, 11, 31))).toBe('2026-Q3');
  });
});
