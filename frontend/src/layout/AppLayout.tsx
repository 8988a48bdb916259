import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../shared/useIsPhone';
import { PhoneNav, type NavItem } from './PhoneNav';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { homePath } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { GlobalSearch } from './GlobalSearch';

export const NAV_ITEMS: NavItem[] = [
  { path: '/tasks', label: 'nav.tasks' },
  { path: '/tickets/new', label: 'nav.newTicket', roles: ['SERVICE_DESK', 'ADMIN'] },
  { path: '/tickets', label: 'nav.tickets' },
  { path: '/supervisor', label: 'nav.supervisor', roles: ['SUPERVISOR', 'ADMIN', 'SERVICE_DESK'] },
  { path: '/models', label: 'nav.models', roles: ['PROCESS_OWNER', 'ADMIN'] },
  { path: '/contracts', label: 'nav.contracts', roles: ['PROCESS_OWNER', 'ADMIN'] },
  {
    path: '/verification-policies',
    label: 'nav.verificationPolicies',
    roles: ['PROCESS_OWNER', 'ADMIN', 'SUPERVISOR'],
  },
  { path: '/admin', label: 'nav.admin', roles: ['ADMIN', 'SUPERVISOR'] },
  { path: '/loaners', label: 'nav.loaners', roles: ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'] },
  { path: '/stock', label: 'nav.stock', roles: ['ENGINEER', 'SUPERVISOR', 'ADMIN'] },
  { path: '/reports', label: 'nav.reports', roles: ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'] },
  { path: '/kpi', label: 'nav.kpi', roles: ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'] },
  // IN-10: the hotline answer rate and the missed calls to call back
  { path: '/hotline', label: 'nav.hotline', roles: ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'] },
  { path: '/surveys', label: 'nav.surveys', roles: ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'] },
  { path: '/knowledge', label: 'nav.knowledge' },
  {
    path: '/inspections',
    label: 'nav.inspections',
    roles: ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'],
  },
  {
    path: '/changes',
    label: 'nav.changes',
    roles: ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'],
  },
  {
    path: '/config-items',
    label: 'nav.configItems',
    roles: ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'],
  },
  // RP-6: every staff role reports security incidents; supervisors and admins investigate them
  {
    path: '/security-incidents',
    label: 'nav.securityIncidents',
    roles: ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'],
  },
];

/** A customer unit's user (CUSTOMER only): their tickets and reporting a fault; no task inbox. */
export const CUSTOMER_NAV_ITEMS: NavItem[] = [
  { path: '/tickets', label: 'nav.myTickets' },
  { path: '/tickets/new', label: 'nav.reportFault' },
  { path: '/reports', label: 'nav.reports' },
  // the phone's bottom bar shows the first four: the knowledge base is what a customer reaches for on site
  { path: '/knowledge', label: 'nav.knowledge' },
  { path: '/kpi', label: 'nav.kpi' },
  { path: '/surveys', label: 'nav.mySurveys' },
  { path: '/inspections', label: 'nav.inspections' },
  // RP-4: the unit's systems and what they run on (read only)
  { path: '/config-items', label: 'nav.configItems' },
  // RP-6: the unit's security incidents, their investigation and counts; the unit may report one too
  { path: '/security-incidents', label: 'nav.securityIncidents' },
  // RP-5: what the maintainer plans to change on the unit's systems, once the unit has been told
  { path: '/changes', label: 'nav.myChanges' },
];

function selectedKey(pathname: string, fallback: string): string {
  if (pathname === '/tickets/new') return pathname;
  if (pathname.startsWith('/tickets')) return '/tickets';
  // a page of no menu entry (a device's record, opened from a case or a graph) marks none: marking the home entry would
  // say the reader is somewhere they are not
  return NAV_ITEMS.find((i) => pathname.startsWith(i.path))?.path ?? (pathname === '/' ? fallback : '');
}

/**
 * headerExtra: shown first on the header's right (App passes the offline outbox badge: layout/ may not import features);
 * banner: above every page (App passes the missing-holidays reminder).
 */
export function AppLayout({ headerExtra, banner }: { headerExtra?: ReactNode; banner?: ReactNode } = {}) {
  const { t } = useTranslation();
  const { me, hasRole, isCustomer, logout } = useAuth();
  const { pathname } = useLocation();
  const home = homePath(me);
  const phone = useIsPhone();

  const visible = isCustomer ? CUSTOMER_NAV_ITEMS : NAV_ITEMS.filter((i) => !i.roles || hasRole(...i.roles));
  if (phone)
    return (
      <PhoneLayout items={visible} selected={selectedKey(pathname, home)} headerExtra={headerExtra} banner={banner} />
    );
  const items = visible.map((i) => ({
    key: i.path,
    label: (
      <Link to={i.path} data-testid={`nav-${i.path.slice(1).replace('/', '-')}`}>
        {t(i.label)}
      </Link>
    ),
  }));

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to={home} className="app-brand" data-testid="app-brand">
          {t('app.name')}
          <span className="app-brand-sub">{t(isCustomer ? 'app.customerSubtitle' : 'app.subtitle')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selectedKey(pathname, home)]}
          items={items}
          className="app-menu"
        />
        <Space size="middle" className="app-header-right">
          <GlobalSearch />
          {headerExtra}
          <LanguageSwitch />
          <Typography.Text className="app-user" data-testid="current-user" data-username={me?.username}>
            <UserOutlined /> {me?.displayName} ({me?.username})
          </Typography.Text>
          <Button size="small" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        {banner}
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/** Phones: a slim header, the page, and the bottom navigation with a drawer for the rest (layout/PhoneNav). */
function PhoneLayout({
  items,
  selected,
  headerExtra,
  banner,
}: {
  items: NavItem[];
  selected: string;
  headerExtra?: ReactNode;
  banner?: ReactNode;
}) {
  const { t } = useTranslation();
  const { me, isCustomer } = useAuth();
  return (
    <Layout className="app-layout app-layout-phone" data-layout="phone">
      <Layout.Header className="app-header">
        <Link to={homePath(me)} className="app-brand" data-testid="app-brand">
          {t('app.name')}
          <span className="app-brand-sub">{t(isCustomer ? 'app.customerSubtitle' : 'app.subtitle')}</span>
        </Link>
        <GlobalSearch className="global-search global-search-phone" />
        {/* the phone is where forms wait for a signal: the outbox badge must show here too */}
        {headerExtra}
      </Layout.Header>
      <Layout.Content className="app-content">
        {banner}
        <Outlet />
      </Layout.Content>
      <PhoneNav items={items} selected={selected} />
    </Layout>
  );
}
