// Change requests (变更管理, commitment RP-5, ADR 0100): GET/POST /api/changes and the steps of one change.
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { STATUSES } from '../../api/types';
import type { ConfigItemKind, ConfigItemStatus } from '../configitems';

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
  /** 用户确认: a user of the change's unit, or the desk / a supervisor recording it for them, once it is finished. */
  confirm: boolean;
  /** 判定为此变更引起 / 撤销: a supervisor, once the change has started (IN_PROGRESS or DONE). */
  markCausedFault: boolean;
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
  /** The configuration items (RP-4) the change names, as they are now. */
  configItems: ChangeItemRef[];
  /** What the change's outcome updated on its items. */
  itemChanges: ChangeItemChange[];
  /**
   * Fault cases reported on the change's devices from the window's start to 7 days after its end (at most 20); empty
   * for a customer's user and before the window started.
   */
  casesAfter: ChangeCaseRef[];
  /** 用户确认: the customer's sign-off, once given. */
  confirmation?: ChangeConfirmationView | null;
  /** 由此变更引起的故障 (staff only; absent for a customer's user), oldest mark first. */
  causedFaults?: CausedFault[] | null;
  /** How many faults were judged caused by the change (0 for a customer's user). */
  causedFaultCount: number;
}

/** A fault case a supervisor judged caused by the change. */
export interface CausedFault {
  /** The ticket's id (links to /tickets/{id}). */
  id: number;
  number: string;
  title: string;
  status: (typeof STATUSES)[number];
  reportedAt: string;
  deviceName?: string | null;
  /** The supervisor's 说明. */
  note?: string | null;
  markedBy: string;
  markedByName?: string | null;
  markedAt: string;
}

/** POST /api/changes/{id}/caused-faults: any fault of the unit reported since the window's start. */
export interface NewCausedFault {
  ticketId: number;
  note?: string | null;
}

/** A configuration item named by a change, with its current values. */
export interface ChangeItemRef {
  id: number;
  /** "CI-000005" */
  number: string;
  name: string;
  kind: ConfigItemKind;
  version?: string | null;
  status: ConfigItemStatus;
}

/** One field of an item that the change's outcome updated. */
export interface ChangeItemChange {
  itemId: number;
  itemNumber: string;
  itemName: string;
  field: 'version' | 'parameters';
  oldValue?: string | null;
  newValue?: string | null;
}

/** A fault case reported on one of the change's devices after its window started. */
export interface ChangeCaseRef {
  id: number;
  number: string;
  title: string;
  /** The ticket status code (labels group `status`). */
  status: string;
  reportedAt: string;
  deviceName?: string | null;
}

/** The customer's sign-off of a finished change. */
export interface ChangeConfirmationView {
  accepted: boolean;
  opinion?: string | null;
  /** The customer's person who confirmed. */
  confirmedByName: string;
  confirmedAt: string;
  recordedBy: string;
  recordedByName: string;
  /** The desk or a supervisor recorded it for the customer (e.g. by phone). */
  onBehalf: boolean;
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
  /** 变更成功 only: at most one per item of the change; a null version or parameters leaves it as it is. */
  itemUpdates?: ChangeItemUpdate[] | null;
}

export interface ChangeItemUpdate {
  itemId: number | null;
  version?: string | null;
  parameters?: string | null;
}

/**
 * POST /api/changes/{id}/confirmation. A customer's user confirms in their own name (confirmedByName is ignored);
 * the desk or a supervisor records it for the customer and names who confirmed.
 */
export interface ChangeConfirmation {
  accepted: boolean | null;
  /** Required when not accepted: why. */
  opinion: string | null;
  confirmedByName: string | null;
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
  SameKeys<ChangeItemRef, Schemas['ChangeItemRef']>,
  SameKeys<ChangeItemChange, Schemas['ChangeItemChange']>,
  SameKeys<ChangeCaseRef, Schemas['ChangeCaseRef']>,
  SameKeys<ChangeConfirmationView, Schemas['ChangeConfirmationView']>,
  SameKeys<ChangeItemUpdate, Schemas['ChangeItemUpdate']>,
  SameKeys<ChangeConfirmation, Schemas['ChangeConfirmation']>,
  SameKeys<CausedFault, Schemas['CausedFault']>,
  SameKeys<NewCausedFault, Schemas['NewCausedFault']>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

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
  /** An item's version and core parameters, as the outcome updates them (the same as on the item itself). */
  itemVersion: 100,
  itemParameters: 2000,
  confirmOpinion: 2000,
  confirmedByName: 100,
  causedFaultNote: 500,
  /** The longest window, in days. */
  windowDays: 7,
  /** How far ahead a change may be planned, in days. */
  aheadDays: 366,
} as const;

/** The most changes GET /api/changes?from&to answers with (the rest of a busy month is left out). */
export const CHANGE_WINDOW_MAX = 500;

/** How far ahead the customer must be told, in hours: 24 for 一般变更, 72 for 重大变更. */
export const leadHoursOf = (major: boolean) => (major ? 72 : 24);

/** GET /api/changes/counts: what waits for someone (staff). */
export type ChangeCounts = {
  awaitingApproval: number;
  awaitingTest: number;
  overrun: number;
  /** Finished changes whose outcome is more than 3 days old and that the customer has not yet signed off. */
  awaitingSignOff: number;
};

export const changesApi = {
  counts: () => api.get<ChangeCounts>('/changes/counts'),
  list: (status?: ChangeStatus) => api.get<ChangeView[]>('/changes', status ? { status } : undefined),
  /** Finished changes waiting more than 3 days for the customer's sign-off, oldest outcome first. */
  awaitingSignOff: () => api.get<ChangeView[]>('/changes', { awaiting: 'signOff' }),
  /**
   * 变更日历: every change whose window [plannedStart, plannedEnd) overlaps [from, to) (ISO instants, at most 62 days
   * apart), every status, planned start first, at most CHANGE_WINDOW_MAX.
   */
  window: (from: string, to: string) => api.get<ChangeView[]>('/changes', { from, to }),
  get: (id: number) => api.get<ChangeView>(`/changes/${id}`),
  create: (body: NewChange) => api.post<ChangeView>('/changes', body),
  decide: (id: number, body: ChangeDecision) => api.post<ChangeView>(`/changes/${id}/decision`, body),
  test: (id: number, body: ChangeTest) => api.post<ChangeView>(`/changes/${id}/test`, body),
  reschedule: (id: number, body: ChangeReschedule) => api.post<ChangeView>(`/changes/${id}/reschedule`, body),
  cancel: (id: number, body: ChangeCancel) => api.post<ChangeView>(`/changes/${id}/cancel`, body),
  recordOutcome: (id: number, body: ChangeOutcomeRecord) => api.post<ChangeView>(`/changes/${id}/outcome`, body),
  confirm: (id: number, body: ChangeConfirmation) => api.post<ChangeView>(`/changes/${id}/confirmation`, body),
  markCausedFault: (id: number, body: NewCausedFault) => api.post<ChangeView>(`/changes/${id}/caused-faults`, body),
  unmarkCausedFault: (id: number, ticketId: number) =>
    api.delete<ChangeView>(`/changes/${id}/caused-faults/${ticketId}`),
};

/** Query keys (TanStack Query): invalidate `changeKeys.all` after any change to one. */
export const changeKeys = {
  all: ['changes'] as const,
  counts: ['changes', 'counts'] as const,
  list: (status: ChangeStatus | undefined) => ['changes', 'list', status ?? 'ALL'] as const,
  awaitingSignOff: ['changes', 'list', 'awaiting-sign-off'] as const,
  window: (from: string, to: string) => ['changes', 'window', from, to] as const,
  detail: (id: number) => ['changes', 'detail', id] as const,
};
