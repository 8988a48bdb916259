import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../api/client';
import type { Role } from '../api/types';
import { App } from '../App';
import { AuthProvider } from '../auth/AuthContext';
import i18n from '../i18n';
import { fireEvent, render, screen, waitFor, within } from '../test/render';
import { resetViewport, setViewportWidth } from '../test/viewport';

const SLOW = { timeout: 60_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockApi(username: string, roles: Role[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = String(input);
      if (url === 'api/me') return json({ username, displayName: 'Zhang Wei', roles });
      if (url === 'api/session') return Promise.resolve(new Response(null, { status: 204 }));
      if (url.startsWith('api/tickets?'))
        return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });
      if (url.startsWith('api/tasks/page?'))
        return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });
      return json([]);
    }),
  );
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

const bottomLabels = () =>
  within(screen.getByTestId('bottom-nav'))
    .getAllByRole('link')
    .map((a) => a.textContent);

// App renders are slow in a loaded full run: more time than the suite's default 30 s per test
describe('navigation on a phone (390 px)', { timeout: 120_000 }, () => {
  beforeEach(() => {
    authStore.set('Basic eDp5');
    setViewportWidth(390);
  });
  afterEach(async () => {
    authStore.clear();
    vi.unstubAllGlobals();
    resetViewport();
    window.location.hash = '';
    await i18n.changeLanguage('en');
  });

  it('puts the first four destinations of an administrator at the bottom, in short Chinese, the rest in the drawer', async () => {
    await i18n.changeLanguage('zh');
    mockApi('admin', ['ADMIN']);
    renderApp('#/tasks');
    await screen.findByTestId('bottom-nav', undefined, SLOW);
    expect(bottomLabels()).toEqual(['待办', '新建', '工单', '监控']);
    expect(screen.getByTestId('nav-more').textContent).toBe('更多');
    // the header menu is gone: nothing to squeeze into 390 px
    expect(document.querySelector('.app-menu')).toBeNull();

    fireEvent.click(screen.getByTestId('nav-more'));
    const drawer = await screen.findByRole('dialog', undefined, SLOW);
    expect(within(drawer).getByTestId('nav-models').textContent).toBe('流程模型');
    expect(within(drawer).getByTestId('nav-contracts').textContent).toBe('服务合同');
    expect(within(drawer).getByTestId('nav-admin').textContent).toBe('系统管理');
    expect(within(drawer).getByTestId('logout')).toBeTruthy();
    expect(within(drawer).getByTestId('current-user').getAttribute('data-username')).toBe('admin');

    // a tap on a drawer entry goes there and the bar marks "more" as where we are
    fireEvent.click(within(drawer).getByTestId('nav-admin'));
    await waitFor(() => expect(window.location.hash).toBe('#/admin'), SLOW);
    expect(screen.getByTestId('nav-more').className).toContain('bottom-nav-item-active');
  });

  it('gives an engineer the inbox and the tickets within thumb reach, and marks the current page', async () => {
    mockApi('engineer', ['ENGINEER']);
    renderApp('#/tasks');
    await screen.findByTestId('bottom-nav', undefined, SLOW);
    expect(bottomLabels()).toEqual(['Inbox', 'Tickets', 'Parts', 'Knowledge']);
    const inbox = screen.getByTestId('nav-tasks').closest('a')!;
    expect(inbox.getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByTestId('nav-tickets'));
    await waitFor(() => expect(window.location.hash).toBe('#/tickets'), SLOW);
  });

  it("gives a customer's user the portal's destinations (tickets, report a fault, repair reports, knowledge) and no inbox", async () => {
    mockApi('customer', ['CUSTOMER']);
    renderApp('#/tickets');
    await screen.findByTestId('bottom-nav', undefined, SLOW);
    expect(bottomLabels()).toEqual(['My tickets', 'Report a fault', 'Reports', 'Knowledge']);
    expect(screen.queryByTestId('nav-tasks')).toBeNull();
    // the planned changes (RP-5) come last, in the drawer
    fireEvent.click(screen.getByTestId('nav-more'));
    const drawer = await screen.findByRole('dialog', undefined, SLOW);
    const entries = within(drawer).getAllByRole('menuitem');
    expect(entries[entries.length - 1].textContent).toBe('Planned changes');
    expect(entries[entries.length - 1].querySelector('.anticon-swap')).not.toBeNull();
  });

  it('takes an engineer from the drawer to the changes (变更), loaded on first use', async () => {
    await i18n.changeLanguage('zh');
    mockApi('engineer', ['ENGINEER']);
    renderApp('#/tasks');
    await screen.findByTestId('bottom-nav', undefined, SLOW);
    fireEvent.click(screen.getByTestId('nav-more'));
    const drawer = await screen.findByRole('dialog', undefined, SLOW);
    const entry = within(drawer).getByTestId('nav-changes');
    expect(entry.textContent).toBe('变更');
    fireEvent.click(entry);
    await waitFor(() => expect(window.location.hash).toBe('#/changes'), SLOW);
    expect(await screen.findByText('暂无变更', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('变更管理', { selector: 'h3' })).toBeTruthy();
    expect(screen.getByTestId('change-create').textContent).toContain('新建变更');
  });

  it('keeps the header menu and no bottom bar on a desktop', async () => {
    resetViewport();
    mockApi('admin', ['ADMIN']);
    renderApp('#/tasks');
    expect((await screen.findByTestId('nav-tasks', undefined, SLOW)).textContent).toBe('Task inbox');
    expect(screen.queryByTestId('bottom-nav')).toBeNull();
  });
});
