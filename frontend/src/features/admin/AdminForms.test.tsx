import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import { AccountForm } from './AccountsTab';
import { DeviceForm, SiteForm } from './CustomersTab';
import { EngineerForm } from './EngineersTab';
import { SiteEnvironmentForm } from './SiteEnvironmentForm';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

function stubFetch(answer: (url: string, init?: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sent = (fetchMock: ReturnType<typeof stubFetch>, url: string) => {
  const call = fetchMock.mock.calls.find(([u, i]) => String(u) === url && i?.method && i.method !== 'GET');
  return call ? JSON.parse(String(call[1]?.body)) : undefined;
};

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('administration forms', () => {
  beforeEach(() => authStore.set('Basic YWRtaW46ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('creates a staff account with roles and an initial password', async () => {
    const fetchMock = stubFetch(() =>
      json({ username: 'zhou', displayName: 'Zhou', roles: ['SERVICE_DESK'], enabled: true }, 201),
    );
    const onSaved = vi.fn();
    const onClose = vi.fn();
    render(
      <App>
        <AccountForm open passwordManagedHere customers={[]} onSaved={onSaved} onClose={onClose} />
      </App>,
    );
    type('account-username', 'zhou');
    type('account-displayName', 'Zhou Min');
    fireEvent.click(screen.getByLabelText('Service desk'));
    type('account-password', 'initial-pw-1');
    fireEvent.click(screen.getByTestId('account-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect(sent(fetchMock, 'api/admin/accounts')).toEqual({
      username: 'zhou',
      displayName: 'Zhou Min',
      roles: ['SERVICE_DESK'],
      password: 'initial-pw-1',
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the server’s field error under the field and stays open', async () => {
    stubFetch(() =>
      json(
        {
          status: 400,
          detail: 'username: 2-100 letters',
          errors: [{ field: 'username', message: '2-100 letters, digits or . _ @ -' }],
        },
        400,
      ),
    );
    const onSaved = vi.fn();
    const onClose = vi.fn();
    render(
      <App>
        <AccountForm open passwordManagedHere customers={[]} onSaved={onSaved} onClose={onClose} />
      </App>,
    );
    type('account-username', 'no spaces');
    type('account-displayName', 'Zhou Min');
    fireEvent.click(screen.getByLabelText('Engineer'));
    type('account-password', 'initial-pw-1');
    fireEvent.click(screen.getByTestId('account-form-save'));
    expect(await screen.findByText('2-100 letters, digits or . _ @ -', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('account-form-problem').textContent).toContain('The server rejected');
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks a customer user for their unit, and with Keycloak for no password', async () => {
    const fetchMock = stubFetch(() => json({}, 201));
    render(
      <App>
        <AccountForm
          open
          passwordManagedHere={false}
          customers={[{ id: 7, name: 'Traffic Police', active: true }]}
          onSaved={vi.fn()}
          onClose={vi.fn()}
        />
      </App>,
    );
    expect(screen.queryByTestId('account-password')).toBeNull();
    expect(screen.getByText(/managed in Keycloak/)).toBeTruthy();
    type('account-username', 'li');
    type('account-displayName', 'Li Lei');
    fireEvent.click(screen.getByLabelText('Customer'));
    fireEvent.click(screen.getByTestId('account-form-save'));
    expect(await screen.findByText('Please choose Customer unit.', undefined, SLOW)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.mouseDown(screen.getByTestId('account-customer').querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('Traffic Police', undefined, SLOW));
    fireEvent.click(screen.getByTestId('account-form-save'));
    await waitFor(
      () =>
        expect(sent(fetchMock, 'api/admin/accounts')).toEqual({
          username: 'li',
          displayName: 'Li Lei',
          roles: ['CUSTOMER'],
          customerId: 7,
        }),
      SLOW,
    );
  });

  it('keeps a device’s commissioning day on an edit and shows the server’s word on it under the field', async () => {
    const fetchMock = stubFetch((_url, init) =>
      init?.method === 'PUT'
        ? json(
            {
              status: 400,
              detail: 'commissionedOn: must not be after today',
              errors: [{ field: 'commissionedOn', message: 'must not be after today (2026-12-05)' }],
            },
            400,
          )
        : json({}),
    );
    const onSaved = vi.fn();
    render(
      <App>
        <DeviceForm
          sites={[{ id: 3, customerId: 1, name: 'North gate', address: '1 Road', region: 'CITY' }]}
          devices={[]}
          device={{
            id: 9,
            siteId: 3,
            type: 'CAMERA',
            name: 'Gate camera',
            serialNumber: 'SN-9',
            commissionedOn: '2026-03-01',
            probeTlsInsecure: false,
            retired: false,
          }}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </App>,
    );
    expect((screen.getByTestId('device-commissionedOn') as HTMLInputElement).value).toBe('2026-03-01');
    expect(screen.getByText('In service since')).toBeTruthy();
    fireEvent.click(screen.getByTestId('device-form-save'));
    expect(await screen.findByText('must not be after today (2026-12-05)', undefined, SLOW)).toBeTruthy();
    expect(sent(fetchMock, 'api/admin/devices/9')).toMatchObject({ commissionedOn: '2026-03-01', name: 'Gate camera' });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows where a device is installed and its software, sends changes and blanks to clear them', async () => {
    const fetchMock = stubFetch(() => json({}));
    const onSaved = vi.fn();
    render(
      <App>
        <DeviceForm
          sites={[{ id: 3, customerId: 1, name: 'North gate', address: '1 Road', region: 'CITY' }]}
          devices={[]}
          device={{
            id: 9,
            siteId: 3,
            type: 'CAMERA',
            name: 'Gate camera',
            serialNumber: 'SN-9',
            location: 'North-east pole',
            softwareVersion: 'V5.7.3',
            purchasedOn: '2024-03-01',
            probeTlsInsecure: false,
            retired: false,
          }}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </App>,
    );
    const location = screen.getByTestId('device-location') as HTMLInputElement;
    expect(location.value).toBe('North-east pole');
    const version = screen.getByTestId('device-softwareVersion') as HTMLInputElement;
    expect(version.value).toBe('V5.7.3');
    fireEvent.change(location, { target: { value: '  Rack 2, shelf 3 ' } });
    fireEvent.change(version, { target: { value: ' V5.8.0 ' } });
    fireEvent.click(screen.getByTestId('device-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1), SLOW);
    expect(sent(fetchMock, 'api/admin/devices/9')).toMatchObject({
      location: 'Rack 2, shelf 3',
      softwareVersion: 'V5.8.0',
      purchasedOn: '2024-03-01',
    });

    fireEvent.change(location, { target: { value: '' } });
    fireEvent.change(version, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('device-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2), SLOW);
    const bodies = fetchMock.mock.calls.filter(([url]) => String(url).includes('api/admin/devices/9'));
    expect(JSON.parse(String(bodies[bodies.length - 1][1]?.body))).toMatchObject({ location: '', softwareVersion: '' });
  });

  it('edits a site’s region and refuses an empty address before asking the server', async () => {
    const fetchMock = stubFetch(() => json({ id: 3 }));
    const onSaved = vi.fn();
    render(
      <App>
        <SiteForm
          customerId={1}
          site={{ id: 3, customerId: 1, name: 'North gate', address: '1 Road', region: 'CITY' }}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </App>,
    );
    type('site-address', ' ');
    fireEvent.click(screen.getByTestId('site-form-save'));
    expect(await screen.findByText('Please fill in Address.', undefined, SLOW)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    type('site-address', '9 County Road');
    fireEvent.mouseDown(screen.getByTestId('site-region').querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('County', undefined, SLOW));
    fireEvent.click(screen.getByTestId('site-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect(fetchMock.mock.calls[0][0]).toBe('api/admin/sites/3');
    expect(sent(fetchMock, 'api/admin/sites/3')).toEqual({
      name: 'North gate',
      address: '9 County Road',
      region: 'COUNTY',
    });
  });

  it('records a site’s environment, sends an emptied part as cleared and shows the server’s word under the field', async () => {
    let answer = json({ id: 3 });
    const fetchMock = stubFetch(() => answer);
    const onSaved = vi.fn();
    render(
      <App>
        <SiteEnvironmentForm
          site={{
            id: 3,
            customerId: 1,
            name: 'North gate',
            address: '1 Road',
            region: 'CITY',
            environment: { machineRoom: 'Old room', powerSupply: 'Mains only' },
          }}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </App>,
    );
    expect((screen.getByTestId('site-environment-machineRoom') as HTMLTextAreaElement).value).toBe('Old room');
    type('site-environment-machineRoom', 'Third-floor equipment room');
    type('site-environment-powerSupply', '');
    type('site-environment-maintainerCount', '2');
    fireEvent.click(screen.getByTestId('site-environment-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect(sent(fetchMock, 'api/admin/sites/3/environment')).toEqual({
      machineRoom: 'Third-floor equipment room',
      maintainerCount: 2,
    });

    answer = json(
      { status: 400, detail: 'x', errors: [{ field: 'lightningProtection', message: 'at most 500 characters' }] },
      400,
    );
    type('site-environment-lightningProtection', 'x');
    fireEvent.click(screen.getByTestId('site-environment-form-save'));
    expect(await screen.findByText('at most 500 characters', undefined, SLOW)).toBeTruthy();
  });

  it('puts an engineer on the roster with skills as tags', async () => {
    const fetchMock = stubFetch(() => json({ id: 5 }, 201));
    const onSaved = vi.fn();
    render(
      <App>
        <EngineerForm
          accounts={[{ username: 'sun', displayName: 'Sun Li', roles: ['ENGINEER'], enabled: true }]}
          teams={[{ id: 2, name: 'County team', skills: [] }]}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </App>,
    );
    fireEvent.mouseDown(screen.getByTestId('engineer-username').querySelector('.ant-select-selector')!);
    fireEvent.click(await screen.findByText('Sun Li (sun)', undefined, SLOW));
    const skills = screen.getByTestId('engineer-skills').querySelector('input')!;
    fireEvent.change(skills, { target: { value: 'NVR' } });
    fireEvent.keyDown(skills, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.change(skills, { target: { value: '光纤' } });
    fireEvent.keyDown(skills, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('engineer-form-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), SLOW);
    expect(sent(fetchMock, 'api/admin/engineers')).toEqual({ username: 'sun', skills: ['NVR', '光纤'] });
  });
});
