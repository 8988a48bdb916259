import {
  ApartmentOutlined,
  ClusterOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  InboxOutlined,
  LogoutOutlined,
  MenuOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  SettingOutlined,
  SafetyCertificateOutlined,
  SecurityScanOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from './LanguageSwitch';

export interface NavItem {
  path: string;
  label: string;
  /** Roles that see the entry; undefined = everyone signed in. */
  roles?: Role[];
}

/** How many destinations the bottom bar holds besides "more": five slots fit a thumb at 390 px. */
export const BOTTOM_SLOTS = 4;

const ICONS: Record<string, ReactNode> = {
  '/tasks': <CheckSquareOutlined />,
  '/tickets/new': <PlusCircleOutlined />,
  '/tickets': <FileTextOutlined />,
  '/supervisor': <DashboardOutlined />,
  '/models': <ApartmentOutlined />,
  '/contracts': <SolutionOutlined />,
  '/verification-policies': <SafetyCertificateOutlined />,
  '/admin': <SettingOutlined />,
  '/stock': <InboxOutlined />,
  '/reports': <FileExcelOutlined />,
  '/inspections': <ScheduleOutlined />,
  '/loaners': <DatabaseOutlined />,
  '/knowledge': <BookOutlined />,
  '/changes': <SwapOutlined />,
  '/config-items': <ClusterOutlined />,
  '/hotline': <PhoneOutlined />,
  '/security-incidents': <SecurityScanOutlined />,
};

const testIdOf = (path: string) => `nav-${path.slice(1).replace('/', '-')}`;

/** The short label a bottom-bar slot shows ("待办", "工单"); nav.short holds one per menu entry. */
const shortKey = (label: string) => label.replace(/^nav\./, 'navShort.');

/**
 * Navigation on a phone: the role's first destinations in a bar at the bottom of the screen (icons and short
 * labels, within the thumb's reach), the rest with the language, the signed-in user and sign-out in a drawer
 * behind "more". Desktop keeps the header menu (AppLayout).
 */
export function PhoneNav({ items, selected }: { items: NavItem[]; selected: string }) {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  // a tap on a drawer entry navigates: the drawer closes with the new page
  if (open && pathname !== openedAt) {
    setOpen(false);
  }
  const bottom = items.slice(0, BOTTOM_SLOTS);
  const rest = items.slice(BOTTOM_SLOTS);

  return (
    <>
      <nav className="bottom-nav" data-testid="bottom-nav" aria-label={t('navShort.navigation')}>
        {bottom.map((i) => (
          <Link
            key={i.path}
            to={i.path}
            className={`bottom-nav-item${selected === i.path ? ' bottom-nav-item-active' : ''}`}
            aria-current={selected === i.path ? 'page' : undefined}
            aria-label={t(i.label)}
          >
            {ICONS[i.path]}
            <span className="bottom-nav-label" data-testid={testIdOf(i.path)}>
              {t(shortKey(i.label))}
            </span>
          </Link>
        ))}
        <button
          type="button"
          className={`bottom-nav-item${rest.some((i) => i.path === selected) ? ' bottom-nav-item-active' : ''}`}
          onClick={() => {
            setOpenedAt(pathname);
            setOpen(true);
          }}
          data-testid="nav-more"
          aria-expanded={open}
        >
          <MenuOutlined />
          <span className="bottom-nav-label">{t('navShort.more')}</span>
        </button>
      </nav>
      <Drawer
        placement="bottom"
        open={open}
        onClose={() => setOpen(false)}
        height="auto"
        forceRender
        title={t('navShort.more')}
        data-testid="nav-drawer"
      >
        {rest.length > 0 && (
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            style={{ borderInlineEnd: 0 }}
            items={rest.map((i) => ({
              key: i.path,
              icon: ICONS[i.path],
              label: (
                <Link to={i.path} data-testid={testIdOf(i.path)}>
                  {t(i.label)}
                </Link>
              ),
            }))}
          />
        )}
        <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 12 }}>
          <LanguageSwitch />
          <Typography.Text data-testid="current-user" data-username={me?.username}>
            <UserOutlined /> {me?.displayName} ({me?.username})
          </Typography.Text>
          <Button block icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Space>
      </Drawer>
    </>
  );
}
