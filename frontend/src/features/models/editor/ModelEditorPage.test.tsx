import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../../test/render';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../../api/client';
import type { ModelCheck, Role } from '../../../api/types';
import { AuthProvider } from '../../../auth/AuthContext';
import { dispatchModel } from '../testData';
import ModelEditorPage from './ModelEditorPage';
import type { ModelerHandle, ModelerOptions } from './modeler';

// bpmn-js needs a real browser; the page is tested against a stand-in modeler.
const fake = vi.hoisted(() => ({
  options: undefined as ModelerOptions | undefined,
  handle: undefined as unknown as ModelerHandle,
}));

vi.mock('./bpmnModeler', () => ({
  createBpmnModeler: async (options: ModelerOptions) => {
    fake.options = options;
    fake.handle = {
      saveXML: vi.fn(async () => '<edited/>'),
      selectElement: vi.fn(() => true),
      setMarkers: vi.fn(),
      views: () => [],
      activeView: () => undefined,
      openView: async () => {},
      destroy: vi.fn(),
    };
    options.onLint?.({ errors: 1, warnings: 2 });
    return { handle: fake.handle, warnings: [] };
  },
}));

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const checkResult: ModelCheck = {
  ok: false,
  violations: [
    { rule: 'timer-valid', elementId: 'acceptReminder', elementName: 'Reminder', message: 'Cycle too short' },
  ],
  changes: [
    {
      elementId: 'acceptReminder',
      elementType: 'boundaryEvent',
      name: 'Reminder',
      change: 'CHANGED',
      details: ['timer: PT15M → PT5M'],
    },
    { elementId: 'escalate', elementType: 'serviceTask', name: 'Escalate', change: 'ADDED', details: [] },
    { elementId: 'oldStep', elementType: 'userTask', name: null, change: 'REMOVED', details: [] },
  ],
  baseVersion: 3,
};

function mockApi({ roles = ['PROCESS_OWNER'] as Role[], deploy = 'ok' } = {}) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url === 'api/me') return json({ username: 'owner', displayName: 'Owner', roles });
    if (url === 'api/models') return json({ models: [dispatchModel] });
    if (url === 'api/models/definitions/dispatch%3A2%3Abbb/xml')
      return Promise.resolve(new Response('<bpmn:definitions/>', { headers: { 'Content-Type': 'application/xml' } }));
    if (method === 'POST' && url === 'api/models/check') return json(checkResult);
    if (method === 'POST' && url === 'api/models/deployments')
      return deploy === 'ok'
        ? json(
            {
              deploymentId: 'd9',
              definitions: [{ key: 'dispatch', version: 4, definitionId: 'dispatch:4:eee' }],
              changes: [],
            },
            201,
          )
        : json(
            {
              status: 400,
              title: 'Bad Request',
              detail: 'The model breaks 1 rule',
              violations: [
                { rule: 'no-script', elementId: 'calc', elementName: null, message: 'Script tasks are not allowed' },
              ],
            },
            400,
          );
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const posted = (fetchMock: ReturnType<typeof mockApi>, url: string) =>
  fetchMock.mock.calls
    .filter(([u, init]) => String(u) === url && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init!.body)));

function ModelsStub() {
  const location = useLocation();
  return <div data-testid="models-stub">{JSON.stringify(location.state)}</div>;
}

function renderEditor() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/models/edit/dispatch%3A2%3Abbb']}>
          <Routes>
            <Route path="/models/edit/:definitionId" element={<ModelEditorPage />} />
            <Route path="/models" element={<ModelsStub />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

const ready = () =>
  waitFor(() => expect(screen.getByTestId('editor-canvas').getAttribute('data-ready')).toBe('true'), SLOW);

describe('ModelEditorPage', () => {
  beforeEach(() => authStore.set('Basic dGVzdDp0ZXN0'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('opens the version, counts lint issues, checks and shows violations and changes on the canvas', async () => {
    const fetchMock = mockApi();
    renderEditor();
    await ready();

    expect(fake.options?.xml).toBe('<bpmn:definitions/>');
    expect(screen.getByTestId('editor-title').textContent).toBe('Dispatch');
    expect(screen.getByTestId('editor-older-version').textContent).toContain('version 2; the latest is 3');
    expect(screen.getByTestId('lint-count').getAttribute('data-errors')).toBe('1');
    expect(screen.getByTestId('lint-count').textContent).toContain('1 errors, 2 warnings');

    fireEvent.click(screen.getByTestId('editor-check'));
    const list = await screen.findByTestId('violations-list', undefined, SLOW);
    expect(posted(fetchMock, 'api/models/check')).toEqual([{ fileName: 'dispatch.bpmn', xml: '<edited/>' }]);
    expect(list.textContent).toContain('Cycle too short');
    fireEvent.click(within(list).getByTestId('violation-element'));
    expect(fake.handle.selectElement).toHaveBeenCalledWith('acceptReminder');

    fireEvent.click(screen.getByTestId('editor-changes'));
    const changes = await screen.findByTestId('changes-list');
    expect(within(changes).getByText('timer: PT15M → PT5M')).toBeTruthy();
    expect(within(changes).getByTestId('change-oldStep').getAttribute('data-change')).toBe('REMOVED');
    // Changed and added elements are marked; removed ones are not on the canvas.
    await waitFor(() =>
      expect(fake.handle.setMarkers).toHaveBeenLastCalledWith([
        { elementId: 'acceptReminder', className: 'wb-marker-changed' },
        { elementId: 'escalate', className: 'wb-marker-added' },
      ]),
    );
    // No second check while nothing was edited.
    expect(posted(fetchMock, 'api/models/check')).toHaveLength(1);
  });

  it('warns before unloading once edited', async () => {
    mockApi();
    renderEditor();
    await ready();

    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);

    fake.options!.onChange();
    await screen.findByTestId('editor-dirty');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
  });

  it('deploys with a required comment and goes back to the models with the new version', async () => {
    const fetchMock = mockApi();
    renderEditor();
    await ready();

    fireEvent.click(screen.getByTestId('editor-deploy'));
    fireEvent.click(await screen.findByTestId('deploy-confirm'));
    expect(await screen.findByText('Please say what changed.')).toBeTruthy();
    expect(posted(fetchMock, 'api/models/deployments')).toEqual([]);

    fireEvent.change(screen.getByTestId('deploy-comment'), { target: { value: 'Tighter reminder' } });
    fireEvent.click(screen.getByTestId('deploy-confirm'));

    const stub = await screen.findByTestId('models-stub', undefined, SLOW);
    expect(posted(fetchMock, 'api/models/deployments')).toEqual([
      { fileName: 'dispatch.bpmn', xml: '<edited/>', comment: 'Tighter reminder' },
    ]);
    expect(JSON.parse(stub.textContent)).toEqual({
      deployed: [{ key: 'dispatch', version: 4, definitionId: 'dispatch:4:eee' }],
    });
  });

  it('shows the violations of a rejected deployment', async () => {
    mockApi({ deploy: 'rejected' });
    renderEditor();
    await ready();

    fireEvent.click(screen.getByTestId('editor-deploy'));
    fireEvent.change(await screen.findByTestId('deploy-comment'), { target: { value: 'Try' } });
    fireEvent.click(screen.getByTestId('deploy-confirm'));

    expect((await screen.findByTestId('deploy-rejected', undefined, SLOW)).textContent).toContain(
      'The model breaks 1 rule',
    );
    expect(screen.getByTestId('violations-list').textContent).toContain('Script tasks are not allowed');
    expect(screen.queryByTestId('models-stub')).toBeNull();
  });

  it('lets administrators look but not deploy', async () => {
    mockApi({ roles: ['ADMIN'] });
    renderEditor();
    await ready();
    await waitFor(() => expect((screen.getByTestId('editor-deploy') as HTMLButtonElement).disabled).toBe(true));
  });
});
