import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '../test/render';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from './AuthContext';
import { LoginPage } from './LoginPage';

// The Keycloak side is replaced: these tests are about what the app does with it.
const session = vi.hoisted(() => ({
  signIn: vi.fn(async (_from: string, _language: string) => {}),
  signedIn: false,
}));
vi.mock('./oidc', async (importOriginal) => {
  const original = await importOriginal<typeof import('./oidc')>();
  class FakeSession {
    async signIn(from: string, language: string) {
      await session.signIn(from, language);
    }
    async completeSignIn() {
      return '/tasks';
    }
    async isSignedIn() {
      return session.signedIn;
    }
    authorization() {
      return session.signedIn ? 'Bearer token-from-keycloak' : null;
    }
    onExpired() {}
    async signOut() {}
  }
  return { ...original, OidcSession: FakeSession };
});

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

function mockServer(config: unknown) {
  const fetchMock = vi.fn((input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url === 'api/auth/config') return json(config);
    if (url === 'api/session') return Promise.resolve(new Response(null, { status: 204 }));
    if (url === 'api/me') return json({ username: 'desk', displayName: 'Demo Service Desk', roles: ['SERVICE_DESK'] });
    return json({ status: 404, title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderLogin() {
  render(
    <App>
      <AuthProvider>
        <MemoryRouter initialEntries={[{ pathname: '/login', state: { from: '/supervisor' } }]}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/supervisor" element={<div data-testid="supervisor-page" />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </App>,
  );
}

const oidcConfig = { mode: 'oidc', issuer: 'http://127.0.0.1:8180/realms/aftercare', clientId: 'aftercare-spa' };

describe('LoginPage', () => {
  beforeEach(() => {
    session.signIn.mockClear();
    session.signedIn = false;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows its own form for local accounts', async () => {
    mockServer({ mode: 'local' });
    renderLogin();

    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(screen.getByTestId('login-password')).toBeTruthy();
    expect(session.signIn).not.toHaveBeenCalled();
  });

  it('local accounts: the password goes once to POST /api/session and is kept nowhere in the page', async () => {
    const fetchMock = mockServer({ mode: 'local' });
    renderLogin();

    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'desk' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'demo' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByTestId('supervisor-page')).toBeTruthy();
    const signIn = fetchMock.mock.calls.find(([url]) => String(url) === 'api/session');
    expect(signIn![1]!.method).toBe('POST');
    expect(JSON.parse(String(signIn![1]!.body))).toEqual({ username: 'desk', password: 'demo' });
    for (const [, init] of fetchMock.mock.calls) {
      expect((init?.headers as Record<string, string> | undefined)?.Authorization).toBeUndefined();
    }
    const stored = [...Object.values(sessionStorage), ...Object.values(localStorage)].join(' ');
    expect(stored).not.toContain('demo');
    expect(stored).not.toContain('Basic');
  });

  it('goes straight on to Keycloak in oidc mode, to come back to the page asked for', async () => {
    mockServer(oidcConfig);
    renderLogin();

    await waitFor(() => expect(session.signIn).toHaveBeenCalledWith('/supervisor', 'en'));
    expect(screen.getByTestId('login-oidc-redirecting')).toBeTruthy();
    expect(screen.getByTestId('login-oidc')).toBeTruthy();
    expect(screen.queryByTestId('login-username')).toBeNull();
  });

  it('signs in with the Keycloak access token as a Bearer header', async () => {
    session.signedIn = true;
    const fetchMock = mockServer(oidcConfig);
    renderLogin();

    expect(await screen.findByTestId('supervisor-page')).toBeTruthy();
    const me = fetchMock.mock.calls.find(([url]) => String(url) === 'api/me');
    expect((me![1]!.headers as Record<string, string>).Authorization).toBe('Bearer token-from-keycloak');
    expect(session.signIn).not.toHaveBeenCalled();
  });
});
