/**
 * Docentinzet per samenwerking and schooljaar (issue 13): list (with the outcome of the docentinzet rules), add,
 * change and delete. Read: staff of a partner; changes: beheerder/ontwikkelaar of a partner; outsiders 404. Each
 * change: access checked in its transaction, the teacher's organisation must be a partner (400), a stale versie is a
 * 409 and changes nothing, an audit entry in the same transaction.
 */
import { decide } from '../../../domain/auth/rules.js';
import { evalueer } from '../../../domain/regels/regels.js';
import type { Docentinzet, DocentinzetLijst, RegelUitkomst } from '../../../shared/regels-api.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/regels-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { actingOrganisation } from '../../access/leerroute.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { inzetFeiten, overeenkomstenVan } from './context.js';

export const INZET_NOT_FOUND = 'Deze docentinzet bestaat niet (meer) in deze samenwerking.';
const stale = () => new AppError('conflict', 'Deze docentinzet is intussen door iemand anders gewijzigd of verwijderd. Laad de lijst opnieuw; uw wijziging is niet opgeslagen.');

const DOCENT_REGELS = new Set(['gastdocent-160-uur', 'mbo-docent-overeenkomst', 'tweedegraads-in-mbo']);

function checkPartner(access: PartnershipAccess, organisatieId: string): void {
  if (!access.memberOrganisationIds.includes(organisatieId)) {
    throw validationFailed('Deze organisatie is geen partner in de samenwerking.', [{ path: 'body.organisatieId', message: 'Deze organisatie is geen partner in de samenwerking.' }]);
  }
}

const toApi = (r: repo.InzetRow): Docentinzet => ({ ...r });

export async function listDocentinzet(opts: UseCaseContext & { partnershipId: string; schooljaar?: string }): Promise<DocentinzetLijst> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const [rows, overeenkomsten] = await Promise.all([repo.listInzet(opts.db, opts.partnershipId, opts.schooljaar), overeenkomstenVan(opts.db, opts.partnershipId)]);
  // The docentinzet rules per schooljaar shown in the list (the requested one, or each that has rows).
  const jaren = opts.schooljaar ? [opts.schooljaar] : [...new Set(rows.map((r) => r.schooljaar))];
  const uitkomsten: RegelUitkomst[] = jaren.flatMap((jaar) =>
    evalueer({ route: null, schooljaar: jaar, docentinzet: inzetFeiten(rows.filter((r) => r.schooljaar === jaar)), overeenkomsten }).uitkomsten.filter(
      (u) => DOCENT_REGELS.has(u.regel.id) && u.status !== 'geldt-niet',
    ),
  );
  return {
    inzet: rows.map(toApi),
    uitkomsten,
    mijnRechten: { wijzigen: decide(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds }) === 'allow' },
  };
}

export async function addDocentinzet(opts: UseCaseContext & { partnershipId: string; input: repo.InzetValues }): Promise<Docentinzet> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const id = await opts.db.transaction().execute(async (trx) => {
    const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
    checkPartner(access, opts.input.organisatieId);
    const created = await repo.insertInzet(trx, opts.partnershipId, opts.input, access.auth.user.id);
    await appendAudit(trx, {
      actorUserId: access.auth.user.id,
      organisationId: actingOrganisation(access.auth, access.memberOrganisationIds),
      action: 'regels.docentinzet.toegevoegd',
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { docentinzet: created, schooljaar: opts.input.schooljaar, bevoegdheid: opts.input.bevoegdheid, uren: opts.input.uren },
    });
    return created;
  });
  return toApi((await repo.findInzet(opts.db, opts.partnershipId, id))!);
}

export async function changeDocentinzet(opts: UseCaseContext & { partnershipId: string; inzetId: string; versie: number; input: repo.InzetValues }): Promise<Docentinzet> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  await opts.db.transaction().execute(async (trx) => {
    const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
    const current = await repo.findInzet(trx, opts.partnershipId, opts.inzetId);
    if (!current) throw notFound(INZET_NOT_FOUND);
    checkPartner(access, opts.input.organisatieId);
    if (current.versie !== opts.versie || !(await repo.updateInzet(trx, opts.partnershipId, opts.inzetId, opts.versie, opts.input, access.auth.user.id))) throw stale();
    await appendAudit(trx, {
      actorUserId: access.auth.user.id,
      organisationId: actingOrganisation(access.auth, access.memberOrganisationIds),
      action: 'regels.docentinzet.gewijzigd',
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { docentinzet: opts.inzetId, versie: opts.versie + 1, schooljaar: opts.input.schooljaar, bevoegdheid: opts.input.bevoegdheid, uren: opts.input.uren },
    });
  });
  return toApi((await repo.findInzet(opts.db, opts.partnershipId, opts.inzetId))!);
}

export async function deleteDocentinzet(opts: UseCaseContext & { partnershipId: string; inzetId: string; versie: number }): Promise<void> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  await opts.db.transaction().execute(async (trx) => {
    const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
    const current = await repo.findInzet(trx, opts.partnershipId, opts.inzetId);
    if (!current) throw notFound(INZET_NOT_FOUND);
    if (current.versie !== opts.versie || !(await repo.deleteInzet(trx, opts.partnershipId, opts.inzetId, opts.versie))) throw stale();
    await appendAudit(trx, {
      actorUserId: access.auth.user.id,
      organisationId: actingOrganisation(access.auth, access.memberOrganisationIds),
      action: 'regels.docentinzet.verwijderd',
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { docentinzet: opts.inzetId, schooljaar: current.schooljaar },
    });
  });
}
