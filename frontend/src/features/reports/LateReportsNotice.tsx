import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { serviceReportKeys, serviceReportsApi } from './serviceReportsApi';

/**
 * The supervisor board's line about scheduled reports past their due day and not made (RP-1, ADR 0050); links to the
 * reports page filtered to 逾期. A quiet line when none is late.
 */
export function LateReportsNotice() {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: serviceReportKeys.overdueCount,
    queryFn: serviceReportsApi.overdueCount,
    refetchInterval: 60_000,
  });
  if (count.data == null) return null;
  const overdue = count.data.overdue;
  if (overdue === 0) {
    return (
      <Typography.Text type="secondary" data-testid="board-reports-none" style={{ display: 'block', marginBottom: 8 }}>
        {t('serviceReports.noneLate')}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="board-reports-overdue"
      message={<Link to="/reports?overdue=true">{t('serviceReports.lateCount', { count: overdue })}</Link>}
    />
  );
}
