import { Alert, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../shared/errors';

/** While the probe runs the status changes by itself; the page looks again every few seconds. */
const POLL_STATUSES = new Set(['VERIFYING']);
const POLL_MILLIS = 3000;

/** Reloads the ticket every few seconds while its status changes without anyone acting (both ticket pages). */
export function usePollWhileVerifying(status: string | undefined, reload: () => unknown) {
  useEffect(() => {
    if (!status || !POLL_STATUSES.has(status)) return;
    const timer = setInterval(() => void reload(), POLL_MILLIS);
    return () => clearInterval(timer);
  }, [status, reload]);
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
