import { api, request } from '../../api/client';
import type {
  CallbackAnswer,
  CustomerCaseFile,
  NewTicket,
  Notification,
  Page,
  ProbeRecheck,
  TicketDetail,
  TicketSummary,
  VerificationWaiver,
} from '../../api/types';

/** Sortable columns of the ticket list (server-side sort, issue 15). */
export const TICKET_SORTS = [
  'CREATED_AT',
  'RECEIVED_AT',
  'NUMBER',
  'TITLE',
  'LEVEL',
  'STATUS',
  'SITE',
  'ASSIGNEE',
  'RESPONSE_DUE',
  'RESOLUTION_DUE',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketFilter {
  /** Free text: number, title, description, caller, phone, site name or address, device, conversation. */
  q?: string;
  status?: string;
  siteId?: number;
  deviceId?: number;
  assignee?: string;
  requestType?: string;
  level?: string;
  channel?: string;
  /** Reported between these days (yyyy-mm-dd, both included). */
  from?: string;
  to?: string;
  overdue?: boolean;
  sort?: TicketSort;
  direction?: 'ASC' | 'DESC';
  page: number;
  size: number;
}

export const ticketsApi = {
  list: (filter: TicketFilter) =>
    api.get<Page<TicketSummary>>('/tickets', { ...filter, overdue: filter.overdue ? true : undefined }),
  get: (id: string | number) => api.get<TicketDetail>(`/tickets/${id}`),
  /** The same route as `get`: for a customer's user the server answers the reduced customer case file. */
  customerCase: (id: string | number) => api.get<CustomerCaseFile>(`/tickets/${id}`),
  /** 204; 400 with field errors; 409 when no callback waits for an answer. */
  answerCallback: (id: string | number, answer: CallbackAnswer) =>
    api.post<void>(`/tickets/${id}/callback-answer`, answer),
  /** The key makes a retried submit (e.g. after a network hiccup) return the first ticket instead of a duplicate. */
  create: (ticket: NewTicket, idempotencyKey: string) =>
    request<TicketDetail>('/tickets', { method: 'POST', body: ticket, headers: { 'Idempotency-Key': idempotencyKey } }),
  notifications: () => api.get<Notification[]>('/notifications'),
  /**
   * Issue 12: probe the ticket's device again now; the result joins the case file's probe results. At a site served
   * by a probe agent the recheck is queued for the agent instead (queued, ADR 0042).
   */
  recheckDevice: (id: string | number) => api.postEmpty<ProbeRecheck>(`/tickets/${id}/probe-results`),
  waiveVerification: (id: string | number, reason: string) =>
    api.post<VerificationWaiver>(`/tickets/${id}/verification-waiver`, { reason }),
};

// shared with the task forms kept without signal (features/offline)
export { newIdempotencyKey } from '../../shared/idempotencyKey';

/**
 * Query keys of tickets. Everything about one ticket (its file, clocks, deliveries) sits under
 * `ticketKeys.one(id)`, so an action on the ticket refreshes all of it with one invalidation.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: (filter: TicketFilter) => ['tickets', 'list', filter] as const,
  one: (id: string | number) => ['tickets', String(id)] as const,
  detail: (id: string | number) => ['tickets', String(id), 'detail'] as const,
  customerCase: (id: string | number) => ['tickets', String(id), 'customer-case'] as const,
  notifications: ['notifications'] as const,
};
