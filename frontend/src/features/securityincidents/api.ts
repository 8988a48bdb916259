// Security incidents (安全事件, commitment RP-6): a leak, a misuse or unauthorised change of a customer's data, an
// operation beyond authorisation... by a member of the project team, recorded against one customer unit, investigated
// by a supervisor or administrator, told to the unit and closed with the measures taken and a conclusion; counted per
// month by kind and impact.
import { api } from '../../api/client';
import type { components } from '../../api/schema';

// Written by hand rather than taken from the generated schema: the server leaves null fields out of its JSON, and these
// say which fields may be missing.

export type SecurityIncidentKind =
  'POLITICAL' | 'LEAK' | 'DATA_THEFT' | 'UNAUTHORIZED_CHANGE' | 'CONCEALMENT' | 'BEYOND_AUTHORIZATION' | 'OTHER';
export type SecurityImpact = 'MINOR' | 'SERIOUS' | 'MAJOR';
export type SecurityIncidentStatus = 'REPORTED' | 'INVESTIGATING' | 'CLOSED';
export type SecurityIncidentAction = 'REPORTED' | 'TAKEN' | 'NOTE' | 'CUSTOMER_TOLD' | 'CLOSED';

export const SECURITY_INCIDENT_KINDS: SecurityIncidentKind[] = [
  'POLITICAL',
  'LEAK',
  'DATA_THEFT',
  'UNAUTHORIZED_CHANGE',
  'CONCEALMENT',
  'BEYOND_AUTHORIZATION',
  'OTHER',
];
/** Least to most. */
export const SECURITY_IMPACTS: SecurityImpact[] = ['MINOR', 'SERIOUS', 'MAJOR'];
/** In lifecycle order. */
export const SECURITY_INCIDENT_STATUSES: SecurityIncidentStatus[] = ['REPORTED', 'INVESTIGATING', 'CLOSED'];
export const SECURITY_INCIDENT_ACTIONS: SecurityIncidentAction[] = [
  'REPORTED',
  'TAKEN',
  'NOTE',
  'CUSTOMER_TOLD',
  'CLOSED',
];

/** The contract's limits; the server checks the same. */
export const SECURITY_INCIDENT_LIMITS = {
  title: 100,
  description: 2000,
  involved: 200,
  note: 2000,
  how: 200,
  measures: 2000,
  conclusion: 2000,
} as const;

/** Who sees the statistics panel (GET /stats); a customer's user sees their own unit's too. */
export const SECURITY_STATS_READERS = ['SUPERVISOR', 'ADMIN'] as const;

/** One row of the list. */
export interface SecurityIncidentSummary {
  id: number;
  /** "SEC-000001" */
  number: string;
  customerId: number;
  customerName: string;
  kind: SecurityIncidentKind;
  impact: SecurityImpact;
  status: SecurityIncidentStatus;
  title: string;
  occurredAt: string;
  reportedAt: string;
  /** Username. */
  reportedBy: string;
  /** Display name, when known. */
  reportedByName?: string | null;
  /** Reported by the customer's own user: that counts as the customer told. */
  reportedByCustomer: boolean;
  /** Who took it for investigation (username), and their name. */
  handler?: string | null;
  handlerName?: string | null;
  customerToldAt?: string | null;
  closedAt?: string | null;
}

/** One line of the incident's timeline. */
export interface SecurityIncidentEvent {
  id: number;
  at: string;
  actor: string;
  actorName?: string | null;
  action: SecurityIncidentAction;
  note?: string | null;
}

export interface SecurityIncidentView extends SecurityIncidentSummary {
  description: string;
  /** Who was involved (names, free text). */
  involved?: string | null;
  /** The case it happened in, if any. */
  ticketId?: number | null;
  ticketNumber?: string | null;
  /** How the unit was told, e.g. "电话告知信息中心张主任". */
  customerToldHow?: string | null;
  /** 整改措施, set at close. */
  measures?: string | null;
  /** 结论, set at close. */
  conclusion?: string | null;
  /** Sent back with the close: a stale one is refused with 409. */
  revision: number;
  /** Status REPORTED and the reader is a supervisor or administrator. */
  canTake: boolean;
  /** Status INVESTIGATING and the reader is a supervisor or administrator. */
  canHandle: boolean;
  /** Newest first. */
  events: SecurityIncidentEvent[];
}

export interface NewSecurityIncident {
  /** Required for staff; a customer's user may leave it out (their own unit). */
  customerId?: number;
  kind: SecurityIncidentKind;
  impact: SecurityImpact;
  title: string;
  description: string;
  /** Not in the future. */
  occurredAt: string;
  involved?: string | null;
  /** A case of the same unit. */
  ticketId?: number | null;
}

export interface SecurityIncidentNote {
  note: string;
}

export interface SecurityIncidentCustomerTold {
  /** Not in the future, not before the incident occurred. */
  toldAt: string;
  how: string;
}

export interface SecurityIncidentClose {
  /** The final estimate. */
  impact: SecurityImpact;
  measures: string;
  conclusion: string;
  /** The view's revision as read. */
  revision: number;
}

/** Months in Beijing time by occurredAt. */
export interface SecurityIncidentStats {
  /** "2026-01" */
  from: string;
  to: string;
  total: number;
  /** Not closed yet. */
  open: number;
  /** Only kinds with count > 0, most first. */
  byKind: { kind: SecurityIncidentKind; count: number }[];
  /** MINOR, SERIOUS, MAJOR order, only > 0. */
  byImpact: { impact: SecurityImpact; count: number }[];
  /** Every month from..to, zeros included. */
  byMonth: { month: string; count: number }[];
}

export interface SecurityIncidentFilter {
  /** Staff only (a customer's user reads their own unit's). */
  customerId?: number;
  status?: SecurityIncidentStatus;
  kind?: SecurityIncidentKind;
}

export interface SecurityStatsFilter {
  /** "2026-01"; both default to the 12 months ending this month. */
  from?: string;
  to?: string;
  /** Staff only; ignored for a customer's user. */
  customerId?: number;
}

export const securityIncidentsApi = {
  /** Newest reported first, 500 at most. */
  list: (filter: SecurityIncidentFilter = {}) =>
    api.get<SecurityIncidentSummary[]>('/security-incidents', {
      customerId: filter.customerId,
      status: filter.status,
      kind: filter.kind,
    }),
  get: (id: number) => api.get<SecurityIncidentView>(`/security-incidents/${id}`),
  create: (body: NewSecurityIncident) => api.post<SecurityIncidentView>('/security-incidents', body),
  take: (id: number) => api.post<SecurityIncidentView>(`/security-incidents/${id}/take`, {}),
  note: (id: number, body: SecurityIncidentNote) =>
    api.post<SecurityIncidentView>(`/security-incidents/${id}/notes`, body),
  customerTold: (id: number, body: SecurityIncidentCustomerTold) =>
    api.post<SecurityIncidentView>(`/security-incidents/${id}/customer-told`, body),
  close: (id: number, body: SecurityIncidentClose) =>
    api.post<SecurityIncidentView>(`/security-incidents/${id}/close`, body),
  stats: (filter: SecurityStatsFilter = {}) =>
    api.get<SecurityIncidentStats>('/security-incidents/stats', {
      from: filter.from,
      to: filter.to,
      customerId: filter.customerId,
    }),
};

/** Query keys (TanStack Query): invalidate `securityIncidentKeys.all` after any change to an incident. */
export const securityIncidentKeys = {
  all: ['security-incidents'] as const,
  list: (filter: SecurityIncidentFilter) =>
    ['security-incidents', 'list', filter.customerId ?? null, filter.status ?? null, filter.kind ?? null] as const,
  detail: (id: number) => ['security-incidents', 'detail', id] as const,
  stats: (filter: SecurityStatsFilter) =>
    ['security-incidents', 'stats', filter.from ?? null, filter.to ?? null, filter.customerId ?? null] as const,
};

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written views and bodies have exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [
  SameKeys<SecurityIncidentSummary, Schemas['SecurityIncidentSummary']>,
  SameKeys<SecurityIncidentView, Schemas['SecurityIncidentView']>,
  SameKeys<SecurityIncidentEvent, Schemas['SecurityIncidentEvent']>,
  SameKeys<NewSecurityIncident, Schemas['NewSecurityIncident']>,
  SameKeys<SecurityIncidentNote, Schemas['SecurityIncidentNote']>,
  SameKeys<SecurityIncidentCustomerTold, Schemas['SecurityIncidentCustomerTold']>,
  SameKeys<SecurityIncidentClose, Schemas['SecurityIncidentClose']>,
  SameKeys<SecurityIncidentStats, Schemas['SecurityIncidentStats']>,
] = [true, true, true, true, true, true, true, true];
