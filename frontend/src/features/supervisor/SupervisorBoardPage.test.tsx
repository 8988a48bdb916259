import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Board } from '../../api/types';
import { SupervisorBoardPage } from './SupervisorBoardPage';

const SLOW = { timeout: 10_000 };

const board: Board = {
  generatedAt: '2026-03-10T02:00:00Z',
  counts: {
    total: 2,
    byLevel: [{ level: '2', open: 2, atRisk: 1, overdue: 1 }],
    byClock: [{ clock: 'RESPONSE', running: 2, paused: 0, atRisk: 1, overdue: 1 }],
  },
  page: 0,
  size: 50,
  matching: 2,
  rows: [
    {
      ticketId: 12,
      number: 'INC-2026-000012',
      title: 'Camera offline',
      level: '2',
      levelName: 'L2 part of users',
      status: 'DISPATCHED',
      assignee: 'engineer',
      siteName: 'Demo City Command Center',
      region: 'CITY',
      policy: 'THREE_LEVEL',
      escalationLevel: 2,
      escalationName: 'BREACH',
      risk: 'OVERDUE',
      clocks: [
        {
          clock: 'RESPONSE',
          basis: 'NATURAL',
          state: 'BREACHED',
          dueAt: '2026-03-10T01:30:00Z',
          remainingSeconds: -302,
          risk: 'OVERDUE',
          escalationLevel: 2,
          escalationName: 'BREACH',
        },
        {
          clock: 'RESOLUTION',
          basis: 'NATURAL',
          state: 'RUNNING',
          dueAt: '2026-03-11T13:30:00Z',
          remainingSeconds: 127_000,
          risk: 'OK',
          escalationLevel: 0,
          escalationName: null,
        },
        {
          clock: 'ON_SITE',
          basis: 'NATURAL',
          state: 'PAUSED',
          dueAt: null,
          remainingSeconds: 3600,
          risk: 'OK',
          escalationLevel: 0,
          escalationName: null,
        },
      ],
    },
    {
      ticketId: 13,
      number: 'INC-2026-000013',
      title: 'NVR disk alarm',
      level: '2',
      levelName: 'L2 part of users',
      status: 'AWAITING_DISPATCH',
      assignee: null,
      siteName: 'Demo City Command Center',
      region: 'CITY',
      policy: 'THREE_LEVEL',
      escalationLevel: 1,
      escalationName: 'WARNING',
      risk: 'AT_RISK',
      clocks: [
        {
          clock: 'RESPONSE',
          basis: 'NATURAL',
          state: 'RUNNING',
          dueAt: '2026-03-10T02:05:00Z',
          remainingSeconds: 1390,
          risk: 'AT_RISK',
          escalationLevel: 1,
          escalationName: 'WARNING',
        },
      ],
    },
  ],
};

const json = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));

function mockApi(boardFor: (url: string) => Board) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('api/sla/board')) return json(boardFor(url));
    if (url.startsWith('api/engineers')) return json([{ username: 'engineer', displayName: 'Zhang Wei' }]);
    if (url.startsWith('api/notifications')) return json([]);
    return Promise.resolve(new Response(null, { status: 404 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderBoard(path = '/supervisor') {
  render(
    <App>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/supervisor" element={<SupervisorBoardPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

describe('SupervisorBoardPage', () => {
  let monotonic = 1_000;
  let nowSpy: MockInstance<() => number>;

  beforeEach(() => {
    monotonic = 1_000;
    nowSpy = vi.spyOn(performance, 'now').mockImplementation(() => monotonic);
  });

  afterEach(() => {
    nowSpy.mockRestore();
    vi.unstubAllGlobals();
  });

  it('shows the rows with the most urgent clock counting down live from the monotonic clock', async () => {
    const fetchMock = mockApi(() => board);
    renderBoard();

    const rows = await screen.findAllByTestId('board-row', undefined, SLOW);
    expect(rows.map((r) => r.getAttribute('data-ticket-number'))).toEqual(['INC-2026-000012', 'INC-2026-000013']);
    expect(rows.map((r) => r.getAttribute('data-risk'))).toEqual(['OVERDUE', 'AT_RISK']);
    expect(rows[0].className).toContain('board-row-overdue');
    expect(rows[1].className).toContain('board-row-at-risk');

    // Overdue clock in red, the at-risk one still counting down.
    const overdue = within(rows[0]).getByTestId('board-countdown');
    expect(overdue.textContent).toBe('overdue 5m 02s');
    expect(overdue.className).toContain('overdue');
    expect(within(rows[1]).getByTestId('board-countdown').textContent).toBe('23m 10s');
    expect(within(rows[0]).getByTestId('board-escalation').textContent).toBe('Escalation step 2 · Breach');
    expect(within(rows[0]).getByTestId('board-ticket-link').getAttribute('href')).toBe('/tickets/12');

    // Two seconds pass on the monotonic clock: the next tick shows it, without a new request.
    const calls = fetchMock.mock.calls.length;
    monotonic += 2_000;
    await waitFor(() => expect(within(rows[1]).getByTestId('board-countdown').textContent).toBe('23m 08s'), SLOW);
    expect(within(rows[0]).getByTestId('board-countdown').textContent).toBe('overdue 5m 04s');
    expect(fetchMock.mock.calls.length).toBe(calls);

    expect(screen.getByTestId('count-level-2-atRisk').textContent).toBe('1');
    expect(screen.getByTestId('count-clock-RESPONSE-overdue').textContent).toBe('1');
    expect(screen.getByTestId('board-generated-at').textContent).toContain('2026-03-10 10:00');
  });

  it('lists all clocks of a case when its row is expanded', async () => {
    mockApi(() => board);
    renderBoard();
    fireEvent.click(await screen.findByTestId('board-expand-12', undefined, SLOW));
    const clocks = await screen.findByTestId('board-clocks-12', undefined, SLOW);
    const clockRows = within(clocks).getAllByTestId('board-clock-row');
    expect(clockRows.map((r) => r.getAttribute('data-clock'))).toEqual(['RESPONSE', 'RESOLUTION', 'ON_SITE']);
    expect(within(clockRows[1]).getByTestId('board-clock-countdown-RESOLUTION').textContent).toBe('1d 11h');
    expect(within(clockRows[2]).getByTestId('board-clock-countdown-ON_SITE').textContent).toBe('1h 00m left (paused)');
    monotonic += 5_000;
    await waitFor(
      () =>
        expect(within(clockRows[0]).getByTestId('board-clock-countdown-RESPONSE').textContent).toBe('overdue 5m 07s'),
      SLOW,
    );
    expect(within(clockRows[2]).getByTestId('board-clock-countdown-ON_SITE').textContent).toBe('1h 00m left (paused)');
  });

  it('sends the risk filter and shows the empty state when nothing matches', async () => {
    const fetchMock = mockApi((url) => (url.includes('risk=OVERDUE') ? { ...board, rows: [] } : board));
    renderBoard();
    await screen.findAllByTestId('board-row', undefined, SLOW);

    fireEvent.click(screen.getByTestId('board-risk-OVERDUE'));
    expect(await screen.findByText('No cases match these filters.', undefined, SLOW)).toBeTruthy();
    expect(screen.queryAllByTestId('board-row')).toHaveLength(0);
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/sla/board?risk=OVERDUE&page=0&size=50');
  });

  it('asks the server for the next page, counting pages from what the filter matches', async () => {
    const fetchMock = mockApi((url) => ({ ...board, matching: 120, page: url.includes('page=1') ? 1 : 0 }));
    renderBoard('/supervisor?level=2');
    await screen.findAllByTestId('board-row', undefined, SLOW);
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/sla/board?level=2&page=0&size=50');
    // 120 matching cases at 50 a page: three pages, the board holds one of them
    const next = await screen.findByTitle('3', undefined, SLOW);
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(
      () => expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/sla/board?level=2&page=1&size=50'),
      SLOW,
    );
    expect(next).toBeTruthy();
  });

  it('says so when there is nothing on the board at all', async () => {
    mockApi(() => ({ ...board, counts: { total: 0, byLevel: [], byClock: [] }, rows: [] }));
    renderBoard();
    expect(await screen.findByTestId('board-empty', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('No open cases with SLA clocks.')).toBeTruthy();
  });

  it('shows a problem+json error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              status: 400,
              title: 'Bad Request',
              errors: [{ field: 'clock', message: 'unknown clock' }],
            }),
            {
              status: 400,
              headers: { 'Content-Type': 'application/problem+json' },
            },
          ),
        ),
      ),
    );
    renderBoard('/supervisor?clock=RESPONSE');
    expect((await screen.findByTestId('board-error', undefined, SLOW)).textContent).toContain('clock: unknown clock');
  });
});
