import { api, download } from '../../api/client';
import type { Customer, TicketSummary } from '../../api/types';

/** The figures of CB-4 and seed 003, in the order the dashboard and the Excel file show them. */
export const KPI_NAMES = [
  'SATISFACTION',
  'CYCLE_COMPLIANCE',
  'REPEAT_SERVICE',
  'REPAIR_TIMELINESS',
  'FIRST_LINE',
  'AVAILABILITY',
  'GOOD_ORDER',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];
export type KpiUnit = 'CASES' | 'DEVICE_MINUTES' | 'DEVICES';
export type DrillPart = 'NUMERATOR' | 'DENOMINATOR' | 'AGAINST';

/** One figure: rate = numerator / denominator, absent when there was nothing to count. */
export interface Figure {
  kpi: KpiName;
  unit: KpiUnit;
  numerator: number;
  denominator: number;
  rate?: number | null;
}

export interface Count {
  code: string;
  count: number;
}

/** GET /api/kpi: one month of one unit (or all units, staff only) and the 12 months ending with it. */
export interface Dashboard {
  customerId?: number | null;
  customerName?: string | null;
  month: {
    month: string;
    from: string;
    to: string;
    figures: Figure[];
    incidents: { total: number; byCategory: Count[]; byLevel: Count[] };
  };
  trend: { month: string; figures: Figure[]; incidents: number }[];
}

/** What a drill-down asks for: a figure's part, or the incidents of one category or level. */
export type Drill =
  { kind: 'figure'; kpi: KpiName; part: DrillPart } | { kind: 'incidents'; category?: string; level?: string };

export interface KpiFilter {
  customerId?: number;
  month: string;
}

export const kpiApi = {
  dashboard: (f: KpiFilter) => api.get<Dashboard>('/kpi', { customerId: f.customerId, month: f.month }),
  cases: (f: KpiFilter, drill: Drill) =>
    drill.kind === 'figure'
      ? api.get<TicketSummary[]>('/kpi/cases', {
          customerId: f.customerId,
          month: f.month,
          kpi: drill.kpi,
          part: drill.part,
        })
      : api.get<TicketSummary[]>('/kpi/incidents', {
          customerId: f.customerId,
          month: f.month,
          category: drill.category,
          level: drill.level,
        }),
  customers: () => api.get<Customer[]>('/customers'),
  excel: (f: KpiFilter) => download('/kpi.xlsx', { customerId: f.customerId, month: f.month }, `kpi-${f.month}.xlsx`),
};

export const kpiKeys = {
  dashboard: (f: KpiFilter) => ['kpi', f.customerId ?? 'all', f.month] as const,
  cases: (f: KpiFilter, d: Drill) => ['kpi', 'cases', f.customerId ?? 'all', f.month, d] as const,
  customers: ['kpi', 'customers'] as const,
};

/** "93.5 %" with one decimal (the Excel file keeps two); null when there was nothing to count. */
export function percent(rate: number | null | undefined): string | null {
  if (rate == null) return null;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The parts a figure can be drilled into: the device figures list only the faults that pulled them down. */
export function partsOf(unit: KpiUnit): DrillPart[] {
  return unit === 'CASES' ? ['NUMERATOR', 'DENOMINATOR', 'AGAINST'] : ['AGAINST'];
}
