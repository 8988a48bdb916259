import { fireEvent, screen, waitFor, within } from '../../test/render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { CustomerCaseFile, Role, TicketClocks } from '../../api/types';
import { callsTo, renderTicketPage } from '../../test/renderTicketPage';

const SLOW = { timeout: 10_000 };

/** What the server answers a customer for GET /api/tickets/12: no timeline, tasks, probes or notes. */
const caseFile: CustomerCaseFile = {
  id: 12,
  number: 'INC-2026-000012',
  title: 'Camera offline',
  status: 'IN_PROGRESS',
  category: 'DEFECT',
  level: 2,
  siteId: 1,
  siteName: 'Demo City Command Center',
  region: 'CITY',
  deviceId: 7,
  deviceName: 'Gate camera 3',
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
  channel: 'WEB',
  requesterName: 'Wang Fang',
  requesterUnit: 'Demo City',
  requesterPhone: '010-5555-0101',
  impact: 'MEDIUM',
  urgency: 'HIGH',
  description: 'No picture since 9:00',
  solution: 'Replaced the PoE injector',
  callbackOutcome: null,
  satisfaction: null,
  customerFeedback: null,
  callbackOpen: false,
};

const awaitingCallback: CustomerCaseFile = {
  ...caseFile,
  status: 'AWAITING_CALLBACK',
  resolvedAt: '2026-03-10T05:00:00Z',
  callbackOpen: true,
};

const closed: CustomerCaseFile = {
  ...awaitingCallback,
  status: 'CLOSED',
  closedAt: '2026-03-10T06:00:00Z',
  callbackOpen: false,
  callbackOutcome: 'CONFIRMED',
  satisfaction: 4,
  customerFeedback: 'Works again',
};

const clocks: TicketClocks = {
  policy: { code: 'THREE_LEVEL', name: 'Three-level scheme', version: 1 },
  level: '2',
  levelName: 'L2 part of users',
  generatedAt: '2026-03-10T02:00:00Z',
  clocks: [
    {
      clock: 'RESPONSE',
      basis: 'NATURAL',
      target: 'PT30M',
      state: 'MET',
      dueAt: '2026-03-10T01:30:00Z',
      stoppedAt: '2026-03-10T01:20:00Z',
      marginSeconds: 600,
      risk: 'OK',
      escalationLevel: 0,
    },
  ],
};

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

/** Routes a customer's user may call; anything else answers 403 like the server. */
const CUSTOMER_ROUTES = [
  /^api\/me$/,
  /^api\/tickets\/\d+$/,
  /^api\/tickets\/\d+\/clocks$/,
  /^api\/tickets\/\d+\/callback-answer$/,
  /^api\/tickets\/\d+\/conversation$/,
  /^api\/tickets\/\d+\/attachments$/,
  /^api\/tickets\/\d+\/warranty$/,
  /^api\/tickets\/\d+\/repair$/,
];

/** A case in warranty with nothing recorded yet (issue 13's panel). */
const warranty = {
  ticketId: 12,
  assessed: true,
  inWarranty: true,
  freeReason: 'WARRANTY',
  cost: { freeOfCharge: true, freeReason: 'WARRANTY', parts: 0, labour: 0, total: 0 },
  lines: [],
  handovers: [],
};

interface Options {
  roles?: Role[];
  /** Answers for GET /api/tickets/12, in turn; the last one repeats. */
  tickets?: unknown[];
  answer?: () => Promise<Response>;
}

function mockApi({ roles = ['CUSTOMER'], tickets = [caseFile], answer }: Options = {}) {
  let loads = 0;
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const customer = roles.every((r) => r === 'CUSTOMER');
    if (customer && !CUSTOMER_ROUTES.some((r) => r.test(url))) return json({ status: 403, title: 'Forbidden' }, 403);
    if (url === 'api/me') return json({ username: 'customer', displayName: 'Wang Fang', roles });
    if (method === 'GET' && url === 'api/tickets/12') return json(tickets[Math.min(loads++, tickets.length - 1)]);
    if (method === 'GET' && url === 'api/tickets/12/clocks') return json(clocks);
    if (method === 'GET' && url === 'api/tickets/12/deliveries') return json([]);
    if (method === 'GET' && url === 'api/tickets/12/warranty') return json(warranty);
    if (method === 'GET' && url === 'api/tickets/12/repair') return json({ ticketId: 12, slips: [] });
    if (method === 'GET' && (url === 'api/tickets/12/conversation' || url === 'api/tickets/12/attachments'))
      return json([]);
    if (method === 'POST' && url === 'api/tickets/12/callback-answer')
      return answer ? answer() : Promise.resolve(new Response(null, { status: 204 }));
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderTicket = renderTicketPage;

const calls = (fetchMock: ReturnType<typeof mockApi>, method: string, url: string) => callsTo(fetchMock, method, url);

const urlsCalled = (fetchMock: ReturnType<typeof mockApi>) =>
  [...new Set(fetchMock.mock.calls.map(([u]) => String(u)))].sort();

describe('the ticket page for a customer', () => {
  beforeEach(() => authStore.set('Basic Y3VzdG9tZXI6ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('shows the customer view with facts, times and clocks, and calls only customer routes', async () => {
    const fetchMock = mockApi();
    renderTicket();

    const view = await screen.findByTestId('customer-ticket-view', undefined, SLOW);
    expect(within(view).getByTestId('ticket-number').textContent).toBe('INC-2026-000012');
    expect(within(view).getByTestId('ticket-title').textContent).toBe('Camera offline');
    expect(within(view).getByTestId('ticket-status').textContent).toBe('In progress');
    expect(within(view).getByTestId('ticket-level').textContent).toBe('Level 2');
    expect(within(view).getByTestId('ticket-site').textContent).toBe('Demo City Command Center');
    expect(within(view).getByTestId('ticket-device').textContent).toBe('Gate camera 3');
    expect(within(view).getByTestId('ticket-description').textContent).toBe('No picture since 9:00');
    expect(within(view).getByTestId('ticket-reported-at').textContent).not.toBe('—');
    expect(within(view).getByTestId('ticket-responded-at').textContent).not.toBe('—');
    expect(within(view).getByTestId('ticket-resolved-at').textContent).toBe('—');
    expect(await screen.findByTestId('clock-RESPONSE', undefined, SLOW)).toBeTruthy();

    // Not resolved yet: no solution; no callback; nothing of the staff page.
    expect(screen.queryByTestId('ticket-solution')).toBeNull();
    expect(screen.queryByTestId('callback-form')).toBeNull();
    expect(screen.queryByTestId('callback-answered')).toBeNull();
    for (const staffOnly of [
      'ticket-detail',
      'sla-actions',
      'current-tasks',
      'ticket-timeline',
      'probe-results',
      'ticket-deliveries',
    ]) {
      expect(screen.queryByTestId(staffOnly), staffOnly).toBeNull();
    }
    expect(screen.queryByText('webhook')).toBeNull();
    expect(urlsCalled(fetchMock)).toEqual([
      'api/auth/config',
      'api/me',
      'api/tickets/12',
      'api/tickets/12/attachments',
      'api/tickets/12/clocks',
      'api/tickets/12/conversation',
      'api/tickets/12/links',
      'api/tickets/12/repair',
      'api/tickets/12/warranty',
    ]);
    expect(screen.queryByTestId('ticket-clocks-error')).toBeNull();
  });

  it('links the device to its own page', async () => {
    mockApi();
    renderTicket();
    const view = await screen.findByTestId('customer-ticket-view', undefined, SLOW);
    const link = within(view).getByTestId('ticket-device-link');
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('/devices/7');
    expect(link.textContent).toBe('Gate camera 3');
  });

  it('shows no device link when the case names no device', async () => {
    mockApi({ tickets: [{ ...caseFile, deviceId: null, deviceName: null }] });
    renderTicket();
    const view = await screen.findByTestId('customer-ticket-view', undefined, SLOW);
    expect(within(view).getByTestId('ticket-device').textContent).toBe('—');
    expect(within(view).queryByTestId('ticket-device-link')).toBeNull();
  });

  it('offers the callback only when it is open and posts the answer, then shows it', async () => {
    const fetchMock = mockApi({ tickets: [awaitingCallback, closed] });
    renderTicket();

    const form = await screen.findByTestId('callback-form', undefined, SLOW);
    expect(screen.getByTestId('ticket-solution').textContent).toBe('Replaced the PoE injector');

    // Both choices are required.
    fireEvent.click(screen.getByTestId('callback-submit'));
    expect(await within(form).findByText('Please choose Is the fault fixed?.', undefined, SLOW)).toBeTruthy();
    expect(within(form).getByText('Please choose Satisfaction.')).toBeTruthy();
    expect(calls(fetchMock, 'POST', 'api/tickets/12/callback-answer')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('callback-confirmed'));
    fireEvent.click(within(screen.getByTestId('callback-satisfaction')).getByText('4 — satisfied'));
    fireEvent.change(screen.getByTestId('callback-feedback'), { target: { value: '  Works again  ' } });
    fireEvent.click(screen.getByTestId('callback-submit'));

    await waitFor(() => expect(calls(fetchMock, 'POST', 'api/tickets/12/callback-answer')).toHaveLength(1), SLOW);
    const [, init] = calls(fetchMock, 'POST', 'api/tickets/12/callback-answer')[0];
    expect(JSON.parse(String(init?.body))).toEqual({
      callbackOutcome: 'CONFIRMED',
      satisfaction: '4',
      customerFeedback: 'Works again',
    });

    // Reloaded: closed, the answer shown instead of the form.
    const answered = await screen.findByTestId('callback-answered', undefined, SLOW);
    expect(answered.getAttribute('data-outcome')).toBe('CONFIRMED');
    expect(answered.textContent).toContain('Fix confirmed');
    expect(answered.textContent).toContain('4 — satisfied');
    expect(answered.textContent).toContain('Works again');
    expect(screen.queryByTestId('callback-form')).toBeNull();
    expect(screen.getByTestId('ticket-status').textContent).toBe('Closed');
    expect(calls(fetchMock, 'GET', 'api/tickets/12/clocks').length).toBeGreaterThan(1);
  });

  it('sends "not fixed" with an empty feedback and says the ticket is being worked on again', async () => {
    const reopened = { ...caseFile, callbackOutcome: 'NOT_FIXED', satisfaction: 2, customerFeedback: null };
    const fetchMock = mockApi({ tickets: [awaitingCallback, reopened] });
    renderTicket();
    await screen.findByTestId('callback-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('callback-not-fixed'));
    fireEvent.click(screen.getByTestId('callback-satisfaction-2'));
    fireEvent.click(screen.getByTestId('callback-submit'));

    const answered = await screen.findByTestId('callback-answered', undefined, SLOW);
    const [, init] = calls(fetchMock, 'POST', 'api/tickets/12/callback-answer')[0];
    expect(JSON.parse(String(init?.body))).toEqual({
      callbackOutcome: 'NOT_FIXED',
      satisfaction: '2',
      customerFeedback: '',
    });
    expect(answered.textContent).toContain('Not fixed');
    expect(answered.textContent).toContain('we are working on it again');
  });

  it('reloads when the callback no longer waits (409) and shows field errors (400) on the fields', async () => {
    let status = 400;
    const fetchMock = mockApi({
      tickets: [awaitingCallback, awaitingCallback, closed],
      answer: () =>
        status === 400
          ? json(
              { status: 400, title: 'Bad Request', errors: [{ field: 'customerFeedback', message: 'too long' }] },
              400,
            )
          : json({ status: 409, title: 'Conflict', detail: 'No callback is waiting' }, 409),
    });
    renderTicket();
    const form = await screen.findByTestId('callback-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('callback-confirmed'));
    fireEvent.click(screen.getByTestId('callback-satisfaction-5'));
    fireEvent.click(screen.getByTestId('callback-submit'));
    expect(await within(form).findByText('too long', { selector: '.ant-form-item-explain-error' }, SLOW)).toBeTruthy();
    expect(screen.getByTestId('callback-form')).toBeTruthy();

    status = 409;
    const loads = calls(fetchMock, 'GET', 'api/tickets/12').length;
    fireEvent.click(screen.getByTestId('callback-submit'));
    expect(await screen.findByText(/no longer waits for your confirmation/, undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(calls(fetchMock, 'GET', 'api/tickets/12').length).toBeGreaterThan(loads), SLOW);
  });
});

describe('the ticket page for staff (unchanged)', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('never shows the customer view to staff, also not to staff who hold CUSTOMER too', async () => {
    const staffFile = {
      ...awaitingCallback,
      deskNote: null,
      symptom: null,
      cause: null,
      prevention: null,
      thirdPartyName: null,
      timeline: [],
      openTasks: [],
      probeResults: [],
    };
    const fetchMock = mockApi({ roles: ['SERVICE_DESK', 'CUSTOMER'], tickets: [staffFile] });
    renderTicket();
    expect(await screen.findByTestId('ticket-detail', undefined, SLOW)).toBeTruthy();
    expect(screen.getByTestId('current-tasks')).toBeTruthy();
    expect(screen.getByTestId('ticket-timeline')).toBeTruthy();
    expect(screen.queryByTestId('customer-ticket-view')).toBeNull();
    expect(screen.queryByTestId('callback-form')).toBeNull();
    await waitFor(() => expect(calls(fetchMock, 'GET', 'api/tickets/12/deliveries')).toHaveLength(1), SLOW);
  });
});
