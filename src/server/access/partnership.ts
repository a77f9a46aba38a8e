/**
 * Access to a samenwerking (partnership): the one place where use cases on joint work (crosswalk reviews,
 * routes, agreements) ask whether the user may read or change it. The pure rules decide; this reads which
 * organisations are partners. 404 when the user has nothing to do with it, 403 when the role does not allow it.
 */
import { decide } from '../../domain/auth/rules.js';
import { forbidden, notFound } from '../errors.js';
import { memberOrganisationIds } from '../repositories/partnership-repository.js';
import type { AuthContext, UseCaseContext } from './context.js';
import { requireAuth } from './require-auth.js';

export const PARTNERSHIP_NOT_FOUND = 'Deze samenwerking bestaat niet of u hebt er geen toegang toe.';

export interface PartnershipAccess {
  auth: AuthContext;
  partnershipId: string;
  memberOrganisationIds: string[];
}

export async function authorizePartnership(
  opts: UseCaseContext & {
    partnershipId: string;
    action: 'partnership.read' | 'partnership.write';
  },
): Promise<PartnershipAccess> {
  const auth = requireAuth(opts.auth);
  // Only accepted members (status 'lid'): a proposed organisation has no access until its beheerder accepts.
  const members = await memberOrganisationIds(opts.db, opts.partnershipId);
  const decision = decide(auth.actor, opts.action, { type: 'partnership', memberOrganisationIds: members });
  if (decision === 'not_found') throw notFound(PARTNERSHIP_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden();
  return { auth, partnershipId: opts.partnershipId, memberOrganisationIds: members };
}
