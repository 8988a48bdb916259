// Shapes of the Aftercare HTTP API (docs/api.md).

export type Role = 'SERVICE_DESK' | 'ENGINEER' | 'PROCESS_OWNER' | 'SUPERVISOR' | 'ADMIN';

export interface Me {
  username: string;
  displayName: string;
  roles: Role[];
}

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
}

export interface Engineer {
  username: string;
  displayName: string;
  team?: string;
}

export const CHANNELS = ['HOTLINE', 'WEB', 'ON_SITE', 'EMAIL', 'MONITORING'] as const;
export const CATEGORIES = ['CONSULTATION', 'DEFECT'] as const;
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
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
] as const;

export interface NewTicket {
  channel: string;
  requesterName: string;
  requesterUnit?: string;
  requesterPhone: string;
  siteId: number;
  deviceId?: number;
  category: string;
  impact: string;
  urgency: string;
  title: string;
  description?: string;
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
}

export interface ProbeResult {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  passed: boolean;
  summary: string | null;
  checks: ProbeCheck[];
}

export interface TicketDetail extends TicketSummary {
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
  timeline: TimelineEntry[];
  openTasks: Task[];
  probeResults: ProbeResult[];
}

export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
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
}

export interface Notification {
  id: number;
  createdAt: string;
  ticketId: number | null;
  /** Absent on notifications stored before the server sent it: fall back to the id. */
  ticketNumber?: string | null;
  message: string;
  read: boolean;
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
}
