import { Alert, Spin } from 'antd';
import type { Query } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';

/** While the probe runs the status changes by itself; the page looks again every few seconds. */
const POLL_STATUSES = new Set(['VERIFYING']);
const POLL_MILLIS = 3000;

/**
 * The ticket query's refetchInterval (both ticket pages): every few seconds while the ticket's status changes
 * without anyone acting, not at all otherwise.
 */
export function pollWhileVerifying<
  T extends { status?: string; recheckQueued?: boolean },
  K extends readonly unknown[],
>(query: Query<T, Error, T, K>) {
  const status = query.state.data?.status;
  // a recheck queued for a probe agent (ADR 0042) shows "checking" until its result is in, whatever the status
  if (query.state.data?.recheckQueued) return POLL_MILLIS;
  return status && POLL_STATUSES.has(status) ? POLL_MILLIS : false;
}

/** What a ticket page shows before its ticket is there: the load error (404 as "not found"), or a spinner. */
export function TicketNotLoaded({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return <Spin size="large" style={{ display: 'block', marginTop: 80 }} />;
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="ticket-load-error"
      message={notFound ? t('common.notFound') : t('common.loadFailed', { message: describeError(error, t) })}
    />
  );
}
