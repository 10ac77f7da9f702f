import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, Me } from '../../../contracts/auth';
import type { Permission } from '../../../contracts/roles';
import { ApiRequestError, api, onUnauthenticated, setCsrfToken } from './api';
import { takeEarlyRead } from './early-reads';

/** Who is signed in (GET /api/auth/me, and the answer of a sign-in), from its schema in contracts/auth.ts. */
export type { Me };

interface AuthValue {
  /** undefined while the session probe is running, null when signed out. */
  me: Me | null | undefined;
  /** True when the session ended underneath the user (shown once on the login page). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const queryClient = useQueryClient();

  // A change of who is signed in drops every cached read: the next person on this browser
  // never sees the previous one's cases, people or figures.
  const setMe = useCallback(
    (value: Me | null) => {
      setCsrfToken(value?.csrfToken ?? null);
      queryClient.clear();
      setMeState(value);
    },
    [queryClient],
  );

  // The session probe is not a cached read (a change of user clears the query cache, this included):
  // it runs once per mount and decides who is signed in.
  useEffect(() => {
    let live = true;
    // Usually already on its way since the app started (routes.tsx preloadPage).
    (takeEarlyRead<Me>('/api/auth/me') ?? api.get<Me>('/api/auth/me'))
      .then((m) => live && setMe(m))
      .catch(() => live && setMe(null));
    onUnauthenticated(() => {
      setExpired(true);
      setMe(null);
    });
    return () => {
      live = false;
      onUnauthenticated(null);
    };
  }, [setMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      const body: LoginBody = { username, password };
      const m = await api.post<Me>('/api/auth/login', body);
      setExpired(false);
      setMe(m);
      return m;
    },
    [setMe],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch (err) {
      // Already signed out on the server: nothing left to do.
      if (!(err instanceof ApiRequestError)) throw err;
    }
    setMe(null);
  }, [setMe]);

  const value = useMemo(() => ({ me, expired, login, logout }), [me, expired, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

/** Whether the signed-in user holds a permission (the server enforces it regardless). */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return useCallback((p: Permission) => me.permissions.includes(p), [me]);
}
