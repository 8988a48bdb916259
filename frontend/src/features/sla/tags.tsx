import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const RISK_COLORS: Record<string, string> = { OK: 'green', AT_RISK: 'gold', OVERDUE: 'red' };

export function RiskTag({ risk, testId }: { risk: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_COLORS[risk] ?? 'default'} data-testid={testId} data-risk={risk}>
      {t(`risk.${risk}`, { defaultValue: risk })}
    </Tag>
  );
}

const STATE_COLORS: Record<string, string> = {
  NOT_STARTED: 'default',
  RUNNING: 'processing',
  PAUSED: 'warning',
  BREACHED: 'error',
  MET: 'success',
  MISSED: 'volcano',
  NOT_NEEDED: 'default',
};

export function ClockStateTag({ state, testId }: { state: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid={testId} data-state={state}>
      {t(`clockState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** Colour by escalation level: 1 warning (amber), 2 breach (red), 3 head of service (magenta). */
const ESCALATION_COLORS: Record<number, string> = { 1: 'gold', 2: 'red', 3: 'magenta' };

export function EscalationTag({
  level,
  name,
  testId,
}: {
  level: number | null | undefined;
  name: string | null | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!level) {
    return (
      <Tag bordered={false} data-testid={testId} data-escalation-level={0}>
        {t('escalation.none')}
      </Tag>
    );
  }
  const label = name ? t(`escalation.${name}`, { defaultValue: name }) : '';
  return (
    <Tag color={ESCALATION_COLORS[level] ?? 'purple'} data-testid={testId} data-escalation-level={level}>
      {label ? t('escalation.value', { level, name: label }) : t('escalation.levelOnly', { level })}
    </Tag>
  );
}

export function clockLabel(t: (key: string, options?: Record<string, unknown>) => string, clock: string): string {
  return t(`clock.${clock}`, { defaultValue: clock });
}

/**
 * A service-level scheme's name in the reader's language: the shipped schemes have labels (三级故障响应); the
 * server's name is bilingual ("Three-level scheme (SLA-1) / 三级故障响应") and serves only a scheme without one. Never
 * the code: it is the API's (the phone check fails on THREE_LEVEL). Empty while an unlabelled scheme's name loads.
 */
export function policyName(
  t: (key: string, options?: Record<string, unknown>) => string,
  code: string | null | undefined,
  serverName?: string | null,
): string {
  if (!code) return serverName ?? '';
  return t(`policy.${code}`, { defaultValue: serverName ?? '' });
}

/**
 * A level's name in the reader's language (三级故障响应's level 3: 单个用户受影响): the shipped schemes' levels have
 * labels; the server's bilingual name ("L3 one user / 单个用户受影响") serves only a scheme without them.
 */
export function levelName(
  t: (key: string, options?: Record<string, unknown>) => string,
  policyCode: string | null | undefined,
  level: string | null | undefined,
  serverName?: string | null,
): string | null {
  if (!policyCode || !level) return serverName ?? null;
  return t(`levelName.${policyCode}.${level}`, { defaultValue: serverName ?? '' }) || null;
}
