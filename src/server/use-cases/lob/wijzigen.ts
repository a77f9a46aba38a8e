/**
 * The pupil writes their dossier (issue 15): LOB activities and the oplegger, each change in one transaction with its
 * audit entry (which names no content: the school's log says that the pupil changed their dossier, not what). A stale
 * versie is a 409; an activity or LOB part that is not the pupil's is a 404 or a 400. Only the pupil writes.
 */
import { ActiviteitInvoer, LOB_LIMIETEN, OpleggerInhoud, type ActiviteitWijzigen, type LobActiviteit, type Oplegger, type OpleggerWijzigen } from '../../../shared/lob-api.js';
import type { ActiviteitInvoer as ActiviteitInvoerIn } from '../../../shared/lob-api.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/lob-repository.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { UseCaseContext } from '../../access/context.js';
import { openEigenDossier } from './access.js';
import { opleggerVan, toActiviteit } from './dossier.js';

const ACTIVITEIT_NOT_FOUND = 'Deze activiteit bestaat niet (meer) in je dossier.';
const stale = (wat: string) => new AppError('conflict', `${wat} is intussen ergens anders gewijzigd (misschien in een ander tabblad). Laad je dossier opnieuw; je wijziging is niet opgeslagen.`);

async function waarden(trx: Transaction<DB>, e: repo.Eigenaar, input: ActiviteitInvoerIn): Promise<repo.ActiviteitWaarden> {
  const a = ActiviteitInvoer.parse(input);
  if (a.onderdeelId && !(await repo.findOnderdeel(trx, e.organisationId, a.onderdeelId))) {
    const melding = 'Dit LOB-onderdeel bestaat niet in het programma van je school.';
    throw validationFailed(melding, [{ path: 'body.onderdeelId', message: melding }]);
  }
  const reflecties: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.reflecties)) if (v && v.trim() !== '') reflecties[k] = v.trim();
  return { soort: a.soort, datum: a.datum, titel: a.titel, doel: a.doel, reflecties, conclusie: a.conclusie, vervolgstap: a.vervolgstap, onderdeelId: a.onderdeelId };
}

export async function addActiviteit(opts: UseCaseContext & { input: ActiviteitInvoerIn }): Promise<LobActiviteit> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  const id = await opts.db.transaction().execute(async (trx) => {
    if ((await repo.countActiviteiten(trx, eigenaar)) >= LOB_LIMIETEN.activiteiten) {
      throw validationFailed(`Je dossier heeft al ${LOB_LIMIETEN.activiteiten} activiteiten; meer kan niet.`);
    }
    const nieuw = await repo.insertActiviteit(trx, eigenaar, await waarden(trx, eigenaar, opts.input));
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.activiteit.toegevoegd', subjectType: 'user', subjectId: auth.user.id, details: {} });
    return nieuw;
  });
  const row = await repo.findActiviteit(opts.db, eigenaar, id);
  if (!row) throw notFound(ACTIVITEIT_NOT_FOUND);
  return toActiviteit(row);
}

export async function changeActiviteit(opts: UseCaseContext & { activiteitId: string; input: ActiviteitWijzigen }): Promise<LobActiviteit> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  await opts.db.transaction().execute(async (trx) => {
    const bestaand = await repo.findActiviteit(trx, eigenaar, opts.activiteitId);
    if (!bestaand) throw notFound(ACTIVITEIT_NOT_FOUND);
    if (bestaand.versie !== opts.input.versie) throw stale('Deze activiteit');
    const ok = await repo.updateActiviteit(trx, eigenaar, opts.activiteitId, opts.input.versie, await waarden(trx, eigenaar, opts.input));
    if (!ok) throw stale('Deze activiteit');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.activiteit.gewijzigd', subjectType: 'user', subjectId: auth.user.id, details: {} });
  });
  const row = await repo.findActiviteit(opts.db, eigenaar, opts.activiteitId);
  if (!row) throw notFound(ACTIVITEIT_NOT_FOUND);
  return toActiviteit(row);
}

export async function removeActiviteit(opts: UseCaseContext & { activiteitId: string }): Promise<void> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteActiviteit(trx, eigenaar, opts.activiteitId))) throw notFound(ACTIVITEIT_NOT_FOUND);
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.activiteit.verwijderd', subjectType: 'user', subjectId: auth.user.id, details: {} });
  });
}

export async function saveOplegger(opts: UseCaseContext & { input: OpleggerWijzigen }): Promise<Oplegger> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  await opts.db.transaction().execute(async (trx) => {
    const inhoud = OpleggerInhoud.parse(opts.input.inhoud);
    inhoud.activiteitIds = [...new Set(inhoud.activiteitIds)];
    const eigen = new Set((await repo.listActiviteiten(trx, eigenaar)).map((a) => a.id));
    if (inhoud.activiteitIds.some((id) => !eigen.has(id))) {
      const melding = 'Een gekozen activiteit staat niet (meer) in je dossier.';
      throw validationFailed(melding, [{ path: 'body.inhoud.activiteitIds', message: melding }]);
    }
    if (!(await repo.saveOplegger(trx, eigenaar, opts.input.versie, inhoud))) throw stale('Je oplegger');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.oplegger.opgeslagen', subjectType: 'user', subjectId: auth.user.id, details: {} });
  });
  const o = await opleggerVan(opts.db, eigenaar);
  if (!o) throw stale('Je oplegger');
  return o;
}
