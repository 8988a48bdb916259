import { vi } from 'vitest';

/** A JSON answer as the server sends it. */
export const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

/** Answers one request of a page under test, or undefined to let it fall through to a 404. */
export type FetchHandler = (url: string, init?: RequestInit) => Promise<Response> | undefined;

/**
 * A mocked fetch for a feature's page tests: `api/me` answers `signedIn`, anything else goes to `handler`, and what
 * the handler leaves is a 404 (so a page asking for something the test did not expect shows its error state).
 * Every call is recorded on the returned mock.
 */
export function mockFetch(signedIn: unknown, handler: FetchHandler) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/me') return json(signedIn);
    return handler(url, init) ?? json({ status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export type FetchMock = ReturnType<typeof mockFetch>;

/** The bodies a mocked fetch sent to one URL with one method, parsed (undefined for a request without a body). */
export function sentTo(fetchMock: FetchMock, method: string, url: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([u, init]) => String(u) === url && (init?.method ?? 'GET') === method)
    .map(([, init]) => (init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined));
}

/** The URLs a mocked fetch was asked for with GET. */
export const asked = (fetchMock: FetchMock) =>
  fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') === 'GET').map(([u]) => String(u));
