import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

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
