/**
 * Changing an assessment form (issue 14). Each change is one transaction with its history and audit entries:
 *
 * - `saveKant`: one assessor's side (scores and notes per criterion, and that side's result: the keuzedeel result
 *   for the 2nd assessor, the keuzevak grade for the 1st). The side's versie must be the one the assessor saw
 *   (stale: 409); the other side's versie is untouched, so both assessors save at the same time without a conflict.
 *   Scores outside 0 … maxScore or not in steps of 0.5: 400 naming the field. A vastgesteld form: 409 (only a
 *   correction changes it).
 * - `corrigeer`: a change after vaststelling by the mbo examencommissie, only with a reason (without one: 409),
 *   recorded in the form's history with the reason and audited.
 * - `herkansing`: a new form (poging 2) when the PTA toets is herkansbaar and the vastgesteld attempt was not passed.
 */
import type { Transaction } from 'kysely';
import { scoreFout, uitslag, criteriaVan, cijferNl } from '../../../domain/examen/resultaat.js';
import type { BeoordelingDetail, Correctie, Kant, KantOpslaan } from '../../../shared/beoordeling-api.js';
import type { ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../errors.js';
import type { UseCaseContext } from '../../access/context.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/beoordeling-repository.js';
import { BEOORDELING_NOT_FOUND, mag, openBeoordeling, type BeoordelingAccess } from './access.js';
import { beoordelingDetail, herkansingBezwaar, planCache } from './detail.js';

const conflict = (melding: string) => new AppError('conflict', melding);
export const BEVROREN =
  'Dit resultaat is vastgesteld door de examencommissie en kan niet meer gewoon worden gewijzigd. Een wijziging is nu een correctie met een reden, door de examencommissie.';

/** Today in the Netherlands (YYYY-MM-DD). */
export function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

type Wijziging = { wat: string; details: Record<string, unknown> };

/** Checks score inputs against the plan; returns the field errors (path `body.scores.<i>.<field>`). */
function checkScores(inhoud: ExamenplanInhoud, scores: ReadonlyArray<{ criteriumId: string; score: number | null }>): FieldError[] {
  const criteria = new Map(criteriaVan(inhoud).map((c) => [c.id, c]));
  const fouten: FieldError[] = [];
  scores.forEach((s, i) => {
    const c = criteria.get(s.criteriumId);
    if (!c) fouten.push({ path: `body.scores.${i}.criteriumId`, message: `criterium ${s.criteriumId} staat niet in het examenplan` });
    else if (s.score !== null) {
      const fout = scoreFout(s.score, c.maxScore);
      if (fout) fouten.push({ path: `body.scores.${i}.score`, message: `${c.omschrijving}: ${fout}` });
    }
  });
  const dubbel = scores.map((s) => s.criteriumId).filter((id, i, all) => all.indexOf(id) !== i);
  for (const id of new Set(dubbel)) fouten.push({ path: 'body.scores', message: `criterium ${id} staat er meer dan eens in` });
  return fouten;
}

/** Writes score changes of one side; returns the history entries (only what really changed). */
async function schrijfScores(trx: Transaction<DB>, form: repo.FormRow, kant: Kant, scores: ReadonlyArray<{ criteriumId: string; score: number | null; notitie: string }>, userId: string): Promise<Wijziging[]> {
  if (scores.length === 0) return [];
  const huidig = new Map((await repo.scoresOf(trx, [form.id])).filter((s) => s.kant === kant).map((s) => [s.criteriumId, s]));
  const uit: Wijziging[] = [];
  for (const s of scores) {
    const oud = huidig.get(s.criteriumId);
    if (s.score === null) {
      if (!oud) continue;
      await repo.deleteScore(trx, { beoordelingId: form.id, criteriumId: s.criteriumId, kant });
      uit.push({ wat: 'score', details: { kant, criteriumId: s.criteriumId, van: oud.score, naar: null } });
      continue;
    }
    if (oud && oud.score === s.score && oud.notitie === s.notitie) continue;
    await repo.upsertScore(trx, { beoordelingId: form.id, criteriumId: s.criteriumId, kant, score: s.score, notitie: s.notitie, userId });
    uit.push({ wat: 'score', details: { kant, criteriumId: s.criteriumId, van: oud?.score ?? null, naar: s.score, ...(oud?.notitie !== s.notitie && (oud || s.notitie) ? { notitie: true } : {}) } });
  }
  return uit;
}

async function tweedeUitslag(trx: Transaction<DB>, form: repo.FormRow, inhoud: ExamenplanInhoud) {
  const tweede = new Map((await repo.scoresOf(trx, [form.id])).filter((s) => s.kant === 'tweede').map((s) => [s.criteriumId, s.score]));
  return uitslag(inhoud, tweede);
}

export async function saveKant(opts: UseCaseContext & { beoordelingId: string; kant: Kant; input: KantOpslaan }): Promise<BeoordelingDetail> {
  const action = opts.kant === 'eerste' ? ('beoordeling.eerste' as const) : ('beoordeling.tweede' as const);
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action });
  const { kant, input } = opts;
  const { auth } = access;
  await opts.db.transaction().execute(async (trx) => {
    // The form row locked for this save: its state and versies as they are now (access was decided just above).
    const form = await repo.findForm(trx, opts.beoordelingId, { lock: true });
    if (!form) throw notFound(BEOORDELING_NOT_FOUND);
    if (form.status === 'vastgesteld') throw conflict(BEVROREN);
    const { inhoud } = await planCache(trx)(form.examenplanId);
    const fouten = checkScores(inhoud, input.scores);
    const nietVoorKant = (veld: keyof KantOpslaan, wie: string) => {
      if (input[veld] !== undefined) fouten.push({ path: `body.${veld}`, message: `dit legt de ${wie} vast, niet de ${kant === 'eerste' ? '1e' : '2e'} beoordelaar` });
    };
    if (kant === 'eerste') {
      nietVoorKant('keuzedeelResultaat', '2e beoordelaar (mbo)');
      nietVoorKant('keuzedeelCijfer', '2e beoordelaar (mbo)');
      nietVoorKant('afgenomenOp', '2e beoordelaar (mbo)');
    } else {
      nietVoorKant('keuzevakCijfer', '1e beoordelaar (vmbo-examinator)');
      nietVoorKant('cijferToelichting', '1e beoordelaar (vmbo-examinator)');
    }
    if (kant === 'tweede' && input.keuzedeelCijfer !== undefined && input.keuzedeelCijfer !== null && inhoud.resultaatvorm !== 'cijfer') {
      fouten.push({ path: 'body.keuzedeelCijfer', message: 'het examenplan legt het keuzedeel vast als behaald of niet behaald, zonder cijfer' });
    }
    if (fouten.length > 0) throw validationFailed(`Niet opgeslagen: ${fouten.map((f) => f.message).join('; ')}.`, fouten);

    const wijzigingen = await schrijfScores(trx, form, kant, input.scores, auth.user.id);
    const set: Parameters<typeof repo.bumpSide>[4] = {};
    if (kant === 'tweede') {
      if (input.keuzedeelResultaat !== undefined && input.keuzedeelResultaat !== form.keuzedeelResultaat) {
        set.keuzedeelResultaat = input.keuzedeelResultaat;
        wijzigingen.push({ wat: 'keuzedeel-resultaat', details: { van: form.keuzedeelResultaat, naar: input.keuzedeelResultaat } });
        // The exam day: the plan's last planned date that is not after today (results are recorded on or after the exam
        // day), else today. The 2nd assessor can change it on the form (afgenomenOp).
        if (input.keuzedeelResultaat && input.afgenomenOp === undefined && !form.afgenomenOp) {
          const nu = vandaag();
          set.afgenomenOp = inhoud.datums.map((d) => d.datum).filter((d) => d <= nu).sort().at(-1) ?? nu;
        }
      }
      if (input.keuzedeelCijfer !== undefined && input.keuzedeelCijfer !== form.keuzedeelCijfer) {
        set.keuzedeelCijfer = input.keuzedeelCijfer;
        wijzigingen.push({ wat: 'keuzedeel-cijfer', details: { van: form.keuzedeelCijfer, naar: input.keuzedeelCijfer } });
      }
      if (input.afgenomenOp !== undefined && input.afgenomenOp !== form.afgenomenOp) {
        set.afgenomenOp = input.afgenomenOp;
        wijzigingen.push({ wat: 'afgenomen-op', details: { van: form.afgenomenOp, naar: input.afgenomenOp } });
      }
    } else if (input.keuzevakCijfer !== undefined && input.keuzevakCijfer !== form.keuzevakCijfer) {
      const voorgesteld = (await tweedeUitslag(trx, form, inhoud)).cijfer;
      const toelichting = input.cijferToelichting?.trim() ?? '';
      if (input.keuzevakCijfer !== null && Math.abs(input.keuzevakCijfer - voorgesteld) > 1e-9 && !toelichting) {
        const melding = `Het cijfer wijkt af van het cijfer dat uit de afgesproken omzetting volgt (${cijferNl(voorgesteld)}): geef een toelichting.`;
        throw validationFailed(melding, [{ path: 'body.cijferToelichting', message: melding }]);
      }
      set.keuzevakCijfer = input.keuzevakCijfer;
      wijzigingen.push({ wat: 'keuzevak-cijfer', details: { van: form.keuzevakCijfer, naar: input.keuzevakCijfer, voorgesteld, ...(toelichting ? { toelichting } : {}) } });
    }
    const nieuw = await repo.bumpSide(trx, form.id, kant, input.versie, set);
    if (nieuw === null) {
      throw conflict(
        `Uw deel van het formulier van ${form.leerling.naam} is intussen opgeslagen in een ander venster of door een ander account. Laad het formulier opnieuw; uw invoer is niet opgeslagen.`,
      );
    }
    for (const w of wijzigingen) await repo.appendHistorie(trx, { beoordelingId: form.id, userId: auth.user.id, naam: auth.user.naam, wat: w.wat, details: w.details });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: kant === 'eerste' ? access.examen.vmboOrganisationId : access.examen.mboOrganisationId,
      action: 'beoordeling.opgeslagen',
      subjectType: 'beoordeling',
      subjectId: form.id,
      details: { examen: form.examenId, keuzedeel: access.examen.keuzedeelCode, kant, wijzigingen: wijzigingen.length },
    });
  });
  const form = await repo.findForm(opts.db, opts.beoordelingId);
  if (!form) throw notFound(BEOORDELING_NOT_FOUND);
  return beoordelingDetail(opts.db, { ...access, form });
}

export async function corrigeer(opts: UseCaseContext & { beoordelingId: string; input: Correctie }): Promise<BeoordelingDetail> {
  await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'resultaten.vaststellen' });
  const { input } = opts;
  await opts.db.transaction().execute(async (trx) => {
    const access = await openBeoordeling({ db: trx, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'resultaten.vaststellen', lock: true });
    const { form, auth } = access;
    if (form.status !== 'vastgesteld') throw conflict('Dit resultaat is nog niet vastgesteld; de beoordelaars wijzigen het zelf op het formulier.');
    const reden = input.reden?.trim() ?? '';
    if (!reden) throw conflict('Een vastgesteld resultaat verandert alleen met een correctie mét een reden. Geef de reden van de correctie op; er is niets gewijzigd.');
    const { inhoud } = await planCache(trx)(form.examenplanId);
    const fouten = checkScores(inhoud, input.scores.filter((s) => s.kant === 'eerste'));
    fouten.push(...checkScores(inhoud, input.scores.filter((s) => s.kant === 'tweede')));
    if (input.keuzedeelCijfer !== undefined && input.keuzedeelCijfer !== null && inhoud.resultaatvorm !== 'cijfer') {
      fouten.push({ path: 'body.keuzedeelCijfer', message: 'het examenplan legt het keuzedeel vast als behaald of niet behaald, zonder cijfer' });
    }
    if (fouten.length > 0) throw validationFailed(`Niet gecorrigeerd: ${fouten.map((f) => f.message).join('; ')}.`, fouten);
    const wijzigingen: Wijziging[] = [];
    for (const kant of ['eerste', 'tweede'] as const) {
      wijzigingen.push(...(await schrijfScores(trx, form, kant, input.scores.filter((s) => s.kant === kant), auth.user.id)));
    }
    const set: Parameters<typeof repo.correctForm>[2] = {};
    if (input.keuzedeelResultaat !== undefined && input.keuzedeelResultaat !== form.keuzedeelResultaat) {
      set.keuzedeelResultaat = input.keuzedeelResultaat;
      wijzigingen.push({ wat: 'keuzedeel-resultaat', details: { van: form.keuzedeelResultaat, naar: input.keuzedeelResultaat } });
    }
    if (input.keuzedeelCijfer !== undefined && input.keuzedeelCijfer !== form.keuzedeelCijfer) {
      set.keuzedeelCijfer = input.keuzedeelCijfer;
      wijzigingen.push({ wat: 'keuzedeel-cijfer', details: { van: form.keuzedeelCijfer, naar: input.keuzedeelCijfer } });
    }
    if (input.keuzevakCijfer !== undefined && input.keuzevakCijfer !== form.keuzevakCijfer) {
      set.keuzevakCijfer = input.keuzevakCijfer;
      wijzigingen.push({ wat: 'keuzevak-cijfer', details: { van: form.keuzevakCijfer, naar: input.keuzevakCijfer } });
    }
    if (wijzigingen.length === 0) throw validationFailed('De correctie verandert niets aan het formulier.', [{ path: 'body', message: 'geen wijziging' }]);
    await repo.correctForm(trx, form.id, set);
    await repo.appendHistorie(trx, { beoordelingId: form.id, userId: auth.user.id, naam: auth.user.naam, wat: 'correctie', details: { wijzigingen }, reden });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: access.examen.mboOrganisationId,
      action: 'beoordeling.gecorrigeerd',
      subjectType: 'beoordeling',
      subjectId: form.id,
      details: { examen: form.examenId, keuzedeel: access.examen.keuzedeelCode, reden, wijzigingen: wijzigingen.length },
    });
  });
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'beoordeling.read' });
  return beoordelingDetail(opts.db, access);
}

export async function herkansing(opts: UseCaseContext & { beoordelingId: string }): Promise<BeoordelingDetail> {
  const opened = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'beoordeling.read' });
  if (!mag(opened, 'beoordeling.eerste') && !mag(opened, 'beoordeling.tweede')) throw forbidden('Een herkansing zetten de beoordelaars van dit examen klaar.');
  const nieuwId = await opts.db.transaction().execute(async (trx) => {
    const access: BeoordelingAccess = await openBeoordeling({ db: trx, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'beoordeling.read', lock: true });
    const { form, auth } = access;
    await repo.lockExamen(trx, form.examenId);
    const { inhoud } = await planCache(trx)(form.examenplanId);
    if (await repo.hasLaterPoging(trx, form)) throw conflict(`Er is al een poging ${form.poging + 1} voor ${form.leerling.naam}.`);
    const bezwaar = await herkansingBezwaar(trx, form, inhoud);
    if (bezwaar) throw conflict(bezwaar);
    const plan = await repo.findVastgesteldPlan(trx, form.examenId);
    const id = await repo.insertHerkansing(trx, { examenId: form.examenId, planId: plan?.id ?? form.examenplanId, leerlingId: form.leerlingId, poging: form.poging + 1 });
    await repo.appendHistorie(trx, { beoordelingId: id, userId: auth.user.id, naam: auth.user.naam, wat: 'herkansing', details: { poging: form.poging + 1, vorigePoging: form.poging } });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: access.kant === 'vmbo' ? access.examen.vmboOrganisationId : access.examen.mboOrganisationId,
      action: 'beoordeling.herkansing',
      subjectType: 'beoordeling',
      subjectId: id,
      details: { examen: form.examenId, keuzedeel: access.examen.keuzedeelCode, poging: form.poging + 1 },
    });
    return id;
  });
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: nieuwId, action: 'beoordeling.read' });
  return beoordelingDetail(opts.db, access);
}
