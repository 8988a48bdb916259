import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { InspectionDetail } from './api';
import { InspectionDetailPage } from './InspectionDetailPage';

const SLOW = { timeout: 120_000 };

const detail = (decision: 'PROPOSED' | 'APPROVED'): InspectionDetail => ({
  summary: {
    id: 5,
    kind: 'MONTHLY',
    status: 'SCHEDULED',
    customerId: 7,
    customerName: '示范市公安局',
    siteName: '指挥中心',
    windowStart: '2027-01-01',
    lastDay: '2027-01-31',
    dueAt: '2027-01-31T16:00:00Z',
    overdue: false,
    agreedAt: '2027-01-05T02:00:00Z',
    timesMoved: 0,
    items: 1,
    checked: 0,
    failed: 0,
    version: 3,
  },
  verifyAssets: true,
  checks: [
    {
      id: 11,
      deviceId: 21,
      deviceName: '东门摄像机',
      deviceType: 'CAMERA',
      item: '设备在线',
      automated: true,
      result: null,
      probeQueuedAt: '2027-01-05T02:10:00Z',
    },
  ],
  previousFaults: [],
  assets: [
    {
      deviceId: 21,
      deviceName: '东门摄像机',
      deviceType: 'CAMERA',
      model: 'DS-2CD',
      serialNumber: decision === 'APPROVED' ? 'SN-NEW' : 'SN-OLD',
      location: decision === 'APPROVED' ? '东门立杆' : null,
      ipAddress: '61.135.1.9',
      outOfService: false,
      confirmed: false,
      foundSerialNumber: 'SN-NEW',
      foundLocation: '东门立杆',
      decision,
      decidedBy: decision === 'APPROVED' ? 'owner' : null,
      decidedAt: decision === 'APPROVED' ? '2027-01-06T02:00:00Z' : null,
    },
  ],
});

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'u', displayName: '陈静', roles, customerId: null });
    if (url === 'api/inspections/5/assets/21/decision' && init?.method === 'POST') return json(detail('APPROVED'));
    if (url === 'api/inspections/5') return json(detail('PROPOSED'));
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/inspections/5']}>
          <Routes>
            <Route
              path="/inspections/:id"
              element={
                <SignedIn>
                  <InspectionDetailPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

beforeEach(async () => {
  authStore.set('Basic ZGVzazpkZW1v');
  await i18n.changeLanguage('zh');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
  authStore.clear();
  vi.unstubAllGlobals();
});

describe('InspectionDetailPage', () => {
  it('lets the asset keeper approve a correction found on site and shows the outcome in Chinese', SLOW, async () => {
    const fetchMock = mockApi(['PROCESS_OWNER']);
    renderPage();
    const card = await screen.findByTestId('asset-21', {}, { timeout: 30_000 });
    expect(within(card).getByText('待资产管理员审核')).toBeTruthy();
    fireEvent.click(screen.getByTestId('asset-approve-21'));
    await waitFor(() => expect(within(screen.getByTestId('asset-21')).getByText('已批准并更新设备档案')).toBeTruthy());
    const post = fetchMock.mock.calls.find(([u]) => String(u) === 'api/inspections/5/assets/21/decision');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ approve: true });
    expect(screen.getByTestId('asset-21').textContent).toContain('东门立杆');
    expect(screen.queryByTestId('asset-approve-21')).toBeNull();
    expect(document.body.textContent).not.toMatch(/PROPOSED|APPROVED|inspections\.detail/);
  });

  it(
    'shows an automated item queued for the site probe agent as still to check; an engineer cannot decide corrections',
    SLOW,
    async () => {
      mockApi(['ENGINEER']);
      renderPage();
      const queued = await screen.findByTestId('check-queued-11', {}, { timeout: 30_000 });
      expect(queued.textContent).toBe('待检测：已交现场探针代理');
      expect(screen.queryByTestId('asset-approve-21')).toBeNull();
    },
  );
});
