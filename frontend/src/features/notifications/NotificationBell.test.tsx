import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import type { Notification } from '../../api/types';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { NotificationBell } from './NotificationBell';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

/** A small server: the user's notifications, newest first, with the endpoints the bell calls. */
function fakeServer(notifications: Notification[]) {
  const calls: string[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (url === 'api/notifications/unread-count') return json({ unread: notifications.filter((n) => !n.read).length });
    const one = /^api\/notifications\/(\d+)\/read$/.exec(url);
    if (one && method === 'POST') {
      notifications.filter((n) => n.id === Number(one[1])).forEach((n) => (n.read = true));
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    const all = /^api\/notifications\/read-all(?:\?upToId=(\d+))?$/.exec(url);
    if (all && method === 'POST') {
      const upTo = all[1] ? Number(all[1]) : Infinity;
      const marked = notifications.filter((n) => !n.read && n.id <= upTo);
      marked.forEach((n) => (n.read = true));
      return json({ marked: marked.length });
    }
    if (url.startsWith('api/notifications?')) return json(notifications.map((n) => ({ ...n })));
    return Promise.resolve(new Response(null, { status: 404 }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function renderBell() {
  render(
    <App>
      <MemoryRouter initialEntries={['/tasks']}>
        <NotificationBell />
        <Routes>
          <Route path="/tasks" element={<div data-testid="inbox-page" />} />
          <Route path="/tickets/:id" element={<div data-testid="ticket-page" />} />
          <Route path="/changes/:id" element={<div data-testid="change-page" />} />
        </Routes>
      </MemoryRouter>
    </App>,
  );
}

const bell = () => screen.getByTestId('notification-bell');

async function openDrawer() {
  fireEvent.click(bell());
  const drawer = await screen.findByTestId('notification-drawer', undefined, SLOW);
  await waitFor(() => expect(within(drawer).getAllByTestId('notification-item').length).toBeGreaterThan(0), SLOW);
  return drawer;
}

describe('NotificationBell', () => {
  let notifications: Notification[];

  beforeEach(() => {
    notifications = [
      {
        id: 3,
        createdAt: '2026-03-10T02:05:00Z',
        ticketId: 12,
        ticketNumber: 'INC-2026-000012',
        message: 'Case INC-2026-000012: response deadline passed',
        read: false,
      },
      {
        id: 2,
        createdAt: '2026-03-10T02:00:00Z',
        ticketId: 13,
        ticketNumber: 'INC-2026-000013',
        message: 'Case INC-2026-000013 waits for dispatch',
        read: false,
      },
      { id: 1, createdAt: '2026-03-09T08:00:00Z', ticketId: null, message: 'Weekly report is ready', read: true },
    ];
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    void i18n.changeLanguage('en');
  });

  it('shows the unread count on the bell', async () => {
    fakeServer(notifications);
    renderBell();
    await waitFor(() => expect(bell().getAttribute('data-count')).toBe('2'), SLOW);
    expect(screen.getByText('2')).toBeTruthy();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread');
  });

  it('lists the notifications newest first with their case and time, read ones marked', async () => {
    fakeServer(notifications);
    renderBell();
    const drawer = await openDrawer();
    const items = within(drawer).getAllByTestId('notification-item');
    expect(items.map((i) => i.getAttribute('data-id'))).toEqual(['3', '2', '1']);
    expect(items.map((i) => i.getAttribute('data-read'))).toEqual(['false', 'false', 'true']);
    expect(within(items[0]).getByText('Case INC-2026-000012: response deadline passed')).toBeTruthy();
    expect(within(items[0]).getByText('Open case INC-2026-000012')).toBeTruthy();
    // a notification about no case has no link, and a read one no "mark read"
    expect(within(items[2]).queryByTestId('notification-go')).toBeNull();
    expect(within(items[2]).queryByTestId('notification-read')).toBeNull();
  });

  it('marks one read: the count falls and the item shows read', async () => {
    const calls = fakeServer(notifications);
    renderBell();
    await waitFor(() => expect(bell().getAttribute('data-count')).toBe('2'), SLOW);
    const drawer = await openDrawer();
    fireEvent.click(within(within(drawer).getAllByTestId('notification-item')[1]).getByTestId('notification-read'));
    await waitFor(() => expect(bell().getAttribute('data-count')).toBe('1'), SLOW);
    expect(calls).toContain('POST api/notifications/2/read');
    await waitFor(
      () => expect(within(drawer).getAllByTestId('notification-item')[1].getAttribute('data-read')).toBe('true'),
      SLOW,
    );
  });

  it('marks all read up to the newest the drawer showed', async () => {
    const calls = fakeServer(notifications);
    renderBell();
    await openDrawer();
    fireEvent.click(screen.getByTestId('notifications-read-all'));
    await waitFor(() => expect(bell().getAttribute('data-count')).toBe('0'), SLOW);
    expect(calls).toContain('POST api/notifications/read-all?upToId=3');
  });

  it('goes to the case, marking its notification read', async () => {
    const calls = fakeServer(notifications);
    renderBell();
    const drawer = await openDrawer();
    fireEvent.click(within(within(drawer).getAllByTestId('notification-item')[0]).getByTestId('notification-go'));
    expect(await screen.findByTestId('ticket-page', undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(calls).toContain('POST api/notifications/3/read'), SLOW);
  });

  it('opens the page of a notification that belongs to no case (a change), and offers nothing where there is none', async () => {
    notifications.unshift({
      id: 4,
      createdAt: '2026-03-10T03:00:00Z',
      ticketId: null,
      message: 'Change notice CHG-000007',
      read: false,
      page: '/changes/7',
    });
    const calls = fakeServer(notifications);
    renderBell();
    const drawer = await openDrawer();
    const items = within(drawer).getAllByTestId('notification-item');
    expect(within(items[3]).queryByTestId('notification-go')).toBeNull();
    const go = within(items[0]).getByTestId('notification-go');
    expect(go.textContent?.replace(/\s/g, '')).toBe('Open');
    fireEvent.click(go);
    expect(await screen.findByTestId('change-page', undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(calls).toContain('POST api/notifications/4/read'), SLOW);
  });

  it('speaks Chinese to a Chinese reader', async () => {
    await i18n.changeLanguage('zh');
    fakeServer(notifications);
    renderBell();
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('消息通知，2 条未读'), SLOW);
    const drawer = await openDrawer();
    expect(screen.getByText('消息通知')).toBeTruthy();
    expect(screen.getByText('全部标为已读')).toBeTruthy();
    expect(within(drawer).getByText('查看工单 INC-2026-000012')).toBeTruthy();
  });
});
