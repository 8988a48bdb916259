import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { TicketSummary } from '../../api/types';

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

/** The ticket id in a case number (INC-2026-000123 → 123): numbers are derived from ids on the server. */
export function idFromNumber(number: string): number | null {
  const m = /^\s*(?:INC-\d{4}-)?0*(\d{1,12})\s*$/i.exec(number);
  return m ? Number(m[1]) : null;
}

export const caseLinkApi = {
  callers: (phone: string) => api.get<Caller[]>('/callers', { phone }),
  openCases: (deviceId: number) => api.get<TicketSummary[]>(`/devices/${deviceId}/open-cases`),
  links: (ticketId: number | string) => api.get<LinkedCase[]>(`/tickets/${ticketId}/links`),
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
};
