import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { Page, TicketSummary } from '../../api/types';

type Schemas = components['schemas'];

/** A known caller found by phone digits (GET /api/callers). */
export type Caller = Required<Schemas['Caller']>;
/** The other case of a link, seen from the case on screen. */
export type LinkedCase = Required<Schemas['LinkedCase']>;
/** How the desk links: RELATED, or DUPLICATE_OF (the case on screen is closed as the other's duplicate). */
export type LinkKind = NonNullable<Schemas['LinkRequest']['kind']>;

/** Digits a lookup needs before the server is asked (the server refuses fewer). */
export const MIN_PHONE_DIGITS = 4;

export function phoneDigits(phone: string | undefined | null): string {
  return (phone ?? '').replace(/[\s\-+()]/g, '');
}

/** Cases the link picker offers for what the agent typed (ADR 0042): at most this many, best first. */
export const PICKER_SIZE = 10;

export const caseLinkApi = {
  callers: (phone: string) => api.get<Caller[]>('/callers', { phone }),
  openCases: (deviceId: number) => api.get<TicketSummary[]>(`/devices/${deviceId}/open-cases`),
  links: (ticketId: number | string) => api.get<LinkedCase[]>(`/tickets/${ticketId}/links`),
  /**
   * The link picker's search (ADR 0042): the ticket list's own free-text search (number, title, requester, phone, site,
   * device...), so a case is linked by the id the server gives, never by digits read out of its number.
   */
  findCases: (q: string) => api.get<Page<TicketSummary>>('/tickets', { q, page: 0, size: PICKER_SIZE }),
  link: (ticketId: number | string, otherTicketId: number, kind: LinkKind) =>
    api.post<LinkedCase>(`/tickets/${ticketId}/links`, { otherTicketId, kind }),
  unlink: (ticketId: number | string, otherTicketId: number) =>
    api.delete<void>(`/tickets/${ticketId}/links/${otherTicketId}`),
};

export const caseLinkKeys = {
  callers: (digits: string) => ['callers', digits] as const,
  openCases: (deviceId: number | undefined) => ['devices', deviceId, 'open-cases'] as const,
  // under the ticket's own key, so an action on the ticket refreshes its links too (see tickets/api.ts)
  links: (ticketId: number | string) => ['tickets', String(ticketId), 'links'] as const,
  pick: (q: string) => ['tickets', 'link-picker', q] as const,
};
