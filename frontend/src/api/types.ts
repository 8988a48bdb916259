// Shapes of the Aftercare HTTP API (docs/api.md). Where a shape is the server's own, it is taken from the types
// generated from /v3/api-docs (schema.d.ts, `npm run api:types`), so a change on the server breaks the build here
// instead of the page at run time. The server leaves null fields out of its JSON (non_null), hence the generated
// fields are optional; Required<...> marks the ones the server always sends.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = NonNullable<Schemas['Me']['roles']>[number];

/**
 * A user whose only role is CUSTOMER (a customer unit's user). A staff role always wins, as on the
 * server (CustomerRoutes#onlyCustomer): such a user gets the staff pages.
 */
export function isCustomerOnly(me: Pick<Me, 'roles'> | null | undefined): boolean {
  return !!me && me.roles.length > 0 && me.roles.every((r) => r === 'CUSTOMER');
}

/**
 * Each role's start page, first match wins (issue 15): the supervisor's board, the desk's inbox, the engineer's
 * jobs (the inbox shows them their tasks as job cards on a phone), the process owner's models, the admin's
 * settings. A user with several roles lands on the first of theirs in this order.
 */
const HOME_BY_ROLE: [Role, string][] = [
  ['SUPERVISOR', '/supervisor'],
  ['SERVICE_DESK', '/tasks'],
  ['ENGINEER', '/tasks'],
  ['PROCESS_OWNER', '/models'],
  ['ADMIN', '/admin'],
];

/** Where a user lands after sign-in and on unknown routes: a customer's user on their unit's tickets (the portal). */
export function homePath(me: Pick<Me, 'roles'> | null | undefined): string {
  if (isCustomerOnly(me)) return '/tickets';
  return HOME_BY_ROLE.find(([role]) => me?.roles.includes(role))?.[1] ?? '/tasks';
}

export type Me = Required<Schemas['Me']>;

export type Customer = Required<Pick<Schemas['CustomerView'], 'id' | 'name'>>;

export interface Site {
  id: number;
  customerId: number;
  customerName: string;
  name: string;
  address: string;
  region: 'CITY' | 'COUNTY' | string;
  contactName: string;
  contactPhone: string;
}

export interface Device {
  id: number;
  siteId: number;
  siteName: string;
  type: string;
  name: string;
  model?: string;
  serialNumber?: string;
  ipAddress?: string;
  warrantyEnd?: string;
  /** 安装位置, e.g. "1号路口东北角立杆": the desk tells same-named cameras apart by it. */
  location?: string | null;
}

export interface Engineer {
  username: string;
  displayName: string;
  team?: string;
}

// The orders the forms offer them in; `satisfies` keeps each list within what the server accepts.
export const CHANNELS = [
  'HOTLINE',
  'WEB',
  'ON_SITE',
  'EMAIL',
  'MONITORING',
] as const satisfies readonly Schemas['NewTicket']['channel'][];
export const CATEGORIES = ['CONSULTATION', 'DEFECT'] as const satisfies readonly Schemas['NewTicket']['category'][];
/** Issue 15: what a case is; each runs its own model (ADR 0037). */
export const REQUEST_TYPES = [
  'FAULT',
  'CONSULTATION',
  'COMPLAINT',
  'SERVICE_REQUEST',
] as const satisfies readonly NonNullable<Schemas['NewTicket']['requestType']>[];
export const SERVICE_ITEMS = [
  'FOOTAGE_EXTRACTION',
  'PARTS_PURCHASE',
  'UPGRADE',
] as const satisfies readonly NonNullable<Schemas['NewTicket']['serviceItem']>[];
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const satisfies readonly Schemas['NewTicket']['impact'][];
export const STATUSES = [
  'NEW',
  'AT_DESK',
  'AWAITING_DISPATCH',
  'DISPATCHED',
  'IN_PROGRESS',
  'THIRD_PARTY',
  'AWAITING_VENDOR',
  'VERIFYING',
  'AWAITING_CALLBACK',
  'CLOSED',
] as const satisfies readonly NonNullable<Schemas['TicketSummary']['status']>[];

export interface NewTicket {
  channel: string;
  requesterName: string;
  requesterUnit?: string;
  requesterPhone: string;
  siteId: number;
  deviceId?: number;
  /** Follows from requestType (FAULT: DEFECT, the others: CONSULTATION); the form leaves it out (ADR 0041). */
  category?: string;
  /** Required for a fault (its level); the other request types leave it out. */
  impact?: string;
  urgency?: string;
  title: string;
  description?: string;
  /** When the call was taken, if before it was typed in (ISO instant); the server uses "now" without it. */
  receivedAt?: string;
  /** FAULT when left out (issue 15). */
  requestType?: string;
  /** Only for a SERVICE_REQUEST, and required there. */
  serviceItem?: string;
}

export interface TicketSummary {
  id: number;
  number: string;
  title: string;
  status: string;
  category: string;
  level: number | null;
  siteId: number;
  siteName: string;
  region: string;
  deviceId: number | null;
  deviceName: string | null;
  assignee: string | null;
  createdAt: string;
  responseDue: string | null;
  resolutionDue: string | null;
  respondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  escalated: boolean;
  requestType?: string;
  serviceItem?: string | null;
  /** Due time of the request type's own clock (complaint reply, service fulfilment, consultation answer). */
  requestDue?: string | null;
}

export interface TimelineEntry {
  at: string;
  actor: string | null;
  type: string;
  message: string;
}

export interface ProbeCheck {
  kind: 'TCP' | 'HTTP' | string;
  target: string;
  ok: boolean;
  detail: string | null;
  durationMillis: number | null;
  /** Issue 14: the CheckReason code (labels "probeReason"); absent on results from before. */
  reason?: string | null;
}

/** Issue 14: the desk's waiver of a device's verification (its probe settings are missing). */
export interface VerificationWaiver {
  reason: string;
  waivedBy: string;
  waivedAt: string;
}

export interface ProbeResult {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  passed: boolean;
  summary: string | null;
  checks: ProbeCheck[];
}

/** The answer to "check again now": the result (201), or queued for the site's probe agent (202, no result yet). */
export interface ProbeRecheck extends Omit<ProbeResult, 'id' | 'startedAt'> {
  id: number | null;
  startedAt: string | null;
  queued?: boolean;
}

export interface TicketDetail extends TicketSummary {
  /** Issue 12: what a field step asks of the customer (plan review, completion confirmation); staff see it too. */
  customerStep?: CustomerStep | null;
  channel: string;
  requesterName: string;
  requesterUnit: string | null;
  requesterPhone: string;
  impact: string;
  urgency: string;
  description: string | null;
  /** Note the service desk left on first-line resolution. */
  deskNote?: string | null;
  symptom: string | null;
  cause: string | null;
  solution: string | null;
  prevention: string | null;
  thirdPartyName: string | null;
  callbackOutcome: string | null;
  satisfaction: string | number | null;
  customerFeedback: string | null;
  /** How often the case was reopened (callback "not fixed"); absent from older servers. */
  reopenCount?: number;
  /** Why the case is on hold (SLA clocks paused); null or absent when it is not. */
  holdReason?: HoldReason | null;
  /**
   * What the signed-in user may do to the ticket now besides its tasks, computed by the server from the
   * same rules its endpoints enforce. Absent (an older server) means nothing is offered.
   */
  availableActions?: TicketAction[];
  timeline: TimelineEntry[];
  openTasks: Task[];
  probeResults: ProbeResult[];
  /** Issue 12: the device is being checked now (the case is in its verify step); absent from older servers. */
  verifying?: boolean;
  /** ADR 0042: a recheck waits for, or is being run by, the site's probe agent: the page shows "checking". */
  recheckQueued?: boolean;
  /** Where the engineer goes and whom to call there (staff case file). */
  site?: SiteCardInfo | null;
  /** Issue 14: the desk's waiver of the device's verification, if any. */
  verificationWaiver?: VerificationWaiver | null;
  /** Issue 14: offer this user the waiver (desk; the last verification failed as not configured). */
  waiverOffered?: boolean;
}

/** The site of a case as the phone's site card shows it. */
export interface SiteCardInfo {
  id: number;
  name: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  /** 安装位置: where on the site the case's device is installed (null: no device, or not recorded). */
  deviceLocation?: string | null;
  /** 现场环境 (RP-3): machine room, power, lightning protection, conditions, maintainers; null when none recorded. */
  environment?: SiteEnvironment | null;
}

/** A site's environment as the asset keeper recorded it (RP-3, 单位环境情况); every part optional. */
export interface SiteEnvironment {
  /** 机房建设情况 */
  machineRoom?: string | null;
  /** 供电情况 */
  powerSupply?: string | null;
  /** 防雷情况 */
  lightningProtection?: string | null;
  /** 不利运行条件: dust, damp, acid or alkali, heat */
  adverseConditions?: string | null;
  /** 维护人员数量: the customer's own people looking after the systems there */
  maintainerCount?: number | null;
  /** 维护人员技术水平 */
  maintainerSkills?: string | null;
}

/**
 * What a customer's user gets from GET /api/tickets/{id}: the summary plus what they reported, the
 * fix and the callback; no timeline, tasks, device checks or the desk's and engineers' notes.
 */
export interface CustomerCaseFile extends TicketSummary {
  channel: string;
  requesterName: string;
  requesterUnit: string | null;
  requesterPhone: string;
  impact: string;
  urgency: string;
  description: string | null;
  solution: string | null;
  callbackOutcome: string | null;
  satisfaction: string | number | null;
  customerFeedback: string | null;
  /** The callback waits for an answer: the customer may answer it (POST .../callback-answer). */
  callbackOpen: boolean;
  /** A field step waiting for the customer (plan review, completion confirmation); absent on older servers. */
  customerStep?: CustomerStep | null;
}

/**
 * What a field step asks of the customer, from GET /api/tickets/{id}. Kept by hand until the generated types
 * carry it; the server's shape is the same.
 */
export type CustomerStep =
  { kind: 'PLAN_REVIEW'; recoveryPlan?: string | null } | { kind: 'COMPLETION_CONFIRMATION'; workDone?: string | null };

export const CALLBACK_OUTCOMES = ['CONFIRMED', 'NOT_FIXED'] as const;
export const SATISFACTION_SCORES = ['5', '4', '3', '2', '1'] as const;

/** The customer's answer to the callback (POST /api/tickets/{id}/callback-answer). */
export interface CallbackAnswer {
  callbackOutcome: (typeof CALLBACK_OUTCOMES)[number];
  satisfaction: (typeof SATISFACTION_SCORES)[number];
  customerFeedback: string;
}

export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
  /** The ticket list's text search only: more cases match than totalElements, which stopped counting (ADR 0069). */
  totalCapped?: boolean;
}

export interface FormFieldOption {
  id: string;
  name: string;
}

export interface FormField {
  id: string;
  label: string;
  type: 'string' | 'boolean' | 'long' | 'enum' | 'date' | string;
  required: boolean;
  defaultValue?: unknown;
  options?: FormFieldOption[];
  properties?: Record<string, string>;
  /** Longest accepted string, when the server states one. */
  maxLength?: number;
}

export interface Task {
  id: string;
  key: string;
  name: string;
  ticketId: number;
  ticketNumber: string;
  ticketTitle: string;
  assignee: string | null;
  candidateGroups: string[];
  created: string;
  /** The server's verdict whether the signed-in user may claim/complete it, when it sends one. */
  actionable?: boolean;
  formFields: FormField[];
  // What a job card on the phone shows of the case (absent on tasks without a ticket).
  siteName?: string | null;
  siteAddress?: string | null;
  levelCode?: string | null;
  /** The policy's own name of the level ("主备均不可用"). */
  levelName?: string | null;
  /** The scheme the level belongs to (THREE_LEVEL): its labels name the level in the reader's language. */
  policyCode?: string | null;
  /** Nearest due time of a clock still running on the case; absent when none runs. */
  nextDeadline?: string | null;
  ticketStatus?: string | null;
}

export interface Notification {
  id: number;
  createdAt: string;
  ticketId: number | null;
  /** Absent on notifications stored before the server sent it: fall back to the id. */
  ticketNumber?: string | null;
  message: string;
  read: boolean;
  /** Where a notification that belongs to no case leads (a change request's page), when it leads anywhere. */
  page?: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** Model checks that failed (workbench deployments rejected with 400). */
  violations?: ModelViolation[];
}

// ---- SLA: clocks, supervisor board, notification deliveries ----

export const CLOCKS = [
  'RESPONSE',
  'ON_SITE',
  'RESOLUTION',
  'SOLUTION_PLAN',
  'CONTINGENCY_PLAN',
  'FAULT_REPORT',
  'DISPATCH',
  'EXECUTION_CONFIRMED',
  'REDISPATCH',
  'PM_REPORT',
  'VENDOR_RETURN',
  'REMOTE_GUIDANCE',
  'CONSULTATION_ANSWER',
  'COMPLAINT_REPLY',
  'SERVICE_FULFILMENT',
] as const;
export type ClockName = (typeof CLOCKS)[number];

export const CLOCK_STATES = ['NOT_STARTED', 'RUNNING', 'PAUSED', 'BREACHED', 'MET', 'MISSED', 'NOT_NEEDED'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const RISKS = ['OK', 'AT_RISK', 'OVERDUE'] as const;
export type Risk = (typeof RISKS)[number];

export type Basis = 'NATURAL' | 'WORKING';
export type EscalationName = 'WARNING' | 'BREACH' | 'HEAD';

export const REGIONS = ['CITY', 'COUNTY'] as const satisfies readonly NonNullable<Schemas['SiteView']['region']>[];

export const HOLD_REASONS = ['WAITING_CUSTOMER', 'WAITING_PARTS'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const DELIVERABLE_KINDS = ['SOLUTION_PLAN', 'CONTINGENCY_PLAN', 'FAULT_REPORT'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

/** The ticket actions besides tasks (server: ticket.TicketAction); hand-ins are SUBMIT_ + a deliverable kind. */
export const TICKET_ACTIONS = [
  'HOLD',
  'RESUME',
  'CHANGE_LEVEL',
  'ARRIVE_ON_SITE',
  'SUBMIT_SOLUTION_PLAN',
  'SUBMIT_CONTINGENCY_PLAN',
  'SUBMIT_FAULT_REPORT',
  'REPORT_ABNORMAL_EVENT',
  'ACKNOWLEDGE_ABNORMAL_EVENT',
  'REPORT_DELAY',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** One SLA clock as the board shows it. */
export interface BoardClock {
  clock: ClockName | string;
  basis: Basis | string;
  state: ClockState | string;
  dueAt?: string | null;
  /** Positive = time left, negative = overdue by; frozen while PAUSED; null when not running. */
  remainingSeconds?: number | null;
  risk: Risk | string;
  escalationLevel: number;
  escalationName?: EscalationName | string | null;
}

export interface BoardRow {
  ticketId: number;
  number: string;
  title: string;
  level?: string | null;
  levelName?: string | null;
  status: string;
  assignee?: string | null;
  siteName: string;
  region?: string | null;
  policy?: string | null;
  escalationLevel: number;
  escalationName?: EscalationName | string | null;
  risk: Risk | string;
  clocks: BoardClock[];
}

export interface BoardLevelCount {
  level: string;
  open: number;
  atRisk: number;
  overdue: number;
}

export interface BoardClockCount {
  clock: ClockName | string;
  running: number;
  paused: number;
  atRisk: number;
  overdue: number;
}

export interface Board {
  generatedAt: string;
  /** over every open case, whatever the filter */
  counts: { total: number; byLevel: BoardLevelCount[]; byClock: BoardClockCount[] };
  /** the page shown (from 0) and its size */
  page: number;
  size: number;
  /** cases the filter selects, on all pages */
  matching: number;
  rows: BoardRow[];
}

export interface ClockPause {
  from: string;
  /** null while still paused */
  to?: string | null;
  reason?: HoldReason | string | null;
}

export interface ClockHistoryEntry {
  at: string;
  kind: 'STARTED' | 'PAUSED' | 'RESUMED' | 'RECALCULATED' | 'ESCALATED' | 'DEESCALATED' | 'MET' | 'MISSED' | string;
  detail?: string | null;
}

/** One SLA clock of a ticket, with its pauses and history. */
export interface TicketClock extends BoardClock {
  /** ISO-8601 duration, e.g. PT30M */
  target?: string | null;
  startedAt?: string | null;
  stoppedAt?: string | null;
  /** MET/MISSED: seconds between stop and due time (positive = early, negative = late). */
  marginSeconds?: number | null;
  pausedSeconds?: number | null;
  pauses?: ClockPause[];
  history?: ClockHistoryEntry[];
}

export interface TicketClocks {
  policy?: { code: string; name: string; version: number } | null;
  calendar?: string | null;
  zone?: string | null;
  /** The office hours a 5×8 ticket counts working time in, e.g. "08:30–12:00"; the ticket's own, kept from opening. */
  workingHours?: string[] | null;
  level?: string | null;
  levelName?: string | null;
  generatedAt: string;
  clocks: TicketClock[];
}

export interface SlaPolicy {
  code: string;
  name: string;
  version: number;
  levels: { code: string; name: string }[];
}

export interface Delivery {
  id: number;
  channel: 'EMAIL' | 'WECOM' | 'DINGTALK' | string;
  target: string;
  status: 'PENDING' | 'RETRYING' | 'SENT' | 'FAILED' | 'SKIPPED' | string;
  attempts: number;
  lastError?: string | null;
  createdAt: string;
  sentAt?: string | null;
  nextAttemptAt?: string | null;
}

// ---- Process-owner workbench: BPMN/DMN models, deployments, migrations ----

export type ModelKind = 'PROCESS' | 'DECISION';
export type FileStatus = 'IN_SYNC' | 'DEPLOYED_NEWER_THAN_FILE' | 'FILE_NOT_DEPLOYED' | 'NO_FILE';
export type ModelSource = 'BPMN_FILES' | 'WORKBENCH';

export interface ModelVersion {
  definitionId: string;
  version: number;
  deployedAt: string;
  deployedBy: string | null;
  source: ModelSource | string;
  comment: string | null;
  /** null for decisions */
  runningCases: number | null;
}

export interface Model {
  key: string;
  name: string;
  kind: ModelKind | string;
  resourceName: string;
  latestVersion: number;
  latestDefinitionId: string;
  /** null for decisions */
  runningCases: number | null;
  fileStatus: FileStatus | string;
  /** newest first */
  versions: ModelVersion[];
}

export interface ModelViolation {
  rule: string;
  elementId: string | null;
  elementName: string | null;
  message: string;
}

export type ElementChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface ElementChange {
  elementId: string;
  elementType: string;
  name: string | null;
  change: ElementChangeKind | string;
  details: string[];
}

export interface ModelCheck {
  ok: boolean;
  violations: ModelViolation[];
  changes: ElementChange[];
  /** The deployed version the changes are against; null for a new model. */
  baseVersion: number | null;
}

export interface ModelDeployment {
  deploymentId: string;
  definitions: { key: string; version: number; definitionId: string }[];
  changes: ElementChange[];
}

export type ModelChangeAction = 'DEPLOYED' | 'MIGRATED' | 'FILE_DEPLOYED' | 'FILE_KEPT_NEWER_DEPLOYMENT';

export interface ModelChange {
  id: number;
  at: string;
  actor: string | null;
  action: ModelChangeAction | string;
  modelKey: string;
  fromVersion: number | null;
  toVersion: number | null;
  summary: string | null;
}

/** POST /api/models/migrations/dry-run; the migration itself adds the cases to move (processInstanceIds). */
export type MigrationRequest = Required<Omit<Schemas['MigrationRequest'], 'processInstanceIds'>>;

export interface MigrationCase {
  processInstanceId: string;
  ticketId: number | null;
  ticketNo: string | null;
  canMigrate: boolean;
  reasons: string[];
}

export interface MigrationPlan {
  sourceVersion: number;
  targetVersion: number;
  planProblems: string[];
  cases: MigrationCase[];
  movable: number;
  blocked: number;
  /** More cases run on the source version than one dry run looks at (500): migrate in batches. */
  truncated?: boolean;
}

export interface MigrationResult {
  migrated: string[];
  failed: { processInstanceId: string; reasons: string[] }[];
}
