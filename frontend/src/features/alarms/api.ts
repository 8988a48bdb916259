import { api } from '../../api/client';

// Monitoring sources (/api/admin/alarm-sources: ADMIN changes, SUPERVISOR reads) and the alarms behind a case
// (/api/tickets/{id}/alarms). docs/alarms.md describes the alarm endpoints themselves.

export type SourceKind = 'GENERIC' | 'ALERTMANAGER' | 'ZABBIX';
export const SOURCE_KINDS: SourceKind[] = ['GENERIC', 'ALERTMANAGER', 'ZABBIX'];

export interface AlarmSource {
  id: number;
  name: string;
  kind: SourceKind;
  customerId: number;
  customerName?: string;
  triageSiteId?: number;
  keyPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  events: number;
  cases: number;
  lastEventAt?: string;
  /** Last refused (429) for sending more than requestsPerMinute; absent: never. */
  lastRefusedAt?: string;
  requestsPerMinute: number;
}

export interface NewAlarmSource {
  name: string;
  kind: SourceKind;
  customerId: number;
  triageSiteId?: number;
}

export interface CaseAlarm {
  source: string;
  sourceKind: SourceKind;
  dedupKey: string;
  severity: 'CRITICAL' | 'ERROR' | 'WARNING' | 'INFO';
  summary: string;
  state: 'FIRING' | 'ACKNOWLEDGED' | 'RESOLVED';
  triggerCount: number;
  firstAt: string;
  lastTriggeredAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  flappingNotedAt?: string;
}

export const alarmApi = {
  sources: () => api.get<AlarmSource[]>('/admin/alarm-sources'),
  register: (source: NewAlarmSource) => api.post<{ source: AlarmSource; key: string }>('/admin/alarm-sources', source),
  revoke: (id: number) => api.post<AlarmSource>(`/admin/alarm-sources/${id}/revoke`),
  caseAlarms: (ticketId: number) => api.get<CaseAlarm[]>(`/tickets/${ticketId}/alarms`),
};

export const alarmKeys = {
  sources: ['admin', 'alarm-sources'] as const,
  caseAlarms: (ticketId: number) => ['tickets', ticketId, 'alarms'] as const,
};
