import { App } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/types';
import i18n from '../../i18n';
import { REFRESH_MILLIS } from '../../shared/refresh';
import { resetViewport, setViewportWidth } from '../../test/viewport';
import { act, fireEvent, render, screen, waitFor, within } from '../../test/render';
import { readPaging, TaskInboxPage } from './TaskInboxPage';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const task = (n: number): Task => ({
  id: `t${n}`,
  key: 'firstLineResolution',
  name: 'First-line resolution',
  ticketId: n,
  ticketNumber: `INC-2026-${String(n).padStart(6, '0')}`,
  ticketTitle: `Case ${n}`,
  assignee: null,
  candidateGroups: ['SERVICE_DESK'],
  created: '2026-12-04T07:00:00Z',
  actionable: true,
  formFields: [],
});

/** An inbox of `total` tasks that the server pages; `total` may change between calls (tasks done by others). */
function mockInbox(inbox: { total: number; heldBy?: string }) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://x');
    if (url.pathname === '/api/engineers') return json(ENGINEERS);
    if (url.pathname !== '/api/tasks/page') return json({ status: 404 }, 404);
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('size'));
    const from = page * size;
    const content = Array.from({ length: Math.max(0, Math.min(size, inbox.total - from)) }, (_, i) =>
      task(from + i + 1),
    );
    if (inbox.heldBy && content.length > 0) content[0] = { ...content[0], assignee: inbox.heldBy };
    return json({ content, page, size, totalElements: inbox.total, totalPages: Math.ceil(inbox.total / size) });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const ENGINEERS = [{ username: 'engineer7', displayName: '工程师 7' }];

/** page and size of every inbox request so far, as sent (page from 0). */
const requests = (fetchMock: ReturnType<typeof mockInbox>) =>
  fetchMock.mock.calls
    .filter(([u]) => new URL(String(u), 'http://x').pathname === '/api/tasks/page')
    .map(([u]) => {
      const params = new URL(String(u), 'http://x').searchParams;
      return `${params.get('page')}/${params.get('size')}`;
    });

let location = '';
function Address() {
  const l = useLocation();
  location = l.pathname + l.search;
  return null;
}

function renderInbox(path = '/tasks') {
  render(
    <App>
      <MemoryRouter initialEntries={[path]}>
        <Address />
        <Routes>
          <Route path="/tasks" element={<TaskInboxPage />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

const rows = () => screen.queryAllByTestId('task-row').map((r) => r.getAttribute('data-ticket-number'));

afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetViewport();
  await i18n.changeLanguage('en');
});

// rendering pages of rows in jsdom takes seconds on a loaded machine
describe('the task inbox pages on the server', { timeout: 60_000 }, () => {
  it('asks for the first page, shows the whole inbox count and goes to the page clicked', async () => {
    const fetchMock = mockInbox({ total: 45 });
    renderInbox();
    await waitFor(() => expect(rows()).toHaveLength(20), SLOW);
    expect(requests(fetchMock)).toEqual(['0/20']);
    expect(screen.getByTestId('task-total').textContent).toBe('Total 45');
    expect(rows()[0]).toBe('INC-2026-000001');

    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(rows()).toHaveLength(5), SLOW);
    expect(rows()[0]).toBe('INC-2026-000041');
    expect(requests(fetchMock).at(-1)).toBe('2/20');
    expect(location).toBe('/tasks?page=3');
  });

  it("names a task's holder as people know them, not by user name", async () => {
    mockInbox({ total: 3, heldBy: 'engineer7' });
    renderInbox();
    await waitFor(() => expect(screen.queryByText('工程师 7')).not.toBeNull(), SLOW);
    expect(screen.queryByText('engineer7')).toBeNull();
  });

  it('reads the total in Chinese', async () => {
    await i18n.changeLanguage('zh');
    mockInbox({ total: 10_000 });
    renderInbox();
    await waitFor(() => expect(screen.getByTestId('task-total').textContent).toBe('共 10000 条'), SLOW);
  });

  it('takes page and size from the address, and another size starts on the first page', async () => {
    const fetchMock = mockInbox({ total: 450 });
    renderInbox('/tasks?page=3&size=50');
    await waitFor(() => expect(rows()).toHaveLength(50), SLOW);
    expect(requests(fetchMock)).toEqual(['2/50']);
    expect(rows()[0]).toBe('INC-2026-000101');

    const changer = document.querySelector('.ant-pagination-options .ant-select-selector')!;
    fireEvent.mouseDown(changer);
    fireEvent.click(await screen.findByTitle('20 / page'));
    await waitFor(() => expect(requests(fetchMock).at(-1)).toBe('0/20'), SLOW);
    expect(location).toBe('/tasks');
    await waitFor(() => expect(rows()).toHaveLength(20), SLOW);
    expect(rows()[0]).toBe('INC-2026-000001');
  });

  it('refreshes by itself the page on screen, not the first one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetchMock = mockInbox({ total: 45 });
    renderInbox('/tasks?page=2');
    await waitFor(() => expect(rows()).toHaveLength(20), SLOW);
    expect(requests(fetchMock)).toEqual(['1/20']);

    await act(() => vi.advanceTimersByTimeAsync(REFRESH_MILLIS + 100));
    await waitFor(() => expect(requests(fetchMock)).toEqual(['1/20', '1/20']), SLOW);
    expect(rows()[0]).toBe('INC-2026-000021');
  });

  it('moves to the new last page when tasks done elsewhere empty the one on screen', async () => {
    const inbox = { total: 45 };
    const fetchMock = mockInbox(inbox);
    renderInbox('/tasks?page=3');
    await waitFor(() => expect(rows()).toHaveLength(5), SLOW);

    inbox.total = 30;
    fireEvent.click(screen.getByTestId('tasks-refresh'));
    await waitFor(() => expect(location).toBe('/tasks?page=2'), SLOW);
    await waitFor(() => expect(rows()).toHaveLength(10), SLOW);
    expect(requests(fetchMock)).toEqual(['2/20', '2/20', '1/20']);
  });

  it('on a phone shows job cards with the total and a pager that fits the screen', async () => {
    setViewportWidth(390);
    await i18n.changeLanguage('zh');
    const fetchMock = mockInbox({ total: 45 });
    renderInbox();
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(20), SLOW);
    expect(screen.queryByRole('table')).toBeNull();
    const pager = screen.getByTestId('task-pager');
    expect(within(pager).getByTestId('task-total').textContent).toBe('共 45 条');
    expect(pager.querySelector('.ant-pagination-simple')).not.toBeNull();
    expect(pager.querySelector('.ant-pagination-options')).toBeNull(); // no size changer to widen it

    fireEvent.click(pager.querySelector('.ant-pagination-next')!);
    await waitFor(() => expect(requests(fetchMock).at(-1)).toBe('1/20'), SLOW);
  });

  it("on a phone a held task's card says who holds it, by the name people know them", async () => {
    setViewportWidth(390);
    await i18n.changeLanguage('zh');
    mockInbox({ total: 3, heldBy: 'engineer7' });
    renderInbox();
    await waitFor(() => expect(screen.getAllByTestId('job-holder')).toHaveLength(1), SLOW);
    expect(screen.getByTestId('job-holder').textContent).toBe('工程师 7 正在处理');
    expect(screen.getAllByText('未分配')).toHaveLength(2);
  });

  it('on a phone shows no pager for an inbox of one page', async () => {
    setViewportWidth(390);
    mockInbox({ total: 3 });
    renderInbox();
    await waitFor(() => expect(screen.getAllByTestId('task-row')).toHaveLength(3), SLOW);
    expect(screen.getByTestId('task-total').textContent).toBe('Total 3');
    expect(screen.getByTestId('task-pager').querySelector('.ant-pagination')).toBeNull();
  });
});

describe('paging in the address', () => {
  it('falls back to the first page and the default size on anything else', () => {
    expect(readPaging(new URLSearchParams(''))).toEqual({ page: 1, size: 20 });
    expect(readPaging(new URLSearchParams('page=3&size=50'))).toEqual({ page: 3, size: 50 });
    expect(readPaging(new URLSearchParams('page=-2&size=7'))).toEqual({ page: 1, size: 20 });
    expect(readPaging(new URLSearchParams('page=2.5&size=abc'))).toEqual({ page: 1, size: 20 });
  });
});
