/**
 * Access to one organisation: the pure rules decide (src/domain/auth/rules.ts); 404 when the user has no role in it
 * (its existence is not revealed), 403 when the role lacks the right.
 */
import { decide, type Action } from '../../domain/auth/rules.js';
import { forbidden, notFound } from '../errors.js';
import type { AuthContext } from './context.js';
import { requireAuth } from './require-auth.js';

export const ORGANISATION_NOT_FOUND = 'Deze organisatie bestaat niet of u hebt er geen toegang toe.';

/** The rules for one organisation: 404 when the user has no role in it, 403 when the role lacks the right. */
export function authorizeOrganisation(auth: AuthContext | null, action: Action, organisationId: string): AuthContext {
  const a = requireAuth(auth);
  const decision = decide(a.actor, action, { type: 'organisation', organisationId });
  if (decision === 'not_found') throw notFound(ORGANISATION_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden();
  return a;
}
