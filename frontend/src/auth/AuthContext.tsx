import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { authStore, basicAuthHeader, request, setAuthHeaderSource, setUnauthorizedHandler } from '../api/client';
import type { Me, Role } from '../api/types';
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
}

const AuthContext = createContext<AuthState | null>(null);

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
      setMe(null);
    }
  }, []);

  useEffect(() => {
    // once per page load (StrictMode runs effects twice; a sign-in callback must be handled only once)
    if (started.current) return;
    started.current = true;
    (async () => {
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
          if (await session.isSignedIn()) setMe(await request<Me>('/me', { auth: session.authorization() ?? undefined }));
        } catch (e) {
          setSignInError(message(e));
        }
      } else {
        setUnauthorizedHandler(() => {
          authStore.clear();
          setMe(null);
        });
        const stored = authStore.get();
        if (stored) {
          try {
            setMe(await request<Me>('/me', { auth: stored }));
          } catch {
            authStore.clear();
          }
        }
      }
      setMode(config.mode);
      setRestoring(false);
    })();
  }, [loginWithProvider]);

  const login = useCallback(async (username: string, password: string) => {
    const header = basicAuthHeader(username, password);
    // Throws ApiError(401) on bad credentials; the login page turns that into a message.
    const user = await request<Me>('/me', { auth: header });
    authStore.set(header);
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
