// Shared by the change pages' tests only: a change as the server sends it, a mocked API, the page in a router.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { render } from '../../test/render';
import type { ChangeView } from './api';
import { ChangeDetailPage } from './ChangeDetailPage';
import { ChangesPage } from './ChangesPage';
import { NewChangePage } from './NewChangePage';
import { json, mockFetch, type FetchHandler } from '../../test/mockFetch';
export { json } from '../../test/mockFetch';

/** Now in the tests: 2026-12-01 10:00 in the service zone (Asia/Shanghai). */
export const NOW = new Date('2026-12-01T02:00:00Z');

export const problem = (status: number, body: object) =>
  json({ type: 'about:blank', title: 'Error', status, ...body }, status);

const NO_ACTIONS = {
  decide: false,
  test: false,
  reschedule: false,
  cancel: false,
  recordOutcome: false,
  confirm: false,
  markCausedFault: false,
};

export function changeView(overrides: Partial<ChangeView> = {}): ChangeView {
  return {
    id: 12,
    number: 'CHG-000012',
    customerId: 7,
    customerName: '示范市公安局',
    siteId: 3,
    siteName: '指挥中心',
    devices: [
      { id: 21, name: '核心交换机' },
      { id: 22, name: '存储服务器' },
    ],
    title: '核心交换机固件升级',
    description: '将核心交换机固件升级到 V5.2',
    reason: '厂商通报安全漏洞',
    impact: '升级期间指挥中心视频中断约 30 分钟',
    fallback: '回刷原固件 V5.1',
    major: false,
    testPlan: null,
    plannedStart: '2026-12-10T06:00:00Z',
    plannedEnd: '2026-12-10T08:00:00Z',
    implementer: 'engineer',
    implementerName: '张伟',
    status: 'SUBMITTED',
    requestedBy: 'desk',
    requestedByName: '王芳',
    requestedAt: '2026-12-01T01:00:00Z',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    testedBy: null,
    testedAt: null,
    testPassed: null,
    testNote: null,
    announcedAt: null,
    timesRescheduled: 0,
    cancelledAt: null,
    cancelReason: null,
    outcome: null,
    outcomeNote: null,
    finishedBy: null,
    finishedAt: null,
    overrun: false,
    leadHours: 24,
    actions: NO_ACTIONS,
    configItems: [],
    itemChanges: [],
    casesAfter: [],
    causedFaultCount: 0,
    ...overrides,
  };
}

/** The view a customer's user gets: the internal fields null. */
/** The same change as the server sends it to a customer's user: the provider's own fields left out (absent, not null). */
export function customerView(change: ChangeView): ChangeView {
  const {
    reason: _reason,
    decisionNote: _decisionNote,
    testNote: _testNote,
    requestedBy: _requestedBy,
    requestedByName: _requestedByName,
    decidedBy: _decidedBy,
    decidedAt: _decidedAt,
    testedBy: _testedBy,
    testedAt: _testedAt,
    testPassed: _testPassed,
    testPlan: _testPlan,
    rescheduleNote: _rescheduleNote,
    finishedBy: _finishedBy,
    ...told
  } = change;
  return { ...told, timesRescheduled: 0, overrun: false, actions: NO_ACTIONS, casesAfter: [] };
}

export const me = (roles: Role[]) => ({
  username: roles.includes('CUSTOMER') ? 'customer' : 'supervisor',
  displayName: '陈静',
  roles,
  customerId: roles.includes('CUSTOMER') ? 7 : null,
});

/** A mocked fetch: /api/me for the given roles, then `handler`, else 404 (src/test/mockFetch). */
export const mockApi = (roles: Role[], handler: FetchHandler) => mockFetch(me(roles), handler);

/** The bodies a mocked fetch POSTed to one URL, parsed. */
export function postedTo(fetchMock: ReturnType<typeof mockApi>, url: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([u, init]) => String(u) === url && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)) as unknown);
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

/** The change pages at `path`, signed in as whoever the mocked /api/me answers. */
export function renderChanges(path: string) {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/changes"
              element={
                <SignedIn>
                  <ChangesPage />
                </SignedIn>
              }
            />
            <Route
              path="/changes/new"
              element={
                <SignedIn>
                  <NewChangePage />
                </SignedIn>
              }
            />
            <Route
              path="/changes/:id"
              element={
                <SignedIn>
                  <ChangeDetailPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}
