// Shared by the configuration item tests only: items as the server sends them, a mocked API, the pages in a router.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { fireEvent, render, screen } from '../../test/render';
import type { ConfigGraph, ConfigGraphEdge, ConfigGraphNode, ConfigItemSummary, ConfigItemView } from './api';
import { ConfigItemDetailPage } from './ConfigItemDetailPage';
import { ConfigItemsPage } from './ConfigItemsPage';
import { json, mockFetch, type FetchHandler } from '../../test/mockFetch';
export { json } from '../../test/mockFetch';
export { asked, sentTo } from '../../test/mockFetch';

// antd tables, selects and modals: slow on a loaded two-core machine
export const SLOW = { timeout: 30_000 };
export const TEST_TIMEOUT = 90_000;

export const problem = (status: number, body: object) =>
  json({ type: 'about:blank', title: 'Error', status, ...body }, status);

export function summary(overrides: Partial<ConfigItemSummary> = {}): ConfigItemSummary {
  return {
    id: 12,
    number: 'CI-000012',
    customerId: 7,
    customerName: '示范市公安局',
    kind: 'APPLICATION',
    name: '视频监控平台',
    version: '2.2',
    location: '指挥中心机房',
    status: 'IN_SERVICE',
    links: 2,
    usedBy: 1,
    updatedAt: '2026-12-01T02:00:00Z',
    ...overrides,
  };
}

/** Item 12 as the server sends it: the null fields left out. */
export function itemView(overrides: Partial<ConfigItemView> = {}): ConfigItemView {
  return {
    id: 12,
    number: 'CI-000012',
    customerId: 7,
    customerName: '示范市公安局',
    kind: 'APPLICATION',
    name: '视频监控平台',
    version: '2.2',
    location: '指挥中心机房',
    status: 'IN_SERVICE',
    owner: '李明',
    parameters: '管理地址 10.0.0.5:8080\n授权 200 路',
    createdBy: 'engineer',
    createdByName: '张伟',
    createdAt: '2026-11-01T02:00:00Z',
    updatedBy: 'engineer',
    updatedByName: '张伟',
    updatedAt: '2026-12-01T02:00:00Z',
    revision: 4,
    canEdit: true,
    links: [
      {
        id: 51,
        relation: 'RUNS_ON',
        targetType: 'DEVICE',
        targetId: 21,
        targetName: 'NVR-01',
        targetDeviceType: 'NVR',
        siteName: '指挥中心',
        createdBy: 'engineer',
        createdAt: '2026-11-02T02:00:00Z',
      },
      {
        id: 52,
        relation: 'DEPENDS_ON',
        targetType: 'ITEM',
        targetId: 13,
        targetName: '视频数据库',
        targetNumber: 'CI-000013',
        targetKind: 'SOFTWARE',
        targetStatus: 'IN_SERVICE',
        createdBy: 'engineer',
        createdAt: '2026-11-02T02:00:00Z',
      },
    ],
    usedBy: [
      {
        linkId: 60,
        relation: 'DEPENDS_ON',
        itemId: 14,
        itemNumber: 'CI-000014',
        itemName: '录像调阅服务',
        itemKind: 'SERVICE',
        itemStatus: 'IN_SERVICE',
      },
    ],
    history: [
      {
        id: 4,
        at: '2026-12-01T02:00:00Z',
        by: 'engineer',
        byName: '张伟',
        action: 'EDITED',
        field: 'status',
        oldValue: 'IN_SERVICE',
        newValue: 'RETIRED',
      },
      {
        id: 3,
        at: '2026-11-20T02:00:00Z',
        by: 'engineer',
        byName: '张伟',
        action: 'EDITED',
        field: 'version',
        oldValue: '2.1',
        newValue: '2.2',
      },
      {
        id: 2,
        at: '2026-11-02T02:00:00Z',
        by: 'supervisor',
        byName: '刘强',
        action: 'LINKED',
        relation: 'RUNS_ON',
        targetType: 'DEVICE',
        targetName: 'NVR-01',
      },
      { id: 1, at: '2026-11-01T02:00:00Z', by: 'engineer', byName: '张伟', action: 'CREATED' },
    ],
    changes: [],
    cases: [],
    ...overrides,
  };
}

/** A unit's relation graph as the server sends it. */
export const graphItem = (id: number, name: string, kind: ConfigGraphNode['kind'], openCases = 0): ConfigGraphNode => ({
  key: `item-${id}`,
  type: 'ITEM',
  id,
  number: `CI-0000${id}`,
  name,
  kind,
  status: 'IN_SERVICE',
  openCases,
});
export const graphDevice = (id: number, name: string, deviceType: string, openCases = 0): ConfigGraphNode => ({
  key: `device-${id}`,
  type: 'DEVICE',
  id,
  name,
  deviceType,
  openCases,
});
export const graphEdge = (
  id: number,
  from: string,
  to: string,
  relation: ConfigGraphEdge['relation'],
): ConfigGraphEdge => ({
  id,
  from,
  to,
  relation,
});

/**
 * 16 → 14 → 12 → 13 → server 22, 12 → NVR 21; 17 → 16 and 17 → camera 23 are three links away from 12; 15 stands
 * alone. The database 13 has two open fault cases.
 */
export const unitGraph: ConfigGraph = {
  customerId: 7,
  customerName: '示范市公安局',
  truncated: false,
  nodes: [
    graphItem(12, '视频监控平台', 'APPLICATION'),
    graphItem(13, '视频数据库', 'SOFTWARE', 2),
    graphItem(14, '录像调阅服务', 'SERVICE'),
    graphItem(15, '公安专网链路', 'NETWORK'),
    graphItem(16, '移动调阅门户', 'APPLICATION'),
    graphItem(17, '指挥大屏', 'APPLICATION'),
    graphDevice(21, 'NVR-01', 'NVR'),
    graphDevice(22, '服务器-01', 'SERVER'),
    graphDevice(23, '摄像机-01', 'CAMERA', 1),
  ],
  edges: [
    graphEdge(60, 'item-14', 'item-12', 'DEPENDS_ON'),
    graphEdge(52, 'item-12', 'item-13', 'DEPENDS_ON'),
    graphEdge(51, 'item-12', 'device-21', 'RUNS_ON'),
    graphEdge(53, 'item-13', 'device-22', 'RUNS_ON'),
    graphEdge(70, 'item-16', 'item-14', 'DEPENDS_ON'),
    graphEdge(71, 'item-17', 'item-16', 'CONNECTS_TO'),
    graphEdge(72, 'item-17', 'device-23', 'RUNS_ON'),
  ],
};

export const me = (roles: Role[]) => ({
  username: roles.includes('CUSTOMER') ? 'customer' : 'engineer',
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

/** Where the router is (path and query), for the tests that follow the URL. */
function Location() {
  const location = useLocation();
  return (
    <span hidden data-testid="location">
      {location.pathname + location.search}
    </span>
  );
}

/** The configuration item pages at `path`, signed in as whoever the mocked /api/me answers. */
export function renderConfigItems(path: string) {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/config-items"
              element={
                <SignedIn>
                  <ConfigItemsPage />
                </SignedIn>
              }
            />
            <Route
              path="/config-items/:id"
              element={
                <SignedIn>
                  <ConfigItemDetailPage />
                </SignedIn>
              }
            />
          </Routes>
          <Location />
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}
