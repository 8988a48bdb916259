import type { Notification } from '../../api/types';

/** How a notification names its ticket: the number the server sends, or "#id" for older entries without one. */
export function notificationTicketLabel(n: Pick<Notification, 'ticketId' | 'ticketNumber'>): string | null {
  if (n.ticketId == null) return null;
  return n.ticketNumber || `#${n.ticketId}`;
}
