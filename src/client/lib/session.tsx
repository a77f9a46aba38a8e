/**
 * Who is signed in: loaded once from GET /api/auth/me, updated by signing in and out.
 * The CSRF token itself lives in api.ts, which sends it with every state-changing request.
 */
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../shared/auth-api.js';
import { api, ApiError } from '../api.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; me: Me }
  /** /api/auth/me failed for another reason than "not signed in" (server unreachable …). */
  | { status: 'unknown'; error: ApiError };

interface SessionContextValue {
  session: SessionState;
  /**
   * After a successful sign-in. `andThen` (e.g. a navigation) runs in the same transition as the
   * change of user, so no page renders in between with the new user and the old location.
   */
  signedIn(me: Me, andThen?: () => void): void;
  /** Signs out on the server and forgets the user; `andThen` as for signedIn. */
  signOut(andThen?: () => void): Promise<void>;
  /** The server says the session is gone (401): forget the user. */
  expired(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children?: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) setSession(me ? { status: 'signed-in', me } : { status: 'anonymous' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSession({ status: 'unknown', error: error instanceof ApiError ? error : new ApiError(0, 'Kon niet nagaan of u bent ingelogd.') });
      },
    );
    return () => controller.abort();
  }, []);

  // react-router renders navigations as transitions; the session changes with them.
  const signedIn = useCallback((me: Me, andThen?: () => void) => {
    startTransition(() => {
      setSession({ status: 'signed-in', me });
      andThen?.();
    });
  }, []);
  const signOut = useCallback(async (andThen?: () => void) => {
    await api.logout();
    startTransition(() => {
      setSession({ status: 'anonymous' });
      andThen?.();
    });
  }, []);
  const expired = useCallback(() => setSession({ status: 'anonymous' }), []);

  const value = useMemo(() => ({ session, signedIn, signOut, expired }), [session, signedIn, signOut, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession buiten SessionProvider');
  return value;
}

/**
 * A pupil: a leerling in some organisation, with no staff role anywhere and no platform right. Pupils land on their own
 * page after signing in, and staff-only pages tell them kindly that the page is not for them.
 */
export function isLeerling(me: Me): boolean {
  return !me.platformBeheerder && me.lidmaatschappen.length > 0 && me.lidmaatschappen.every((l) => l.rol === 'leerling');
}

/** Where someone goes after signing in when no page asked for it. */
export function homeAfterSignIn(me: Me): string {
  return isLeerling(me) ? '/leerling' : '/organisaties';
}

/** The sign-in path that comes back to `path` afterwards. */
export function signInPath(path?: string): string {
  if (!path || path === '/' || path.startsWith('/inloggen')) return '/inloggen';
  return `/inloggen?${new URLSearchParams({ terug: path }).toString()}`;
}

/**
 * A safe place to return to after signing in: only a path inside this app (no "//host" or "https://…"); `fallback`
 * (see homeAfterSignIn) when there is none.
 */
export function safeReturnPath(value: string | null, fallback = '/organisaties'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/inloggen')) return fallback;
  return value;
}
