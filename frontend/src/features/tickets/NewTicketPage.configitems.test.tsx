import { App } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '../../test/render';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { MAX_INTAKE_CONFIG_ITEMS, NewTicketPage } from './NewTicketPage';

// RP-4: the desk names the configuration items a fault involves while taking the call; they are named on the case
// once it exists (POST /tickets/{id}/config-items), never sent with the ticket itself.

const SLOW = { timeout: 10_000 };
/** The first render of the whole form is slow on a busy machine. */
const TEST_TIMEOUT = 90_000;

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );

const SITES = [
  { id: 1, customerId: 1, customerName: 'Demo City', name: 'Demo City Command Center', region: 'CITY' },
  { id: 2, customerId: 2, customerName: 'North County', name: 'North County Police Station', region: 'COUNTY' },
];

const item = (id: number, customerId: number, name: string, status = 'IN_SERVICE') => ({
  id,
  number: `CI-00000${id}`,
  customerId,
  customerName: customerId === 1 ? 'Demo City' : 'North County',
  kind: 'APPLICATION',
  name,
  status,
  links: 0,
  usedBy: 0,
  updatedAt: '2026-03-01T02:00:00Z',
});

const UNIT_ITEMS: Record<string, unknown[]> = {
  '1': [
    item(5, 1, 'Video platform'),
    item(6, 1, 'Old traffic system', 'RETIRED'),
    item(7, 1, 'Checkpoint service', 'PLANNED'),
  ],
  '2': [item(8, 2, 'County dispatch system')],
};

interface Options {
  roles?: Role[];
  /** Item ids whose POST /tickets/99/config-items fails. */
  failing?: number[];
}

function mockApi({ roles = ['SERVICE_DESK'], failing = [] }: Options = {}) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'desk', displayName: 'Wang Fang', roles });
    if (url === 'api/customers') return json([{ id: 1, name: 'Demo City' }]);
    if (url === 'api/sites') return json(roles.includes('CUSTOMER') ? [SITES[0]] : SITES);
    if (url.startsWith('api/devices')) return json([]);
    if (url.startsWith('api/knowledge/suggestions')) return json([]);
    if (url.startsWith('api/callers')) return json([]);
    const unit = /^api\/config-items\?customerId=(\d+)$/.exec(url);
    if (unit && (init?.method ?? 'GET') === 'GET') return json(UNIT_ITEMS[unit[1]] ?? []);
    if (url === 'api/tickets' && init?.method === 'POST') return json({ id: 99, number: 'INC-2026-000099' }, 201);
    if (url === 'api/tickets/99/config-items' && init?.method === 'POST') {
      const { configItemId } = JSON.parse(String(init.body)) as { configItemId: number };
      if (failing.includes(configItemId))
        return json({ status: 409, title: 'Conflict', detail: 'The item is retired' }, 409);
      return json(
        {
          itemId: configItemId,
          number: `CI-00000${configItemId}`,
          name: 'x',
          kind: 'APPLICATION',
          status: 'IN_SERVICE',
          linkedBy: 'desk',
          linkedAt: '2026-03-10T02:00:00Z',
        },
        201,
      );
    }
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={['/tickets/new']}>
          <Routes>
            <Route
              path="/tickets/new"
              element={
                <SignedIn>
                  <NewTicketPage />
                </SignedIn>
              }
            />
            <Route path="/tickets/:id" element={<div data-testid="ticket-page" />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

const open = (testId: string) => fireEvent.mouseDown(screen.getByTestId(testId).querySelector('.ant-select-selector')!);

async function chooseSite(label: string) {
  open('ticket-site');
  fireEvent.click(await screen.findByText(label, undefined, SLOW));
}

async function fillRequiredFields(siteLabel = 'Demo City Command Center · Demo City') {
  fireEvent.change(await screen.findByTestId('ticket-requesterName', undefined, SLOW), { target: { value: 'Li Lei' } });
  fireEvent.change(screen.getByTestId('ticket-requesterPhone'), { target: { value: '010-5555-0101' } });
  await chooseSite(siteLabel);
  fireEvent.click(screen.getByTestId('ticket-impact-MEDIUM'));
  fireEvent.click(screen.getByTestId('ticket-urgency-MEDIUM'));
  fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Platform down' } });
  fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'No video on the wall' } });
}

/** Opens the 相关配置项 select and picks the items by their option test ids. */
async function chooseItems(...ids: number[]) {
  await screen.findByTestId('ticket-config-items', undefined, SLOW);
  open('ticket-config-items');
  for (const id of ids) fireEvent.click(await screen.findByTestId(`option-ci-${id}`, undefined, SLOW));
}

/** The chosen items as the select shows them (its tags). */
const chosen = () =>
  Array.from(screen.getByTestId('ticket-config-items').querySelectorAll('.ant-select-selection-item-content')).map(
    (e) => e.textContent,
  );

const postIndex = (fetchMock: ReturnType<typeof mockApi>, path: string) =>
  fetchMock.mock.calls
    .map(([u, i], index) => ({ u: String(u), method: i?.method, index }))
    .filter((c) => c.u === path && c.method === 'POST')
    .map((c) => c.index);

const bodies = (fetchMock: ReturnType<typeof mockApi>, path: string) =>
  fetchMock.mock.calls
    .filter(([u, i]) => String(u) === path && i?.method === 'POST')
    .map(([, i]) => JSON.parse(String(i?.body)) as unknown);

describe('NewTicketPage — configuration items named at intake', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it(
    "offers the site's unit's items that are not retired and names the chosen ones on the new case after creating it",
    async () => {
      const fetchMock = mockApi();
      renderPage();
      await fillRequiredFields();
      const field = (await screen.findByTestId('ticket-config-items', undefined, SLOW)).closest('.ant-form-item')!;
      expect(field.textContent).toContain('Configuration items');
      expect(field.textContent).toContain(
        'The application systems, platforms or business services the fault involves (optional)',
      );
      await chooseItems(5, 7);
      // the unit's items only, retired ones left out, each as "CI-… name"
      expect(screen.getByTestId('option-ci-5').textContent).toBe('CI-000005 Video platform');
      expect(screen.queryByTestId('option-ci-6')).toBeNull();
      expect(screen.queryByTestId('option-ci-8')).toBeNull();
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/config-items?customerId=1');
      await waitFor(() => expect(chosen()).toEqual(['CI-000005 Video platform', 'CI-000007 Checkpoint service']));

      fireEvent.click(screen.getByTestId('ticket-submit'));
      await screen.findByTestId('ticket-page', undefined, SLOW);

      const ticketBody = bodies(fetchMock, 'api/tickets')[0] as Record<string, unknown>;
      expect(ticketBody).toMatchObject({ siteId: 1, title: 'Platform down' });
      expect(ticketBody).not.toHaveProperty('configItemIds');
      expect(JSON.stringify(ticketBody)).not.toContain('configItem');
      // named on the case the answer gave, in the order chosen, after it was created
      expect(bodies(fetchMock, 'api/tickets/99/config-items')).toEqual([{ configItemId: 5 }, { configItemId: 7 }]);
      const [ticketPost] = postIndex(fetchMock, 'api/tickets');
      expect(postIndex(fetchMock, 'api/tickets/99/config-items').every((i) => i > ticketPost)).toBe(true);
      expect(screen.queryByText(/could not be linked/)).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'creates the case all the same when an item cannot be named, says how many, and goes on to the case',
    async () => {
      const fetchMock = mockApi({ failing: [7] });
      renderPage();
      await fillRequiredFields();
      await chooseItems(5, 7);
      fireEvent.click(screen.getByTestId('ticket-submit'));

      expect(
        await screen.findByText(
          'The case was created, but 1 configuration item(s) could not be linked; add them on the case page',
          undefined,
          SLOW,
        ),
      ).toBeTruthy();
      await screen.findByTestId('ticket-page', undefined, SLOW);
      expect(bodies(fetchMock, 'api/tickets')).toHaveLength(1);
      expect(bodies(fetchMock, 'api/tickets/99/config-items')).toEqual([{ configItemId: 5 }, { configItemId: 7 }]);
    },
    TEST_TIMEOUT,
  );

  it(
    'drops the chosen items when the site changes and offers the other unit’s',
    async () => {
      const fetchMock = mockApi();
      renderPage();
      await fillRequiredFields();
      await chooseItems(5);
      await waitFor(() => expect(chosen()).toEqual(['CI-000005 Video platform']));

      await chooseSite('North County Police Station · North County');
      await waitFor(() => expect(chosen()).toEqual([]));
      open('ticket-config-items');
      expect(await screen.findByTestId('option-ci-8', undefined, SLOW)).toBeTruthy();
      expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('api/config-items?customerId=2');

      fireEvent.click(screen.getByTestId('ticket-submit'));
      await screen.findByTestId('ticket-page', undefined, SLOW);
      expect(bodies(fetchMock, 'api/tickets')[0]).toMatchObject({ siteId: 2 });
      expect(postIndex(fetchMock, 'api/tickets/99/config-items')).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe('NewTicketPage — a customer’s own report names no items', () => {
  beforeEach(() => authStore.set('Basic Y3VzdG9tZXI6ZGVtbw=='));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it(
    'shows no configuration item select and never asks for the unit’s items',
    async () => {
      const fetchMock = mockApi({ roles: ['CUSTOMER'] });
      renderPage();
      await fillRequiredFields('Demo City Command Center');
      await waitFor(() =>
        expect(within(screen.getByTestId('ticket-site')).getByText('Demo City Command Center')).toBeTruthy(),
      );
      expect(screen.getByTestId('customer-new-ticket')).toBeTruthy();
      expect(screen.queryByTestId('ticket-config-items')).toBeNull();
      expect(screen.queryByText('Configuration items')).toBeNull();

      fireEvent.click(screen.getByTestId('ticket-submit'));
      await screen.findByTestId('ticket-page', undefined, SLOW);
      expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith('api/config-items'))).toBe(false);
      expect(postIndex(fetchMock, 'api/tickets/99/config-items')).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe('NewTicketPage — how many items the form takes', () => {
  it('takes the server’s limit per case (caseitem.LinkItemToCase.MAX_PER_CASE, 20)', () => {
    expect(MAX_INTAKE_CONFIG_ITEMS).toBe(20);
  });
});
