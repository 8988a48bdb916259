import { api } from '../../api/client';

// E-mail intake mailbox status (/api/admin/mail-intake, issue 15): ADMIN and SUPERVISOR read.

export type MailOutcome = 'OPENED' | 'THREADED' | 'REOPENED' | 'FOLLOW_UP' | 'DROPPED';
export type MailDropReason = 'AUTO_REPLY' | 'BOUNCE' | 'LOOP' | 'BULK' | 'NO_TRIAGE_SITE';
export type MailErrorKind =
  | 'SIGN_IN_FAILED'
  | 'TOKEN_FAILED'
  | 'CONNECTION_FAILED'
  | 'FOLDER_NOT_FOUND'
  | 'MAIL_FAILED'
  | 'MOVE_FAILED'
  | 'OTHER';
export type MailAuth = 'PASSWORD' | 'XOAUTH2';

/** What the last poll did, whichever node ran it (kept in the database). */
export interface MailLastPoll {
  opened: number;
  threaded: number;
  reopened: number;
  followUp: number;
  dropped: number;
  failed: number;
  moved: number;
}

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
  auth: MailAuth;
  processedFolder?: string;
  droppedFolder?: string;
  reopenWindowHours: number;
  polledBy?: string;
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: MailErrorKind;
  lastErrorDetail?: string;
  lastErrorAt?: string;
  lastPoll: MailLastPoll;
  recent: MailIntakeRow[];
}

export const mailIntakeApi = {
  status: () => api.get<MailIntakeStatus>('/admin/mail-intake'),
};

export const mailIntakeKeys = {
  status: ['admin', 'mailIntake'] as const,
};
