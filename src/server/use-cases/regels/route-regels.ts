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
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/regels-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { openRoute } from '../../access/leerroute.js';
import type { RouteRow } from '../../repositories/leerroute-repository.js';
import { authorizePartnership } from '../../access/partnership.js';
import { schooljaarOp } from '../../../domain/regels/kalender.js';
import { overeenkomstFeitenVoorOvereenkomst, samenwerkingVanOvereenkomst } from '../overeenkomsten/feiten.js';
import { inzetFeiten, routeContext } from './context.js';

async function uitkomsten(db: Kysely<DB>, route: RouteRow): Promise<RegelUitkomsten> {
  const [ctx, marks] = await Promise.all([routeContext(db, route), repo.listMarkeringen(db, route.id)]);
  const map = new Map<string, Markering>(marks.map((m) => [m.regelId, { reden: m.reden, door: m.door, organisatie: m.organisatie, op: m.op }]));
  return evalueer(ctx, map);
}

export async function getRouteRegels(opts: UseCaseContext & { routeId: string }): Promise<RegelUitkomsten> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  return uitkomsten(opts.db, route);
}

function bekendeRegel(regelId: string): void {
  if (!regelById(regelId)) throw validationFailed(`Regel ${regelId} bestaat niet in de regelbank.`, [{ path: 'params.regelId', message: `Regel ${regelId} bestaat niet in de regelbank.` }]);
}

export async function markeerNietVanToepassing(opts: UseCaseContext & { routeId: string; regelId: string; reden: string }): Promise<RegelUitkomsten> {
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

export async function verwijderMarkering(opts: UseCaseContext & { routeId: string; regelId: string }): Promise<RegelUitkomsten> {
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

const OVEREENKOMST_NOT_FOUND = 'Deze overeenkomst bestaat niet of u hebt er geen toegang toe.';

/**
 * GET /api/overeenkomsten/:id/regels: the rules about agreements on one agreement (version), with the samenwerking's
 * docentinzet of the current schooljaar (an mbo teacher without tweedegraads bevoegdheid needs a signed agreement).
 * Read: staff of a partner of its samenwerking; an agreement of another samenwerking is 404, like a missing one.
 */
export async function getOvereenkomstRegels(opts: UseCaseContext & { overeenkomstId: string; nu?: Date }): Promise<RegelUitkomsten> {
  requireAuth(opts.auth);
  const partnershipId = await samenwerkingVanOvereenkomst(opts.db, opts.overeenkomstId);
  if (!partnershipId) throw notFound(OVEREENKOMST_NOT_FOUND);
  try {
    await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId, action: 'partnership.read' });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(OVEREENKOMST_NOT_FOUND);
    throw e;
  }
  const schooljaar = schooljaarOp(opts.nu ?? new Date());
  const [feiten, inzet] = await Promise.all([overeenkomstFeitenVoorOvereenkomst(opts.db, opts.overeenkomstId), repo.listInzet(opts.db, partnershipId, schooljaar)]);
  if (!feiten) throw notFound(OVEREENKOMST_NOT_FOUND);
  return evalueer({ route: null, schooljaar, docentinzet: inzetFeiten(inzet), overeenkomsten: [feiten] }, new Map(), { geldtVoor: 'overeenkomst' });
}
