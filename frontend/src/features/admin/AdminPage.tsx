import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { PageHeader } from '../../shared/PageHeader';
import { AccountsTab } from './AccountsTab';
import { AlarmSourcesTab } from './AlarmSourcesTab';
import { ApiTokensTab } from './ApiTokensTab';
import { CustomersTab } from './CustomersTab';
import { EngineersTab } from './EngineersTab';
import { MailIntakeTab } from './MailIntakeTab';
import { ProbeAgentsTab } from './ProbeAgentsTab';
import { WorkingCalendarTab } from './WorkingCalendarTab';

const TABS = [
  'customers',
  'accounts',
  'engineers',
  'probeAgents',
  'alarmSources',
  'apiTokens',
  'mailIntake',
  'calendar',
] as const;

/** 系统管理: customer units with their sites and devices, accounts, engineers and teams. Admins change, supervisors look. */
export function AdminPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const canEdit = hasRole('ADMIN');
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'customers';

  return (
    <>
      <PageHeader title={t('admin.title')} />
      {!canEdit && <Alert type="info" showIcon message={t('admin.readOnly')} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'customers', label: t('admin.tabs.customers'), children: <CustomersTab canEdit={canEdit} /> },
          { key: 'accounts', label: t('admin.tabs.accounts'), children: <AccountsTab canEdit={canEdit} /> },
          { key: 'engineers', label: t('admin.tabs.engineers'), children: <EngineersTab canEdit={canEdit} /> },
          { key: 'probeAgents', label: t('probeAgents.tab'), children: <ProbeAgentsTab canEdit={canEdit} /> },
          { key: 'alarmSources', label: t('alarms.tab'), children: <AlarmSourcesTab canEdit={canEdit} /> },
          { key: 'apiTokens', label: t('apiTokens.tab'), children: <ApiTokensTab canEdit={canEdit} /> },
          { key: 'mailIntake', label: t('mailIntake.tab'), children: <MailIntakeTab /> },
          { key: 'calendar', label: t('holidays.tab'), children: <WorkingCalendarTab canEdit={canEdit} /> },
        ]}
      />
    </>
  );
}
