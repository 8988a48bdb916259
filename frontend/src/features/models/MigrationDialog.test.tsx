import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { MigrationPlan, MigrationResult, Model } from '../../api/types';
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

const plan: MigrationPlan = {
  sourceVersion: 2,
  targetVersion: 3,
  planProblems: ['Activity "oldReview" has no counterpart in version 3'],
  cases: [
    { processInstanceId: 'pi-1', ticketId: 12, ticketNo: 'INC-2026-000012', canMigrate: true, reasons: [] },
    { processInstanceId: 'pi-2', ticketId: 13, ticketNo: null, canMigrate: true, reasons: [] },
    {
      processInstanceId: 'pi-3',
      ticketId: 14,
      ticketNo: 'INC-2026-000014',
      canMigrate: false,
      reasons: ['Waits in "oldReview", which version 3 no longer has'],
    },
  ],
  movable: 2,
  blocked: 1,
};

const result: MigrationResult = {
  migrated: ['pi-1'],
  failed: [{ processInstanceId: 'pi-2', reasons: ['Optimistic locking: the case moved on meanwhile'] }],
};

/** After the migration the list reports the cases on the new version. */
const afterMigration: Model = {
  ...dispatchModel,
  versions: dispatchModel.versions.map((v) =>
    v.version === 3 ? { ...v, runningCases: 3 } : v.version === 2 ? { ...v, runningCases: 2 } : v,
  ),
};

function mockApi(dryRun: MigrationPlan = plan) {
  let migrated = false;
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url === 'api/me') return json({ username: 'owner', displayName: 'Owner', roles: ['PROCESS_OWNER'] });
    if (method === 'GET' && url === 'api/models')
      return json({ models: [migrated ? afterMigration : dispatchModel, levelDecision] });
    if (method === 'POST' && url === 'api/models/migrations/dry-run') return json(dryRun);
    if (method === 'POST' && url === 'api/models/migrations') {
      migrated = true;
      return json(result);
    }
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const bodies = (fetchMock: ReturnType<typeof mockApi>, url: string) =>
  fetchMock.mock.calls
    .filter(([u, init]) => String(u) === url && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init!.body)));

function renderPage() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/models']}>
          <Routes>
            <Route path="/models" element={<ModelsPage />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

async function openDialog() {
  fireEvent.click(await screen.findByTestId('expand-dispatch', undefined, SLOW));
  fireEvent.click(await screen.findByTestId('migrate-dispatch:2:bbb', undefined, SLOW));
  return screen.findByTestId('migration-dialog');
}

describe('MigrationDialog', () => {
  beforeEach(() => authStore.set('Basic dGVzdDp0ZXN0'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('dry-runs against the latest version, then migrates only the movable cases and reloads the models', async () => {
    const fetchMock = mockApi();
    renderPage();
    const dialog = await openDialog();

    expect(within(dialog).getByTestId('migration-source').textContent).toContain('v2');
    expect(within(dialog).getByTestId('migration-target').textContent).toContain('v3 (latest)');
    expect((within(dialog).getByTestId('migration-restart-timers') as HTMLInputElement).checked).toBe(true);
    // No migration before a dry run.
    expect(screen.queryByTestId('migration-run')).toBeNull();

    fireEvent.click(screen.getByTestId('migration-dry-run'));
    const blocked = await screen.findByTestId('migration-case-pi-3', undefined, SLOW);
    expect(bodies(fetchMock, 'api/models/migrations/dry-run')).toEqual([
      { sourceDefinitionId: 'dispatch:2:bbb', targetDefinitionId: 'dispatch:3:ccc', restartTimers: true },
    ]);

    const movable = screen.getByTestId('migration-case-pi-1');
    expect(within(movable).getByRole('link').getAttribute('href')).toBe('/tickets/12');
    expect(within(movable).getByText('INC-2026-000012')).toBeTruthy();
    expect(within(movable).getByTestId('migration-can-move').textContent).toBe('Yes');
    // A case without a ticket number still links to its ticket.
    expect(within(screen.getByTestId('migration-case-pi-2')).getByText('#13')).toBeTruthy();
    expect(within(blocked).getByTestId('migration-can-move').textContent).toBe('No');
    expect(within(blocked).getByText(/no longer has/)).toBeTruthy();
    expect(screen.getByTestId('migration-plan-problems').textContent).toContain('oldReview');
    expect(screen.getByTestId('migration-summary').textContent).toBe('v2 → v3: 2 can move, 1 blocked.');
    expect(screen.queryByTestId('migration-truncated')).toBeNull();

    const run = screen.getByTestId('migration-run');
    expect(run.textContent).toBe('Migrate 2 cases');
    fireEvent.click(run);

    const summary = await screen.findByTestId('migration-result-summary', undefined, SLOW);
    expect(summary.textContent).toContain('Migrated: 1. Failed: 1.');
    expect(within(screen.getByTestId('migration-failed-pi-2')).getByText(/Optimistic locking/)).toBeTruthy();
    expect(bodies(fetchMock, 'api/models/migrations')).toEqual([
      {
        sourceDefinitionId: 'dispatch:2:bbb',
        targetDefinitionId: 'dispatch:3:ccc',
        restartTimers: true,
        processInstanceIds: ['pi-1', 'pi-2'],
      },
    ]);

    // The page reloaded its counts behind the dialog.
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.filter(([u, init]) => String(u) === 'api/models' && (init?.method ?? 'GET') === 'GET')
          .length,
      ).toBe(2),
    );
    fireEvent.click(screen.getByTestId('migration-close'));
    await waitFor(() => expect(screen.queryByTestId('migration-dialog')).toBeNull());
    fireEvent.click(screen.getByTestId('expand-dispatch'));
    const v3 = await screen.findByTestId('version-row-dispatch:3:ccc');
    await waitFor(() => expect(within(v3).getByTestId('version-running-cases').textContent).toBe('3'));
  });

  it('says when a dry run looked at only the first 500 cases', async () => {
    mockApi({ ...plan, truncated: true });
    renderPage();
    await openDialog();
    fireEvent.click(screen.getByTestId('migration-dry-run'));
    expect((await screen.findByTestId('migration-truncated', undefined, SLOW)).textContent).toContain('500');
  });

  it('asks for a new dry run when the choices change after one', async () => {
    const fetchMock = mockApi();
    renderPage();
    await openDialog();

    fireEvent.click(screen.getByTestId('migration-dry-run'));
    await screen.findByTestId('migration-run', undefined, SLOW);

    fireEvent.click(screen.getByTestId('migration-restart-timers') as HTMLInputElement);
    expect(screen.queryByTestId('migration-run')).toBeNull();
    expect(screen.getByText('The choices changed since the dry run; run it again.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('migration-dry-run'));
    await screen.findByTestId('migration-run', undefined, SLOW);
    expect(bodies(fetchMock, 'api/models/migrations/dry-run').map((b) => b.restartTimers)).toEqual([true, false]);
    expect(bodies(fetchMock, 'api/models/migrations')).toEqual([]);
  });
});
