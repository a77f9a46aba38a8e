/**
 * The rules on one leerroute (issue 13): GET /api/leerroutes/:routeId/regels, and marking a rule "niet van toepassing"
 * for the route with a reason (PUT/DELETE …/regels/:regelId/markering). Read: staff of a partner; marking:
 * beheerder/ontwikkelaar of a partner; another samenwerking's route is 404. A mark is written with its audit entry in
 * one transaction, after the access check in that transaction; the answer is the fresh outcome of every rule.
 */
import type { Kysely } from 'kysely';
import { evalueer, regelById } from '../../../domain/regels/regels.js';
import type { Markering, RegelUitkomsten } from '../../../shared/regels-api.js';
import type { DB } from '../../db/schema.js';
import { notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/regels-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { AuthContext } from '../../access/context.js';
import { openRoute } from '../../access/leerroute.js';
import type { RouteRow } from '../../repositories/leerroute-repository.js';
import { routeContext } from './context.js';

async function uitkomsten(db: Kysely<DB>, route: RouteRow): Promise<RegelUitkomsten> {
  const [ctx, marks] = await Promise.all([routeContext(db, route), repo.listMarkeringen(db, route.id)]);
  const map = new Map<string, Markering>(marks.map((m) => [m.regelId, { reden: m.reden, door: m.door, organisatie: m.organisatie, op: m.op }]));
  return evalueer(ctx, map);
}

export async function getRouteRegels(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string }): Promise<RegelUitkomsten> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  return uitkomsten(opts.db, route);
}

function bekendeRegel(regelId: string): void {
  if (!regelById(regelId)) throw validationFailed(`Regel ${regelId} bestaat niet in de regelbank.`, [{ path: 'params.regelId', message: `Regel ${regelId} bestaat niet in de regelbank.` }]);
}

export async function markeerNietVanToepassing(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; regelId: string; reden: string }): Promise<RegelUitkomsten> {
  // Access first (404/403 before a word about the rule), then the rule, then the write.
  await openRoute({ db: opts.db, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
  bekendeRegel(opts.regelId);
  const reden = opts.reden.trim();
  const route = await opts.db.transaction().execute(async (trx) => {
    const opened = await openRoute({ db: trx, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
    const vorige = await repo.findMarkering(trx, opened.route.id, opts.regelId);
    await repo.upsertMarkering(trx, { routeId: opened.route.id, regelId: opts.regelId, reden, userId: opened.by.userId, organisationId: opened.by.organisationId });
    await appendAudit(trx, {
      actorUserId: opened.by.userId,
      organisationId: opened.by.organisationId,
      action: 'regels.markering.gezet',
      subjectType: 'leerroute',
      subjectId: opened.route.id,
      details: { regel: opts.regelId, reden, samenwerking: opened.route.partnershipId, ...(vorige ? { vorigeReden: vorige.reden } : {}) },
    });
    return opened.route;
  });
  return uitkomsten(opts.db, route);
}

export async function verwijderMarkering(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; regelId: string }): Promise<RegelUitkomsten> {
  await openRoute({ db: opts.db, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
  bekendeRegel(opts.regelId);
  const route = await opts.db.transaction().execute(async (trx) => {
    const opened = await openRoute({ db: trx, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
    const vorige = await repo.findMarkering(trx, opened.route.id, opts.regelId);
    if (!vorige || !(await repo.deleteMarkering(trx, opened.route.id, opts.regelId))) throw notFound('Deze regel is voor deze leerroute niet als niet van toepassing gemarkeerd.');
    await appendAudit(trx, {
      actorUserId: opened.by.userId,
      organisationId: opened.by.organisationId,
      action: 'regels.markering.verwijderd',
      subjectType: 'leerroute',
      subjectId: opened.route.id,
      details: { regel: opts.regelId, vorigeReden: vorige.reden, samenwerking: opened.route.partnershipId },
    });
    return opened.route;
  });
  return uitkomsten(opts.db, route);
}

/**
 * GET /api/overeenkomsten/:id/regels. Agreements do not exist yet (the agreement module of issue 13 is built in
 * parallel): every id is a 404, as for an agreement the user may not see.
 */
export async function getOvereenkomstRegels(opts: { db: Kysely<DB>; auth: AuthContext | null; overeenkomstId: string }): Promise<RegelUitkomsten> {
  requireAuth(opts.auth);
  throw notFound('Deze overeenkomst bestaat niet of u hebt er geen toegang toe.');
}
