import { useTranslation } from 'react-i18next';
import { LateCountNotice } from '../../shared/LateCountNotice';
import { serviceReportKeys, serviceReportsApi } from './serviceReportsApi';

/** The supervisor board's line about scheduled reports past their due day and not made (RP-1, ADR 0050). */
export function LateReportsNotice() {
  const { t } = useTranslation();
  return (
    <LateCountNotice
      queryKey={serviceReportKeys.overdueCount}
      fetchCount={serviceReportsApi.overdueCount}
      testId="board-reports"
      noneText={t('serviceReports.noneLate')}
      lateText={(count) => t('serviceReports.lateCount', { count })}
      to="/reports?overdue=true"
    />
  );
}
