import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { inspectionKeys, inspectionsApi } from './api';

/** The supervisor board's line about inspections not done by the end of their window; links to the filtered list. */
export function OverdueInspectionsNotice() {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: inspectionKeys.overdue,
    queryFn: inspectionsApi.overdueCount,
    refetchInterval: 60_000,
  });
  const overdue = count.data?.overdue ?? 0;
  if (overdue === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="board-inspections-overdue"
      message={<Link to="/inspections?overdue=true">{t('inspections.overdueCount', { count: overdue })}</Link>}
    />
  );
}
