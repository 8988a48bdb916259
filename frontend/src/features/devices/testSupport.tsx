// Shared by the device page tests only: a device record as the server sends it, a mocked API, the page in a router.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { render } from '../../test/render';
import type { DeviceRecord, DeviceRecordCase, DeviceRecordDevice } from './api';
import { DevicePage } from './DevicePage';
import { json, mockFetch, type FetchHandler } from '../../test/mockFetch';
export { json } from '../../test/mockFetch';

// antd tables: slow on a loaded two-core machine
export const SLOW = { timeout: 30_000 };
export const TEST_TIMEOUT = 90_000;

/** Device 21 as the server sends it to staff: the null fields left out. */
export function device(overrides: Partial<DeviceRecordDevice> = {}): DeviceRecordDevice {
  return {
    id: 21,
    name: 'NVR-01',
    type: 'NVR',
    model: 'DS-9632NI',
    serialNumber: 'SN-0001',
    ipAddress: '10.0.0.21',
    softwareVersion: 'V4.1.2',
    location: '机房 A 柜',
    purchasedOn: '2020-03-01',
    commissionedOn: '2020-04-15',
    warrantyEnd: '2099-12-31',
    retired: false,
    siteId: 3,
    siteName: '指挥中心',
    customerId: 7,
    customerName: '示范市公安局',
    ...overrides,
  };
}

export function deviceCase(id: number, overrides: Partial<DeviceRecordCase> = {}): DeviceRecordCase {
  return {
    id,
    number: `INC-2026-0000${id}`,
    title: `录像丢失 ${id}`,
    status: 'CLOSED',
    category: 'DEFECT',
    requestType: 'FAULT',
    receivedAt: '2026-11-01T02:00:00Z',
    closedAt: '2026-11-02T06:30:00Z',
    ...overrides,
  };
}

/** Two cases (an open service request, a closed fault) and one change, as staff get them. */
export function record(overrides: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    device: device(),
    cases: [
      deviceCase(102, {
        title: '调取录像',
        status: 'IN_PROGRESS',
        category: undefined,
        requestType: 'SERVICE_REQUEST',
        receivedAt: '2026-12-01T02:00:00Z',
        closedAt: undefined,
      }),
      deviceCase(101),
    ],
    casesTotal: 2,
    openCases: 1,
    changes: [
      {
        id: 12,
        number: 'CHG-000012',
        title: '升级 NVR 固件',
        status: 'DONE',
        plannedStart: '2026-11-10T06:00:00Z',
        plannedEnd: '2026-11-10T08:00:00Z',
        outcome: 'SUCCEEDED',
      },
    ],
    ...overrides,
  };
}

export const me = (roles: Role[]) => ({
  username: roles.includes('CUSTOMER') ? 'customer' : 'engineer',
  displayName: '陈静',
  roles,
  customerId: roles.includes('CUSTOMER') ? 7 : null,
});

/** A mocked fetch: /api/me for the given roles, then `handler`, else 404 (src/test/mockFetch). */
export const mockApi = (roles: Role[], handler: FetchHandler) => mockFetch(me(roles), handler);

/** Device 21's record (as given), no items resting on it, one configuration backup. */
export function deviceApi(roles: Role[], body: DeviceRecord = record()) {
  return mockApi(roles, (url) => {
    if (url === 'api/devices/21/record') return json(body);
    if (url === 'api/devices/21/config-items') return json([]);
    if (url === 'api/devices/21/config-backups') return json([]);
    return undefined;
  });
}

/** The URLs a mocked fetch was asked for. */
export const asked = (fetchMock: ReturnType<typeof mockApi>) => fetchMock.mock.calls.map(([u]) => String(u));

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function Location() {
  const location = useLocation();
  return (
    <span hidden data-testid="location">
      {location.pathname}
    </span>
  );
}

/** The device page at `path`, signed in as whoever the mocked /api/me answers. */
export function renderDevicePage(path: string) {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/devices/:id"
              element={
                <SignedIn>
                  <DevicePage />
                </SignedIn>
              }
            />
            <Route path="*" element={<span data-testid="elsewhere" />} />
          </Routes>
          <Location />
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}
