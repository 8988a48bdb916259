import { useTranslation } from 'react-i18next';
import { LateCountNotice } from '../../shared/LateCountNotice';
import { surveyApi, surveyKeys } from './api';

/** The supervisor board's line about callbacks and surveys open past their due time (CB-1..CB-3, ADR 0050). */
export function LateSurveysNotice() {
  const { t } = useTranslation();
  return (
    <LateCountNotice
      queryKey={surveyKeys.overdueCount}
      fetchCount={surveyApi.overdueCount}
      testId="board-surveys"
      noneText={t('survey.noneLate')}
      lateText={(count) => t('survey.lateCount', { count })}
      to="/surveys?overdue=true"
    />
  );
}
