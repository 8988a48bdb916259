import { api } from '../../api/client';
import type { Customer } from '../../api/types';

export type CalendarKind = 'SEVEN_BY_24' | 'FIVE_BY_8';
export const CALENDAR_KINDS: CalendarKind[] = ['SEVEN_BY_24', 'FIVE_BY_8'];

/** What the contract's e-mail, WeCom and DingTalk messages are written in (the UI follows each reader instead). */
export type ContractLanguage = 'zh-CN' | 'en';
export const CONTRACT_LANGUAGES: ContractLanguage[] = ['zh-CN', 'en'];

/** One working window of a 5×8 day, local "HH:mm" times in the contract's zone; "24:00" ends at midnight. */
export interface WorkingWindow {
  from: string;
  to: string;
}

/** GET /api/contracts: webhook addresses and the DingTalk secret are write-only, reported as set or not. */
export interface Contract {
  id: number;
  customerId: number;
  name: string;
  policyCode: string;
  calendar: CalendarKind;
  zone: string;
  deskLead?: string | null;
  projectManager?: string | null;
  seniorEngineer?: string | null;
  departmentHead?: string | null;
  notifyEmail: boolean;
  workingHours: WorkingWindow[];
  /** Absent from servers older than the field: they wrote everything in Chinese. */
  language?: ContractLanguage;
  wecomWebhookSet?: boolean;
  dingtalkWebhookSet?: boolean;
  dingtalkSecretSet?: boolean;
  /** Levels (classes) whose recovery plan the customer reviews before the work (FW-4); absent from older servers. */
  planLevels?: string[];
  /** CB-1: the percentage of each month's closed faults sampled for the phone callback (3 unless the contract says otherwise). */
  surveySamplePercent?: number;
}

/**
 * PUT /api/contracts/{customerId}. For the webhook fields an absent value keeps what is stored, "" removes
 * it and anything else replaces it.
 */
export interface ContractPayload {
  name: string;
  policyCode: string;
  calendar: CalendarKind;
  zone: string;
  deskLead: string | null;
  projectManager: string | null;
  seniorEngineer: string | null;
  departmentHead: string | null;
  notifyEmail: boolean;
  workingHours: WorkingWindow[];
  language: ContractLanguage;
  planLevels: string[];
  /** Absent keeps the stored one. */
  surveySamplePercent?: number;
  wecomWebhookUrl?: string;
  dingtalkWebhookUrl?: string;
  dingtalkSecret?: string;
}

export interface ApplyResult {
  customerId: number;
  dryRun: boolean;
  ticketsUpdated: number;
  ticketsUnchanged: number;
}

export interface PolicyOption {
  code: string;
  name: string;
  version: number;
  /** The policy's level scheme: the levels a contract may owe a recovery plan for. */
  definition?: { levels?: { code: string; name: string }[] };
}

/** The vendor's return deadline of a contract (RR-2): 5 working days, or before the second weekend after sending. */
export type ReturnRule = 'FIVE_WORKING_DAYS' | 'BEFORE_SECOND_WEEKEND';
export const RETURN_RULES: ReturnRule[] = ['FIVE_WORKING_DAYS', 'BEFORE_SECOND_WEEKEND'];

/** GET/PUT /api/contracts/{contractId}/repair-terms; a contract without a row answers FIVE_WORKING_DAYS. */
export interface RepairTerms {
  vendorReturnRule: ReturnRule;
}

export const contractsApi = {
  list: () => api.get<Contract[]>('/contracts'),
  customers: () => api.get<Customer[]>('/customers'),
  policies: () => api.get<PolicyOption[]>('/sla/policies'),
  save: (customerId: number, body: ContractPayload) => api.put<Contract>(`/contracts/${customerId}`, body),
  applyToOpen: (customerId: number, dryRun: boolean) =>
    api.postEmpty<ApplyResult>(`/contracts/${customerId}/apply-to-open${dryRun ? '?dryRun=true' : ''}`),
  // keyed by the contract's own id (not the customer's), like the tickets that carry it
  repairTerms: (contractId: number) => api.get<RepairTerms>(`/contracts/${contractId}/repair-terms`),
  saveRepairTerms: (contractId: number, vendorReturnRule: ReturnRule) =>
    api.put<RepairTerms>(`/contracts/${contractId}/repair-terms`, { vendorReturnRule }),
  reportSettings: (contractId: number) => api.get<ReportSettings>(`/contracts/${contractId}/report-settings`),
  saveReportSettings: (contractId: number, recipients: string[], majorLevel: string | null) =>
    api.put<ReportSettings>(`/contracts/${contractId}/report-settings`, { recipients, majorLevel }),
};

/** GET /api/contracts/{id}/report-settings (RP-1): who receives the scheduled reports, and the major fault level. */
export interface ReportSettings {
  contractId: number;
  policyCode: string;
  enabled: boolean;
  recipients: string[];
  majorLevel?: string | null;
  majorLevelChosen: boolean;
  levels: string[];
}

/** Query keys of the contracts page. */
export const contractKeys = {
  all: ['contracts'] as const,
  customers: ['contracts', 'customers'] as const,
  policies: ['contracts', 'policies'] as const,
  repairTerms: (contractId: number) => ['contracts', 'repairTerms', contractId] as const,
  reportSettings: (contractId: number) => ['contracts', 'reportSettings', contractId] as const,
};
