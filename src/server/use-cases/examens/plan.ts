/**
 * Changing the exam plan (issue 14), each change one transaction with its audit entry, the exam row locked so two
 * changes of its versions never cross: saving a concept (with the versie the user saw: 409 when stale; only a
 * concept: a submitted or vastgesteld version answers 409, and the database trigger refuses a change of a
 * vastgesteld one anyway), submitting (refused while the plan is incomplete or a coverage gap is open and not
 * accepted), the examencommissie accepting open gaps with a reason, sending a submission back with a reason,
 * vaststellen (date and name kept), and a new version of a vastgesteld plan (the vastgesteld one stays in force, and
 * becomes `vervangen` only when the new one is vastgesteld).
 */
import type { Transaction } from 'kysely';
import type { ExamenAction } from '../../../domain/auth/examen-rules.js';
import { dekking, gatenGeaccepteerd } from '../../../domain/examen/dekking.js';
import { controleerInhoud, kanIndienen, magActie, type PlanActie } from '../../../domain/examen/plan.js';
import type { ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { ExamenDetail } from '../../../shared/examenplan-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import type { DB } from '../../db/schema.js';
import { AppError, validationFailed } from '../../errors.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/examen-repository.js';
import { examenDetail, examenDoelen, parseInhoud, planContext, type ExamenDoelen } from './view.js';

const conflict = (melding: string, errors?: Array<{ path: string; message: string }>) => new AppError('conflict', melding, errors ? { errors } : {});
const STALE = 'Het examenplan is intussen door iemand anders gewijzigd. Laad het opnieuw; uw wijziging is niet opgeslagen.';

interface PlanChange {
  trx: Transaction<DB>;
  opened: ExamenAccess;
  examen: repo.ExamenRow;
  plans: repo.PlanRow[];
  doelen: ExamenDoelen;
  userId: string;
  naam: () => Promise<string>;
}

async function wijzigPlan(
  opts: UseCaseContext & { examenId: string },
  action: ExamenAction,
  change: (c: PlanChange) => Promise<{ audit: string; versienummer: number; details?: Record<string, unknown> }>,
): Promise<ExamenDetail> {
  // Outside the transaction first, so an outsider or a wrong role is answered without taking a lock.
  await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action });
  const snapshot = await snapshotOf(opts.db);
  const auth = await opts.db.transaction().execute(async (trx) => {
    const opened = await openExamen({ db: trx, auth: opts.auth, examenId: opts.examenId, action });
    await repo.lockExamen(trx, opts.examenId);
    const examen = (await repo.findExamen(trx, opts.examenId))!;
    const plans = await repo.plansOf(trx, opts.examenId);
    const doelen = await examenDoelen(trx as never, snapshot, examen);
    const userId = opened.auth.user.id;
    const r = await change({ trx, opened, examen, plans, doelen, userId, naam: () => repo.userNaam(trx, userId) });
    await appendAudit(trx, {
      actorUserId: userId,
      organisationId: opened.kant === 'vmbo' ? examen.vmbo.id : examen.mbo.id,
      action: r.audit,
      subjectType: 'examen',
      subjectId: examen.id,
      details: { versienummer: r.versienummer, keuzedeel: examen.keuzedeelCode, ...r.details },
    });
    return opened.auth;
  });
  return examenDetail(opts.db, auth, opts.examenId);
}

function open(plans: readonly repo.PlanRow[]): repo.PlanRow | undefined {
  return plans.find((p) => p.status === 'concept' || p.status === 'ingediend');
}

function doel(plans: readonly repo.PlanRow[], actie: PlanActie, versie: number): repo.PlanRow {
  const p = actie === 'nieuwe-versie' ? plans.find((x) => x.status === 'vastgesteld') : (open(plans) ?? plans[0]);
  if (!p) throw conflict('Dit examen heeft nog geen examenplan.');
  const mag = magActie(p.status, actie);
  if (!mag.ok) throw conflict(mag.melding);
  if (p.versie !== versie) throw conflict(STALE);
  return p;
}

const stamp = async (c: PlanChange, reden: string) => ({ reden, door: c.userId, naam: await c.naam(), at: new Date().toISOString() });

export async function savePlan(opts: UseCaseContext & { examenId: string; versie: number; inhoud: ExamenplanInhoud }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.write', async (c) => {
    const p = doel(c.plans, 'opslaan', opts.versie);
    const ctx = await planContext(c.trx as never, c.examen, c.doelen);
    const fouten = controleerInhoud(opts.inhoud, ctx);
    if (fouten.length) throw validationFailed(fouten.map((f) => f.message).join(' '), fouten);
    if (!(await repo.updatePlan(c.trx, p.id, opts.versie, c.userId, { inhoud: opts.inhoud }))) throw conflict(STALE);
    const d = dekking(c.doelen.eindtermen, opts.inhoud.onderdelen);
    return { audit: 'examenplan.opgeslagen', versienummer: p.versienummer, details: { gedekt: d.gedekt, totaal: d.totaal } };
  });
}

export async function indienen(opts: UseCaseContext & { examenId: string; versie: number }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.write', async (c) => {
    const p = doel(c.plans, 'indienen', opts.versie);
    const inhoud = parseInhoud(p.inhoud);
    const d = dekking(c.doelen.eindtermen, inhoud.onderdelen);
    const fouten = kanIndienen(inhoud, c.examen.grondslag, d, gatenGeaccepteerd(d.gaten, p.dekkingAkkoord?.gaten));
    if (fouten.length) throw conflict(`Het plan kan nog niet worden ingediend: ${fouten.map((f) => f.message).join(' ')}`, fouten);
    if (!(await repo.updatePlan(c.trx, p.id, opts.versie, c.userId, { status: 'ingediend', ingediend: { by: c.userId } }))) throw conflict(STALE);
    return { audit: 'examenplan.ingediend', versienummer: p.versienummer, details: { gaten: d.gaten.length } };
  });
}

export async function accepteerDekking(opts: UseCaseContext & { examenId: string; versie: number; reden: string }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.vaststellen', async (c) => {
    const p = doel(c.plans, 'dekking-accepteren', opts.versie);
    const d = dekking(c.doelen.eindtermen, parseInhoud(p.inhoud).onderdelen);
    if (d.gaten.length === 0) throw conflict('Alle eindtermen van het keuzevak zijn gedekt: er is geen open dekking om te accepteren.');
    const akkoord = { ...(await stamp(c, opts.reden)), gaten: d.gaten.map((g) => g.id) };
    if (!(await repo.updatePlan(c.trx, p.id, opts.versie, c.userId, { dekkingAkkoord: akkoord }))) throw conflict(STALE);
    return { audit: 'examenplan.dekking-geaccepteerd', versienummer: p.versienummer, details: { reden: opts.reden, gaten: d.gaten.map((g) => g.code) } };
  });
}

export async function terugsturen(opts: UseCaseContext & { examenId: string; versie: number; reden: string }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.vaststellen', async (c) => {
    const p = doel(c.plans, 'terugsturen', opts.versie);
    const terug = await stamp(c, opts.reden);
    if (!(await repo.updatePlan(c.trx, p.id, opts.versie, c.userId, { status: 'concept', ingediend: null, teruggestuurd: terug }))) throw conflict(STALE);
    return { audit: 'examenplan.teruggestuurd', versienummer: p.versienummer, details: { reden: opts.reden } };
  });
}

export async function vaststellen(opts: UseCaseContext & { examenId: string; versie: number }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.vaststellen', async (c) => {
    const p = doel(c.plans, 'vaststellen', opts.versie);
    const inhoud = parseInhoud(p.inhoud);
    const d = dekking(c.doelen.eindtermen, inhoud.onderdelen);
    const fouten = kanIndienen(inhoud, c.examen.grondslag, d, gatenGeaccepteerd(d.gaten, p.dekkingAkkoord?.gaten));
    if (fouten.length) throw conflict(`Het plan kan niet worden vastgesteld: ${fouten.map((f) => f.message).join(' ')}`, fouten);
    const naam = await c.naam();
    if (!(await repo.updatePlan(c.trx, p.id, opts.versie, c.userId, { status: 'vastgesteld', vastgesteld: { by: c.userId, naam } }))) throw conflict(STALE);
    await repo.markVervangen(c.trx, c.examen.id, p.id);
    return { audit: 'examenplan.vastgesteld', versienummer: p.versienummer, details: { naam } };
  });
}

export async function nieuweVersie(opts: UseCaseContext & { examenId: string; versie: number }): Promise<ExamenDetail> {
  return wijzigPlan(opts, 'examenplan.write', async (c) => {
    if (open(c.plans)) throw conflict('Er is al een nieuwe versie in bewerking; werk die bij in plaats van nog een te maken.');
    if (c.examen.resultatenVastgesteld) throw conflict('De resultaten van dit examen zijn vastgesteld; het plan waarop is beoordeeld blijft zoals het is.');
    const p = doel(c.plans, 'nieuwe-versie', opts.versie);
    const versienummer = Math.max(...c.plans.map((x) => x.versienummer)) + 1;
    await repo.insertPlan(c.trx, { examenId: c.examen.id, versienummer, inhoud: parseInhoud(p.inhoud), userId: c.userId });
    return { audit: 'examenplan.nieuwe-versie', versienummer, details: { van: p.versienummer } };
  });
}
