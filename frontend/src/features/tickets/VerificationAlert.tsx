import { Alert, App, Button, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeCheck, ProbeResult, Task } from '../../api/types';
import { describeError } from '../../shared/errors';
import { ticketsApi } from './api';

/** The engineer's task a failed verification sends the case back to (dispatch.bpmn). */
export const FIX_TASK = 'diagnoseAndFix';
/** Its outcome field: after a failed verification it must be chosen again, not carried over as "fixed". */
const OUTCOME_FIELD = 'fixOutcome';

/** The newest finished probe result, if it failed. */
export function failedVerification(results: ProbeResult[] | undefined): ProbeResult | null {
  const finished = (results ?? []).filter((r) => r.finishedAt);
  const latest = finished[finished.length - 1];
  return latest && !latest.passed ? latest : null;
}

/** The task as its form should start: after a failed verification the outcome has no default. */
export function afterFailedVerification(task: Task, results: ProbeResult[] | undefined): Task {
  if (task.key !== FIX_TASK || !failedVerification(results)) return task;
  return {
    ...task,
    formFields: (task.formFields ?? []).map((f) => (f.id === OUTCOME_FIELD ? { ...f, defaultValue: null } : f)),
  };
}

/** Why a check failed, from the probe's classification (never shown raw: it is English). */
function reasonOf(t: TFunction, detail: string | null | undefined): string {
  const d = (detail ?? '').trim();
  const http = /^HTTP (\d{3})$/.exec(d);
  if (http) return t('verification.reason.httpStatus', { status: http[1] });
  const known: Record<string, string> = {
    'connection refused': 'refused',
    timeout: 'timeout',
    unreachable: 'unreachable',
    'connection failed': 'failed',
    'TLS handshake failed': 'tls',
    'not an HTTP answer': 'notWeb',
    'device has no IP address': 'noAddress',
    'not a valid URL': 'badUrl',
    'not a usable URL': 'badUrl',
  };
  if (known[d]) return t(`verification.reason.${known[d]}`);
  if (d.includes('not allowed')) return t('verification.reason.notAllowed');
  return t('verification.reason.other');
}

/** One failed check in words: which port or web address, and why. */
export function describeCheck(t: TFunction, check: ProbeCheck): string {
  // issue 14: the protocol checks, and any check not configured, say which check and why in the label's words
  if (check.reason && (check.reason === 'NOT_CONFIGURED' || (check.kind !== 'TCP' && check.kind !== 'HTTP'))) {
    return t('verification.check', {
      check: t(`probeCheck.${check.kind}`, { defaultValue: check.kind }),
      reason: t(`probeReason.${check.reason}`, { defaultValue: check.reason }),
    });
  }
  const reason = reasonOf(t, check.detail);
  if (check.kind === 'TCP') {
    const port = /:(\d+)$/.exec(check.target ?? '')?.[1];
    return port ? t('verification.tcp', { port, reason }) : t('verification.tcpNoPort', { reason });
  }
  return t('verification.http', { url: check.target, reason });
}

interface Props {
  ticketId: number;
  results: ProbeResult[] | undefined;
  /** The case is in its verify step now (case file `verifying`). */
  verifying: boolean;
  /** Whether this user may check again (the ticket's engineer or the desk); the server decides anyway. */
  canRecheck: boolean;
  /** Reload the case file after a recheck. */
  onChanged: () => Promise<void>;
}

/**
 * Issue 12: a failed verification made obvious. At the top of the engineer's task: a red alert naming each
 * failed check in words, with "check again now"; while a verification runs, "checking…" instead.
 */
export function VerificationAlert({ ticketId, results, verifying, canRecheck, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [checking, setChecking] = useState(false);
  const failed = failedVerification(results);

  if (verifying || checking) {
    return (
      <Alert
        type="info"
        showIcon
        message={t('verification.checking')}
        style={{ marginBottom: 16 }}
        data-testid="verification-checking"
      />
    );
  }
  if (!failed) return null;

  const recheck = async () => {
    setChecking(true);
    try {
      const result = await ticketsApi.recheckDevice(ticketId);
      if (result.queued) message.info(t('verification.queued'));
      else if (result.passed) message.success(t('verification.nowWorks'));
      else message.warning(t('verification.stillFailing'));
    } catch (e) {
      message.error(describeError(e, t));
    } finally {
      setChecking(false);
      await onChanged();
    }
  };

  const failedChecks = (failed.checks ?? []).filter((c) => !c.ok);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="verification-failed"
      message={t('verification.failedTitle')}
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {failedChecks.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20, overflowWrap: 'anywhere' }}>
              {failedChecks.map((c, i) => (
                <li key={i} data-testid="verification-failed-check">
                  {describeCheck(t, c)}
                </li>
              ))}
            </ul>
          ) : (
            <div>{t('verification.couldNotRun')}</div>
          )}
          <div>{t('verification.whatNext')}</div>
          {canRecheck && (
            <Button danger onClick={() => void recheck()} data-testid="verification-recheck">
              {t('verification.recheck')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
