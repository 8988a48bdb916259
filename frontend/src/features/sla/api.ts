import { api, download } from '../../api/client';
import type { components } from '../../api/schema';
import { acceptLanguage } from '../../i18n';
import type { Board, DeliverableKind, Delivery, HoldReason, SlaPolicy, TicketClocks } from '../../api/types';
import { boardQuery, type BoardFilter } from './boardFilter';

/** An answer together with the browser's monotonic time when it arrived (for live countdowns). */
export interface Stamped<T> {
  data: T;
  /** performance.now() when the answer arrived */
  receivedAt: number;
}

export async function stamped<T>(call: Promise<T>): Promise<Stamped<T>> {
  const data = await call;
  return { data, receivedAt: performance.now() };
}

/** Request bodies of the ticket's SLA actions, as the server declares them (all fields sent). */
type Body<Name extends keyof components['schemas']> = Required<components['schemas'][Name]>;

export const EXPORT_FALLBACK_NAME = 'sla-board.xlsx';

export const slaApi = {
  /** One page (from 0) of the board under the filter, with the counts over every open case. */
  board: (filter: BoardFilter, page = 0, size = 50) =>
    api.get<Board>('/sla/board', { ...boardQuery(filter), page: String(page), size: String(size) }),
  /** In the language the user reads the board in, also as a parameter: a plain download link could send no header. */
  exportBoard: (filter: BoardFilter) =>
    download('/sla/board.xlsx', { ...boardQuery(filter), lang: acceptLanguage() }, EXPORT_FALLBACK_NAME),
  policy: (code: string) => api.get<SlaPolicy>(`/sla/policies/${encodeURIComponent(code)}`),
  clocks: (ticketId: string | number) => api.get<TicketClocks>(`/tickets/${ticketId}/clocks`),
  deliveries: (ticketId: string | number) => api.get<Delivery[]>(`/tickets/${ticketId}/deliveries`),
  hold: (ticketId: string | number, body: components['schemas']['HoldRequest'] & { reason: HoldReason }) =>
    api.post<unknown>(`/tickets/${ticketId}/hold`, body),
  resume: (ticketId: string | number) => api.delete<unknown>(`/tickets/${ticketId}/hold`),
  changeLevel: (ticketId: string | number, body: Body<'LevelRequest'>) =>
    api.put<unknown>(`/tickets/${ticketId}/level`, body),
  onSite: (ticketId: string | number) => api.postEmpty<unknown>(`/tickets/${ticketId}/on-site`),
  deliverable: (ticketId: string | number, body: Body<'DeliverableRequest'> & { kind: DeliverableKind }) =>
    api.post<unknown>(`/tickets/${ticketId}/deliverables`, body),
  abnormalEvent: (ticketId: string | number, body: Body<'AbnormalEventRequest'>) =>
    api.post<unknown>(`/tickets/${ticketId}/abnormal-events`, body),
  acknowledgeAbnormal: (ticketId: string | number) =>
    api.postEmpty<unknown>(`/tickets/${ticketId}/abnormal-events/acknowledge`),
  delay: (ticketId: string | number, body: Body<'DelayRequest'>) =>
    api.post<unknown>(`/tickets/${ticketId}/delay`, body),
};

/** Query keys of the SLA board and policies; a ticket's clocks and deliveries live under its ticket key. */
export const slaKeys = {
  board: (query: string) => ['sla', 'board', query] as const,
  policy: (code: string) => ['sla', 'policy', code] as const,
  clocks: (ticketId: string | number) => ['tickets', String(ticketId), 'clocks'] as const,
  deliveries: (ticketId: string | number) => ['tickets', String(ticketId), 'deliveries'] as const,
};
