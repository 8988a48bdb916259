import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { App } from '../../App';
import { AuthProvider } from '../../auth/AuthContext';
import i18n from '../../i18n';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { emptySummary, json, NOW } from './testSupport';

// jsdom has no layout for ECharts to measure: the chart library itself is replaced
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: vi.fn(() => ({ on: vi.fn(), setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })),
}));

const SLOW = { timeout: 60_000 };

function mockApi(username: string, roles: Role[]) {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = String(input);
    if (url === 'api/me') return json({ username, displayName: '王芳', roles });
    if (url.startsWith('api/hotline/summary')) return json(emptySummary());
    if (url.startsWith('api/tickets?'))
      return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });
    if (url.startsWith('api/tasks/page?'))
      return json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });
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
describe('the hotline entry (热线) in the navigation', { timeout: 120_000 }, () => {
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

  it('takes the service desk to the hotline page, loaded on first use', async () => {
    const fetchMock = mockApi('desk', ['SERVICE_DESK']);
    renderApp('#/tasks');
    const entry = await screen.findByTestId('nav-hotline', undefined, SLOW);
    expect(entry.textContent).toBe('热线');
    fireEvent.click(entry);
    await waitFor(() => expect(window.location.hash).toBe('#/hotline'), SLOW);
    expect(await screen.findByText('热线接通率', { selector: 'h3' }, SLOW)).toBeTruthy();
    expect(await screen.findByTestId('hotline-no-calls', undefined, SLOW)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/hotline/summary?month=2026-12')).toBe(true);
  });

  it('gives a supervisor the entry too', async () => {
    mockApi('supervisor', ['SUPERVISOR']);
    renderApp('#/tasks');
    expect((await screen.findByTestId('nav-hotline', undefined, SLOW)).textContent).toBe('热线');
  });

  it('has no hotline entry for an engineer, and sends one who types the address to their start page', async () => {
    const fetchMock = mockApi('engineer', ['ENGINEER']);
    renderApp('#/tasks');
    await screen.findByTestId('nav-tasks', undefined, SLOW);
    expect(screen.queryByTestId('nav-hotline')).toBeNull();
    expect(screen.queryByText('热线')).toBeNull();

    window.location.hash = '#/hotline';
    await waitFor(() => expect(window.location.hash).not.toBe('#/hotline'), SLOW);
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/hotline'))).toBe(false);
  });
});
