import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { showable } from '../../api/readable';
import { acceptLanguage } from '../../i18n';
import { describeError } from '../../shared/errors';
import type { SecurityImpact, SecurityIncidentKind, SecurityIncidentStatus } from './api';

/** Groups of the domain labels (labels/*.json) that name this feature's codes (camelCase, like configKind). */
type LabelGroup = 'securityKind' | 'securityImpact' | 'securityStatus' | 'securityAction';

/** A code in the reader's words; a code this page does not know yet reads 其他, never as the code itself. */
export const codeLabel = (t: TFunction, group: LabelGroup, code: string | null | undefined): string =>
  code ? t(`${group}.${code}`, { defaultValue: t('securityIncidents.unknown') }) : t('securityIncidents.unknown');

const STATUS_COLORS: Record<SecurityIncidentStatus, string> = {
  REPORTED: 'orange',
  INVESTIGATING: 'processing',
  CLOSED: 'default',
};

const IMPACT_COLORS: Record<SecurityImpact, string> = {
  MINOR: 'gold',
  SERIOUS: 'orange',
  MAJOR: 'red',
};

/** The same colours as bars (the statistics panel). */
export const IMPACT_STROKES: Record<SecurityImpact, string> = {
  MINOR: '#d4b106',
  SERIOUS: '#d46b08',
  MAJOR: '#cf1322',
};

export function SecurityStatusTag({ status, testId }: { status: SecurityIncidentStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {codeLabel(t, 'securityStatus', status)}
    </Tag>
  );
}

export function SecurityImpactTag({ impact, testId }: { impact: SecurityImpact; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={IMPACT_COLORS[impact] ?? 'default'} data-testid={testId} data-impact={impact}>
      {codeLabel(t, 'securityImpact', impact)}
    </Tag>
  );
}

export function SecurityKindTag({ kind }: { kind: SecurityIncidentKind }) {
  const { t } = useTranslation();
  return <Tag data-kind={kind}>{codeLabel(t, 'securityKind', kind)}</Tag>;
}

/** A field name the server gave ("title", "ticketId") as the form knows it. */
export const formField = (field: string) => field.split(/[.[]/)[0];

/**
 * A failed action as one line in the reader's language. A 409 is the server's own sentence (problem.securityIncident…,
 * worded in the reader's language); when it is not readable here, ours: the incident moved on meanwhile.
 */
export function describeIncidentError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 409) {
    return showable(error.message, acceptLanguage() === 'zh-CN') && !/^HTTP \d+$/.test(error.message)
      ? error.message
      : t('securityIncidents.errors.stale');
  }
  return describeError(error, t);
}
