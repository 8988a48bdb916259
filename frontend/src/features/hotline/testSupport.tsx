// Shared by the hotline page's tests only: a summary and calls as the server sends them, a mocked API, the page.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { render } from '../../test/render';
import type { HotlineCallView, HotlineSummary } from './api';
import { HotlinePage } from './HotlinePage';
import { json, mockFetch, type FetchHandler } from '../../test/mockFetch';
export { json } from '../../test/mockFetch';

/** Now in the tests: 2026-12-10 10:00 in the service zone (Asia/Shanghai). */
export const NOW = new Date('2026-12-10T02:00:00Z');

export const problem = (status: number, body: object) =>
  json({ type: 'about:blank', title: 'Error', status, ...body }, status);

/** December 2026 up to the 10th, as the server sends it (rate and met left out when there were no calls). */
export function summary(overrides: Partial<HotlineSummary> = {}): HotlineSummary {
  return {
    month: '2026-12',
    offered: 200,
    answered: 187,
    missed: 13,
    rate: 0.935,
    target: 0.9,
    met: true,
    missedOpen: 2,
    replyDue: 11,
    repliedInTime: 10,
    replyRate: 10 / 11,
    replyMinutes: 30,
    days: Array.from({ length: 10 }, (_, i) => ({
      date: `2026-12-${String(i + 1).padStart(2, '0')}`,
      offered: 20,
      answered: i === 3 ? 7 : 20,
    })),
    ...overrides,
  };
}

/** A summary of a month without calls: no rate, no met. */
export function emptySummary(): HotlineSummary {
  const {
    rate: _rate,
    met: _met,
    replyRate: _replyRate,
    ...rest
  } = summary({
    offered: 0,
    answered: 0,
    missed: 0,
    missedOpen: 0,
    replyDue: 0,
    repliedInTime: 0,
    days: Array.from({ length: 10 }, (_, i) => ({
      date: `2026-12-${String(i + 1).padStart(2, '0')}`,
      offered: 0,
      answered: 0,
    })),
  });
  return rest;
}

/**
 * A missed call still to call back, as the server sends it (absent fields left out): its half hour ran out at 09:50,
 * before NOW, with no reply.
 */
export function missedCall(overrides: Partial<HotlineCallView> = {}): HotlineCallView {
  return {
    id: 31,
    callId: 'CTI-20261210-0031',
    callerNumber: '13800138000',
    calledNumber: '400-800-1234',
    startedAt: '2026-12-10T01:20:00Z', // 09:20 in Shanghai
    endedAt: '2026-12-10T01:20:42Z',
    answered: false,
    waitSeconds: 42,
    callerName: '李明',
    callerUnit: '示范市公安局',
    laterAnswered: false,
    replyDueAt: '2026-12-10T01:50:42Z', // 09:50 in Shanghai
    replyLate: true,
    ...overrides,
  };
}

export const me = (roles: Role[]) => ({ username: 'desk', displayName: '王芳', roles, customerId: null });

/** A mocked fetch: /api/me for the given roles, then `handler`, else 404 (src/test/mockFetch). */
export const mockApi = (roles: Role[], handler: FetchHandler) => mockFetch(me(roles), handler);

/** The bodies a mocked fetch POSTed to one URL, parsed. */
export function postedTo(fetchMock: ReturnType<typeof mockApi>, url: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([u, init]) => String(u) === url && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)) as unknown);
}

/** How often a mocked fetch asked for one URL with GET. */
export function timesAsked(fetchMock: ReturnType<typeof mockApi>, url: string): number {
  return fetchMock.mock.calls.filter(([u, init]) => String(u) === url && (init?.method ?? 'GET') === 'GET').length;
}

export const SUMMARY_URL = 'api/hotline/summary?month=2026-12';
export const OPEN_URL = 'api/hotline/calls?month=2026-12&missed=true&open=true';
export const MISSED_URL = 'api/hotline/calls?month=2026-12&missed=true';

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

/** The hotline page, signed in as whoever the mocked /api/me answers. */
export function renderHotline() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/hotline']}>
          <Routes>
            <Route
              path="/hotline"
              element={
                <SignedIn>
                  <HotlinePage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}
