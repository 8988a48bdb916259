import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../shared/format';
import { notificationTicketLabel, overdueMillis } from './overdue';

const HOUR = 3600_000;
const now = Date.parse('2026-01-10T12:00:00Z');
const base = {
  responseDue: '2026-01-10T09:00:00Z',
  resolutionDue: '2026-01-10T11:00:00Z',
  respondedAt: null,
  resolvedAt: null,
  responseOverdue: false,
  resolutionOverdue: false,
};

describe('overdueMillis', () => {
  it('counts from the longest-missed deadline', () => {
    expect(overdueMillis({ ...base, responseOverdue: true, resolutionOverdue: true }, now)).toBe(3 * HOUR);
    expect(overdueMillis({ ...base, responseOverdue: true, respondedAt: '2026-01-10T10:00:00Z', resolutionOverdue: true }, now)).toBe(HOUR);
    expect(overdueMillis(base, now)).toBe(0);
  });
});

describe('formatDuration', () => {
  it('is coarse', () => {
    const t = i18n.getFixedT('en');
    expect(formatDuration(12 * 60_000, t)).toBe('12 min');
    expect(formatDuration(2 * HOUR + 5 * 60_000, t)).toBe('2 h 5 min');
    expect(formatDuration(50 * HOUR, t)).toBe('2 d 2 h');
  });
});

describe('notificationTicketLabel', () => {
  it('uses the ticket number and falls back to the id for older notifications', () => {
    expect(notificationTicketLabel({ ticketId: 7, ticketNumber: 'AC-20260110-0007' })).toBe('AC-20260110-0007');
    expect(notificationTicketLabel({ ticketId: 7 })).toBe('#7');
    expect(notificationTicketLabel({ ticketId: 7, ticketNumber: null })).toBe('#7');
    expect(notificationTicketLabel({ ticketId: null })).toBeNull();
  });
});
