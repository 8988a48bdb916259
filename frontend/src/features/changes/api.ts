// Change requests (变更管理, commitment RP-5, ADR 0100): GET/POST /api/changes and the steps of one change.
import { api } from '../../api/client';
import type { components } from '../../api/schema';

// Written by hand rather than taken from the generated schema: the server leaves null fields out of its JSON, and these
// say which fields may be missing; keyDriftGuard below fails the type check when the server's fields change.

export type ChangeStatus =
  'SUBMITTED' | 'TESTING' | 'SCHEDULED' | 'IN_PROGRESS' | 'DONE' | 'REJECTED' | 'TEST_FAILED' | 'CANCELLED';

export type ChangeOutcome = 'SUCCEEDED' | 'ROLLED_BACK';

/** Every status, in the order a change goes through them; the last three end it early. */
export const CHANGE_STATUSES: ChangeStatus[] = [
  'SUBMITTED',
  'TESTING',
  'SCHEDULED',
  'IN_PROGRESS',
  'DONE',
  'REJECTED',
  'TEST_FAILED',
  'CANCELLED',
];

export const CHANGE_OUTCOMES: ChangeOutcome[] = ['SUCCEEDED', 'ROLLED_BACK'];

/** What the caller may do with the change now (the server decides by role, requester and state). */
export interface ChangeActions {
  decide: boolean;
  test: boolean;
  reschedule: boolean;
  cancel: boolean;
  recordOutcome: boolean;
}

export interface ChangeDevice {
  id: number;
  name: string;
}

/**
 * One change as its reader may see it. A customer's user gets the internal fields (reason, decisionNote, testNote,
 * requestedBy, decidedBy, testedBy) as null.
 */
export interface ChangeView {
  id: number;
  /** "CHG-000012" */
  number: string;
  customerId: number;
  customerName: string;
  siteId?: number | null;
  siteName?: string | null;
  devices: ChangeDevice[];
  title: string;
  /** 变更内容 */
  description: string;
  /** 变更原因 (internal) */
  reason?: string | null;
  /** 影响范围 */
  impact: string;
  /** 回退方案 */
  fallback: string;
  /** false: 一般变更, true: 重大变更 */
  major: boolean;
  /** 测试方案 (major changes) */
  testPlan?: string | null;
  plannedStart: string;
  plannedEnd: string;
  implementer: string;
  implementerName: string;
  status: ChangeStatus;
  requestedBy?: string | null;
  requestedByName?: string | null;
  requestedAt: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  decisionNote?: string | null;
  testedBy?: string | null;
  testedAt?: string | null;
  testPassed?: boolean | null;
  testNote?: string | null;
  /** When the customer was (last) told. */
  announcedAt?: string | null;
  /** How often the window was moved, and why the last time. */
  timesRescheduled: number;
  rescheduleNote?: string | null;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  outcome?: ChangeOutcome | null;
  outcomeNote?: string | null;
  finishedBy?: string | null;
  finishedAt?: string | null;
  /** The window has ended and no outcome is recorded yet. */
  overrun: boolean;
  /** 24 or 72: how far ahead the customer must be told. */
  leadHours: number;
  actions: ChangeActions;
  /** Staff, on one change: the unit's other changes to come or under way whose windows overlap this one's. */
  clashes?: ChangeClash[] | null;
}

export interface ChangeClash {
  id: number;
  number: string;
  title: string;
  status: ChangeStatus;
  plannedStart: string;
  plannedEnd: string;
}

export interface NewChange {
  customerId: number;
  siteId?: number | null;
  deviceIds: number[];
  title: string;
  description: string;
  reason: string;
  impact: string;
  fallback: string;
  major: boolean;
  testPlan?: string | null;
  plannedStart: string;
  plannedEnd: string;
  implementer: string;
  /** Items of the unit, not retired, at most 20. */
  configItemIds?: number[] | null;
}

export interface ChangeDecision {
  approve: boolean;
  note?: string | null;
}

export interface ChangeTest {
  passed: boolean;
  note: string;
}

export interface ChangeReschedule {
  plannedStart: string;
  plannedEnd: string;
  note?: string | null;
}

export interface ChangeCancel {
  reason: string;
}

export interface ChangeOutcomeRecord {
  outcome: ChangeOutcome;
  note: string;
}

type Schemas = components['schemas'];
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The hand-written views and bodies have exactly the server's fields (a renamed or added field fails tsc here). */
export const keyDriftGuard: [
  SameKeys<ChangeView, Schemas['ChangeView']>,
  SameKeys<NewChange, Schemas['NewChange']>,
  SameKeys<ChangeActions, Schemas['ChangeActions']>,
  SameKeys<ChangeReschedule, Schemas['ChangeReschedule']>,
  SameKeys<ChangeOutcomeRecord, Schemas['ChangeOutcomeRecord']>,
  SameKeys<ChangeCounts, Schemas['ChangeCounts']>,
  SameKeys<ChangeClash, Schemas['ChangeClash']>,
] = [true, true, true, true, true, true, true];

/** The contract's limits; the server checks the same. */
export const CHANGE_LIMITS = {
  title: 200,
  description: 4000,
  reason: 2000,
  impact: 2000,
  fallback: 2000,
  testPlan: 2000,
  devices: 50,
  decisionNote: 1000,
  testNote: 1000,
  cancelReason: 1000,
  outcomeNote: 2000,
  /** Configuration items one change may name. */
  configItems: 20,
  /** The longest window, in days. */
  windowDays: 7,
  /** How far ahead a change may be planned, in days. */
  aheadDays: 366,
} as const;

/** How far ahead the customer must be told, in hours: 24 for 一般变更, 72 for 重大变更. */
export const leadHoursOf = (major: boolean) => (major ? 72 : 24);

/** GET /api/changes/counts: what waits for someone (staff). */
export type ChangeCounts = { awaitingApproval: number; awaitingTest: number; overrun: number };

export const changesApi = {
  counts: () => api.get<ChangeCounts>('/changes/counts'),
  list: (status?: ChangeStatus) => api.get<ChangeView[]>('/changes', status ? { status } : undefined),
  get: (id: number) => api.get<ChangeView>(`/changes/${id}`),
  create: (body: NewChange) => api.post<ChangeView>('/changes', body),
  decide: (id: number, body: ChangeDecision) => api.post<ChangeView>(`/changes/${id}/decision`, body),
  test: (id: number, body: ChangeTest) => api.post<ChangeView>(`/changes/${id}/test`, body),
  reschedule: (id: number, body: ChangeReschedule) => api.post<ChangeView>(`/changes/${id}/reschedule`, body),
  cancel: (id: number, body: ChangeCancel) => api.post<ChangeView>(`/changes/${id}/cancel`, body),
  recordOutcome: (id: number, body: ChangeOutcomeRecord) => api.post<ChangeView>(`/changes/${id}/outcome`, body),
};

/** Query keys (TanStack Query): invalidate `changeKeys.all` after any change to one. */
export const changeKeys = {
  all: ['changes'] as const,
  counts: ['changes', 'counts'] as const,
  list: (status: ChangeStatus | undefined) => ['changes', 'list', status ?? 'ALL'] as const,
  detail: (id: number) => ['changes', 'detail', id] as const,
};
