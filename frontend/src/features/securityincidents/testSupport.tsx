// Shared by the security incident tests only: incidents as the server sends them, a mocked API, the pages in a router.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { fireEvent, render, screen } from '../../test/render';
import type { SecurityIncidentStats, SecurityIncidentSummary, SecurityIncidentView } from './api';
import { NewSecurityIncidentPage } from './NewSecurityIncidentPage';
import { SecurityIncidentDetailPage } from './SecurityIncidentDetailPage';
import { SecurityIncidentsPage } from './SecurityIncidentsPage';
import { json, mockFetch, type FetchHandler } from '../../test/mockFetch';
export { json } from '../../test/mockFetch';
export { asked, sentTo } from '../../test/mockFetch';

// antd tables, selects, pickers and modals: slow on a loaded two-core machine
export const SLOW = { timeout: 30_000 };
export const TEST_TIMEOUT = 90_000;

/** Now in the tests: 2026-12-10 10:00 in the service zone (Asia/Shanghai). */
export const NOW = new Date('2026-12-10T02:00:00Z');

export const problem = (status: number, body: object) =>
  json({ type: 'about:blank', title: 'Error', status, ...body }, status);

export const CUSTOMERS = [
  { id: 7, name: '示范市公安局' },
  { id: 8, name: '示范县交警大队' },
];

/** Incident 1 as a list row, reported by the desk and not taken yet: the null fields left out. */
export function summary(overrides: Partial<SecurityIncidentSummary> = {}): SecurityIncidentSummary {
  return {
    id: 1,
    number: 'SEC-000001',
    customerId: 7,
    customerName: '示范市公安局',
    kind: 'LEAK',
    impact: 'SERIOUS',
    status: 'REPORTED',
    title: '工程师拷走监控录像',
    occurredAt: '2026-12-09T06:30:00Z', // 14:30 in Beijing
    reportedAt: '2026-12-09T08:00:00Z',
    reportedBy: 'desk',
    reportedByName: '王芳',
    reportedByCustomer: false,
    ...overrides,
  };
}

/** Incident 1 as its page reads it: reported, for a supervisor to take. */
export function incidentView(overrides: Partial<SecurityIncidentView> = {}): SecurityIncidentView {
  return {
    ...summary(),
    description: '驻场工程师未经许可用 U 盘拷走指挥中心三天的监控录像。',
    involved: '李强（驻场工程师）',
    ticketId: 55,
    ticketNumber: 'T-000055',
    revision: 3,
    canTake: true,
    canHandle: false,
    events: [{ id: 1, at: '2026-12-09T08:00:00Z', actor: 'desk', actorName: '王芳', action: 'REPORTED' }],
    ...overrides,
  };
}

/** The same incident under investigation by the supervisor, the unit told, notes written. */
export function investigating(overrides: Partial<SecurityIncidentView> = {}): SecurityIncidentView {
  return incidentView({
    status: 'INVESTIGATING',
    handler: 'supervisor',
    handlerName: '刘强',
    customerToldAt: '2026-12-09T09:00:00Z',
    customerToldHow: '电话告知信息中心张主任',
    canTake: false,
    canHandle: true,
    revision: 5,
    events: [
      { id: 2, at: '2026-12-09T08:30:00Z', actor: 'supervisor', actorName: '刘强', action: 'TAKEN' },
      { id: 1, at: '2026-12-09T08:00:00Z', actor: 'desk', actorName: '王芳', action: 'REPORTED' },
      {
        id: 4,
        at: '2026-12-09T10:00:00Z',
        actor: 'supervisor',
        actorName: '刘强',
        action: 'NOTE',
        note: '已收回 U 盘，录像未外传',
      },
      {
        id: 3,
        at: '2026-12-09T09:00:00Z',
        actor: 'supervisor',
        actorName: '刘强',
        action: 'CUSTOMER_TOLD',
        note: '电话告知信息中心张主任',
      },
    ],
    ...overrides,
  });
}

export function stats(overrides: Partial<SecurityIncidentStats> = {}): SecurityIncidentStats {
  return {
    from: '2026-01',
    to: '2026-12',
    total: 5,
    open: 2,
    byKind: [
      { kind: 'LEAK', count: 3 },
      { kind: 'BEYOND_AUTHORIZATION', count: 2 },
    ],
    byImpact: [
      { impact: 'MINOR', count: 3 },
      { impact: 'MAJOR', count: 2 },
    ],
    byMonth: Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      count: i === 10 ? 3 : i === 11 ? 2 : 0,
    })),
    ...overrides,
  };
}

export const me = (roles: Role[]) => ({
  username: roles.includes('CUSTOMER') ? 'customer' : roles.includes('SUPERVISOR') ? 'supervisor' : 'desk',
  displayName: '陈静',
  roles,
  customerId: roles.includes('CUSTOMER') ? 7 : null,
});

/** A mocked fetch: /api/me for the given roles, then `handler`, else 404 (src/test/mockFetch). */
export const mockApi = (roles: Role[], handler: FetchHandler) => mockFetch(me(roles), handler);

/** Opens an antd select by its test id and picks the option with this text. */
export async function pick(testId: string, option: string) {
  fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector')!);
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' }, SLOW);
  fireEvent.click(options[options.length - 1]);
}

/** The form item (label, control, errors) around a control. */
export const fieldOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

/** The security incident pages at `path`, signed in as whoever the mocked /api/me answers. */
export function renderSecurityIncidents(path: string) {
  const page = (element: ReactNode) => <SignedIn>{element}</SignedIn>;
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/security-incidents" element={page(<SecurityIncidentsPage />)} />
            <Route path="/security-incidents/new" element={page(<NewSecurityIncidentPage />)} />
            <Route path="/security-incidents/:id" element={page(<SecurityIncidentDetailPage />)} />
            <Route path="/tickets/:id" element={<div data-testid="ticket-page" />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}
