/**
 * Reading assessment forms (issue 14): the list of an exam's forms (the latest attempt of every registered pupil,
 * made when the exam's plan is vastgesteld) with progress per side and a summary, and one form with the plan's
 * criteria, both sides' scores, the results, the proposed keuzevak grade and the history. Read: the exam's examinator
 * and beoordelaar and both examencommissies; pupils and a third school 404. Every list of pupils is audited.
 */
import type { Kysely, Transaction } from 'kysely';
import { historieOmschrijving, onvolledig, voortgang } from '../../../domain/examen/beoordeling-status.js';
import { criteriaVan, uitslag } from '../../../domain/examen/resultaat.js';
import type { BeoordelingDetail, BeoordelingLijst, BeoordelingRegel } from '../../../shared/beoordeling-api.js';
import { ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/beoordeling-repository.js';
import { mag, openBeoordeling, type BeoordelingAccess } from './access.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Parsed plan versions by id. Forms point only at vastgesteld versions, which the database keeps frozen (trigger
 * examenplan_bevroren), so a parsed version never goes stale; the map is bounded.
 */
const PARSED = new Map<string, { versienummer: number; inhoud: ExamenplanInhoud }>();

/** The plan versions a set of forms points at, parsed once each (defaults filled in). */
export function planCache(db: Db) {
  return async (planId: string) => {
    const hit = PARSED.get(planId);
    if (hit) return hit;
    const row = await repo.findPlan(db, planId);
    if (!row) throw notFound('Het examenplan van dit formulier bestaat niet meer.');
    const plan = { versienummer: row.versienummer, inhoud: ExamenplanInhoud.parse(row.inhoud) };
    if (PARSED.size >= 500) PARSED.delete(PARSED.keys().next().value!);
    PARSED.set(planId, plan);
    return plan;
  };
}

export function scoreMaps(scores: readonly repo.ScoreRow[]) {
  const per = new Map<string, { eerste: Map<string, repo.ScoreRow>; tweede: Map<string, repo.ScoreRow> }>();
  for (const s of scores) {
    let m = per.get(s.beoordelingId);
    if (!m) per.set(s.beoordelingId, (m = { eerste: new Map(), tweede: new Map() }));
    m[s.kant].set(s.criteriumId, s);
  }
  return (id: string) => per.get(id) ?? { eerste: new Map<string, repo.ScoreRow>(), tweede: new Map<string, repo.ScoreRow>() };
}

/** The latest attempt of every pupil (the forms the list shows and the vaststelling takes). */
export function laatstePogingen(forms: readonly repo.FormRow[]): repo.FormRow[] {
  const per = new Map<string, repo.FormRow>();
  for (const f of forms) {
    const prev = per.get(f.leerlingId);
    if (!prev || prev.poging < f.poging) per.set(f.leerlingId, f);
  }
  return forms.filter((f) => per.get(f.leerlingId) === f);
}

const staatVan = (f: repo.FormRow, s: { eerste: Map<string, unknown>; tweede: Map<string, unknown> }) => ({
  scores: { eerste: new Set(s.eerste.keys()), tweede: new Set(s.tweede.keys()) },
  keuzedeelResultaat: f.keuzedeelResultaat,
  keuzedeelCijfer: f.keuzedeelCijfer,
  keuzevakCijfer: f.keuzevakCijfer,
});

export async function listBeoordelingen(opts: UseCaseContext & { examenId: string }): Promise<BeoordelingLijst> {
  const access = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'beoordeling.read' });
  const examen = await repo.findExamen(opts.db, opts.examenId);
  if (!examen) throw notFound('Dit examen bestaat niet meer.');
  const plan = await repo.findVastgesteldPlan(opts.db, opts.examenId);
  if (plan) await repo.ensureForms(opts.db, opts.examenId, plan.id);
  const forms = laatstePogingen(await repo.formsOfExamen(opts.db, opts.examenId));
  const scoresVan = scoreMaps(await repo.scoresOfExamen(opts.db, opts.examenId));
  const planVan = planCache(opts.db);
  const formulieren: BeoordelingRegel[] = [];
  for (const f of forms) {
    const { inhoud } = await planVan(f.examenplanId);
    const staat = staatVan(f, scoresVan(f.id));
    formulieren.push({
      id: f.id,
      poging: f.poging,
      leerling: { id: f.leerlingId, naam: f.leerling.naam, leerlingnummer: f.leerling.leerlingnummer, klas: f.leerling.klas },
      voortgang: voortgang(inhoud, staat),
      keuzedeelResultaat: f.keuzedeelResultaat,
      keuzedeelCijfer: f.keuzedeelCijfer,
      keuzevakCijfer: f.keuzevakCijfer,
      status: f.status,
      onvolledig: f.status === 'vastgesteld' ? [] : onvolledig(inhoud, staat),
    });
  }
  await auditRead(opts.db, access, { action: 'beoordeling.lijst_bekeken', subjectType: 'examen', subjectId: opts.examenId, details: { examen: opts.examenId, keuzedeel: access.examen.keuzedeelCode, aantal: formulieren.length } });
  const inhoud = plan ? ExamenplanInhoud.parse(plan.inhoud) : null;
  return {
    examenId: opts.examenId,
    keuzedeelCode: examen.keuzedeelCode,
    resultaatvorm: inhoud?.resultaatvorm ?? 'behaald-niet-behaald',
    planVersie: plan?.versienummer ?? null,
    resultatenVastgesteldAt: examen.resultatenVastgesteldAt,
    formulieren,
    samenvatting: {
      totaal: formulieren.length,
      compleet: formulieren.filter((f) => f.status === 'open' && f.onvolledig.length === 0).length,
      behaald: formulieren.filter((f) => f.keuzedeelResultaat === 'behaald').length,
      nietBehaald: formulieren.filter((f) => f.keuzedeelResultaat === 'niet-behaald').length,
      vastgesteld: formulieren.filter((f) => f.status === 'vastgesteld').length,
    },
    rechten: rechten(access),
  };
}

/** A staff read of pupils' assessment data, in the log of the reader's side of the exam. */
function auditRead(db: Db, access: ExamenAccess, entry: { action: string; subjectType: string; subjectId: string; details: Record<string, unknown> }) {
  return appendAudit(db, {
    actorUserId: access.auth.user.id,
    organisationId: access.kant === 'vmbo' ? access.examen.vmboOrganisationId : access.examen.mboOrganisationId,
    ...entry,
  });
}

function rechten(access: ExamenAccess) {
  return {
    eerste: mag(access, 'beoordeling.eerste'),
    tweede: mag(access, 'beoordeling.tweede'),
    vaststellen: mag(access, 'resultaten.vaststellen'),
    exportVmbo: mag(access, 'resultaten.export.vmbo'),
    exportMbo: mag(access, 'resultaten.export.mbo'),
  };
}

export async function getBeoordeling(opts: UseCaseContext & { beoordelingId: string }): Promise<BeoordelingDetail> {
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'beoordeling.read' });
  const detail = await beoordelingDetail(opts.db, access);
  // A staff read of one pupil's form (scores and notes) is audited, as the list read is.
  await auditRead(opts.db, access, { action: 'beoordeling.bekeken', subjectType: 'beoordeling', subjectId: opts.beoordelingId, details: { examen: access.examen.id, keuzedeel: access.examen.keuzedeelCode, poging: access.form.poging } });
  return detail;
}

/** Why a herkansing cannot be made from this form (null: it can). */
export async function herkansingBezwaar(db: Db, form: repo.FormRow, inhoud: ExamenplanInhoud): Promise<string | null> {
  if (!inhoud.ptaToetsId) return 'Het examenplan noemt geen PTA-toets, dus het PTA regelt hier geen herkansing.';
  if (form.status !== 'vastgesteld') return 'Een herkansing kan pas als het resultaat van deze poging is vastgesteld.';
  if (form.keuzedeelResultaat === 'behaald') return 'Deze poging is behaald; een herkansing is er alleen na een niet behaalde poging.';
  const toets = await repo.findToets(db, inhoud.ptaToetsId);
  if (!toets) return 'De PTA-toets van het examenplan bestaat niet meer.';
  if (!toets.herkansbaar) return `Volgens het PTA is toets ${toets.toetscode} niet herkansbaar.`;
  if (form.poging >= 2) return 'Het PTA staat één herkansing toe; deze is al gebruikt.';
  return null;
}

export async function beoordelingDetail(db: Db, access: BeoordelingAccess): Promise<BeoordelingDetail> {
  const f = access.form;
  const examen = await repo.findExamen(db, f.examenId);
  if (!examen) throw notFound('Dit examen bestaat niet meer.');
  const { inhoud } = await planCache(db)(f.examenplanId);
  const scores = scoreMaps(await repo.scoresOf(db, [f.id]))(f.id);
  const criteria = criteriaVan(inhoud);
  const tweede = new Map([...scores.tweede].map(([k, v]) => [k, v.score]));
  const u = uitslag(inhoud, tweede);
  const score = (s: repo.ScoreRow | undefined) => (s ? { score: s.score, notitie: s.notitie, door: s.updatedByNaam, at: s.updatedAt } : null);
  const naamVan = new Map(criteria.map((c) => [c.id, c.omschrijving]));
  const rijen = await repo.historieOf(db, f.id);
  const laatsteCijfer = rijen.find((h) => h.wat === 'keuzevak-cijfer' || h.wat === 'correctie');
  const historie = rijen.map((h) => ({
    at: h.at,
    door: h.naam,
    wat: h.wat,
    omschrijving: historieOmschrijving(h.wat, h.details, (id) => naamVan.get(id) ?? id),
    reden: h.reden,
  }));
  const mijnKant = mag(access, 'beoordeling.eerste') ? 'eerste' : mag(access, 'beoordeling.tweede') ? 'tweede' : null;
  const bezwaar = await herkansingBezwaar(db, f, inhoud);
  const laterePoging = f.status === 'vastgesteld' && (await repo.hasLaterPoging(db, f));
  return {
    id: f.id,
    examenId: f.examenId,
    poging: f.poging,
    leerling: { id: f.leerlingId, naam: f.leerling.naam, leerlingnummer: f.leerling.leerlingnummer, klas: f.leerling.klas },
    keuzedeelCode: examen.keuzedeelCode,
    keuzevakId: examen.keuzevakId,
    resultaatvorm: inhoud.resultaatvorm,
    cesuur: inhoud.cesuur.minimumPunten,
    maximum: u.maximum,
    versieEerste: f.versieEerste,
    versieTweede: f.versieTweede,
    criteria: criteria.map((c) => ({ id: c.id, onderdeel: c.onderdeel, omschrijving: c.omschrijving, maxScore: c.maxScore, minimumScore: c.minimumScore, eerste: score(scores.eerste.get(c.id)), tweede: score(scores.tweede.get(c.id)) })),
    voortgang: voortgang(inhoud, staatVan(f, scores)),
    berekend: { totaal: u.totaal, behaald: u.behaald, cijfer: u.cijfer, compleet: u.compleet, knockOuts: u.knockOuts },
    keuzedeelResultaat: f.keuzedeelResultaat,
    keuzedeelCijfer: f.keuzedeelCijfer,
    keuzevakCijfer: f.keuzevakCijfer,
    cijferToelichting: typeof laatsteCijfer?.details.toelichting === 'string' && laatsteCijfer.details.toelichting ? laatsteCijfer.details.toelichting : null,
    afgenomenOp: f.afgenomenOp,
    status: f.status,
    vastgesteld: f.status === 'vastgesteld' && f.vastgesteldAt ? { at: f.vastgesteldAt, naam: f.vastgesteldNaam ?? '', verificatiecode: f.verificatiecode ?? '' } : null,
    mijnKant,
    magCorrigeren: f.status === 'vastgesteld' && mag(access, 'resultaten.vaststellen'),
    magHerkansing: bezwaar === null && !laterePoging && mijnKant !== null,
    herkansingUitleg: laterePoging ? `Er is al een poging ${f.poging + 1}.` : bezwaar,
    historie,
  };
}
