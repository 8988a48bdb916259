import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { App } from '../../App';
import { AuthProvider } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { json, NOW, stats } from './testSupport';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ on: vi.fn(), setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
}));

const SLOW = { timeout: 60_000 };
const emptyPage = { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 };

function mockApi(username: string, roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me') return json({ username, displayName: '王芳', roles });
    if (url.startsWith('api/security-incidents/stats'))
      return json(stats({ total: 0, open: 0, byKind: [], byImpact: [] }));
    if (url.startsWith('api/tickets?') || url.startsWith('api/tasks/page?')) return json(emptyPage);
    return json([]);
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

// App renders are slow in a loaded full run
describe('the security incidents entry (安全事件) in the navigation', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    authStore.set('Basic eDp5');
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await i18n.changeLanguage('zh');
  });
  afterEach(async () => {
    vi.useRealTimers();
    authStore.clear();
    vi.unstubAllGlobals();
    window.location.hash = '';
    await i18n.changeLanguage('en');
  });

  it('takes the service desk to the incidents, loaded on first use, and on to the report form', async () => {
    const fetchMock = mockApi('desk', ['SERVICE_DESK']);
    renderApp('#/tasks');
    const entry = await screen.findByTestId('nav-security-incidents', undefined, SLOW);
    expect(entry.textContent).toBe('安全事件');
    fireEvent.click(entry);
    await waitFor(() => expect(window.location.hash).toBe('#/security-incidents'), SLOW);
    expect(await screen.findByText('安全事件', { selector: 'h3' }, SLOW)).toBeTruthy();
    expect(await screen.findByTestId('sec-empty', undefined, SLOW)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/security-incidents')).toBe(true);
    fireEvent.click(screen.getByTestId('sec-report'));
    await waitFor(() => expect(window.location.hash).toBe('#/security-incidents/new'), SLOW);
    expect(await screen.findByTestId('sec-new-page', undefined, SLOW)).toBeTruthy();
  });

  it('gives an engineer the entry too', async () => {
    mockApi('engineer', ['ENGINEER']);
    renderApp('#/tasks');
    expect((await screen.findByTestId('nav-security-incidents', undefined, SLOW)).textContent).toBe('安全事件');
  });

  it('gives a customer’s user the entry and their unit’s incidents with the counts', async () => {
    const fetchMock = mockApi('customer', ['CUSTOMER']);
    renderApp('#/tickets');
    fireEvent.click(await screen.findByTestId('nav-security-incidents', undefined, SLOW));
    await waitFor(() => expect(window.location.hash).toBe('#/security-incidents'), SLOW);
    expect(await screen.findByTestId('sec-stats', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('sec-filter-unit')).toBeNull();
    expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/security-incidents/stats')).toBe(true);
  });
});
