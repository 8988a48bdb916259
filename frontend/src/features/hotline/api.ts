// The hotline answer rate (热线接通率, commitment IN-10): GET /api/hotline/summary and /api/hotline/calls, and the
// callback (回拨) of a missed call. The phone system reports the calls (POST /api/hotline/calls); the page only reads.
import { api } from '../../api/client';
import type { components } from '../../api/schema';

// Written by hand (the server leaves null fields out of its JSON, and these say which fields may be missing);
// keyDriftGuard below fails the type check when the server's fields change.

/** One call as the phone system reported it, with what Aftercare knows about the caller and the callback. */
export interface HotlineCallView {
  id: number;
  /** The phone system's own id of the call. */
  callId: string;
  callerNumber: string;
  /** Which hotline line was called. */
  calledNumber?: string | null;
  startedAt: string;
  answeredAt?: string | null;
  endedAt?: string | null;
  /** Who answered (username), and their name. */
  agent?: string | null;
  agentName?: string | null;
  answered: boolean;
  /** Until answered, or until the caller hung up when missed. */
  waitSeconds?: number | null;
  /** From earlier cases of that phone number, when known. */
  callerName?: string | null;
  callerUnit?: string | null;
  /** A later call from the same number was answered: nobody needs to call back. */
  laterAnswered: boolean;
  callbackBy?: string | null;
  callbackByName?: string | null;
  callbackAt?: string | null;
  callbackNote?: string | null;
  /** A missed call: when the reply is owed (30 minutes after the caller hung up). */
  replyDueAt?: string | null;
  /** A missed call: the desk's callback or the caller getting through later, whichever came first. */
  repliedAt?: string | null;
  /** A missed call: replied after its due time, or not replied and the due time has passed. */
  replyLate?: boolean | null;
}

export interface HotlineDay {
  /** "2026-12-01" */
  date: string;
  offered: number;
  answered: number;
}

/** One month of calls: the answer rate against the target (rate and met absent when there were no calls). */
export interface HotlineSummary {
  /** "2026-12" */
  month: string;
  offered: number;
  answered: number;
  missed: number;
  /** 0..1 */
  rate?: number | null;
  /** 0.9 */
  target: number;
  met?: boolean | null;
  /** Missed calls still to call back. */
  missedOpen: number;
  /** Missed calls whose 30 minutes have passed or that were replied to (seed 004: 半小时内回复客户电话). */
  replyDue: number;
  /** Of those, replied to within the 30 minutes. */
  repliedInTime: number;
  /** repliedInTime / replyDue, 0..1; absent when replyDue is 0. */
  replyRate?: number | null;
  /** 30 */
  replyMinutes: number;
  /** Every day of the month up to today. */
  days: HotlineDay[];
}

export interface HotlineCallback {
  note?: string | null;
}

/** The contract's limits; the server checks the same. */
export const HOTLINE_LIMITS = { callbackNote: 500 } as const;

export const hotlineApi = {
  summary: (month: string) => api.get<HotlineSummary>('/hotline/summary', { month }),
  /** The month's missed calls, newest first; `open`: only those still to call back. */
  missed: (month: string, open: boolean) =>
    api.get<HotlineCallView[]>('/hotline/calls', { month, missed: true, open: open || undefined }),
  callback: (id: number, body: HotlineCallback) => api.post<HotlineCallView>(`/hotline/calls/${id}/callback`, body),
};

/** Query keys (TanStack Query): invalidate `hotlineKeys.all` after a callback. */
export const hotlineKeys = {
  all: ['hotline'] as const,
  summary: (month: string) => ['hotline', 'summary', month] as const,
  calls: ['hotline', 'calls'] as const,
  missed: (month: string, open: boolean) => ['hotline', 'calls', month, open ? 'open' : 'missed'] as const,
};

/** "93.5%" with one decimal; null when there was nothing to count. */
export function percent(rate: number | null | undefined): string | null {
  if (rate == null || !Number.isFinite(rate)) return null;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The target as the contract says it: "90%" (decimals only when it has them). */
export function targetPercent(target: number): string {
  return `${Math.round(target * 1000) / 10}%`;
}

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written views and bodies have exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [
  SameKeys<HotlineCallView, Schemas['HotlineCallView']>,
  SameKeys<HotlineDay, Schemas['HotlineDay']>,
  SameKeys<HotlineSummary, Schemas['HotlineSummary']>,
  SameKeys<HotlineCallback, Schemas['HotlineCallback']>,
] = [true, true, true, true];
