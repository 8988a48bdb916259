import { App } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import { StockPage } from './StockPage';

// the page renders antd tables and forms: slow on a loaded CI machine
const SLOW = { timeout: 60_000 };
const TEST_TIMEOUT = 90_000;

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const batch = (id: number, partId: number, receivedOn: string, remaining: number, stale: boolean) => ({
  id,
  partId,
  partNumber: partId === 1 ? 'PSU-12V2A' : 'HDD-4T',
  partName: partId === 1 ? '电源适配器' : '监控硬盘',
  unit: '个',
  warehouseId: 1,
  warehouseCode: 'SP-01',
  receivedOn,
  quantity: remaining,
  remaining,
  unitCost: null,
  stale,
  ageDays: stale ? 75 : 5,
});

const parts = [
  {
    id: 1,
    partNumber: 'PSU-12V2A',
    name: '电源适配器',
    model: '12V 2A',
    unit: '个',
    alarmLevel: 3,
    onHand: 3,
    inTransit: 0,
    atAlarm: true,
    staleQuantity: 0,
    batches: [batch(11, 1, '2026-11-22', 3, false)],
  },
  {
    id: 2,
    partNumber: 'HDD-4T',
    name: '监控硬盘',
    model: '4TB',
    unit: '块',
    alarmLevel: 1,
    onHand: 6,
    inTransit: 2,
    atAlarm: false,
    staleQuantity: 4,
    batches: [batch(21, 2, '2026-09-20', 4, true), batch(22, 2, '2026-11-29', 2, false)],
  },
];

const requisition = {
  id: 7,
  partId: 2,
  partNumber: 'HDD-4T',
  partName: '监控硬盘',
  unit: '块',
  warehouseId: 1,
  warehouseCode: 'SP-01',
  quantity: 1,
  ticketId: null,
  purpose: '县级链路',
  requestedBy: 'engineer',
  requestedAt: '2026-12-04T02:00:00Z',
  status: 'REQUESTED',
  decidedBy: null,
  decidedAt: null,
  rejectReason: null,
  issuedBy: null,
  issuedAt: null,
  issuedFrom: [],
};

const staleWarnings = [
  {
    id: 3,
    month: '2026-11',
    writtenAt: '2026-11-30T09:00:00Z',
    staleBefore: '2026-09-30',
    batchCount: 2,
    quantity: 5,
    totalCost: 256.5,
    lines: [],
  },
];

function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'user', displayName: 'User', roles });
    if (url === 'api/stock/parts') return json(parts);
    if (url === 'api/stock/warehouses') return json([{ id: 1, code: 'SP-01', name: '服务点备件库' }]);
    if (url === 'api/stock/stale')
      return json({ staleBefore: '2026-10-04', staleAfter: 'P2M', batches: [batch(21, 2, '2026-09-20', 4, true)] });
    if (url === 'api/stock/stale-warnings') return json(staleWarnings);
    if (url === 'api/stock/stale-warnings/recipients' && init?.method === 'PUT')
      return json({ recipients: (JSON.parse(String(init.body)) as { recipients: string[] }).recipients });
    if (url === 'api/stock/stale-warnings/recipients') return json({ recipients: ['finance@example.cn'] });
    if (url === 'api/stock/stale-warnings/3/file')
      return Promise.resolve(
        new Response(new Blob(['xlsx']), {
          status: 200,
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%91%86.xlsx" },
        }),
      );
    if (url === 'api/stock/requisitions' && init?.method === 'POST') return json({ id: 8 }, 201);
    if (url === 'api/stock/requisitions') return json([requisition]);
    if (url === 'api/stock/requisitions/7/decision') return Promise.resolve(new Response(null, { status: 204 }));
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage(tab = 'stock') {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[`/stock?tab=${tab}`]}>
          <Routes>
            <Route
              path="/stock"
              element={
                <SignedIn>
                  <StockPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

describe('the spare parts page', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    resetViewport();
    await i18n.changeLanguage('en');
  });

  it(
    'marks the part at its alarm level and warns about the stale batch, in Chinese',
    async () => {
      await i18n.changeLanguage('zh');
      mockApi(['SUPERVISOR']);
      renderPage();
      expect((await screen.findByTestId('alarm-PSU-12V2A', undefined, SLOW)).textContent).toBe('已达报警数量');
      expect(screen.queryByTestId('alarm-HDD-4T')).toBeNull();
      expect(screen.getByTestId('stale-HDD-4T').textContent).toBe('呆滞 4');
      // two disks on the road between warehouses are shown beside what is on the shelves; none for the PSU
      expect(screen.getByText('6 块（在途 2）')).toBeTruthy();
      expect(screen.getByText('3 个')).toBeTruthy();
      const warning = await screen.findByTestId('stale-warning', undefined, SLOW);
      expect(warning.textContent).toContain('2026-10-04 之前入库的 1 个批次');
      expect(warning.textContent).toContain('库存时间超过 2 个月');
      // a keeper receives stock and keeps the catalogue
      expect(screen.getByTestId('receive-form')).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'lets an engineer on a phone request parts but not approve, receive or count',
    async () => {
      setViewportWidth(390);
      const fetchMock = mockApi(['ENGINEER']);
      renderPage('requisitions');
      await screen.findByTestId('request-form', undefined, SLOW);
      expect(await screen.findByText('Waiting for approval', undefined, SLOW)).toBeTruthy();
      expect(screen.queryByText('Approve')).toBeNull();
      expect(screen.queryByText('Monthly count')).toBeNull();
      // a stack of cards at 390 px, no table to scroll sideways
      await waitFor(() => expect(screen.getByTestId('requisitions').getAttribute('data-layout')).toBe('cards'), SLOW);
      fireEvent.click(screen.getByRole('button', { name: 'Request parts' }));
      // nothing chosen: the form stops before anything is sent (the form's validation is asynchronous: on a loaded
      // two-core CI machine it took longer than the default five seconds once)
      await waitFor(() => expect(screen.getAllByText('Required').length).toBeGreaterThan(0), SLOW);
      expect(
        fetchMock.mock.calls.some(([u, i]) => String(u) === 'api/stock/requisitions' && i?.method === 'POST'),
      ).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'lets the supervisor approve a requisition',
    async () => {
      const fetchMock = mockApi(['SUPERVISOR']);
      renderPage('requisitions');
      fireEvent.click(await screen.findByRole('button', { name: 'Approve' }, SLOW));
      await waitFor(() =>
        expect(
          fetchMock.mock.calls.find(
            ([u, i]) => String(u) === 'api/stock/requisitions/7/decision' && i?.method === 'POST',
          )?.[1]?.body,
        ).toBe(JSON.stringify({ approved: true })),
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the keepers the month-end written warnings, in Chinese, and downloads one',
    async () => {
      await i18n.changeLanguage('zh');
      const fetchMock = mockApi(['SUPERVISOR']);
      vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:xlsx'), revokeObjectURL: vi.fn() }));
      renderPage('staleWarnings');
      const list = await screen.findByTestId('stale-warnings', undefined, SLOW);
      await waitFor(() => expect(list.textContent).toContain('2026年11月末'), SLOW);
      expect(list.textContent).toContain('2 个批次，共 5 件');
      expect(list.textContent).toContain('¥256.50');
      // the finance's address as set, saved again as it is
      await waitFor(
        () => expect(screen.getByTestId('stale-warning-recipients').textContent).toContain('finance@example.cn'),
        SLOW,
      );
      fireEvent.click(screen.getByTestId('stale-warning-recipients-save'));
      await waitFor(
        () =>
          expect(
            fetchMock.mock.calls.find(
              ([u, i]) => String(u) === 'api/stock/stale-warnings/recipients' && i?.method === 'PUT',
            )?.[1]?.body,
          ).toBe(JSON.stringify({ recipients: ['finance@example.cn'] })),
        SLOW,
      );
      fireEvent.click(screen.getByTestId('stale-warning-download-2026-11'));
      await waitFor(
        () => expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/stock/stale-warnings/3/file')).toBe(true),
        SLOW,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'has no stale warnings tab for an engineer',
    async () => {
      mockApi(['ENGINEER']);
      renderPage('staleWarnings');
      await screen.findByTestId('stock-page', undefined, SLOW);
      expect(screen.queryByText('Stale warnings')).toBeNull();
      expect(screen.queryByTestId('stale-warnings')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});
