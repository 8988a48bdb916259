import { api, download } from '../../api/client';

/** A loaner unit of the pool (备机); status AVAILABLE or ON_LOAN. */
export interface Loaner {
  id: number;
  model: string;
  serial: string;
  keptAt?: string | null;
  status?: string | null;
  ticketId?: number | null;
}

export interface ProgressReport {
  body: string;
  writtenBy?: string | null;
  writtenAt: string;
}

/** One repair slip (送修单) as the server keeps it; times are ISO instants. */
export interface RepairSlip {
  id: number;
  deviceName?: string | null;
  deviceModel?: string | null;
  deviceSerial?: string | null;
  fault?: string | null;
  vendorName: string;
  slipNumber: string;
  note?: string | null;
  sentBy?: string | null;
  sentAt: string;
  expectedReturnAt: string;
  returnRule: string;
  returnedAt?: string | null;
  receivedBy?: string | null;
  vendorReport?: string | null;
  outcome: string;
  overdue: boolean;
  loaner?: Loaner | null;
  loanerInstalledAt?: string | null;
  loanerCollectedAt?: string | null;
  progressReports: ProgressReport[];
}

export interface Repair {
  ticketId: number;
  ticketNumber: string;
  customerName?: string | null;
  siteName?: string | null;
  siteAddress?: string | null;
  slips: RepairSlip[];
}

export const repairApi = {
  get: (ticketId: string | number) => api.get<Repair>(`/tickets/${ticketId}/repair`),
  loaners: () => api.get<Loaner[]>('/loaners'),
  addLoaner: (body: { model: string; serial: string; keptAt: string }) => api.post<Loaner>('/loaners', body),
  install: (ticketId: string | number, loanerId: number) =>
    api.post<Loaner>(`/tickets/${ticketId}/loaner`, { loanerId }),
  collect: (ticketId: string | number) => api.postEmpty<Loaner>(`/tickets/${ticketId}/loaner/collect`),
  /** Saves the PDF under the server's file name (送修单-<number>.pdf). */
  downloadSlipPdf: (ticketId: string | number, lang: 'zh-CN' | 'en', fallbackName: string) =>
    download(`/tickets/${ticketId}/repair-slip.pdf`, { lang }, fallbackName),
};

export const repairKeys = {
  /** Under the ticket's key, so an action on the ticket refreshes its repair too. */
  one: (ticketId: string | number) => ['tickets', String(ticketId), 'repair'] as const,
  loaners: ['loaners'] as const,
};

/** Whole days from now until the vendor's deadline: negative when overdue. */
export function daysLeft(expectedReturnAt: string, now: number = Date.now()): number {
  const ms = new Date(expectedReturnAt).getTime() - now;
  return ms >= 0 ? Math.ceil(ms / 86_400_000) : -Math.ceil(-ms / 86_400_000);
}
