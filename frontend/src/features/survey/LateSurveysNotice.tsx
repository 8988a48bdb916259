import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { surveyApi, surveyKeys } from './api';

/**
 * The supervisor board's line about callbacks and surveys open past their due time (CB-1..CB-3, ADR 0050); links to
 * the surveys page filtered to 逾期. A quiet line when none is late.
 */
export function LateSurveysNotice() {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: surveyKeys.overdueCount,
    queryFn: surveyApi.overdueCount,
    refetchInterval: 60_000,
  });
  if (count.data == null) return null;
  const overdue = count.data.overdue;
  if (overdue === 0) {
    return (
      <Typography.Text type="secondary" data-testid="board-surveys-none" style={{ display: 'block', marginBottom: 8 }}>
        {t('survey.noneLate')}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="board-surveys-overdue"
      message={<Link to="/surveys?overdue=true">{t('survey.lateCount', { count: overdue })}</Link>}
    />
  );
}
