import { OidcClient, User, UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { appBaseUrl, isSigninCallback, OidcSession, oidcSettings } from './oidc';

const config = { issuer: 'http://127.0.0.1:8180/realms/aftercare', clientId: 'aftercare-spa' };
const page = { origin: 'http://localhost:8080', pathname: '/' };
const metadata = {
  issuer: config.issuer,
  authorization_endpoint: `${config.issuer}/protocol/openid-connect/auth`,
  token_endpoint: `${config.issuer}/protocol/openid-connect/token`,
  end_session_endpoint: `${config.issuer}/protocol/openid-connect/logout`,
};

function storedText(): string {
  const all: string[] = [];
  for (const store of [window.localStorage, window.sessionStorage]) {
    for (let i = 0; i < store.length; i++) all.push(`${store.key(i)}=${store.getItem(store.key(i)!)}`);
  }
  return all.join('\n');
}

describe('Keycloak sign-in settings', () => {
  afterEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });

  it('asks for an authorization code with a PKCE S256 challenge, back to the page the app is served from', async () => {
    const client = new OidcClient({ ...oidcSettings(config, page), metadata });

    const request = await client.createSigninRequest({ state: { from: '/supervisor' } });
    const url = new URL(request.url);

    expect(url.origin + url.pathname).toBe(metadata.authorization_endpoint);
    expect(url.searchParams.get('client_id')).toBe('aftercare-spa');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:8080/');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the verifier waits for the callback in sessionStorage, under our prefix; the challenge is not the verifier
    expect(storedText()).toContain('aftercare.oidc.');
    expect(storedText()).not.toContain(url.searchParams.get('code_challenge'));
  });

  it('keeps tokens in memory only, never in localStorage or sessionStorage', async () => {
    const manager = new UserManager({ ...oidcSettings(config, page), metadata });
    const session = new OidcSession(config, manager);
    await manager.storeUser(
      new User({
        access_token: 'secret-access-token',
        refresh_token: 'secret-refresh-token',
        id_token: 'secret-id-token',
        token_type: 'Bearer',
        profile: { sub: 'u1', iss: config.issuer, aud: 'aftercare-spa', exp: 0, iat: 0 },
        expires_at: Math.floor(Date.now() / 1000) + 300,
      }),
    );

    expect(await session.isSignedIn()).toBe(true);
    expect(session.authorization()).toBe('Bearer secret-access-token');
    expect(storedText()).not.toContain('secret');
  });

  it('has no Bearer header before signing in or once the token has expired', async () => {
    const manager = new UserManager({ ...oidcSettings(config, page), metadata });
    const session = new OidcSession(config, manager);
    expect(await session.isSignedIn()).toBe(false);
    expect(session.authorization()).toBeNull();

    await manager.storeUser(
      new User({
        access_token: 'old',
        token_type: 'Bearer',
        profile: { sub: 'u1', iss: config.issuer, aud: 'aftercare-spa', exp: 0, iat: 0 },
        expires_at: Math.floor(Date.now() / 1000) - 10,
      }),
    );
    expect(await session.isSignedIn()).toBe(false);
    expect(session.authorization()).toBeNull();
  });

  it('recognises Keycloak coming back with a code or an error', () => {
    expect(isSigninCallback('?state=abc&session_state=x&iss=y&code=123')).toBe(true);
    expect(isSigninCallback('?error=access_denied&state=abc')).toBe(true);
    expect(isSigninCallback('')).toBe(false);
    expect(isSigninCallback('?code=123')).toBe(false);
    expect(appBaseUrl({ origin: 'http://127.0.0.1:43210', pathname: '/' })).toBe('http://127.0.0.1:43210/');
  });
});
