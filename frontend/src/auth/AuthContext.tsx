import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authStore, basicAuthHeader, request, setUnauthorizedHandler } from '../api/client';
import { isCustomerOnly, type Me, type Role } from '../api/types';

interface AuthState {
  me: Me | null;
  /** True while a stored credential is being re-checked after a page reload. */
  restoring: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => void;
  hasRole: (...roles: Role[]) => boolean;
  /** Signed in as a customer unit's user only (no staff role): gets the customer portal. */
  isCustomer: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [restoring, setRestoring] = useState(() => authStore.get() !== null);

  const logout = useCallback(() => {
    authStore.clear();
    setMe(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(logout);
    const stored = authStore.get();
    if (!stored) return;
    request<Me>('/me', { auth: stored })
      .then(setMe)
      .catch(() => authStore.clear())
      .finally(() => setRestoring(false));
  }, [logout]);

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
      me,
      restoring,
      login,
      logout,
      hasRole: (...roles) => !!me && me.roles.some((r) => roles.includes(r)),
      isCustomer: isCustomerOnly(me),
    }),
    [me, restoring, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
