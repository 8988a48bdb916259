import { describe, expect, it } from 'vitest';
import { daysLeft } from './api';

describe('daysLeft', () => {
  const now = Date.parse('2026-11-04T06:00:00Z');

  it('counts started days until the vendor owes the device back', () => {
    expect(daysLeft('2026-11-09T02:00:00Z', now)).toBe(5);
    expect(daysLeft('2026-11-04T07:00:00Z', now)).toBe(1);
  });

  it('is negative once the deadline has passed', () => {
    expect(daysLeft('2026-11-04T05:00:00Z', now)).toBe(-1);
    expect(daysLeft('2026-11-01T06:00:00Z', now)).toBe(-3);
  });
});
