import { useQuery } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { changeKeys, changesApi } from './api';

/**
 * The supervisor board's line about changes that wait for someone (RP-5): approvals, tests, windows that ended with
 * no outcome recorded, and finished changes the customer has not signed off for more than 3 days; each links to the
 * list filtered that way. Nothing when nothing waits.
 */
export function PendingChangesNotice() {
  const { t } = useTranslation();
  const counts = useQuery({ queryKey: changeKeys.counts, queryFn: changesApi.counts, refetchInterval: 60_000 });
  const c = counts.data;
  // a server from before the sign-off count answers without it
  const signOff = c?.awaitingSignOff ?? 0;
  if (!c || c.awaitingApproval + c.awaitingTest + c.overrun + signOff === 0) return null;
  return (
    <Alert
      type={c.overrun > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="board-changes-pending"
      message={
        <Space wrap size={[16, 4]}>
          {c.awaitingApproval > 0 && (
            <Link to="/changes?status=SUBMITTED">{t('changes.pending.approval', { count: c.awaitingApproval })}</Link>
          )}
          {c.awaitingTest > 0 && (
            <Link to="/changes?status=TESTING">{t('changes.pending.test', { count: c.awaitingTest })}</Link>
          )}
          {c.overrun > 0 && (
            <Link to="/changes?status=IN_PROGRESS">{t('changes.pending.overrun', { count: c.overrun })}</Link>
          )}
          {signOff > 0 && (
            <Link to="/changes?awaiting=signOff">{t('changes.pending.signOff', { count: signOff })}</Link>
          )}
        </Space>
      }
    />
  );
}
