import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { ApiError } from '../api.js';
import { signInPath, useSession } from '../lib/session.js';
import { LoadError, Loading } from './PageStates.js';

/** Renders `children` only for a signed-in user; anyone else goes to the sign-in page, which comes back here. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'unknown') return <LoadError error={session.error} />;
  if (session.status === 'anonymous') return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}

/** When the API says the session has ended (401), forget the user; SignedInOnly then sends them to sign in. */
export function useSessionExpiry(...errors: (ApiError | null)[]): void {
  const { expired } = useSession();
  const isExpired = errors.some((e) => e?.isUnauthorized);
  useEffect(() => {
    if (isExpired) expired();
  }, [isExpired, expired]);
}
