/**
 * A large leerroute on the national data, for the national-data test and the benchmark: a samenwerking of a vmbo
 * school and an mbo instelling, a doorlopende route with every keuzevak of the largest profiel at BB and the
 * kwalificatie with the most werkprocessen (the inventory's heaviest selection), built through the real use cases.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { snapshotOf } from '../../src/server/repositories/catalog-snapshot.js';
import * as vmboRepo from '../../src/server/repositories/vmbo-catalog-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { createSession, resolveSession, type AuthContext } from '../../src/server/use-cases/auth/session.js';
import { largestSelection } from '../../src/server/use-cases/inventory/largest-selection.js';
import { createRoute } from '../../src/server/use-cases/leerroutes/create-route.js';
import { planItems } from '../../src/server/use-cases/leerroutes/planning.js';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';

export interface NationalRoute {
  vmboAuth: AuthContext;
  mboAuth: AuthContext;
  /** Session tokens (cookie values) of the two users, for requests over HTTP. */
  vmboToken: string;
  mboToken: string;
  route: LeerrouteDetail;
}

async function authOf(db: Kysely<DB>, userId: string): Promise<{ auth: AuthContext; token: string }> {
  const { token } = await createSession(db, userId);
  const auth = await resolveSession({ db, token });
  if (!auth) throw new Error('geen sessie');
  return { auth, token };
}

/** Creates the samenwerking, its two users and the route (nothing planned yet). `tag` keeps e-mail addresses unique. */
export async function createNationalRoute(db: Kysely<DB>, tag = 'nl'): Promise<NationalRoute> {
  const snapshot = await snapshotOf(db);
  const sel = largestSelection(snapshot, 'BB');
  const profiel = vmboRepo.findByKindAndCode(snapshot, 'profiel', sel.profiel!).find((r) => r.status === 'actief' && r.duplicate_of === null)!;
  const keuzevakken = vmboRepo
    .childrenOf(snapshot, [profiel.id], { includeVervallen: false })
    .filter((c) => c.kind === 'keuzevak' && c.duplicate_of === null)
    .map((c) => c.code)
    .slice(0, 100);
  const vmbo = await createUser({ db, email: `vmbo-${tag}@leerroute.test`, naam: 'Vera Vmbo', organisatie: `Vmbo ${tag}`, soort: 'vmbo-school', rol: 'ontwikkelaar' });
  const mbo = await createUser({ db, email: `mbo-${tag}@leerroute.test`, naam: 'Mo Mbo', organisatie: `Mbo ${tag}`, soort: 'mbo-instelling', rol: 'ontwikkelaar' });
  const partnershipId = await insertPartnership(db, `Samenwerking ${tag}`, [vmbo.organisationId, mbo.organisationId]);
  const { auth: vmboAuth, token: vmboToken } = await authOf(db, vmbo.userId);
  const { auth: mboAuth, token: mboToken } = await authOf(db, mbo.userId);
  const route = await createRoute({
    db,
    auth: vmboAuth,
    partnershipId,
    input: {
      naam: `Landelijke route ${sel.profiel} × ${sel.kwalificatie}`,
      type: 'doorlopend',
      vmbo: { profiel: sel.profiel!, leerweg: 'BB', profielmodulen: [], keuzevakken },
      mbo: { kwalificatie: sel.kwalificatie!, keuzedelen: [] },
    },
  });
  return { vmboAuth, mboAuth, vmboToken, mboToken, route };
}

/** `n` doelen of the route, vmbo and mbo interleaved (as long as both sides have some left). */
export function someDoelen(route: LeerrouteDetail, n: number): LeerrouteDetail['doelen'] {
  const vmbo = route.doelen.filter((d) => d.side === 'vmbo');
  const mbo = route.doelen.filter((d) => d.side === 'mbo');
  const out: LeerrouteDetail['doelen'] = [];
  for (let i = 0; out.length < n && (i < vmbo.length || i < mbo.length); i++) {
    if (i < vmbo.length) out.push(vmbo[i]!);
    if (i < mbo.length && out.length < n) out.push(mbo[i]!);
  }
  return out;
}

/** The place of the i-th planned doel: vmbo doelen in the vmbo years, mbo doelen spread over all years. */
export function placeOf(route: LeerrouteDetail, doel: LeerrouteDetail['doelen'][number], i: number): { leerjaar: number; periode: number } {
  const years = route.tijdpad.filter((j) => doel.side === 'mbo' || j.fase === 'vmbo');
  const year = years[i % years.length]!;
  return { leerjaar: year.leerjaar, periode: 1 + (Math.floor(i / years.length) % year.perioden) };
}

/** Plans `n` doelen, one regel each, alternating the two users; returns the time of each action in ms. */
export async function planMany(db: Kysely<DB>, nr: NationalRoute, n: number): Promise<{ route: LeerrouteDetail; ms: number[] }> {
  let route = nr.route;
  const ms: number[] = [];
  const doelen = someDoelen(nr.route, n);
  for (const [i, doel] of doelen.entries()) {
    const t = performance.now();
    route = await planItems({ db, auth: i % 2 === 0 ? nr.vmboAuth : nr.mboAuth, routeId: route.id, input: { items: [doel.id], ...placeOf(nr.route, doel, i) } });
    ms.push(performance.now() - t);
  }
  return { route, ms };
}
