import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { authStore, request, setAuthHeaderSource, setUnauthorizedHandler } from '../api/client';
import { isCustomerOnly, type Me, type Role } from '../api/types';
import { isSigninCallback, OidcSession, type AuthConfig } from './oidc';

export type AuthMode = AuthConfig['mode'];

interface AuthState {
  /** local = own login form with HTTP Basic; oidc = Keycloak. Null until the server said which. */
  mode: AuthMode | null;
  me: Me | null;
  /** True while the sign-in mode is fetched and a credential re-checked (reload, Keycloak callback). */
  restoring: boolean;
  /** Why signing in through Keycloak failed (callback error, Keycloak unreachable); null otherwise. */
  signInError: string | null;
  login: (username: string, password: string) => Promise<Me>;
  /** oidc mode: go to Keycloak's login page, then come back to `from`. */
  loginWithProvider: (from: string) => Promise<void>;
  logout: () => void;
  hasRole: (...roles: Role[]) => boolean;
  /** Signed in as a customer unit's user only (no staff role): gets the customer portal. */
  isCustomer: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Only a hint that this tab signed in (no credential: the session itself is an HttpOnly cookie), so a reload
 * asks the server whether the session still holds instead of showing the login form.
 */
const sessionHint = {
  get: () => sessionStorage.getItem('aftercare.session') === '1',
  set: () => sessionStorage.setItem('aftercare.session', '1'),
  clear: () => sessionStorage.removeItem('aftercare.session'),
};

/** GET /api/auth/config without credentials; a server that does not answer it only knows local accounts. */
async function loadAuthConfig(): Promise<AuthConfig> {
  try {
    const response = await fetch('api/auth/config', { headers: { Accept: 'application/json' } });
    if (!response.ok) return { mode: 'local' };
    const config = (await response.json()) as AuthConfig;
    return config.mode === 'oidc' && config.issuer && config.clientId ? config : { mode: 'local' };
  } catch {
    return { mode: 'local' };
  }
}

const currentRoute = () => window.location.hash.replace(/^#/, '') || '/tasks';
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function AuthProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [mode, setMode] = useState<AuthMode | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [signInError, setSignInError] = useState<string | null>(null);
  const oidc = useRef<OidcSession | null>(null);
  const started = useRef(false);
  const leaving = useRef(false);
  const language = useRef(i18n.language);
  language.current = i18n.language;

  // Cached answers belong to whoever was signed in: once they sign out (or someone else signs in), nothing
  // of theirs may show up for the next user.
  const queryClient = useQueryClient();
  const signedInAs = me?.username ?? null;
  const cachedFor = useRef(signedInAs);
  useEffect(() => {
    const previous = cachedFor.current;
    cachedFor.current = signedInAs;
    if (previous !== null && previous !== signedInAs) queryClient.clear();
  }, [signedInAs, queryClient]);

  const loginWithProvider = useCallback(async (from: string) => {
    if (!oidc.current || leaving.current) return;
    setSignInError(null);
    try {
      await oidc.current.signIn(from, language.current);
    } catch (e) {
      setSignInError(message(e));
    }
  }, []);

  const logout = useCallback(() => {
    if (oidc.current) {
      // the page goes to Keycloak's end-session endpoint: no sign-in redirect may race it meanwhile
      leaving.current = true;
      oidc.current.signOut().catch((e) => {
        leaving.current = false;
        setMe(null);
        setSignInError(message(e));
      });
    } else {
      authStore.clear();
      sessionHint.clear();
      setMe(null);
      // ends the server session and its cookie; signed out here whatever the answer
      request('/session', { method: 'DELETE' }).catch(() => undefined);
    }
  }, []);

  useEffect(() => {
    // once per page load (StrictMode runs effects twice; a sign-in callback must be handled only once)
    if (started.current) return;
    started.current = true;
    void (async () => {
      const config = await loadAuthConfig();
      if (config.mode === 'oidc') {
        const session = new OidcSession(config);
        oidc.current = session;
        setAuthHeaderSource(() => session.authorization());
        // the token was refused or the session ended: sign in again, back to the page the user was on
        const signInAgain = () => {
          setMe(null);
          void loginWithProvider(currentRoute());
        };
        setUnauthorizedHandler(signInAgain);
        session.onExpired(signInAgain);
        try {
          if (isSigninCallback(window.location.search)) await session.completeSignIn();
          // with the token given explicitly a 401 here is an error to show, not a reason to redirect again (no loop)
          if (await session.isSignedIn())
            setMe(await request<Me>('/me', { auth: session.authorization() ?? undefined }));
        } catch (e) {
          setSignInError(message(e));
        }
      } else {
        setUnauthorizedHandler(() => {
          authStore.clear();
          sessionHint.clear();
          setMe(null);
        });
        // a session cookie from an earlier sign-in in this tab (HttpOnly: only the server can tell if it still works)
        if (sessionHint.get() || authStore.get()) {
          try {
            setMe(await request<Me>('/me'));
          } catch {
            sessionHint.clear();
            authStore.clear();
          }
        }
      }
      setMode(config.mode);
      setRestoring(false);
    })();
  }, [loginWithProvider]);

  const login = useCallback(async (username: string, password: string) => {
    // Throws ApiError(401) on bad credentials (429 when locked); the login page turns that into a message.
    // The answer sets the HttpOnly session cookie: no password or token is kept in the page.
    await request('/session', { method: 'POST', body: { username, password } });
    const user = await request<Me>('/me');
    sessionHint.set();
    setMe(user);
    return user;
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      mode,
      me,
      restoring,
      signInError,
      login,
      loginWithProvider,
      logout,
      hasRole: (...roles) => !!me && me.roles.some((r) => roles.includes(r)),
      isCustomer: isCustomerOnly(me),
    }),
    [mode, me, restoring, signInError, login, loginWithProvider, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user's name, or null when signed out or outside an AuthProvider (parts rendered alone in tests). */
export function useSignedInUser(): string | null {
  return useContext(AuthContext)?.me?.username ?? null;
}

/** Whether the signed-in user has one of these roles; false when signed out or outside an AuthProvider (tests). */
export function useHasRole(...roles: Role[]): boolean {
  const mine = useContext(AuthContext)?.me?.roles ?? [];
  return roles.some((r) => mine.includes(r));
}
