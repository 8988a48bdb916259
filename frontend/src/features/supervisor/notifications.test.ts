import { describe, expect, it } from 'vitest';
import { notificationTicketLabel } from './notifications';

describe('notificationTicketLabel', () => {
  it('uses the ticket number and falls back to the id for older notifications', () => {
    expect(notificationTicketLabel({ ticketId: 7, ticketNumber: 'AC-20260110-0007' })).toBe('AC-20260110-0007');
    expect(notificationTicketLabel({ ticketId: 7 })).toBe('#7');
    expect(notificationTicketLabel({ ticketId: 7, ticketNumber: null })).toBe('#7');
    expect(notificationTicketLabel({ ticketId: null })).toBeNull();
  });
});
