/** The signed-in user, memberships and CSRF token. */
import type { Me } from '../../../shared/auth-api.js';
import type { AuthContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';

/** @deprecated moved to server/access (issue 11) */
export { requireAuth } from '../../access/require-auth.js';

export function getMe(opts: { auth: AuthContext | null }): Me {
  const auth = requireAuth(opts.auth);
  return {
    gebruiker: auth.user,
    lidmaatschappen: auth.memberships.map((m) => ({ organisatieId: m.organisationId, organisatieNaam: m.organisationNaam, soort: m.soort, rol: m.rol })),
    csrfToken: auth.csrfToken,
    platformBeheerder: auth.platformBeheerder ?? false,
  };
}
