import { App as AntApp } from 'antd';
import { fireEvent, render, screen, waitFor } from '../test/render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../api/client';
import { homePath, isCustomerOnly, type Role } from '../api/types';
import { App } from '../App';
import { AuthProvider } from '../auth/AuthContext';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const emptyPage = { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 };

/** Answers what the pages ask; every call is recorded, so a test can check what was (not) called. */
function mockApi(roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'customer', displayName: 'Wang Fang', roles });
    if (url === 'api/session') return Promise.resolve(new Response(null, { status: 204 }));
    if (url.startsWith('api/tickets?')) return json(emptyPage);
    if (url === 'api/sites') return json([]);
    if (url === 'api/engineers') return json([]);
    if (url.startsWith('api/tasks/page?')) return json(emptyPage);
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderApp(hash: string) {
  window.location.hash = hash;
  render(
    <AntApp>
      <AuthProvider>
        <App />
      </AuthProvider>
    </AntApp>,
  );
}

const called = (fetchMock: ReturnType<typeof mockApi>, url: string) =>
  fetchMock.mock.calls.some(([u]) => String(u) === url || String(u).startsWith(`${url}?`));

describe('customer navigation', () => {
  beforeEach(() => authStore.set('Basic Y3VzdG9tZXI6ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('shows my tickets and report a fault, no task inbox, and lands on /tickets for unknown routes', async () => {
    const fetchMock = mockApi(['CUSTOMER']);
    renderApp('#/nowhere');
    await waitFor(() => expect(window.location.hash).toBe('#/tickets'), SLOW);
    expect((await screen.findByTestId('nav-tickets', undefined, SLOW)).textContent).toBe('My tickets');
    expect(screen.getByTestId('nav-tickets-new').textContent).toBe('Report a fault');
    expect(screen.queryByTestId('nav-tasks')).toBeNull();
    expect(screen.queryByTestId('nav-supervisor')).toBeNull();
    expect(screen.queryByTestId('nav-models')).toBeNull();
    expect(await screen.findByText('My tickets', { selector: 'h2, h3, h4' }, SLOW)).toBeTruthy();
    // Only the status and site filters; no engineer list (staff-only route) is asked for.
    expect(screen.getByTestId('filter-status')).toBeTruthy();
    expect(screen.getByTestId('filter-site')).toBeTruthy();
    expect(screen.queryByTestId('filter-assignee')).toBeNull();
    expect(screen.queryByTestId('filter-overdue')).toBeNull();
    expect(called(fetchMock, 'api/engineers')).toBe(false);
  });

  it('sends a customer who opens the task inbox to their tickets', async () => {
    const fetchMock = mockApi(['CUSTOMER']);
    renderApp('#/tasks');
    await waitFor(() => expect(window.location.hash).toBe('#/tickets'), SLOW);
    expect(called(fetchMock, 'api/tasks/page')).toBe(false);
  });

  it('ignores engineer and overdue filters in a link for a customer', async () => {
    const fetchMock = mockApi(['CUSTOMER']);
    renderApp('#/tickets?assignee=engineer&overdue=true&status=CLOSED');
    await waitFor(() => expect(called(fetchMock, 'api/tickets')).toBe(true), SLOW);
    const listCall = fetchMock.mock.calls.find(([u]) => String(u).startsWith('api/tickets?'))!;
    const query = new URLSearchParams(String(listCall[0]).split('?')[1]);
    expect(query.get('status')).toBe('CLOSED');
    expect(query.has('assignee')).toBe(false);
    expect(query.has('overdue')).toBe(false);
  });

  it('lands a customer on /tickets after signing in', async () => {
    authStore.clear();
    mockApi(['CUSTOMER']);
    renderApp('#/login');
    fireEvent.change(await screen.findByTestId('login-username', undefined, SLOW), { target: { value: 'customer' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'demo' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(window.location.hash).toBe('#/tickets'), SLOW);
    expect(await screen.findByTestId('nav-tickets', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('nav-tasks')).toBeNull();
  });
});

describe('staff navigation (unchanged)', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('keeps the task inbox as the start page and all the filters', async () => {
    const fetchMock = mockApi(['SERVICE_DESK']);
    renderApp('#/nowhere');
    await waitFor(() => expect(window.location.hash).toBe('#/tasks'), SLOW);
    expect((await screen.findByTestId('nav-tasks', undefined, SLOW)).textContent).toBe('Task inbox');
    expect(screen.getByTestId('nav-tickets').textContent).toBe('Tickets');
    expect(screen.getByTestId('nav-tickets-new').textContent).toBe('New ticket');
    expect(screen.getByTestId('nav-supervisor')).toBeTruthy();

    fireEvent.click(screen.getByTestId('nav-tickets'));
    expect(await screen.findByTestId('filter-assignee', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('filter-overdue')).toBeTruthy();
    await waitFor(() => expect(called(fetchMock, 'api/engineers')).toBe(true), SLOW);
  });

  it('treats a user with a staff role besides CUSTOMER as staff', async () => {
    mockApi(['CUSTOMER', 'ENGINEER']);
    renderApp('#/nowhere');
    await waitFor(() => expect(window.location.hash).toBe('#/tasks'), SLOW);
    expect(await screen.findByTestId('nav-tasks', undefined, SLOW)).toBeTruthy();
    // Not a desk user: no new-ticket entry (the customer's "report a fault" is for customers only).
    expect(screen.queryByTestId('nav-tickets-new')).toBeNull();
  });
});

describe('isCustomerOnly / homePath', () => {
  it('is true only for users whose every role is CUSTOMER', () => {
    expect(isCustomerOnly({ roles: ['CUSTOMER'] })).toBe(true);
    expect(isCustomerOnly({ roles: ['CUSTOMER', 'ADMIN'] })).toBe(false);
    expect(isCustomerOnly({ roles: [] })).toBe(false);
    expect(isCustomerOnly(null)).toBe(false);
    expect(homePath({ roles: ['CUSTOMER'] })).toBe('/tickets');
    expect(homePath({ roles: ['ENGINEER'] })).toBe('/tasks');
  });

  it('sends each role to its own start page (issue 15)', () => {
    expect(homePath({ roles: ['SUPERVISOR'] })).toBe('/supervisor');
    expect(homePath({ roles: ['SERVICE_DESK'] })).toBe('/tasks');
    expect(homePath({ roles: ['PROCESS_OWNER'] })).toBe('/models');
    expect(homePath({ roles: ['ADMIN'] })).toBe('/admin');
    expect(homePath({ roles: ['ADMIN', 'SUPERVISOR'] })).toBe('/supervisor');
  });
});

describe('the menu on a page of no menu entry', () => {
  beforeEach(() => authStore.set('Basic c3VwZXJ2aXNvcjpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('marks no entry on a device record (not the home entry), and the home entry on the home page', async () => {
    mockApi(['SUPERVISOR']);
    renderApp('#/devices/1');
    await screen.findByTestId('nav-supervisor', undefined, SLOW);
    await waitFor(() => expect(window.location.hash).toBe('#/devices/1'), SLOW);
    expect(document.querySelector('.ant-menu-item-selected')).toBeNull();
    window.location.hash = '#/supervisor';
    await waitFor(
      () => expect(document.querySelector('.ant-menu-item-selected [data-testid="nav-supervisor"]')).not.toBeNull(),
      SLOW,
    );
  });
});
