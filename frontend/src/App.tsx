import { Space, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { homePath, type Role } from './api/types';
import { useAuth } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { AdminPage } from './features/admin/AdminPage';
import { HolidayBanner } from './features/admin/HolidayBanner';
import { ContractsPage } from './features/contracts/ContractsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { ModelsPage } from './features/models/ModelsPage';
import { VerificationPoliciesPage } from './features/verification/VerificationPoliciesPage';
import { NotificationBell } from './features/notifications';
import { OutboxBadge } from './features/offline';
import { ServiceFormPage } from './features/serviceform';
import { LoanerPoolPage, RepairSlipPage } from './features/repair';
import { StockPage } from './features/stock';
import { KnowledgePage } from './features/knowledge';
import { InspectionDetailPage, InspectionsPage } from './features/inspections';
import { SurveysPage } from './features/survey';
import { ScrapCertificatePage } from './features/warranty';
import { SupervisorBoardPage } from './features/supervisor/SupervisorBoardPage';
import { TaskInboxPage } from './features/tasks/TaskInboxPage';
import { NewTicketPage } from './features/tickets/NewTicketPage';
import { TicketDetailPage } from './features/tickets/TicketDetailPage';
import { TicketListPage } from './features/tickets/TicketListPage';
import { AppLayout } from './layout/AppLayout';

// The editor pulls in bpmn-js/dmn-js: loaded on first use, outside the main bundle.
const ModelEditorPage = lazy(() => import('./features/models/editor/ModelEditorPage'));
// The KPI dashboard pulls in ECharts: loaded on first use too.
const KpiDashboardPage = lazy(() => import('./features/kpi/KpiDashboardPage'));
// Change management (RP-5): its own chunk, loaded on first visit.
const ChangesPage = lazy(() => import('./features/changes').then((m) => ({ default: m.ChangesPage })));
const ChangeDetailPage = lazy(() => import('./features/changes').then((m) => ({ default: m.ChangeDetailPage })));
const NewChangePage = lazy(() => import('./features/changes').then((m) => ({ default: m.NewChangePage })));
// Configuration management (RP-4): the list and one item's page.
const ConfigItemsPage = lazy(() => import('./features/configitems').then((m) => ({ default: m.ConfigItemsPage })));
const ConfigItemDetailPage = lazy(() =>
  import('./features/configitems').then((m) => ({ default: m.ConfigItemDetailPage })),
);
// A device's own page (设备档案, RP-3): its facts, repair history, changes and backups.
const DevicePage = lazy(() => import('./features/devices').then((m) => ({ default: m.DevicePage })));
// The hotline answer rate (IN-10) draws with ECharts: loaded on first visit too.
const HotlinePage = lazy(() => import('./features/hotline').then((m) => ({ default: m.HotlinePage })));
// Security incidents (RP-6): the list draws its monthly counts with ECharts, loaded on first visit too.
const SecurityIncidentsPage = lazy(() =>
  import('./features/securityincidents').then((m) => ({ default: m.SecurityIncidentsPage })),
);
const NewSecurityIncidentPage = lazy(() =>
  import('./features/securityincidents').then((m) => ({ default: m.NewSecurityIncidentPage })),
);
const SecurityIncidentDetailPage = lazy(() =>
  import('./features/securityincidents').then((m) => ({ default: m.SecurityIncidentDetailPage })),
);

/** Every staff role: who reads changes (RP-5); a customer's user reads their unit's announced ones. */
const CHANGE_READERS: Role[] = ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'];

/** Every staff role reads configuration items (RP-4); a customer's user reads their own unit's. */
const CONFIG_ITEM_READERS: Role[] = ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'];
/** Every staff role opens a device's page; a customer's user their own unit's devices (the server answers 404 else). */
const DEVICE_READERS: Role[] = ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'];
/** Who reads the hotline answer rate and the missed calls, and records callbacks (IN-10); the server refuses others. */
const HOTLINE_READERS: Role[] = ['SERVICE_DESK', 'SUPERVISOR', 'ADMIN'];
/**
 * Every staff role reports security incidents (RP-6) and reads those it may (supervisors and admins all, the others
 * those they reported); a customer's user reports and reads their own unit's.
 */
const SECURITY_INCIDENT_USERS: Role[] = ['SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN'];

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, restoring } = useAuth();
  const location = useLocation();
  if (restoring) return <Spin size="large" fullscreen />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/**
 * Hides pages a role has no menu entry for; the server enforces the same rules anyway. A customer's
 * user (CUSTOMER only) passes only where `customer` is set; staff pass by their roles.
 */
function RequireRole({
  roles,
  customer = false,
  children,
}: {
  roles: Role[];
  customer?: boolean;
  children: ReactNode;
}) {
  const { me, hasRole, isCustomer } = useAuth();
  const allowed = isCustomer ? customer : hasRole(...roles);
  return allowed ? children : <Navigate to={homePath(me)} replace />;
}

/** Staff only: a customer's user has no task inbox. */
function RequireStaff({ children }: { children: ReactNode }) {
  const { isCustomer } = useAuth();
  return isCustomer ? <Navigate to="/tickets" replace /> : children;
}

/** Unknown routes: the user's start page (by role, see homePath; their tickets for a customer). */
function Home() {
  const { me } = useAuth();
  return <Navigate to={homePath(me)} replace />;
}

export function App() {
  // HashRouter: every page is served from "/", so the server needs no SPA route forwarding.
  return (
    <HashRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout
                banner={<HolidayBanner />}
                headerExtra={
                  <Space size={8} className="app-header-extra">
                    <NotificationBell />
                    <OutboxBadge />
                  </Space>
                }
              />
            </RequireAuth>
          }
        >
          <Route
            path="/tasks"
            element={
              <RequireStaff>
                <TaskInboxPage />
              </RequireStaff>
            }
          />
          <Route
            path="/tickets/new"
            element={
              <RequireRole roles={['SERVICE_DESK', 'ADMIN']} customer>
                <NewTicketPage />
              </RequireRole>
            }
          />
          <Route
            path="/changes"
            element={
              <RequireRole roles={CHANGE_READERS} customer>
                <Suspense fallback={<Spin />}>
                  <ChangesPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/changes/new"
            element={
              <RequireRole roles={['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR']}>
                <Suspense fallback={<Spin />}>
                  <NewChangePage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/changes/:id"
            element={
              <RequireRole roles={CHANGE_READERS} customer>
                <Suspense fallback={<Spin />}>
                  <ChangeDetailPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/config-items"
            element={
              <RequireRole roles={CONFIG_ITEM_READERS} customer>
                <Suspense fallback={<Spin />}>
                  <ConfigItemsPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/config-items/:id"
            element={
              <RequireRole roles={CONFIG_ITEM_READERS} customer>
                <Suspense fallback={<Spin />}>
                  <ConfigItemDetailPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/devices/:id"
            element={
              <RequireRole roles={DEVICE_READERS} customer>
                <Suspense fallback={<Spin />}>
                  <DevicePage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/security-incidents"
            element={
              <RequireRole roles={SECURITY_INCIDENT_USERS} customer>
                <Suspense fallback={<Spin />}>
                  <SecurityIncidentsPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/security-incidents/new"
            element={
              <RequireRole roles={SECURITY_INCIDENT_USERS} customer>
                <Suspense fallback={<Spin />}>
                  <NewSecurityIncidentPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/security-incidents/:id"
            element={
              <RequireRole roles={SECURITY_INCIDENT_USERS} customer>
                <Suspense fallback={<Spin />}>
                  <SecurityIncidentDetailPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route path="/inspections" element={<InspectionsPage />} />
          <Route path="/inspections/:id" element={<InspectionDetailPage />} />
          <Route path="/tickets" element={<TicketListPage />} />
          <Route path="/tickets/:id" element={<TicketDetailPage />} />
          <Route path="/tickets/:id/service-form" element={<ServiceFormPage />} />
          <Route path="/tickets/:id/scrap-certificate" element={<ScrapCertificatePage />} />
          <Route
            path="/tickets/:id/repair-slip"
            element={
              <RequireStaff>
                <RepairSlipPage />
              </RequireStaff>
            }
          />
          <Route
            path="/loaners"
            element={
              <RequireRole roles={['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'ADMIN']}>
                <LoanerPoolPage />
              </RequireRole>
            }
          />
          <Route
            path="/supervisor"
            element={
              <RequireRole roles={['SUPERVISOR', 'ADMIN', 'SERVICE_DESK']}>
                <SupervisorBoardPage />
              </RequireRole>
            }
          />
          <Route
            path="/models"
            element={
              <RequireRole roles={['PROCESS_OWNER', 'ADMIN']}>
                <ModelsPage />
              </RequireRole>
            }
          />
          <Route
            path="/verification-policies"
            element={
              <RequireRole roles={['PROCESS_OWNER', 'ADMIN', 'SUPERVISOR', 'SERVICE_DESK']}>
                <VerificationPoliciesPage />
              </RequireRole>
            }
          />
          <Route
            path="/models/edit/:definitionId"
            element={
              <RequireRole roles={['PROCESS_OWNER', 'ADMIN']}>
                <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
                  <ModelEditorPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/admin"
            element={
              <RequireRole roles={['ADMIN', 'SUPERVISOR']}>
                <AdminPage />
              </RequireRole>
            }
          />
          <Route
            path="/contracts"
            element={
              <RequireRole roles={['PROCESS_OWNER', 'ADMIN']}>
                <ContractsPage />
              </RequireRole>
            }
          />
          <Route
            path="/stock"
            element={
              <RequireRole roles={['ENGINEER', 'SUPERVISOR', 'ADMIN', 'SERVICE_DESK', 'PROCESS_OWNER']}>
                <StockPage />
              </RequireRole>
            }
          />
          <Route
            path="/kpi"
            element={
              <RequireRole roles={['SERVICE_DESK', 'SUPERVISOR', 'ADMIN']} customer>
                <Suspense fallback={<Spin />}>
                  <KpiDashboardPage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/hotline"
            element={
              <RequireRole roles={HOTLINE_READERS}>
                <Suspense fallback={<Spin />}>
                  <HotlinePage />
                </Suspense>
              </RequireRole>
            }
          />
          <Route
            path="/reports"
            element={
              <RequireRole roles={['SERVICE_DESK', 'SUPERVISOR', 'ADMIN']} customer>
                <ReportsPage />
              </RequireRole>
            }
          />
          <Route
            path="/surveys"
            element={
              <RequireRole roles={['SERVICE_DESK', 'SUPERVISOR', 'ADMIN']} customer>
                <SurveysPage />
              </RequireRole>
            }
          />
          {/* The SLA board replaced the overdue list; old bookmarks land on it. */}
          <Route
            path="/knowledge"
            element={
              <RequireRole roles={['SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'PROCESS_OWNER', 'ADMIN']} customer>
                <KnowledgePage />
              </RequireRole>
            }
          />
          <Route path="/overdue" element={<Navigate to="/supervisor" replace />} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
