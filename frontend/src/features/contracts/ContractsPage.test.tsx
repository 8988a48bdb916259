import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { ContractsPage } from './ContractsPage';

const SLOW = { timeout: 10_000 };

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const CONTRACT = {
  id: 3,
  customerId: 1,
  name: 'O&M 2026',
  policyCode: 'DESK_HOURS',
  calendar: 'FIVE_BY_8',
  zone: 'Asia/Shanghai',
  deskLead: 'desk',
  projectManager: null,
  seniorEngineer: null,
  departmentHead: null,
  notifyEmail: false,
  workingHours: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '18:00' },
  ],
  wecomWebhookSet: true,
  dingtalkWebhookSet: false,
  dingtalkSecretSet: false,
};

function mockApi(putAnswer: () => Promise<Response> = () => json(CONTRACT)) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/customers')
      return json([
        { id: 1, name: 'Demo City' },
        { id: 2, name: 'County Police' },
      ]);
    if (url === 'api/contracts' && init?.method === 'GET') return json([CONTRACT]);
    if (url === 'api/sla/policies') return json([{ code: 'DESK_HOURS', name: 'Working-hours desk', version: 1 }]);
    if (url === 'api/contracts/1' && init?.method === 'PUT') return putAnswer();
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const puts = (fetchMock: ReturnType<typeof mockApi>) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u) === 'api/contracts/1' && i?.method === 'PUT');

async function openForm() {
  render(
    <App>
      <ContractsPage />
    </App>,
  );
  fireEvent.click(await screen.findByTestId('contract-edit-1', undefined, SLOW));
  return screen.findByTestId('contract-form', undefined, SLOW);
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('ContractsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the edited office hours and leaves a stored webhook out of the body', async () => {
    const fetchMock = mockApi();
    const form = await openForm();
    expect(within(form).getByText('Set')).toBeTruthy(); // the WeCom webhook, never its address
    type('contract-hours-0-from', '08:30');
    type('contract-hours-1-from', '13:30');
    type('contract-hours-1-to', '17:00');
    fireEvent.click(screen.getByTestId('contract-save'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), SLOW);

    const body = JSON.parse(String(puts(fetchMock)[0][1]?.body));
    expect(body.workingHours).toEqual([
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(body).toMatchObject({ name: 'O&M 2026', policyCode: 'DESK_HOURS', calendar: 'FIVE_BY_8', deskLead: 'desk' });
    expect(body).not.toHaveProperty('wecomWebhookUrl');
    expect(body).not.toHaveProperty('dingtalkSecret');
  });

  it("names the contract's scheme in Chinese, never by its code or the server's bilingual name", async () => {
    await i18n.changeLanguage('zh');
    const fetchMock = mockApi();
    fetchMock.mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === 'api/customers') return json([{ id: 1, name: '示范市公安局' }]);
      if (url === 'api/contracts' && init?.method === 'GET') return json([{ ...CONTRACT, policyCode: 'THREE_LEVEL' }]);
      if (url === 'api/sla/policies')
        return json([{ code: 'THREE_LEVEL', name: 'Three-level scheme (SLA-1) / 三级故障响应', version: 1 }]);
      return json({ status: 404 }, 404);
    });
    render(
      <App>
        <ContractsPage />
      </App>,
    );
    try {
      const row = await screen.findByTestId('contract-row-1', undefined, SLOW);
      await waitFor(() => expect(within(row).getByText('三级故障响应')).toBeTruthy(), SLOW);
      expect(row.textContent).not.toContain('THREE_LEVEL');
      expect(row.textContent).not.toContain('Three-level');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('points at the wrong window and sends nothing', async () => {
    const fetchMock = mockApi();
    await openForm();
    type('contract-hours-1-from', '11:00');
    type('contract-hours-0-to', '9:5');
    fireEvent.click(screen.getByTestId('contract-save'));
    expect(await screen.findByText('Enter a time as HH:mm, e.g. 08:30.', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByText('Overlaps window 1.')).toBeNull(); // window 1 is not a valid window to overlap
    type('contract-hours-0-to', '12:00');
    fireEvent.click(screen.getByTestId('contract-save'));
    expect(await screen.findByText('Overlaps window 1.', undefined, SLOW)).toBeTruthy();
    expect(puts(fetchMock)).toHaveLength(0);
  });

  it('shows the field the server rejected next to its box', async () => {
    mockApi(() =>
      json(
        {
          status: 400,
          title: 'Bad Request',
          errors: [{ field: 'workingHours[1].to', message: 'must be after 13:00' }],
        },
        400,
      ),
    );
    await openForm();
    fireEvent.click(screen.getByTestId('contract-save'));
    expect(await screen.findByText('must be after 13:00', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('contract-error')).toBeTruthy();
  });

  it('clears a stored webhook with "" only when asked', async () => {
    const fetchMock = mockApi();
    await openForm();
    fireEvent.click(screen.getByTestId('contract-wecom-clear'));
    fireEvent.click(screen.getByTestId('contract-save'));
    await waitFor(() => expect(puts(fetchMock)).toHaveLength(1), SLOW);
    expect(JSON.parse(String(puts(fetchMock)[0][1]?.body)).wecomWebhookUrl).toBe('');
  });
});
