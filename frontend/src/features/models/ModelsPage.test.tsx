import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { MemoryRouter, Route, Routes, type InitialEntry } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Model, ModelChange, Role } from '../../api/types';
import { AuthProvider } from '../../auth/AuthContext';
import { ModelsPage } from './ModelsPage';
import { dispatchModel, levelDecision } from './testData';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const changes: ModelChange[] = [
  {
    id: 7,
    at: '2026-11-22T06:00:00Z',
    actor: 'owner',
    action: 'DEPLOYED',
    modelKey: 'dispatch',
    fromVersion: 2,
    toVersion: 3,
    summary: 'Tighter reminder',
  },
  {
    id: 6,
    at: '2026-11-20T01:30:00Z',
    actor: null,
    action: 'FILE_DEPLOYED',
    modelKey: 'dispatch',
    fromVersion: 1,
    toVersion: 2,
    summary: 'dispatch.bpmn changed',
  },
];

function mockApi({
  roles = ['PROCESS_OWNER'] as Role[],
  models = [dispatchModel, levelDecision] as Model[] | 'fail',
} = {}) {
  const fetchMock = vi.fn((input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'owner', displayName: 'Owner', roles });
    if (url === 'api/models')
      return models === 'fail'
        ? json({ status: 500, title: 'Internal Server Error', detail: 'database down' }, 500)
        : json({ models });
    if (url.startsWith('api/models/changes')) {
      const key = new URL(url, 'http://x/').searchParams.get('key');
      return json({ changes: changes.filter((c) => !key || c.modelKey === key) });
    }
    if (url.startsWith('api/models/definitions/'))
      return Promise.resolve(
        new Response('<definitions/>', {
          status: 200,
          headers: {
            'Content-Type': 'application/xml',
            'Content-Disposition': 'attachment; filename="dispatch-v2.bpmn"',
          },
        }),
      );
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage(entry: InitialEntry = '/models') {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path="/models" element={<ModelsPage />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

describe('ModelsPage', () => {
  beforeEach(() => authStore.set('Basic dGVzdDp0ZXN0'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('lists every model with its latest version, running cases and file status', async () => {
    mockApi();
    renderPage();

    const dispatch = await screen.findByTestId('model-row-dispatch', undefined, SLOW);
    expect(within(dispatch).getByTestId('model-latest-version').textContent).toBe('v3');
    expect(within(dispatch).getByTestId('model-running-cases').textContent).toBe('5');
    expect(within(dispatch).getByTestId('model-file-status').getAttribute('data-status')).toBe(
      'DEPLOYED_NEWER_THAN_FILE',
    );
    expect(within(dispatch).getByText('Process model')).toBeTruthy();
    // the model's name "Dispatch / 派单" in the reader's language only
    expect(within(dispatch).getByText('Dispatch')).toBeTruthy();
    expect(within(dispatch).queryByText('Dispatch / 派单')).toBeNull();

    const decision = screen.getByTestId('model-row-faultLevel');
    expect(within(decision).getByText('Decision table')).toBeTruthy();
    // Decisions have no running cases.
    expect(within(decision).getByTestId('model-running-cases').textContent).toBe('—');
  });

  it('expands a model into its versions with counts, editor links and migration only where cases wait', async () => {
    mockApi();
    renderPage();

    fireEvent.click(await screen.findByTestId('expand-dispatch', undefined, SLOW));
    const v3 = await screen.findByTestId('version-row-dispatch:3:ccc');
    const v2 = screen.getByTestId('version-row-dispatch:2:bbb');
    const v1 = screen.getByTestId('version-row-dispatch:1:aaa');

    expect(within(v3).getByText('latest')).toBeTruthy();
    expect(within(v3).getByText('Tighter reminder')).toBeTruthy();
    expect(within(v3).getByText('Workbench')).toBeTruthy();
    expect(within(v3).getByText('2026-11-22 14:00')).toBeTruthy();
    expect(within(v2).getByText('Model files')).toBeTruthy();
    expect([v3, v2, v1].map((r) => within(r).getByTestId('version-running-cases').textContent)).toEqual([
      '2',
      '3',
      '0',
    ]);

    expect(screen.getByTestId('open-editor-dispatch:2:bbb').getAttribute('href')).toBe(
      '/models/edit/dispatch%3A2%3Abbb',
    );
    // Only an older version with running cases can be migrated.
    expect(screen.getByTestId('migrate-dispatch:2:bbb')).toBeTruthy();
    expect(screen.queryByTestId('migrate-dispatch:3:ccc')).toBeNull();
    expect(screen.queryByTestId('migrate-dispatch:1:aaa')).toBeNull();
  });

  it('downloads a version with the stored credentials', async () => {
    const fetchMock = mockApi();
    // jsdom has no object URLs.
    const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = vi.fn(() => 'blob:model');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage();

    fireEvent.click(await screen.findByTestId('expand-dispatch', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('download-dispatch:2:bbb'));

    await waitFor(() => expect(click).toHaveBeenCalled());
    const call = fetchMock.mock.calls.find(([u]) => String(u) === 'api/models/definitions/dispatch%3A2%3Abbb/xml');
    expect(call).toBeTruthy();
    expect((call![1]?.headers as Record<string, string>).Authorization).toBe('Basic dGVzdDp0ZXN0');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('dispatch-v2.bpmn');
    click.mockRestore();
    URL.createObjectURL = saved.create;
    URL.revokeObjectURL = saved.revoke;
  });

  it('shows the change log on its tab', async () => {
    const fetchMock = mockApi();
    renderPage();

    fireEvent.click(await screen.findByTestId('tab-changes', undefined, SLOW));
    const row = await screen.findByTestId('model-change-7');
    expect(within(row).getByText('Deployed')).toBeTruthy();
    expect(within(row).getByText('v2 → v3')).toBeTruthy();
    expect(within(row).getByText('owner')).toBeTruthy();
    expect(within(screen.getByTestId('model-change-6')).getByText('system')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u) === 'api/models/changes')).toBe(true);
  });

  it('says so when nothing is deployed', async () => {
    mockApi({ models: [] });
    renderPage();
    expect(await screen.findByText('No process models or decision tables are deployed.', undefined, SLOW)).toBeTruthy();
  });

  it('shows a load error', async () => {
    mockApi({ models: 'fail' });
    renderPage();
    const alert = await screen.findByTestId('models-error', undefined, SLOW);
    expect(alert.textContent).toContain('database down');
  });

  it('is read-only for administrators: no migration', async () => {
    mockApi({ roles: ['ADMIN'] });
    renderPage();
    fireEvent.click(await screen.findByTestId('expand-dispatch', undefined, SLOW));
    await screen.findByTestId('version-row-dispatch:2:bbb');
    expect(screen.queryByTestId('migrate-dispatch:2:bbb')).toBeNull();
    expect(screen.getByText(/only process owners deploy and migrate/)).toBeTruthy();
  });

  it('reports a deployment the editor handed over', async () => {
    mockApi();
    renderPage({
      pathname: '/models',
      state: { deployed: [{ key: 'dispatch', version: 4, definitionId: 'dispatch:4:eee' }] },
    });
    const success = await screen.findByTestId('deploy-success', undefined, SLOW);
    expect(success.textContent).toContain('dispatch v4');
  });
});
