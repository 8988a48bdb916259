import { api, download } from '../../api/client';
import type { LadderRung } from '../../shared/LateLadder';

export type ServiceReportKind =
  | 'DAILY_LOG'
  | 'MONTHLY_FAULTS'
  | 'MAJOR_FAULT'
  | 'QUARTERLY_DEVICES'
  | 'QUARTERLY_OM'
  | 'ANNUAL'
  | 'INSPECTION_MONTHLY';

/** The kinds staff may make on demand by period (a major fault report follows its case's closing). */
export const PERIOD_KINDS: ServiceReportKind[] = [
  'DAILY_LOG',
  'MONTHLY_FAULTS',
  'INSPECTION_MONTHLY',
  'QUARTERLY_DEVICES',
  'QUARTERLY_OM',
  'ANNUAL',
];

export type ServiceReportState = 'READY' | 'LATE' | 'DUE' | 'OVERDUE';

/** GET /api/service-reports: a report owed or made for one customer, kind and period (RP-1). */
export interface ServiceReport {
  id: number;
  customerId: number;
  customerName: string;
  kind: ServiceReportKind;
  period: string;
  ticketNumber?: string | null;
  dueOn: string;
  state: ServiceReportState;
  xlsxName?: string | null;
  pdfName?: string | null;
  cases: number;
  createdBy?: string | null;
  madeAt?: string | null;
  mailedTo: string[];
  mailedAt?: string | null;
  /** The rungs its lateness reached (ADR 0050), lowest first; empty for a customer's user. */
  ladder?: LadderRung[];
}

export const serviceReportsApi = {
  list: () => api.get<ServiceReport[]>('/service-reports'),
  overdueCount: () => api.get<{ overdue: number }>('/service-reports/overdue-count'),
  generate: (customerId: number, kind: ServiceReportKind, period: string) =>
    api.post<ServiceReport>('/service-reports', { customerId, kind, period }),
  download: (r: ServiceReport, format: 'xlsx' | 'pdf') =>
    download(
      `/service-reports/${r.id}/${format}`,
      undefined,
      (format === 'xlsx' ? r.xlsxName : r.pdfName) ?? `report.${format}`,
    ),
};

export const serviceReportKeys = {
  all: ['service-reports'] as const,
  overdueCount: ['service-reports', 'overdue-count'] as const,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The last whole period of a kind before today, as the API names it: 2026-10-05, 2026-10, 2026-Q3 or 2026. */
export function lastServicePeriod(kind: ServiceReportKind, today: Date = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (kind) {
    case 'DAILY_LOG':
    case 'MAJOR_FAULT': {
      const d = new Date(y, m, today.getDate() - 1);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }
    case 'MONTHLY_FAULTS':
    case 'INSPECTION_MONTHLY': {
      const prev = new Date(y, m - 1, 1);
      return `${prev.getFullYear()}-${pad(prev.getMonth() + 1)}`;
    }
    case 'QUARTERLY_DEVICES':
    case 'QUARTERLY_OM': {
      const q = Math.floor(m / 3);
      return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
    }
    case 'ANNUAL':
      return String(y - 1);
  }
}
