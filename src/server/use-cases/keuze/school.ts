/**
 * The school's side of the pupil's programme (issue 15): the decaan (or mentor) sees the choices of the school's
 * pupils (every read in the audit log), approves a choice or sends it back with a reason; an approved choice places
 * the pupil in a cohort of the module's leerroute for that schooljaar (made when there is none, owned by the school)
 * with a leerling record linked to their account. The school's settings: modules per period and deadlines.
 */
import { afgeleidLeerlingnummer, cohortEinddatum, naamDelen } from '../../../domain/menukaart/keuze.js';
import type { Keuze, KeuzeBesluit, KeuzeInstellingen, KeuzeInstellingenWijzigen, SchoolKeuzes } from '../../../shared/keuze-api.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/keuze-repository.js';
import { findModule } from '../../repositories/menukaart-repository.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { UseCaseContext } from '../../access/context.js';
import { KEUZE_NOT_FOUND, openSchoolKeuzes } from './access.js';
import { toInstellingen, toKeuze } from './present.js';

const stale = () => new AppError('conflict', 'Deze keuze is intussen veranderd (misschien in een ander tabblad). Laad de pagina opnieuw; er is niets opgeslagen.');

export async function schoolKeuzes(opts: UseCaseContext & { organisatieId: string }): Promise<SchoolKeuzes> {
  const { auth } = openSchoolKeuzes({ ...opts, action: 'keuzes.read' });
  return opts.db.transaction().execute(async (trx) => {
    const school = await repo.organisation(trx, opts.organisatieId);
    const instellingen = toInstellingen(opts.organisatieId, await repo.findInstelling(trx, opts.organisatieId));
    const keuzes = (await repo.keuzesVanSchool(trx, opts.organisatieId)).map((k) => toKeuze(k, instellingen));
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'keuze.leerlingen.bekeken', subjectType: 'organisation', subjectId: opts.organisatieId, details: { aantal: keuzes.length } });
    return { school: { id: opts.organisatieId, naam: school?.naam ?? '' }, keuzes, instellingen };
  });
}

/** The pupil's leerling record in the cohort of the module's leerroute; the cohort is made when there is none. */
async function plaats(trx: Transaction<DB>, k: repo.KeuzeRow, door: string): Promise<{ leerlingId: string; cohortNaam: string } | null> {
  const module = await findModule(trx, k.moduleId);
  if (!module?.leerrouteId) return null;
  let cohort = await repo.findCohort(trx, k.schoolId, module.leerrouteId, k.schooljaar);
  if (!cohort) {
    const naam = `${(await repo.leerrouteNaam(trx, module.leerrouteId)) ?? module.titel} ${k.schooljaar}`.slice(0, 200);
    const id = await repo.insertCohort(trx, { schoolId: k.schoolId, leerrouteId: module.leerrouteId, naam, schooljaar: k.schooljaar, leerjaar: module.leerjaar, einddatum: cohortEinddatum(k.schooljaar), door });
    cohort = { id, naam };
  }
  const records = await repo.leerlingRecords(trx, k.schoolId, k.accountId);
  const inCohort = records.find((r) => r.cohort_id === cohort.id);
  if (inCohort) return { leerlingId: inCohort.id, cohortNaam: cohort.naam };
  const bekend = records[0];
  const naam = bekend ? { roepnaam: bekend.roepnaam, tussenvoegsel: bekend.tussenvoegsel, achternaam: bekend.achternaam } : naamDelen(k.accountNaam);
  let nummer = bekend?.leerlingnummer ?? afgeleidLeerlingnummer(k.accountId);
  // The number is taken in this cohort by another record (not this pupil's): use the derived one.
  if (await repo.leerlingInCohort(trx, cohort.id, nummer)) nummer = afgeleidLeerlingnummer(k.accountId);
  const leerlingId = await repo.insertLeerling(trx, { cohortId: cohort.id, schoolId: k.schoolId, leerlingnummer: nummer, ...naam, klas: bekend?.klas ?? '', leerweg: (bekend?.leerweg as 'BB' | 'KB' | 'GL' | 'TL' | null) ?? null, accountId: k.accountId });
  return { leerlingId, cohortNaam: cohort.naam };
}

export async function besluitKeuze(opts: UseCaseContext & { organisatieId: string; keuzeId: string; input: KeuzeBesluit }): Promise<Keuze> {
  const { auth } = openSchoolKeuzes({ ...opts, action: 'keuzes.besluit' });
  const k = await repo.findKeuze(opts.db, opts.keuzeId);
  if (!k || k.schoolId !== opts.organisatieId || k.status === 'ingetrokken') throw notFound(KEUZE_NOT_FOUND);
  if (k.versie !== opts.input.versie) throw stale();
  if (k.status !== 'aangevraagd') throw new AppError('conflict', k.status === 'goedgekeurd' ? 'Deze keuze is al goedgekeurd.' : 'Deze keuze is al teruggestuurd; de leerling kiest opnieuw.');
  await opts.db.transaction().execute(async (trx) => {
    if (opts.input.besluit === 'goedkeuren') {
      const plaatsing = await plaats(trx, k, auth.user.id);
      if (!(await repo.setKeuzeStatus(trx, k.id, k.versie, { status: 'goedgekeurd', reden: null, door: auth.user.id, leerlingId: plaatsing?.leerlingId ?? null }))) throw stale();
      await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'keuze.goedgekeurd', subjectType: 'user', subjectId: k.accountId, details: { module: k.moduleTitel, keuzeId: k.id, ...(plaatsing ? { cohort: plaatsing.cohortNaam } : {}) } });
    } else {
      if (!(await repo.setKeuzeStatus(trx, k.id, k.versie, { status: 'teruggestuurd', reden: opts.input.reden ?? '', door: auth.user.id }))) throw stale();
      await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'keuze.teruggestuurd', subjectType: 'user', subjectId: k.accountId, details: { module: k.moduleTitel, keuzeId: k.id } });
    }
  });
  const instellingen = toInstellingen(opts.organisatieId, await repo.findInstelling(opts.db, opts.organisatieId));
  return toKeuze((await repo.findKeuze(opts.db, k.id))!, instellingen);
}

export async function getInstellingen(opts: UseCaseContext & { organisatieId: string }): Promise<KeuzeInstellingen> {
  openSchoolKeuzes({ ...opts, action: 'instellingen.read' });
  return toInstellingen(opts.organisatieId, await repo.findInstelling(opts.db, opts.organisatieId));
}

export async function saveInstellingen(opts: UseCaseContext & { organisatieId: string; input: KeuzeInstellingenWijzigen }): Promise<KeuzeInstellingen> {
  const { auth } = openSchoolKeuzes({ ...opts, action: 'instellingen.write' });
  await opts.db.transaction().execute(async (trx) => {
    const ok = await repo.saveInstelling(trx, opts.organisatieId, opts.input.versie, { modulesPerPeriode: opts.input.modulesPerPeriode, deadlines: opts.input.deadlines, door: auth.user.id });
    if (!ok) throw new AppError('conflict', 'De instellingen zijn intussen gewijzigd. Laad de pagina opnieuw; er is niets opgeslagen.');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'keuze.instellingen.gewijzigd', subjectType: 'organisation', subjectId: opts.organisatieId, details: { modulesPerPeriode: opts.input.modulesPerPeriode } });
  });
  return toInstellingen(opts.organisatieId, await repo.findInstelling(opts.db, opts.organisatieId));
}
