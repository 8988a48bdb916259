import type { CalendarKind, Contract, ContractLanguage, ContractPayload, WorkingWindow } from './api';

/** The server's limits for office hours (see WorkingHours.java); checked here first so the user sees which box. */
export const MAX_WINDOWS = 6;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DEFAULT_HOURS: WorkingWindow[] = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '18:00' },
];

/** A problem with one box of the hours list (index -1: the list as a whole); `key` is an i18n key. */
export interface HoursProblem {
  index: number;
  end?: 'from' | 'to';
  key: string;
  params?: Record<string, string | number>;
}

/** What is wrong with these windows, in the order the boxes appear; empty when the server would accept them. */
export function workingHoursProblems(windows: WorkingWindow[]): HoursProblem[] {
  if (windows.length === 0) return [{ index: -1, key: 'contracts.hoursAtLeastOne' }];
  if (windows.length > MAX_WINDOWS) return [{ index: -1, key: 'contracts.hoursTooMany', params: { max: MAX_WINDOWS } }];
  const problems: HoursProblem[] = [];
  const valid: { index: number; from: string; to: string }[] = [];
  windows.forEach((w, index) => {
    const from = (w.from ?? '').trim();
    const to = (w.to ?? '').trim();
    const fromOk = TIME.test(from);
    const toOk = TIME.test(to) || to === '24:00';
    if (!fromOk) problems.push({ index, end: 'from', key: 'contracts.hoursBadTime' });
    if (!toOk) problems.push({ index, end: 'to', key: 'contracts.hoursBadTime' });
    if (!fromOk || !toOk) return;
    if (from >= to) {
      problems.push({ index, end: 'to', key: 'contracts.hoursEndBeforeStart', params: { from } });
      return;
    }
    const other = valid.find((v) => from < v.to && v.from < to);
    if (other) problems.push({ index, end: 'from', key: 'contracts.hoursOverlap', params: { other: other.index + 1 } });
    valid.push({ index, from, to });
  });
  return problems;
}

/**
 * How the form treats a write-only secret: keep what is stored (sent as absent), clear it (sent as ""),
 * or replace it with a new value. The stored value is never shown.
 */
export type SecretEdit = { mode: 'keep' } | { mode: 'clear' } | { mode: 'replace'; value: string };

export interface ContractFormValues {
  name: string;
  policyCode?: string;
  calendar: CalendarKind;
  zone: string;
  deskLead?: string;
  projectManager?: string;
  seniorEngineer?: string;
  departmentHead?: string;
  notifyEmail: boolean;
  language: ContractLanguage;
  planLevels: string[];
  surveySamplePercent?: number | null;
  workingHours: WorkingWindow[];
  wecomWebhookUrl: SecretEdit;
  dingtalkWebhookUrl: SecretEdit;
  dingtalkSecret: SecretEdit;
}

export const SERVICE_ZONE = 'Asia/Shanghai';

export function formValues(contract: Contract | undefined): ContractFormValues {
  return {
    name: contract?.name ?? '',
    policyCode: contract?.policyCode,
    calendar: contract?.calendar ?? 'SEVEN_BY_24',
    zone: contract?.zone ?? SERVICE_ZONE,
    deskLead: contract?.deskLead ?? '',
    projectManager: contract?.projectManager ?? '',
    seniorEngineer: contract?.seniorEngineer ?? '',
    departmentHead: contract?.departmentHead ?? '',
    notifyEmail: contract?.notifyEmail ?? false,
    language: contract?.language ?? 'zh-CN',
    planLevels: contract?.planLevels ?? [],
    surveySamplePercent: contract?.surveySamplePercent ?? 3,
    workingHours: (contract?.workingHours?.length ? contract.workingHours : DEFAULT_HOURS).map((w) => ({ ...w })),
    wecomWebhookUrl: { mode: 'keep' },
    dingtalkWebhookUrl: { mode: 'keep' },
    dingtalkSecret: { mode: 'keep' },
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

function secret(edit: SecretEdit): string | undefined {
  if (edit.mode === 'clear') return '';
  if (edit.mode === 'replace' && edit.value.trim()) return edit.value.trim();
  return undefined; // keep: leave the field out
}

/**
 * The PUT body. The office hours go along on 7×24 too (hidden there), so switching back to 5×8 finds
 * them unchanged. They keep the order of the boxes, so an error the server names (workingHours[1].to)
 * points at the box the user sees.
 */
export function toPayload(v: ContractFormValues): ContractPayload {
  const payload: ContractPayload = {
    name: v.name.trim(),
    policyCode: v.policyCode ?? '',
    calendar: v.calendar,
    zone: v.zone.trim() || SERVICE_ZONE,
    deskLead: blankToNull(v.deskLead),
    projectManager: blankToNull(v.projectManager),
    seniorEngineer: blankToNull(v.seniorEngineer),
    departmentHead: blankToNull(v.departmentHead),
    notifyEmail: v.notifyEmail,
    language: v.language,
    planLevels: v.planLevels ?? [],
    workingHours: v.workingHours.map((w) => ({ from: (w.from ?? '').trim(), to: (w.to ?? '').trim() })),
  };
  if (v.surveySamplePercent != null) payload.surveySamplePercent = v.surveySamplePercent;
  const wecom = secret(v.wecomWebhookUrl);
  const dingtalk = secret(v.dingtalkWebhookUrl);
  const dingtalkSecret = secret(v.dingtalkSecret);
  if (wecom !== undefined) payload.wecomWebhookUrl = wecom;
  if (dingtalk !== undefined) payload.dingtalkWebhookUrl = dingtalk;
  if (dingtalkSecret !== undefined) payload.dingtalkSecret = dingtalkSecret;
  return payload;
}
