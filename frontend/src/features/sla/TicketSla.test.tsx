import { cleanup, fireEvent, screen, waitFor, within } from '../../test/render';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { authStore } from '../../api/client';
import type { Delivery, Role, TicketClocks, TicketDetail } from '../../api/types';
import { callsTo, renderTicketPage } from '../../test/renderTicketPage';
import { offeredDeliverables } from './SlaActions';

const SLOW = { timeout: 10_000 };

const ticket = {
  id: 12,
  number: 'INC-2026-000012',
  title: 'Camera offline',
  status: 'DISPATCHED',
  category: 'DEFECT',
  level: 2,
  siteId: 1,
  siteName: 'Demo City Command Center',
  region: 'CITY',
  deviceId: null,
  deviceName: null,
  assignee: 'engineer',
  createdAt: '2026-03-10T01:00:00Z',
  responseDue: '2026-03-10T01:30:00Z',
  resolutionDue: '2026-03-11T13:00:00Z',
  respondedAt: '2026-03-10T01:20:00Z',
  resolvedAt: null,
  closedAt: null,
  responseOverdue: false,
  resolutionOverdue: false,
  escalated: false,
  channel: 'HOTLINE',
  requesterName: 'Li Lei',
  requesterUnit: null,
  requesterPhone: '010-5555-0101',
  impact: 'MEDIUM',
  urgency: 'MEDIUM',
  description: 'No picture',
  symptom: null,
  cause: null,
  solution: null,
  prevention: null,
  thirdPartyName: null,
  callbackOutcome: null,
  satisfaction: null,
  customerFeedback: null,
  holdReason: 'WAITING_CUSTOMER',
  // what the server lists for a supervisor on this held case with its solution plan overdue
  availableActions: ['HOLD', 'RESUME', 'CHANGE_LEVEL', 'SUBMIT_SOLUTION_PLAN'],
  timeline: [],
  openTasks: [],
  probeResults: [],
} satisfies TicketDetail;

const clocks: TicketClocks = {
  policy: { code: 'THREE_LEVEL', name: 'Three-level scheme', version: 1 },
  calendar: 'SEVEN_BY_24',
  zone: 'Asia/Shanghai',
  level: '2',
  levelName: 'L2 part of users',
  generatedAt: '2026-03-10T02:00:00Z',
  clocks: [
    {
      clock: 'RESPONSE',
      basis: 'NATURAL',
      target: 'PT30M',
      state: 'MET',
      startedAt: '2026-03-10T01:00:00Z',
      dueAt: '2026-03-10T01:30:00Z',
      stoppedAt: '2026-03-10T01:20:00Z',
      marginSeconds: 600,
      pausedSeconds: 0,
      remainingSeconds: null,
      risk: 'OK',
      escalationLevel: 0,
      escalationName: null,
      pauses: [],
      history: [
        { at: '2026-03-10T01:00:00Z', kind: 'STARTED', detail: 'call received' },
        { at: '2026-03-10T01:20:00Z', kind: 'MET', detail: null },
      ],
    },
    {
      clock: 'RESOLUTION',
      basis: 'NATURAL',
      target: 'PT36H',
      state: 'PAUSED',
      startedAt: '2026-03-10T01:00:00Z',
      dueAt: '2026-03-11T13:00:00Z',
      stoppedAt: null,
      marginSeconds: null,
      pausedSeconds: 3900,
      remainingSeconds: 7200,
      risk: 'OK',
      escalationLevel: 0,
      escalationName: null,
      pauses: [{ from: '2026-03-10T01:55:00Z', to: null, reason: 'WAITING_CUSTOMER' }],
      history: [
        { at: '2026-03-10T01:00:00Z', kind: 'STARTED', detail: 'policy THREE_LEVEL, via HOTLINE' },
        { at: '2026-03-10T01:55:00Z', kind: 'PAUSED', detail: 'WAITING_CUSTOMER' },
      ],
    },
    {
      clock: 'SOLUTION_PLAN',
      basis: 'WORKING',
      target: 'PT4H',
      state: 'BREACHED',
      startedAt: '2026-03-10T01:00:00Z',
      dueAt: '2026-03-10T05:00:00Z',
      stoppedAt: null,
      marginSeconds: null,
      pausedSeconds: 0,
      remainingSeconds: -90,
      risk: 'OVERDUE',
      escalationLevel: 1,
      escalationName: 'WARNING',
    },
    {
      clock: 'FAULT_REPORT',
      basis: 'NATURAL',
      target: 'P1D',
      state: 'MET',
      startedAt: '2026-03-10T01:00:00Z',
      dueAt: '2026-03-11T01:00:00Z',
      stoppedAt: '2026-03-10T03:00:00Z',
      marginSeconds: 79_200,
      pausedSeconds: 0,
      remainingSeconds: null,
      risk: 'OK',
      escalationLevel: 0,
      escalationName: null,
    },
  ],
};

const deliveries: Delivery[] = [
  {
    id: 1,
    channel: 'WECOM',
    target: 'supervisors',
    status: 'FAILED',
    attempts: 3,
    lastError: 'webhook answered 500',
    createdAt: '2026-03-10T01:31:00Z',
    sentAt: null,
    nextAttemptAt: null,
  },
];

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

type Handler = (url: string, init: RequestInit | undefined) => Promise<Response> | undefined;

function mockApi(roles: Role[], extra: Handler = () => undefined, detail: Partial<TicketDetail> = {}) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const special = extra(url, init);
    if (special) return special;
    if (url === 'api/me') return json({ username: 'user', displayName: 'User', roles });
    if (method === 'GET' && url === 'api/tickets/12') return json({ ...ticket, ...detail });
    if (method === 'GET' && url === 'api/tickets/12/clocks') return json(clocks);
    if (method === 'GET' && url === 'api/tickets/12/deliveries') return json(deliveries);
    if (method === 'GET' && url === 'api/sla/policies/THREE_LEVEL')
      return json({
        code: 'THREE_LEVEL',
        name: 'Three-level scheme',
        version: 1,
        levels: [
          { code: '1', name: 'L1 all users' },
          { code: '2', name: 'L2 part of users' },
          { code: '3', name: 'L3 one user' },
        ],
      });
    if (method !== 'GET') return Promise.resolve(new Response(null, { status: 204 }));
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderTicket = renderTicketPage;

const calls = (fetchMock: ReturnType<typeof mockApi>, method: string, url: string) => callsTo(fetchMock, method, url);

describe('SLA on the ticket page', () => {
  let nowSpy: MockInstance<() => number>;
  let monotonic = 5_000;

  beforeEach(() => {
    authStore.set('Basic dGVzdDp0ZXN0');
    monotonic = 5_000;
    nowSpy = vi.spyOn(performance, 'now').mockImplementation(() => monotonic);
  });

  afterEach(() => {
    nowSpy.mockRestore();
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('shows each clock: target, state, live countdown, frozen time, margin, paused total and history', async () => {
    mockApi(['SUPERVISOR']);
    renderTicket();

    expect((await screen.findByTestId('ticket-hold', undefined, SLOW)).textContent).toBe(
      'On hold: waiting for customer',
    );
    const response = await screen.findByTestId('clock-RESPONSE', undefined, SLOW);
    expect(within(response).getByTestId('clock-target-RESPONSE').textContent).toBe('30 min');
    expect(within(response).getByTestId('clock-status-RESPONSE').textContent).toBe('Met 10m early');
    expect(screen.getByTestId('clock-status-FAULT_REPORT').textContent).toBe('Met 22h early');
    expect(screen.getByTestId('clock-target-RESOLUTION').textContent).toBe('1 d 12 h');
    expect(screen.getByTestId('clock-status-RESOLUTION').textContent).toBe('2h left (paused)');
    expect(screen.getByTestId('clock-paused-total-RESOLUTION').textContent).toBe('Paused 1h 05m in total');
    expect(screen.getByTestId('clock-status-SOLUTION_PLAN').textContent).toBe('overdue 1m 30s');
    expect(screen.getByText('Three-level scheme (SLA-1) (v1)')).toBeTruthy(); // the label, not the server's name
    expect(screen.getByText('part of users')).toBeTruthy(); // the level's label, not the server's "L2 part of users"
    expect(screen.queryByText('L2 part of users')).toBeNull();

    monotonic += 3_000;
    await waitFor(
      () => expect(screen.getByTestId('clock-status-SOLUTION_PLAN').textContent).toBe('overdue 1m 33s'),
      SLOW,
    );
    expect(screen.getByTestId('clock-status-RESOLUTION').textContent).toBe('2h left (paused)');

    fireEvent.click(screen.getByTestId('clock-history-toggle-RESOLUTION'));
    expect((await screen.findByTestId('clock-pauses-RESOLUTION', undefined, SLOW)).textContent).toContain(
      'still paused',
    );
    // the server's internal notes never reach the reader: the pause reason by its label, the start note not at all
    const details = screen.getAllByTestId('clock-history-detail').map((d) => d.textContent);
    expect(details).toEqual(['waiting for customer']);
    expect(screen.queryByText(/THREE_LEVEL|WAITING_CUSTOMER|HOTLINE/)).toBeNull();

    const delivery = await screen.findByTestId('delivery-row', undefined, SLOW);
    expect(delivery.textContent).toContain('WeCom');
    expect(delivery.textContent).toContain('webhook answered 500');
  });

  it("resumes a held ticket and shows the server's 409 message", async () => {
    const fetchMock = mockApi(['SUPERVISOR'], (url, init) =>
      url === 'api/tickets/12/hold' && init?.method === 'DELETE'
        ? json({ status: 409, title: 'Conflict', detail: 'Ticket INC-2026-000012 is not on hold' }, 409)
        : undefined,
    );
    renderTicket();
    fireEvent.click(await screen.findByTestId('action-resume', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('action-resume-confirm', undefined, SLOW));
    expect(await screen.findByText('Ticket INC-2026-000012 is not on hold', undefined, SLOW)).toBeTruthy();
    expect(calls(fetchMock, 'DELETE', 'api/tickets/12/hold')).toHaveLength(1);
    // An engineer-only action is not offered to a supervisor.
    expect(screen.queryByTestId('action-on-site')).toBeNull();
  });

  it("changes the level with a reason, offering the levels of the ticket's scheme, then reloads", async () => {
    const fetchMock = mockApi(['SUPERVISOR']);
    renderTicket();
    fireEvent.click(await screen.findByTestId('action-level', undefined, SLOW));
    const form = await screen.findByTestId('action-level-form', undefined, SLOW);

    fireEvent.click(screen.getByTestId('action-level-submit'));
    expect(await within(form).findByText('Please fill in Reason for the change.', undefined, SLOW)).toBeTruthy();

    fireEvent.mouseDown(within(form).getByRole('combobox'));
    fireEvent.click(await screen.findByText('Level 1 · all users down', undefined, SLOW));
    fireEvent.change(screen.getByTestId('action-level-reason'), { target: { value: ' whole district affected ' } });
    const ticketLoads = calls(fetchMock, 'GET', 'api/tickets/12').length;
    fireEvent.click(screen.getByTestId('action-level-submit'));

    await waitFor(() => expect(calls(fetchMock, 'PUT', 'api/tickets/12/level')).toHaveLength(1), SLOW);
    const [, init] = calls(fetchMock, 'PUT', 'api/tickets/12/level')[0];
    expect(JSON.parse(String(init?.body))).toEqual({ level: '1', reason: 'whole district affected' });
    await waitFor(() => expect(calls(fetchMock, 'GET', 'api/tickets/12').length).toBeGreaterThan(ticketLoads), SLOW);
    expect(calls(fetchMock, 'GET', 'api/tickets/12/clocks').length).toBeGreaterThan(1);
  });

  it("lets an engineer submit a deliverable that is still owed, with the server's field error on the field", async () => {
    const fetchMock = mockApi(
      ['ENGINEER'],
      (url, init) =>
        url === 'api/tickets/12/deliverables' && init?.method === 'POST'
          ? json({ status: 400, title: 'Bad Request', errors: [{ field: 'text', message: 'too short' }] }, 400)
          : undefined,
      {
        availableActions: [
          'HOLD',
          'RESUME',
          'ARRIVE_ON_SITE',
          'SUBMIT_SOLUTION_PLAN',
          'REPORT_ABNORMAL_EVENT',
          'REPORT_DELAY',
        ],
      },
    );
    renderTicket();
    fireEvent.click(await screen.findByTestId('action-deliverable', undefined, SLOW));
    const form = await screen.findByTestId('action-deliverable-form', undefined, SLOW);
    expect(within(form).queryByTestId('action-deliverable-kind-FAULT_REPORT')).toBeNull(); // already met
    fireEvent.change(screen.getByTestId('action-deliverable-text'), { target: { value: 'Swap the PoE switch' } });
    fireEvent.click(screen.getByTestId('action-deliverable-submit'));

    expect(await within(form).findByText('too short', { selector: '.ant-form-item-explain-error' }, SLOW)).toBeTruthy();
    const [, init] = calls(fetchMock, 'POST', 'api/tickets/12/deliverables')[0];
    expect(JSON.parse(String(init?.body))).toEqual({ kind: 'SOLUTION_PLAN', text: 'Swap the PoE switch' });
    expect(screen.getByTestId('action-on-site')).toBeTruthy();
  });

  it('offers nothing on a closed case that owes nothing', async () => {
    mockApi(['SUPERVISOR'], undefined, { status: 'CLOSED', holdReason: null, availableActions: [] });
    renderTicket();
    await screen.findByTestId('clock-RESPONSE', undefined, SLOW);
    expect(screen.queryByTestId('sla-actions')).toBeNull();
    expect(screen.queryByTestId('ticket-hold')).toBeNull();
  });

  it('offers the fault report on a closed case that still owes it, and hands it in', async () => {
    const fetchMock = mockApi(['SERVICE_DESK'], undefined, {
      status: 'CLOSED',
      holdReason: null,
      availableActions: ['SUBMIT_FAULT_REPORT'],
    });
    renderTicket();
    const card = await screen.findByTestId('sla-actions', undefined, SLOW);
    expect(within(card).getByTestId('sla-actions-closed-owes').textContent).toBe(
      'The case is closed but still owes: Fault report.',
    );
    expect(within(card).queryByTestId('action-hold')).toBeNull();
    expect(within(card).queryByTestId('action-level')).toBeNull();
    expect(within(card).queryByTestId('action-acknowledge')).toBeNull();

    fireEvent.click(within(card).getByTestId('action-deliverable'));
    const form = await screen.findByTestId('action-deliverable-form', undefined, SLOW);
    expect(within(form).getByTestId('action-deliverable-kind-FAULT_REPORT')).toBeTruthy();
    expect(within(form).queryByTestId('action-deliverable-kind-SOLUTION_PLAN')).toBeNull();
    fireEvent.change(screen.getByTestId('action-deliverable-text'), { target: { value: 'Loose cable; re-seated' } });
    fireEvent.click(screen.getByTestId('action-deliverable-submit'));
    await waitFor(() => expect(calls(fetchMock, 'POST', 'api/tickets/12/deliverables')).toHaveLength(1), SLOW);
    const [, init] = calls(fetchMock, 'POST', 'api/tickets/12/deliverables')[0];
    expect(JSON.parse(String(init?.body))).toEqual({ kind: 'FAULT_REPORT', text: 'Loose cable; re-seated' });
  });

  it('offers "acknowledge abnormal event" only when the server lists it (one was reported)', async () => {
    mockApi(['SUPERVISOR']);
    renderTicket();
    await screen.findByTestId('action-resume', undefined, SLOW);
    expect(screen.queryByTestId('action-acknowledge')).toBeNull();
    cleanup();

    mockApi(['SUPERVISOR'], undefined, {
      availableActions: ['HOLD', 'RESUME', 'CHANGE_LEVEL', 'ACKNOWLEDGE_ABNORMAL_EVENT'],
    });
    renderTicket();
    expect(await screen.findByTestId('action-acknowledge', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('action-deliverable')).toBeNull();
  });

  it('on hold, offers the other hold reason only', async () => {
    mockApi(['SUPERVISOR']);
    renderTicket();
    fireEvent.click(await screen.findByTestId('action-hold', undefined, SLOW));
    const form = await screen.findByTestId('action-hold-form', undefined, SLOW);
    expect(within(form).queryByTestId('action-hold-reason-WAITING_CUSTOMER')).toBeNull();
    expect(within(form).getByTestId('action-hold-reason-WAITING_PARTS')).toBeTruthy();
    expect(screen.getAllByText('Change hold reason').length).toBeGreaterThan(0);
  });
});

describe('offeredDeliverables', () => {
  it('offers the kinds the server lists as SUBMIT_ actions', () => {
    expect(offeredDeliverables(['HOLD', 'SUBMIT_FAULT_REPORT', 'SUBMIT_SOLUTION_PLAN'])).toEqual([
      'SOLUTION_PLAN',
      'FAULT_REPORT',
    ]);
    expect(offeredDeliverables(undefined)).toEqual([]);
  });
});
