import { describe, expect, it } from 'vitest';
import { CLOCK_STATES, CLOCKS, HOLD_REASONS, RISKS, STATUSES } from '../api/types';
import en from './en';
import { detectLanguage } from './index';
import zh from './zh';

function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.entries(obj).reduce<Record<string, string>>((acc, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') acc[key] = v;
    else Object.assign(acc, flatten(v as object, key));
    return acc;
  }, {});
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const flatEn = flatten(en);
const flatZh = flatten(zh);

// Task keys, form fields and enum options from docs/api.md: every one needs a label in both languages.
const CONTRACT = {
  tasks: [
    'firstLineResolution',
    'assignEngineer',
    'acceptAssignment',
    'diagnoseAndFix',
    'thirdPartyWork',
    'shipToVendor',
    'receiveFromVendor',
    'callRequester',
    // issue 12: field steps
    'checkIn',
    'restoreService',
    'diagnosisReport',
    'recoveryPlan',
    'reviewPlan',
    'confirmCompletion',
    'auditServiceForm',
    'reviseServiceForm',
    // issue 13: repair-return
    'writeProgressReport',
  ],
  fields: [
    'category',
    'solvedAtDesk',
    'deskNote',
    'engineer',
    'vehicleNeeded',
    'dispatchNote',
    'accepted',
    'declineReason',
    'symptom',
    'cause',
    'fixOutcome',
    'solution',
    'prevention',
    'thirdPartyName',
    'thirdPartyResult',
    'vendorName',
    'repairSlipNumber',
    'shippingNote',
    'vendorReport',
    'callbackOutcome',
    'satisfaction',
    'customerFeedback',
    // issue 12: field steps
    'location',
    'emergency',
    'emergencyHandling',
    'diagnosis',
    'levelSuggestion',
    'photos',
    'parts',
    'recoveryPlan',
    'planApproved',
    'planReviewReason',
    'testerName',
    'confirmed',
    'signatureAttachmentId',
    'remark',
    'auditAccepted',
    'auditReason',
    // issue 13: repair-return
    'fault',
    'vendorOutcome',
    'progressReport',
  ],
  options: {
    category: ['CONSULTATION', 'DEFECT'],
    fixOutcome: ['FIXED', 'SEND_TO_VENDOR', 'THIRD_PARTY'],
    callbackOutcome: ['CONFIRMED', 'NOT_FIXED'],
    satisfaction: ['1', '2', '3', '4', '5'],
    vendorOutcome: ['REPAIRED', 'UNREPAIRABLE'],
  },
};

describe('translations', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(flatZh).sort()).toEqual(Object.keys(flatEn).sort());
  });

  it('have no empty texts and the same {{placeholders}} in both languages', () => {
    for (const [key, text] of Object.entries(flatEn)) {
      expect(text.trim(), key).not.toBe('');
      expect(flatZh[key].trim(), key).not.toBe('');
      expect(placeholders(flatZh[key]), key).toEqual(placeholders(text));
    }
  });

  it('cover every task, form field, option, status and SLA enum of the API contract', () => {
    const required = [
      ...CONTRACT.tasks.map((k) => `task.${k}`),
      ...CONTRACT.fields.map((f) => `form.${f}`),
      ...Object.entries(CONTRACT.options).flatMap(([f, ids]) => ids.map((id) => `option.${f}.${id}`)),
      ...STATUSES.map((s) => `status.${s}`),
      ...CLOCKS.map((c) => `clock.${c}`),
      ...CLOCK_STATES.map((s) => `clockState.${s}`),
      ...RISKS.map((r) => `risk.${r}`),
      ...HOLD_REASONS.map((r) => `holdReason.${r}`),
      ...['STARTED', 'PAUSED', 'RESUMED', 'RECALCULATED', 'ESCALATED', 'DEESCALATED', 'MET', 'MISSED'].map(
        (k) => `clockEvent.${k}`,
      ),
      ...['WARNING', 'BREACH', 'HEAD'].map((e) => `escalation.${e}`),
      ...['EMAIL', 'WECOM', 'DINGTALK'].map((c) => `deliveryChannel.${c}`),
      ...['PENDING', 'RETRYING', 'SENT', 'FAILED', 'SKIPPED'].map((s) => `deliveryStatus.${s}`),
      ...['NATURAL', 'WORKING'].map((b) => `basis.${b}`),
      ...['SEVEN_BY_24', 'FIVE_BY_8'].flatMap((c) => [`calendar.${c}`, `contracts.calendar.${c}`]),
      ...['PROCESS', 'DECISION'].map((k) => `modelKind.${k}`),
      ...['IN_SYNC', 'DEPLOYED_NEWER_THAN_FILE', 'FILE_NOT_DEPLOYED', 'NO_FILE'].flatMap((s) => [
        `fileStatus.${s}`,
        `fileStatusHelp.${s}`,
      ]),
      ...['BPMN_FILES', 'WORKBENCH'].map((s) => `modelSource.${s}`),
      ...['DEPLOYED', 'MIGRATED', 'FILE_DEPLOYED', 'FILE_KEPT_NEWER_DEPLOYMENT'].map((a) => `modelAction.${a}`),
      ...['ADDED', 'REMOVED', 'CHANGED'].map((c) => `elementChange.${c}`),
    ];
    const missing = required.filter((k) => !(k in flatEn) || !(k in flatZh));
    expect(missing).toEqual([]);
  });

  it('uses the service-desk vocabulary in Chinese', () => {
    expect(flatZh['nav.tasks']).toBe('待办任务');
    expect(flatZh['task.assignEngineer']).toBe('派单');
    expect(flatZh['nav.supervisor']).toBe('时效监控');
    expect(flatZh['clock.RESPONSE']).toBe('响应');
    expect(flatZh['clock.ON_SITE']).toBe('到场');
    expect(flatZh['risk.AT_RISK']).toBe('即将超时');
    expect(flatZh['actions.hold']).toBe('挂起');
    expect(flatZh['ticket.impact']).toBe('影响度');
    expect(flatZh['ticket.urgency']).toBe('紧急度');
    expect(flatZh['modelKind.PROCESS']).toBe('流程模型');
    expect(flatZh['modelKind.DECISION']).toBe('决策表');
    expect(flatZh['editor.deployConfirm']).toBe('部署');
    expect(flatZh['models.version']).toBe('版本');
    expect(flatZh['migration.dryRun']).toBe('试运行');
    expect(flatZh['models.runningCases']).toBe('运行中的工单');
    expect(flatZh['models.migrate']).toContain('迁移');
  });

  it('uses the words customers use in the customer portal', () => {
    expect(flatZh['nav.reportFault']).toBe('报修');
    expect(flatZh['customer.newTitle']).toBe('报修');
    expect(flatZh['nav.myTickets']).toBe('我的工单');
    expect(flatZh['customer.ticketsTitle']).toBe('我的工单');
    expect(flatZh['customer.callbackTitle']).toBe('回访确认');
    expect(flatZh['customer.outcome.CONFIRMED']).toBe('修复确认');
    expect(flatZh['customer.confirmed']).toContain('修复确认');
    expect(flatZh['customer.satisfaction']).toBe('满意度');
    expect(flatZh['role.CUSTOMER']).toBe('客户');
  });
});

describe('detectLanguage', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh');
    expect(detectLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(detectLanguage('fr', ['fr-FR'])).toBe('en');
  });
});
