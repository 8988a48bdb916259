import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { NewTicketPage } from './NewTicketPage';

// Issue 15: the intake form looks the caller up by phone and warns about an open case on the chosen device.

const SLOW = { timeout: 10_000 };
/** The first render of the whole form is slow on a busy machine. */
const TEST_TIMEOUT = 90_000;

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const CALLER = {
  name: '王警官',
  phone: '139 0000 5678',
  unit: '交警支队',
  customerId: 1,
  customerName: 'Demo City',
  sites: [{ id: 1, name: 'Demo City Command Center' }],
  devices: [{ id: 7, name: 'Camera C-01', siteId: 1 }],
  cases: 3,
  lastCaseNumber: 'INC-2026-000040',
  lastCaseId: 40,
  lastReportedAt: '2026-03-01T02:00:00Z',
  knownAs: null,
};

/** Known by the records before any report: a site's contact person and a customer unit's own user. */
const SITE_CONTACT = {
  ...CALLER,
  name: '赵站长',
  phone: '138 1111 4321',
  unit: 'Demo City',
  sites: [{ id: 1, name: 'Demo City Command Center' }],
  devices: [],
  cases: 0,
  lastCaseNumber: null,
  lastCaseId: null,
  lastReportedAt: null,
  knownAs: 'SITE_CONTACT',
};
const CUSTOMER_USER = { ...SITE_CONTACT, name: '钱科长', phone: '150 2222 4321', sites: [], knownAs: 'CUSTOMER_USER' };

const OPEN_CASE = { id: 42, number: 'INC-2026-000042', title: 'Camera C-01 black', status: 'AWAITING_DISPATCH' };

function mockApi(openCases: unknown[] = [OPEN_CASE]) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'desk', displayName: 'Desk', roles: ['SERVICE_DESK'] });
    if (url === 'api/sites')
      return json([
        { id: 1, customerId: 1, customerName: 'Demo City', name: 'Demo City Command Center', region: 'CITY' },
      ]);
    if (url.startsWith('api/callers?'))
      return json(
        url.endsWith('phone=5678') ? [CALLER] : url.endsWith('phone=4321') ? [SITE_CONTACT, CUSTOMER_USER] : [],
      );
    if (url === 'api/devices/7/open-cases') return json(openCases);
    if (url.startsWith('api/devices?'))
      return json([{ id: 7, siteId: 1, name: 'Camera C-01', model: 'DS-2CD', location: 'North-east pole' }]);
    if (url === 'api/tickets' && init?.method === 'POST') return json({ id: 99, number: 'INC-2026-000099' }, 201);
    if (url === 'api/tickets/99/links' && init?.method === 'POST')
      return json({ ticketId: 42, number: OPEN_CASE.number, kind: 'DUPLICATE_OF' }, 201);
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderPage(entry = '/tickets/new') {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[entry]}>
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

const posts = (fetchMock: ReturnType<typeof mockApi>, path: string) =>
  fetchMock.mock.calls.filter(([u, i]) => String(u) === path && i?.method === 'POST');

async function pickCallerByLastDigits() {
  fireEvent.change(await screen.findByTestId('ticket-requesterPhone', undefined, SLOW), { target: { value: '5678' } });
  fireEvent.click(await screen.findByTestId('caller-use-0', undefined, SLOW));
}

function fillFault() {
  fireEvent.click(screen.getByTestId('ticket-impact-MEDIUM'));
  fireEvent.click(screen.getByTestId('ticket-urgency-MEDIUM'));
  fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Camera black again' } });
  fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'Called a second time' } });
}

describe('NewTicketPage — the caller and the open case (issue 15)', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it(
    'finds the caller by the last 4 digits once typing pauses and fills in name, phone, unit, site and device',
    async () => {
      const fetchMock = mockApi([]);
      renderPage();
      const phone = await screen.findByTestId('ticket-requesterPhone', undefined, SLOW);
      fireEvent.change(phone, { target: { value: '56' } });
      fireEvent.change(phone, { target: { value: '567' } });
      fireEvent.change(phone, { target: { value: '5678' } });
      expect((await screen.findByTestId('caller-matches', undefined, SLOW)).textContent).toContain('王警官');
      // debounced: fewer than 4 digits never asked, and 5678 asked once
      const asked = fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('api/callers'));
      expect(asked).toEqual(['api/callers?phone=5678']);

      fireEvent.click(screen.getByTestId('caller-use-0'));
      await waitFor(() =>
        expect((screen.getByTestId('ticket-requesterName') as HTMLInputElement).value).toBe('王警官'),
      );
      expect((screen.getByTestId('ticket-requesterPhone') as HTMLInputElement).value).toBe('139 0000 5678');
      expect((screen.getByTestId('ticket-requesterUnit') as HTMLInputElement).value).toBe('交警支队');
      await waitFor(() => expect(screen.getByTestId('ticket-device').textContent).toContain('Camera C-01'), SLOW);
      // the desk tells same-named devices apart by where they are installed
      expect(screen.getByTestId('ticket-device').textContent).toContain('North-east pole');
      expect(screen.getByTestId('ticket-site').textContent).toContain('Demo City Command Center');
    },
    TEST_TIMEOUT,
  );

  it(
    "names a site's contact and a customer unit's user who never reported, and fills in what is known of them",
    async () => {
      mockApi([]);
      renderPage();
      fireEvent.change(await screen.findByTestId('ticket-requesterPhone', undefined, SLOW), {
        target: { value: '4321' },
      });
      const matches = await screen.findByTestId('caller-matches', undefined, SLOW);
      expect(screen.getByTestId('caller-known-0').textContent).toBe('Site contact');
      expect(screen.getByTestId('caller-known-1').textContent).toBe("Customer unit's user");
      expect(screen.getByTestId('caller-0').textContent).toContain('No case reported yet');
      // the unit is the customer's name: said once, not twice
      expect(screen.getByTestId('caller-0').textContent).toContain('Demo City · Demo City Command Center');
      expect(matches.textContent).not.toContain('latest');

      fireEvent.click(screen.getByTestId('caller-use-0'));
      await waitFor(() =>
        expect((screen.getByTestId('ticket-requesterName') as HTMLInputElement).value).toBe('赵站长'),
      );
      await waitFor(() => expect(screen.getByTestId('ticket-site').textContent).toContain('Demo City Command Center'));
      // the unit's user has no site of their own: the site chosen stays
      fireEvent.click(screen.getByTestId('caller-use-1'));
      await waitFor(() =>
        expect((screen.getByTestId('ticket-requesterName') as HTMLInputElement).value).toBe('钱科长'),
      );
      expect((screen.getByTestId('ticket-requesterPhone') as HTMLInputElement).value).toBe('150 2222 4321');
      expect((screen.getByTestId('ticket-requesterUnit') as HTMLInputElement).value).toBe('Demo City');
      expect(screen.getByTestId('ticket-site').textContent).toContain('Demo City Command Center');
    },
    TEST_TIMEOUT,
  );

  it(
    'warns about the open case on the device and records the new report as its duplicate',
    async () => {
      const fetchMock = mockApi();
      renderPage();
      await pickCallerByLastDigits();
      const warning = await screen.findByTestId('open-case-warning', undefined, SLOW);
      expect(warning.textContent).toContain('INC-2026-000042');
      expect(warning.textContent).toContain('Camera C-01 black');
      expect(warning.textContent).toContain('Awaiting dispatch');
      expect(warning.querySelector('a')?.getAttribute('href')).toBe('/tickets/42');

      const duplicate = screen.getByTestId('open-case-choice-DUPLICATE_OF');
      fireEvent.click(duplicate.querySelector('input') ?? duplicate);
      fillFault();
      fireEvent.click(screen.getByTestId('ticket-submit'));
      await screen.findByTestId('ticket-page', undefined, SLOW);

      expect(JSON.parse(String(posts(fetchMock, 'api/tickets')[0][1]?.body))).toMatchObject({ siteId: 1, deviceId: 7 });
      const link = posts(fetchMock, 'api/tickets/99/links');
      expect(link).toHaveLength(1);
      expect(JSON.parse(String(link[0][1]?.body))).toEqual({ otherTicketId: 42, kind: 'DUPLICATE_OF' });
    },
    TEST_TIMEOUT,
  );

  it(
    'opens a plain case without a link when the desk keeps the default choice',
    async () => {
      const fetchMock = mockApi();
      renderPage();
      await pickCallerByLastDigits();
      await screen.findByTestId('open-case-warning', undefined, SLOW);
      fillFault();
      fireEvent.click(screen.getByTestId('ticket-submit'));
      await screen.findByTestId('ticket-page', undefined, SLOW);
      expect(posts(fetchMock, 'api/tickets')).toHaveLength(1);
      expect(posts(fetchMock, 'api/tickets/99/links')).toHaveLength(0);
    },
    TEST_TIMEOUT,
  );
  it(
    'opens from a missed hotline call with its number filled in and offers the caller at once (IN-10)',
    async () => {
      const fetchMock = mockApi([]);
      renderPage('/tickets/new?phone=%2B86%20139-0000-5678');
      const phone = (await screen.findByTestId('ticket-requesterPhone', undefined, SLOW)) as HTMLInputElement;
      // only digits and a leading + are taken from the address
      expect(phone.value).toBe('+8613900005678');
      // the lookup asks for that number without the desk typing anything
      await waitFor(
        () =>
          expect(
            fetchMock.mock.calls.map(([u]) => decodeURIComponent(String(u))).filter((u) => u.startsWith('api/callers')),
          ).toEqual(['api/callers?phone=8613900005678']),
        SLOW,
      );
    },
    TEST_TIMEOUT,
  );
});
