/**
 * Access to a leerroute: through its samenwerking (authorizePartnership); a route of another samenwerking is 404,
 * like a missing one. Also who a change is attributed to: the user and their partner organisation.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findRoute, type RouteRow } from '../repositories/leerroute-repository.js';
import type { AuthContext } from './context.js';
import { authorizePartnership, type PartnershipAccess } from './partnership.js';
import { requireAuth } from './require-auth.js';

export const ROUTE_NOT_FOUND = 'Deze leerroute bestaat niet of u hebt er geen toegang toe.';

export interface RouteAccess {
  route: RouteRow;
  access: PartnershipAccess;
  /** Who changes it: the user and their partner organisation in this samenwerking (a writing role first). */
  by: { userId: string; organisationId: string | null };
}

/** The user's organisation among the partners that a change is attributed to: a writing role first. */
export function actingOrganisation(auth: AuthContext, memberOrganisationIds: readonly string[]): string | null {
  const mine = auth.memberships.filter((m) => memberOrganisationIds.includes(m.organisationId));
  const writer = mine.find((m) => m.rol === 'beheerder' || m.rol === 'ontwikkelaar');
  return (writer ?? mine[0])?.organisationId ?? null;
}

/** The route with the access check of its samenwerking; a route of another samenwerking is 404, like a missing one. */
export async function openRoute(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; routeId: string; action: 'partnership.read' | 'partnership.write' }): Promise<RouteAccess> {
  const auth = requireAuth(opts.auth);
  const route = await findRoute(opts.db, opts.routeId);
  if (!route) throw notFound(ROUTE_NOT_FOUND);
  let access: PartnershipAccess;
  try {
    access = await authorizePartnership({ db: opts.db as Kysely<DB>, auth, partnershipId: route.partnershipId, action: opts.action });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(ROUTE_NOT_FOUND);
    throw e;
  }
  return { route, access, by: { userId: auth.user.id, organisationId: actingOrganisation(auth, access.memberOrganisationIds) } };
}
