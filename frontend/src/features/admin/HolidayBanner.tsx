import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useHasRole, useSignedInUser } from '../../auth/AuthContext';
import { holidayKeys, holidaysApi } from './holidaysApi';

/** The roles whose work runs on working-time deadlines: they are told when a year's holidays are missing. */
const TOLD = ['ADMIN', 'SUPERVISOR', 'SERVICE_DESK', 'PROCESS_OWNER'] as const;

const dismissKey = (user: string | null) => `aftercare.holidayReminder.${user ?? ''}`;

/**
 * The reminder above every page while this year or next year has no statutory holidays (GET /api/calendar/holidays:
 * next year counts from 1 January): deadlines in working time would count those holidays as workdays. Admins get a
 * link to the import, supervisors to the calendar, the desk and process owners are told whom to ask; the calendar
 * tab itself says it next to the import, so the reminder stays off there. Closing it
 * hides it for this browser session (and these years); it is back in the next one.
 */
export function HolidayBanner() {
  const { t } = useTranslation();
  const told = useHasRole(...TOLD);
  const admin = useHasRole('ADMIN');
  const canView = useHasRole('ADMIN', 'SUPERVISOR');
  const user = useSignedInUser();
  const coverage = useQuery({
    queryKey: holidayKeys.coverage,
    queryFn: () => holidaysApi.coverage(),
    enabled: told,
    staleTime: 10 * 60_000,
  });
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(dismissKey(user)));
  const { pathname, search } = useLocation();
  // the calendar tab says the same in its own words, next to the import
  const onCalendarTab = pathname === '/admin' && new URLSearchParams(search).get('tab') === 'calendar';
  const missing = coverage.data?.missingYears ?? [];
  const years = missing.join('、');
  if (!told || missing.length === 0 || dismissed === years || onCalendarTab) return null;

  return (
    <Alert
      type="warning"
      showIcon
      closable
      className="holiday-banner"
      data-testid="holiday-banner"
      onClose={() => {
        sessionStorage.setItem(dismissKey(user), years);
        setDismissed(years);
      }}
      message={
        <>
          {t('holidays.missing', { years })}{' '}
          {admin ? (
            <Link to="/admin?tab=calendar" data-testid="holiday-banner-link">
              {t('holidays.bannerImport')}
            </Link>
          ) : canView ? (
            <Link to="/admin?tab=calendar" data-testid="holiday-banner-link">
              {t('holidays.bannerView')}
            </Link>
          ) : (
            t('holidays.bannerAskAdmin')
          )}
        </>
      }
    />
  );
}
