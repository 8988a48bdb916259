import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import { TicketListPage } from './TicketListPage';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi(roles: Role[], tickets: unknown[] = [], engineers: unknown[] = []) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'user', displayName: '王芳', roles, customerId: 1 });
    if (url === 'api/sites')
      return json([
        {
          id: 1,
          customerId: 1,
          customerName: '示范市',
          name: '城关站',
          address: '示范县城关镇解放路1号',
          region: 'COUNTY',
        },
        { id: 2, customerId: 1, customerName: '示范市', name: '指挥中心', address: '示范市人民路8号', region: 'CITY' },
      ]);
    if (url.startsWith('api/engineers')) return json(engineers);
    if (url.startsWith('api/tickets'))
      return json({ content: tickets, page: 0, size: 20, totalElements: tickets.length, totalPages: 1 });
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage(path: string) {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/tickets"
              element={
                <SignedIn>
                  <TicketListPage />
                </SignedIn>
              }
            />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

/** The query of every ticket list request made so far. */
const listQueries = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls
    .map(([u]) => String(u))
    .filter((u) => u.startsWith('api/tickets'))
    .map((u) => new URL(u, 'http://x').searchParams);

beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
afterEach(() => {
  resetViewport();
  authStore.clear();
  vi.unstubAllGlobals();
});

describe('TicketListPage', () => {
  it('sends the search text, filters and sort from the link to the server', async () => {
    const fetchMock = mockApi(['SERVICE_DESK']);
    renderPage('/tickets?q=花屏&level=1&channel=HOTLINE&from=2026-05-01&to=2026-05-31&sort=TITLE&direction=ASC');
    await waitFor(() => expect(listQueries(fetchMock).length).toBeGreaterThan(0), SLOW);
    const q = listQueries(fetchMock).at(-1)!;
    expect(q.get('q')).toBe('花屏');
    expect(q.get('level')).toBe('1');
    expect(q.get('channel')).toBe('HOTLINE');
    expect(q.get('from')).toBe('2026-05-01');
    expect(q.get('to')).toBe('2026-05-31');
    expect(q.get('sort')).toBe('TITLE');
    expect(q.get('direction')).toBe('ASC');
    // the chosen filters show their labels (the tests run in English), never the codes
    expect(await screen.findByText('Level 1', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('Hotline')).toBeTruthy();
    expect(screen.queryByText('HOTLINE')).toBeNull();
  }, 60_000);

  it("names a case's engineer as people know them, not by their user name", async () => {
    const ticket = {
      id: 7,
      number: 'INC-2026-000007',
      title: '1号路口摄像机画面模糊',
      requestType: 'FAULT',
      status: 'IN_PROGRESS',
      level: 'L3',
      siteName: '指挥中心',
      deviceName: '摄像机 C-01',
      assignee: 'engineer',
      createdAt: '2026-12-05T05:08:00Z',
    };
    mockApi(['SERVICE_DESK'], [ticket], [{ username: 'engineer', displayName: '张伟', team: '市区运维组' }]);
    renderPage('/tickets');
    expect(await screen.findByText('张伟', {}, SLOW)).toBeTruthy();
    expect(screen.queryByText('engineer')).toBeNull();
  });

  it('a search that stopped counting says "1,000+" and still offers the next page (ADR 0069)', async () => {
    const row = (i: number) => ({
      id: i,
      number: `INC-2026-${String(i).padStart(6, '0')}`,
      title: '黑屏',
      status: 'NEW',
    });
    const fetchMock = mockApi(['SERVICE_DESK']);
    fetchMock.mockImplementation((input: RequestInfo | URL) => {
      const url = String(input);
      if (url === 'api/me')
        return json({ username: 'user', displayName: '王芳', roles: ['SERVICE_DESK'], customerId: 1 });
      if (url.startsWith('api/tickets')) {
        const p = Number(new URL(url, 'http://x').searchParams.get('page') ?? 0);
        const content = Array.from({ length: 20 }, (_, i) => row(p * 20 + i + 1));
        return json({
          content,
          page: p,
          size: 20,
          totalElements: Math.max(1000, p * 20 + 20),
          totalPages: 50,
          totalCapped: true,
        });
      }
      return json([]);
    });
    renderPage('/tickets?q=黑屏&page=49');
    await waitFor(() => expect(screen.getByTestId('ticket-total').textContent).toBe('1,000+ tickets'), SLOW);
    // page 50 is full, so page 51 is offered although the bound names 50 pages
    const next = document.querySelector('.ant-pagination-next')!;
    expect(next.getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.click(next.querySelector('button') ?? next);
    await waitFor(() => expect(listQueries(fetchMock).some((q) => q.get('page') === '50')).toBe(true), SLOW);
    await waitFor(() => expect(screen.getByTestId('ticket-total').textContent).toBe('1,020+ tickets'), SLOW);
  });

  it('searches what is typed on Enter, from the first page', async () => {
    const fetchMock = mockApi(['SERVICE_DESK']);
    renderPage('/tickets?page=3');
    const found = await screen.findByTestId('ticket-search', undefined, SLOW);
    const box = found.tagName === 'INPUT' ? found : found.querySelector('input')!;
    fireEvent.change(box, { target: { value: ' 5678 ' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(listQueries(fetchMock).at(-1)!.get('q')).toBe('5678'), SLOW);
    expect(listQueries(fetchMock).at(-1)!.get('page')).toBe('0');
  });

  it("a customer's pasted link cannot filter by engineer or overdue", async () => {
    const fetchMock = mockApi(['CUSTOMER']);
    renderPage('/tickets?assignee=engineer&overdue=true&q=摄像机');
    await waitFor(() => expect(listQueries(fetchMock).length).toBeGreaterThan(0), SLOW);
    const q = listQueries(fetchMock).at(-1)!;
    expect(q.get('q')).toBe('摄像机');
    expect(q.has('assignee')).toBe(false);
    expect(q.has('overdue')).toBe(false);
  });

  it('the site filter finds a site by its address', async () => {
    mockApi(['SERVICE_DESK']);
    renderPage('/tickets');
    const site = await screen.findByTestId('filter-site', undefined, SLOW);
    fireEvent.mouseDown(site.querySelector('.ant-select-selector')!);
    fireEvent.change(site.querySelector('input')!, { target: { value: '县' } });
    expect(await screen.findByText('城关站', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByText('指挥中心')).toBeNull();
  });

  it('on a phone folds the filters under one button that counts the ones set', async () => {
    setViewportWidth(390);
    mockApi(['SERVICE_DESK']);
    renderPage('/tickets?level=1&channel=EMAIL');
    const toggle = await screen.findByTestId('ticket-filters-toggle', undefined, SLOW);
    expect(toggle.textContent).toContain('2');
    expect(screen.getByTestId('ticket-search')).toBeTruthy();
    expect(screen.queryByTestId('filter-status')).toBeNull();
    fireEvent.click(toggle);
    expect(await screen.findByTestId('filter-status', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('filter-level')).toBeTruthy();
  });
});
