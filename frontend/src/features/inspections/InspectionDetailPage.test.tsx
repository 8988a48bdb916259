import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore, setAuthHeaderSource } from '../../api/client';
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

const withPhoto = (): InspectionDetail => {
  const d = detail('PROPOSED');
  d.checks = [
    {
      id: 12,
      deviceId: 21,
      deviceName: '东门摄像机',
      deviceType: 'CAMERA',
      item: '外观及清洁',
      automated: false,
      result: 'FAIL',
      note: '镜头起雾',
      photoUrl: '/api/inspections/5/photos/31',
    },
  ];
  return d;
};

function mockPhotoApi() {
  const fetchMock = vi.fn((input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'u', displayName: '陈静', roles: ['ENGINEER'], customerId: null });
    if (url === 'api/inspections/5') return json(withPhoto());
    if (url === 'api/inspections/5/photos/31')
      return Promise.resolve(new Response(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })));
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
  setAuthHeaderSource(() => authStore.get());
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
    // times in the service's zone and the app's own digits, not the browser's locale ("1/5/2027, 10:00:00 AM")
    expect(document.body.textContent).toContain('2027-01-05 10:00');
    expect(screen.getByTestId('asset-21').textContent).toContain('2027-01-06 10:00');
    expect(document.body.textContent).not.toMatch(/\d+\/\d+\/\d{4}|AM|PM/);
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

  it('reads a recorded photo from its own URL, lazily, with the credential the API calls carry', SLOW, async () => {
    const fetchMock = mockPhotoApi();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo-31', revokeObjectURL: () => {} }));
    renderPage();
    const box = await screen.findByTestId('check-photo-12', {}, { timeout: 30_000 });
    await waitFor(() => expect(box.querySelector('img')?.getAttribute('src')).toBe('blob:photo-31'));
    expect(box.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    const photoCall = fetchMock.mock.calls.find(([u]) => String(u) === 'api/inspections/5/photos/31');
    expect(new Headers(photoCall?.[1]?.headers).get('Authorization')).toBe('Basic ZGVzazpkZW1v');
  });

  it('lets the browser load a recorded photo itself when the session cookie carries the sign-in', SLOW, async () => {
    // signed in, but API calls carry no header: the HttpOnly session cookie does (local accounts)
    setAuthHeaderSource(() => null);
    const fetchMock = mockPhotoApi();
    renderPage();
    const box = await screen.findByTestId('check-photo-12', {}, { timeout: 30_000 });
    const img = box.querySelector('img');
    expect(img?.getAttribute('src')).toBe('api/inspections/5/photos/31');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('alt')).toBe('现场照片');
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/photos/'))).toBe(false);
  });
});
