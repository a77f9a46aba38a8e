/**
 * Access to the exams of a leerroute (issue 14) before an exam exists: the route's samenwerking gives the possible
 * parties (a vmbo school and an mbo instelling among its accepted partners) and the pure exam rules decide for them,
 * so a pupil or a third school gets 404 and an ontwikkelaar what the rules give. Opening one exam is openExamen
 * (server/access/examen.ts).
 */
import { decideExamen, type ExamenAction } from '../../../domain/auth/examen-rules.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';
import { forbidden, notFound } from '../../errors.js';
import { partnerOrgs, type PartnerOrg } from '../../repositories/examen-repository.js';
import { findRoute, type RouteRow } from '../../repositories/leerroute-repository.js';

export const ROUTE_NOT_FOUND = 'Deze leerroute bestaat niet of u hebt er geen toegang toe.';

export interface RouteExamenAccess {
  auth: AuthContext;
  route: RouteRow;
  vmboPartners: PartnerOrg[];
  mboPartners: PartnerOrg[];
}

export async function openRouteExamens(opts: UseCaseContext & { routeId: string; action: ExamenAction }): Promise<RouteExamenAccess> {
  const auth = requireAuth(opts.auth);
  const route = await findRoute(opts.db, opts.routeId);
  if (!route) throw notFound(ROUTE_NOT_FOUND);
  const partners = await partnerOrgs(opts.db, route.partnershipId);
  const vmboPartners = partners.filter((p) => p.soort === 'vmbo-school');
  const mboPartners = partners.filter((p) => p.soort === 'mbo-instelling');
  let best: 'allow' | 'forbidden' | 'not_found' = 'not_found';
  for (const v of vmboPartners.length ? vmboPartners : [null]) {
    for (const m of mboPartners.length ? mboPartners : [null]) {
      if (!v) continue;
      const d = decideExamen(auth.actor, opts.action, { vmboOrganisationId: v.id, mboOrganisationId: m?.id ?? null });
      if (d === 'allow') best = 'allow';
      else if (d === 'forbidden' && best === 'not_found') best = 'forbidden';
    }
  }
  if (best === 'not_found') throw notFound(ROUTE_NOT_FOUND);
  if (best === 'forbidden') throw forbidden();
  return { auth, route, vmboPartners, mboPartners };
}
