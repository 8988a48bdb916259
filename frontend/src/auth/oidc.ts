import { InMemoryWebStorage, UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

/** What GET /api/auth/config answers: the SPA's own login form, or sign-in through Keycloak. */
export type AuthConfig = { mode: 'local' } | { mode: 'oidc'; issuer: string; clientId: string };

/**
 * The page the app is served from (e.g. http://localhost:8080/). It is the redirect URI: Keycloak comes back to it
 * with ?code=…&state=… in the query (the app's own routes live in the #hash, which OAuth leaves alone), and the
 * post-logout redirect.
 */
export function appBaseUrl(location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  return location.origin + location.pathname;
}

/** True when the page was opened by Keycloak's answer to a sign-in (the callback). */
export function isSigninCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * A public client with the authorization code flow and PKCE (S256, oidc-client-ts's default for response_type=code).
 * Tokens live in memory only (InMemoryWebStorage): no script can read them from localStorage or sessionStorage, and a
 * reload signs in again through Keycloak's session. Only the short-lived state of a sign-in under way (PKCE verifier,
 * nonce, where to go afterwards) is kept in sessionStorage, because it has to survive the redirect; it is removed at
 * the callback. Access tokens are renewed with the refresh token (kept in memory too) before they expire.
 */
export function oidcSettings(
  config: { issuer: string; clientId: string },
  location: Pick<Location, 'origin' | 'pathname'> = window.location,
): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: appBaseUrl(location),
    post_logout_redirect_uri: appBaseUrl(location),
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: 'aftercare.oidc.' }),
    automaticSilentRenew: true,
    monitorSession: false,
    loadUserInfo: false,
  };
}

/** The SPA's side of Keycloak sign-in: sign in, the callback, the Bearer header, renewal, sign out. */
export class OidcSession {
  readonly manager: UserManager;
  private accessToken: string | null = null;

  constructor(config: { issuer: string; clientId: string }, manager?: UserManager) {
    this.manager = manager ?? new UserManager(oidcSettings(config));
    this.manager.events.addUserLoaded((user) => {
      this.accessToken = user.access_token;
    });
    this.manager.events.addUserUnloaded(() => {
      this.accessToken = null;
    });
  }

  /** The Authorization header for API calls, or null when not signed in. */
  authorization(): string | null {
    return this.accessToken ? `Bearer ${this.accessToken}` : null;
  }

  /** Goes to Keycloak's login page; after signing in the app opens `from` (a route of the app). */
  async signIn(from: string, language: string): Promise<void> {
    await this.manager.signinRedirect({ state: { from }, ui_locales: language === 'zh' ? 'zh-CN' : 'en' });
  }

  /**
   * Handles Keycloak's answer on the callback URL: exchanges the code (with the PKCE verifier) for tokens, removes
   * the code from the address bar and answers the route to open.
   */
  async completeSignIn(): Promise<string> {
    const user = await this.manager.signinRedirectCallback(window.location.href);
    this.accessToken = user.access_token;
    const from = (user.state as { from?: string } | undefined)?.from ?? '/tasks';
    window.history.replaceState(null, '', `${appBaseUrl()}#${from}`);
    // the hash router only notices history changes through popstate
    window.dispatchEvent(new PopStateEvent('popstate'));
    return from;
  }

  /** Signed in with a token that is still valid (memory only: false after a reload). */
  async isSignedIn(): Promise<boolean> {
    const user = await this.manager.getUser();
    this.accessToken = user && !user.expired ? user.access_token : null;
    return this.accessToken !== null;
  }

  /** Calls `expired` when the session cannot go on: renewal failed or the token ran out. */
  onExpired(expired: () => void): void {
    this.manager.events.addSilentRenewError(() => expired());
    this.manager.events.addAccessTokenExpired(() => expired());
  }

  /** Forgets the tokens here and ends the Keycloak session (its end-session endpoint, then back to the app). */
  async signOut(): Promise<void> {
    const user = await this.manager.getUser();
    this.accessToken = null;
    await this.manager.removeUser();
    await this.manager.signoutRedirect({ id_token_hint: user?.id_token });
  }
}
