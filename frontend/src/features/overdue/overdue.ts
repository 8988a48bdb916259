import type { Notification, TicketSummary } from '../../api/types';

type Deadlines = Pick<
  TicketSummary,
  'responseDue' | 'resolutionDue' | 'respondedAt' | 'resolvedAt' | 'responseOverdue' | 'resolutionOverdue'
>;

/**
 * How long the longest-missed deadline has been missed, in ms (0 if none). A missed response
 * deadline only counts while nobody has responded; a late resolution counts up to its resolution.
 */
export function overdueMillis(ticket: Deadlines, now: number): number {
  const late: number[] = [0];
  if (ticket.responseOverdue && !ticket.respondedAt && ticket.responseDue) {
    late.push(now - Date.parse(ticket.responseDue));
  }
  if (ticket.resolutionOverdue && ticket.resolutionDue) {
    late.push((ticket.resolvedAt ? Date.parse(ticket.resolvedAt) : now) - Date.parse(ticket.resolutionDue));
  }
  return Math.max(...late);
}

/** How a notification names its ticket: the number the server sends, or "#id" for older entries without one. */
export function notificationTicketLabel(n: Pick<Notification, 'ticketId' | 'ticketNumber'>): string | null {
  if (n.ticketId == null) return null;
  return n.ticketNumber || `#${n.ticketId}`;
}
