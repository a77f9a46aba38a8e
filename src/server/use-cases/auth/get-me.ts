/** The signed-in user, memberships and CSRF token. */
import type { Me } from '../../../shared/auth-api.js';
import { unauthorized } from '../../errors.js';
import type { AuthContext } from './session.js';

export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw unauthorized();
  return auth;
}

export function getMe(opts: { auth: AuthContext | null }): Me {
  const auth = requireAuth(opts.auth);
  return {
    gebruiker: auth.user,
    lidmaatschappen: auth.memberships.map((m) => ({ organisatieId: m.organisationId, organisatieNaam: m.organisationNaam, soort: m.soort, rol: m.rol })),
    csrfToken: auth.csrfToken,
    platformBeheerder: auth.platformBeheerder ?? false,
  };
}
