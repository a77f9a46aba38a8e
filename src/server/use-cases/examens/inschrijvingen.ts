/**
 * Registration of a cohort's pupils for a joint exam as extraneus at the mbo (issue 14): the vmbo school registers
 * (aangemeld), the mbo student administration marks them ingeschreven, and the list with its export (CSV and XLSX,
 * one row per pupil, only the fields the registration needs). Pupils are minors: every list and export of them is
 * written to the audit log, with the count and never a name.
 */
import type { Kysely } from 'kysely';
import { inschrijvingCsv, waarschuwingen, volledigeNaam, type InschrijvingRij } from '../../../domain/examen/inschrijving-export.js';
import type { Inschrijvingen } from '../../../shared/examenplan-api.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import type { DB } from '../../db/schema.js';
import { validationFailed } from '../../errors.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/examen-repository.js';
import { runInWorker } from '../../workers/pool.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { mag, parseInhoud, samenvatting } from './view.js';

const orgVan = (o: ExamenAccess) => (o.kant === 'vmbo' ? o.examen.vmboOrganisationId : o.examen.mboOrganisationId);

/** The first planned date of the plan in force (the newest vastgesteld version, else the newest). */
async function examendatum(db: Kysely<DB>, examenId: string): Promise<string | null> {
  const plans = await repo.plansOf(db, examenId);
  const p = plans.find((x) => x.status === 'vastgesteld') ?? plans[0];
  const datums = p ? parseInhoud(p.inhoud).datums.map((d) => d.datum).sort() : [];
  return datums[0] ?? null;
}

async function lijst(db: Kysely<DB>, auth: AuthContext, examenId: string): Promise<Inschrijvingen & { rijen: InschrijvingRij[] }> {
  const e = (await repo.findExamen(db, examenId))!;
  const snapshot = await snapshotOf(db);
  const s = samenvatting(snapshot, e);
  const [rows, datum] = await Promise.all([repo.inschrijvingenOf(db, examenId), examendatum(db, examenId)]);
  const rijen: InschrijvingRij[] = rows.map((r) => ({
    leerlingId: r.leerlingId,
    leerlingnummer: r.leerlingnummer,
    roepnaam: r.roepnaam,
    tussenvoegsel: r.tussenvoegsel,
    achternaam: r.achternaam,
    geboortedatum: r.geboortedatum,
    school: e.vmbo.naam,
    keuzedeelCode: s.keuzedeel.code,
    keuzedeelTitel: s.keuzedeel.titel,
    examendatum: datum,
    status: r.status,
  }));
  const aangemeld = new Set(rows.map((r) => r.leerlingId));
  const nietAangemeld = mag(auth, 'inschrijving.aanmelden', e)
    ? (await repo.leerlingenOfCohort(db, e.cohort.id)).filter((l) => !aangemeld.has(l.id)).map((l) => ({ leerlingId: l.id, leerlingnummer: l.leerlingnummer, naam: volledigeNaam(l), klas: l.klas }))
    : [];
  return {
    examen: s,
    examendatum: datum,
    inschrijvingen: rows.map((r) => ({
      leerlingId: r.leerlingId,
      leerlingnummer: r.leerlingnummer,
      naam: volledigeNaam(r),
      klas: r.klas,
      geboortedatum: r.geboortedatum,
      status: r.status,
      aangemeldAt: r.aangemeldAt,
      ingeschrevenAt: r.ingeschrevenAt,
    })),
    nietAangemeld,
    waarschuwingen: waarschuwingen(rijen),
    rechten: { aanmelden: mag(auth, 'inschrijving.aanmelden', e), inschrijven: mag(auth, 'inschrijving.inschrijven', e) },
    rijen,
  };
}

async function audit(db: Kysely<DB>, o: ExamenAccess, action: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(db, { actorUserId: o.auth.user.id, organisationId: orgVan(o), action, subjectType: 'examen', subjectId: o.examen.id, details: { keuzedeel: o.examen.keuzedeelCode, ...details } });
}

export async function listInschrijvingen(opts: UseCaseContext & { examenId: string }): Promise<Inschrijvingen> {
  const o = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'leerlingen.read' });
  const { rijen: _rijen, ...l } = await lijst(opts.db, o.auth, opts.examenId);
  await audit(opts.db, o, 'examen.inschrijvingen-bekeken', { aantal: l.inschrijvingen.length + l.nietAangemeld.length });
  return l;
}

export async function aanmeldenLeerlingen(opts: UseCaseContext & { examenId: string; leerlingIds?: string[] }): Promise<Inschrijvingen> {
  const o = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'inschrijving.aanmelden' });
  const cohort = await repo.leerlingenOfCohort(opts.db, o.examen.cohortId);
  const inCohort = new Set(cohort.map((l) => l.id));
  const ids = opts.leerlingIds ?? [...inCohort];
  const vreemd = ids.filter((id) => !inCohort.has(id));
  if (vreemd.length) throw validationFailed('Alleen leerlingen uit de groep van dit examen kunnen worden aangemeld.', [{ path: 'body.leerlingIds', message: `${vreemd.length} gekozen leerling(en) horen niet bij de groep van dit examen.` }]);
  await opts.db.transaction().execute(async (trx) => {
    const n = await repo.aanmelden(trx, o.examen.id, [...new Set(ids)], o.auth.user.id);
    await audit(trx as never, o, 'examen.leerlingen-aangemeld', { aantal: n });
  });
  return listInschrijvingen(opts);
}

export async function inschrijvenLeerlingen(opts: UseCaseContext & { examenId: string; leerlingIds?: string[] }): Promise<Inschrijvingen> {
  const o = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'inschrijving.inschrijven' });
  await opts.db.transaction().execute(async (trx) => {
    const n = await repo.inschrijven(trx, o.examen.id, opts.leerlingIds ? [...new Set(opts.leerlingIds)] : null, o.auth.user.id);
    await audit(trx as never, o, 'examen.leerlingen-ingeschreven', { aantal: n });
  });
  return listInschrijvingen(opts);
}

export async function exportInschrijvingen(opts: UseCaseContext & { examenId: string; formaat: 'csv' | 'xlsx' }): Promise<ExportFile & { waarschuwingen: number }> {
  const o = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'leerlingen.read' });
  const l = await lijst(opts.db, o.auth, opts.examenId);
  await audit(opts.db, o, 'examen.inschrijvingen-geexporteerd', { aantal: l.rijen.length, formaat: opts.formaat });
  const stem = `inschrijving-${l.examen.keuzedeel.code}-${l.examen.cohort.schooljaar}`.replace(/[^A-Za-z0-9-]+/g, '-');
  if (opts.formaat === 'csv') return { fileName: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: inschrijvingCsv(l.rijen), waarschuwingen: l.waarschuwingen.length };
  const body = await runInWorker('inschrijvingXlsx', { titel: `Inschrijving extraneus: ${l.examen.keuzedeel.code} ${l.examen.keuzedeel.titel}`, rijen: l.rijen, waarschuwingen: l.waarschuwingen });
  return { fileName: `${stem}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body, waarschuwingen: l.waarschuwingen.length };
}
