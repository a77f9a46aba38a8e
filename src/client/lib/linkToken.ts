/**
 * The token of a link from an e-mail (`/wachtwoord-herstellen#token=…`). It is in the fragment so it never
 * reaches a server log or a Referer header; the page reads it once and then removes it from the address bar
 * (and the history entry), so it does not end up in a bookmark, a screenshot or a shared URL.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** `#token=abc` → "abc"; anything else → null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token && token.length <= 200 ? token : null;
}

export function useLinkToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));
  useEffect(() => {
    if (location.hash && tokenFromHash(location.hash)) {
      navigate({ pathname: location.pathname, search: location.search, hash: '' }, { replace: true, state: location.state });
    }
  }, [location, navigate]);
  return token;
}
