import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../../api/client';
import type { Role } from '../../api/types';
import { AuthProvider, useAuth } from '../../auth/AuthContext';
import { LinkedCases } from './LinkedCases';

/** Generous: the first render is slow on a busy machine. */
const SLOW = { timeout: 30_000 };
const TEST_TIMEOUT = 90_000;

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const LINK = {
  ticketId: 42,
  number: 'INC-2026-000042',
  title: 'Camera C-01 black',
  status: 'CLOSED',
  kind: 'DUPLICATED_BY',
  linkedBy: 'desk',
  linkedAt: '2026-03-10T02:00:00Z',
};

/** The case the picker finds: its number's digits (000123) are NOT its id (7), as with any renumbered case. */
const FOUND = {
  id: 7,
  number: 'INC-2026-000123',
  title: 'Crossing 3 picture frozen',
  status: 'IN_PROGRESS',
  siteName: 'Demo City Command Center',
  deviceName: 'Camera C-03',
};

function mockApi(roles: Role[], linkAnswer: () => Promise<Response> = () => json({ ...LINK, ticketId: 7 }, 201)) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json({ username: 'u', displayName: 'U', roles });
    if (url.startsWith('api/tickets?')) {
      const q = new URL(url, 'http://x/').searchParams.get('q') ?? '';
      // the search answers the case on screen too: the picker must not offer it
      const content =
        q.includes('123') || q.includes('frozen') ? [FOUND, { ...FOUND, id: 5, number: 'INC-2026-000005' }] : [];
      return json({ content, page: 0, size: 10, totalElements: content.length, totalPages: 1 });
    }
    if (url === 'api/tickets/5/links' && init?.method === 'POST') return linkAnswer();
    if (url === 'api/tickets/5/links') return json([LINK]);
    if (url === 'api/tickets/5/links/42' && init?.method === 'DELETE')
      return Promise.resolve(new Response(null, { status: 204 }));
    return json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? children : null;
}

function renderSection(onChanged = vi.fn()) {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter>
          <SignedIn>
            <LinkedCases ticketId={5} onChanged={onChanged} />
          </SignedIn>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
  return onChanged;
}

describe('LinkedCases (issue 15)', () => {
  beforeEach(() => authStore.set('Basic ZGVzazpkZW1v'));
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  /** Types into the picker's search box and waits for the server's answer. */
  async function search(text: string) {
    const input = screen.getByTestId('link-case-picker').querySelector('input')!;
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: text } });
  }

  it(
    'lists the linked case with number, status and relation in words, and links the case the picker found by its id',
    async () => {
      const fetchMock = mockApi(['SERVICE_DESK']);
      const onChanged = renderSection();
      const row = await screen.findByTestId('linked-case-42', undefined, SLOW);
      expect(row.textContent).toContain('INC-2026-000042');
      expect(row.textContent).toContain('Closed');
      expect(row.textContent).toContain('it duplicates this case');
      expect(row.textContent).not.toContain('DUPLICATED_BY');
      expect(row.querySelector('a')?.getAttribute('href')).toBe('/tickets/42');

      await search('INC-2026-000123');
      const option = await screen.findByTestId('link-case-option-7', undefined, SLOW);
      expect(option.textContent).toContain('Crossing 3 picture frozen');
      expect(screen.queryByTestId('link-case-option-5')).toBeNull();
      fireEvent.click(option);
      fireEvent.click(screen.getByTestId('link-case-submit'));
      await waitFor(() => expect(onChanged).toHaveBeenCalled(), SLOW);
      const post = fetchMock.mock.calls.find(([u, i]) => String(u) === 'api/tickets/5/links' && i?.method === 'POST');
      expect(JSON.parse(String(post?.[1]?.body))).toEqual({ otherTicketId: 7, kind: 'RELATED' });
    },
    TEST_TIMEOUT,
  );

  it(
    'says in words when no case matches what was typed, and links nothing without a choice',
    async () => {
      const fetchMock = mockApi(['SERVICE_DESK']);
      renderSection();
      await screen.findByTestId('linked-case-42', undefined, SLOW);
      await search('INC-2026-999999');
      expect(
        await screen.findByText('No case matches "INC-2026-999999". Check the case number.', undefined, SLOW),
      ).toBeTruthy();
      fireEvent.click(screen.getByTestId('link-case-submit'));
      expect(await screen.findByText('Find and choose the case to link first', undefined, SLOW)).toBeTruthy();
      expect(fetchMock.mock.calls.some(([u, i]) => String(u) === 'api/tickets/5/links' && i?.method === 'POST')).toBe(
        false,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the server refusal under the picker',
    async () => {
      mockApi(['SERVICE_DESK'], () =>
        json(
          {
            status: 400,
            detail: 'otherTicketId: case INC-2026-000007 belongs to another customer',
            errors: [{ field: 'otherTicketId', message: 'case INC-2026-000007 belongs to another customer' }],
          },
          400,
        ),
      );
      renderSection();
      await screen.findByTestId('linked-case-42', undefined, SLOW);
      await search('frozen');
      fireEvent.click(await screen.findByTestId('link-case-option-7', undefined, SLOW));
      fireEvent.click(screen.getByTestId('link-case-submit'));
      expect(
        await screen.findByText('That case belongs to another customer unit and cannot be linked.', undefined, SLOW),
      ).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'lets an engineer read the links but not change them',
    async () => {
      mockApi(['ENGINEER']);
      renderSection();
      await screen.findByTestId('linked-case-42', undefined, SLOW);
      expect(screen.queryByTestId('link-case-form')).toBeNull();
      expect(screen.queryByTestId('unlink-42')).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a customer their case links read-only, without who linked them, and nothing when there are none',
    async () => {
      mockApi(['CUSTOMER']);
      render(
        <App>
          <AuthProvider>
            <MemoryRouter>
              <SignedIn>
                <LinkedCases ticketId={5} onChanged={vi.fn()} readOnly />
              </SignedIn>
            </MemoryRouter>
          </AuthProvider>
        </App>,
      );
      const row = await screen.findByTestId('linked-case-42', undefined, SLOW);
      expect(row.textContent).toContain('INC-2026-000042');
      expect(row.textContent).not.toContain('desk');
      expect(screen.queryByTestId('link-case-form')).toBeNull();
      expect(screen.queryByTestId('unlink-42')).toBeNull();
    },
    TEST_TIMEOUT,
  );
});
