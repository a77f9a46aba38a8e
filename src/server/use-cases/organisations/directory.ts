/**
 * The organisation directory: find a school or instelling to propose as partner in a samenwerking.
 * Only public facts (id, naam, soort, BRIN) and only for signed-in staff: no members, no e-mail addresses.
 */
import { STAFF_ROLES } from '../../../domain/auth/rules.js';
import type { GidsOrganisatie } from '../../../shared/partnership-api.js';
import { forbidden } from '../../errors.js';
import { searchDirectory } from '../../repositories/partnership-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';

export async function searchOrganisationDirectory(opts: UseCaseContext & { q?: string }): Promise<GidsOrganisatie[]> {
  const auth = requireAuth(opts.auth);
  if (!auth.actor.memberships.some((m) => STAFF_ROLES.includes(m.rol))) {
    throw forbidden('Alleen medewerkers van een school of instelling kunnen organisaties zoeken.');
  }
  return searchDirectory(opts.db, opts.q);
}
