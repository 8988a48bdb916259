import { api } from '../../api/client';

// E-mail intake mailbox status (/api/admin/mail-intake, issue 15): ADMIN and SUPERVISOR read.

export type MailOutcome = 'OPENED' | 'THREADED' | 'DROPPED';
export type MailDropReason = 'AUTO_REPLY' | 'BOUNCE' | 'LOOP' | 'BULK' | 'NO_TRIAGE_SITE';
export type MailErrorKind = 'SIGN_IN_FAILED' | 'CONNECTION_FAILED' | 'FOLDER_NOT_FOUND' | 'MAIL_FAILED' | 'OTHER';

export interface MailIntakeRow {
  id: number;
  receivedAt: string;
  sender?: string;
  subject?: string;
  outcome: MailOutcome;
  reason?: MailDropReason;
  ticketId?: number;
  ticketNumber?: string;
}

export interface MailIntakeStatus {
  enabled: boolean;
  host?: string;
  port?: number;
  ssl: boolean;
  username?: string;
  folder: string;
  pollIntervalSeconds: number;
  triageSiteSet: boolean;
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: MailErrorKind;
  lastErrorDetail?: string;
  lastErrorAt?: string;
  recent: MailIntakeRow[];
}

export const mailIntakeApi = {
  status: () => api.get<MailIntakeStatus>('/admin/mail-intake'),
};

export const mailIntakeKeys = {
  status: ['admin', 'mailIntake'] as const,
};
