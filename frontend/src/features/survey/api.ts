import { api, request } from '../../api/client';
import type { Customer, Site } from '../../api/types';
import { newIdempotencyKey } from '../../shared/idempotencyKey';
import type { LadderRung } from '../../shared/LateLadder';

export type SurveyKind = 'SAMPLE' | 'CALLBACK' | 'QUARTERLY';

/** GET /api/surveys: a survey or callback the desk owes a customer (CB-1..CB-3). */
export interface Survey {
  id: number;
  kind: SurveyKind;
  customerId: number;
  customerName: string;
  ticketId?: number | null;
  ticketNumber?: string | null;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  status: 'OPEN' | 'ANSWERED';
  overdue: boolean;
  intakeScore?: number | null;
  handlingScore?: number | null;
  supportScore?: number | null;
  comment?: string | null;
  outcome?: string | null;
  raisedTicketId?: number | null;
  answeredBy?: string | null;
  answeredVia?: 'PHONE' | 'PORTAL' | null;
  answeredAt?: string | null;
  createdAt: string;
  /** The rungs its lateness reached (ADR 0050), lowest first; empty for a customer's user. */
  ladder?: LadderRung[];
}

export interface RaisedProblem {
  siteId: number;
  requesterName: string;
  requesterPhone: string;
  description: string;
}

export interface SurveyAnswer {
  intakeScore?: number;
  handlingScore?: number;
  supportScore?: number;
  comment?: string;
  outcome?: string;
  problem?: RaisedProblem;
}

/** GET /api/surveys/results: one customer's surveys and callbacks of a period, with the average of each score. */
export interface SurveyResults {
  customerId: number;
  customerName: string;
  from: string;
  to: string;
  surveys: number;
  answered: number;
  overdue: number;
  intakeAverage?: number | null;
  handlingAverage?: number | null;
  supportAverage?: number | null;
  rows: Survey[];
}

export const surveyApi = {
  open: () => api.get<Survey[]>('/surveys'),
  overdueCount: () => api.get<{ overdue: number }>('/surveys/overdue-count'),
  /** One Idempotency-Key per submitted form: a phone that resends gets the answer back, not a 409. */
  answer: (id: number, body: SurveyAnswer, key: string = newIdempotencyKey()) =>
    request<Survey>(`/surveys/${id}/answer`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  results: (customerId: number, from: string, to: string) =>
    request<SurveyResults>('/surveys/results', { query: { customerId, from, to } }),
  customers: () => api.get<Customer[]>('/customers'),
  sites: () => api.get<Site[]>('/sites'),
};

export const surveyKeys = {
  open: ['surveys', 'open'] as const,
  overdueCount: ['surveys', 'overdue-count'] as const,
  results: (customerId: number | undefined, from: string, to: string) =>
    ['surveys', 'results', customerId, from, to] as const,
  customers: ['surveys', 'customers'] as const,
  sites: ['surveys', 'sites'] as const,
};

/** The quarter before the one `today` is in, as first and last day ("2026-07-01", "2026-09-30"). */
export function lastQuarter(today: Date = new Date()): { from: string; to: string } {
  const q = Math.floor(today.getMonth() / 3);
  const startYear = q === 0 ? today.getFullYear() - 1 : today.getFullYear();
  const startMonth = q === 0 ? 9 : (q - 1) * 3; // 0-based
  const pad = (n: number) => String(n).padStart(2, '0');
  const end = new Date(startYear, startMonth + 3, 0);
  return {
    from: `${startYear}-${pad(startMonth + 1)}-01`,
    to: `${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`,
  };
}
