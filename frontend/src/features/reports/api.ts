import { api, download } from '../../api/client';
import type { Customer } from '../../api/types';

export type ReportKind = 'MONTHLY' | 'QUARTERLY';
export const REPORT_KINDS: ReportKind[] = ['MONTHLY', 'QUARTERLY'];

/** GET /api/repair-reports: one stored Excel file of a customer, kind and period ("2026-10" or "2026-Q3"). */
export interface RepairReport {
  id: number;
  customerId: number;
  customerName: string;
  kind: ReportKind;
  period: string;
  language: string;
  fileName: string;
  sizeBytes: number;
  repairs: number;
  createdBy?: string | null;
  createdAt: string;
}

export const reportsApi = {
  list: () => api.get<RepairReport[]>('/repair-reports'),
  customers: () => api.get<Customer[]>('/customers'),
  generate: (customerId: number, kind: ReportKind, period: string) =>
    api.post<RepairReport>('/repair-reports', { customerId, kind, period }),
  download: (r: RepairReport) => download(`/repair-reports/${r.id}/file`, undefined, r.fileName),
};

export const reportKeys = { all: ['repair-reports'] as const, customers: ['repair-reports', 'customers'] as const };

/** The last whole month ("2026-10") or quarter ("2026-Q3") before today, the form's starting value. */
export function lastPeriod(kind: ReportKind, today: Date = new Date()): string {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: the current month
  if (kind === 'MONTHLY') {
    const prev = new Date(y, m - 1, 1);
    return `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
  }
  const q = Math.floor(m / 3); // the current quarter, 0-based
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}
