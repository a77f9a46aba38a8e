/**
 * The assessment of the joint exam (issue 14): the contract between server and client, validated on both sides.
 *
 * GET  /examens/:examenId/beoordelingen                 → BeoordelingLijst (forms of the latest attempt per pupil, progress per side, summary)
 * GET  /beoordelingen/:beoordelingId                    → BeoordelingDetail (criteria, both sides' scores, results, history)
 * PUT  /beoordelingen/:beoordelingId/kanten/:kant       → BeoordelingDetail (one side's scores and results, with that side's versie; stale: 409)
 * POST /beoordelingen/:beoordelingId/herkansing         → 201 BeoordelingDetail (a new form, poging + 1, when the PTA allows it)
 * POST /beoordelingen/:beoordelingId/correcties         → BeoordelingDetail (a change after vaststelling, with a reason; examencommissie)
 * POST /examens/:examenId/resultaten/vaststellen        → VaststellenResultaat (all open forms at once; incomplete: 409 listing them)
 * GET  /examens/:examenId/resultaten/se-cijfers.csv     → the vmbo SE grades for Magister and Somtoday
 * GET  /examens/:examenId/resultaten/keuzedeelresultaten.(csv|xlsx) → the mbo keuzedeel results
 * GET  /beoordelingen/:beoordelingId/formulier.pdf      → the filled-in form as an accessible PDF
 *
 * Sides: `eerste` is the 1st assessor (the vmbo examinator, who also records the keuzevak grade), `tweede` the 2nd
 * assessor (the mbo beoordelaar, who decides on the keuzedeel). Each side has its own versie.
 */
import { z } from 'zod';
import { tekst } from './text.js';

const Id = (wat: string) => z.uuid(`onbekende ${wat}`);
export const ExamenParams = z.object({ examenId: Id('examen') });
export const BeoordelingParams = z.object({ beoordelingId: Id('beoordeling') });
export const Kant = z.enum(['eerste', 'tweede']);
export type Kant = z.infer<typeof Kant>;
export const KantParams = z.object({ beoordelingId: Id('beoordeling'), kant: Kant });
export const KANT_NAMEN: Record<Kant, string> = { eerste: '1e beoordelaar (vmbo-examinator)', tweede: '2e beoordelaar (mbo-beoordelaar)' };

export const KeuzedeelResultaat = z.enum(['behaald', 'niet-behaald']);
export type KeuzedeelResultaat = z.infer<typeof KeuzedeelResultaat>;
export const RESULTAAT_NAMEN: Record<KeuzedeelResultaat, string> = { behaald: 'behaald', 'niet-behaald': 'niet behaald' };

const Cijfer = z.number().min(1, 'een cijfer ligt tussen 1,0 en 10,0').max(10, 'een cijfer ligt tussen 1,0 en 10,0').refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-6, 'een cijfer heeft hooguit één decimaal');
const Datum = tekst().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als JJJJ-MM-DD');
const Reden = tekst().trim().max(2000);

export const ScoreInvoer = z.object({
  criteriumId: tekst().regex(/^[a-z0-9-]{1,40}$/, 'onbekend criterium'),
  /** null: remove the score. The scale is checked against the plan (0 … maxScore, steps of 0.5): 400 naming the field. */
  score: z.number().nullable(),
  notitie: tekst().max(2000).default(''),
});

/** One side's save: the scores that changed (others stay) and, for that side, its result. */
export const KantOpslaan = z.object({
  versie: z.number({ error: 'geef de versie van uw deel van het formulier mee' }).int().min(1),
  scores: z.array(ScoreInvoer).max(500).default([]),
  /** tweede only: the keuzedeel result; null clears it. */
  keuzedeelResultaat: KeuzedeelResultaat.nullable().optional(),
  /** tweede only, where the plan's resultaatvorm is `cijfer`. */
  keuzedeelCijfer: Cijfer.nullable().optional(),
  /** eerste only: the keuzevak grade (the conversion proposes one; another grade needs `cijferToelichting`). */
  keuzevakCijfer: Cijfer.nullable().optional(),
  cijferToelichting: Reden.optional(),
  /** tweede only: the day the exam was taken (default: the day the result is recorded). */
  afgenomenOp: Datum.nullable().optional(),
});
export type KantOpslaan = z.infer<typeof KantOpslaan>;

/** A correction after vaststelling (mbo examencommissie): the reason is required (without one: 409). */
export const Correctie = z.object({
  reden: Reden.optional(),
  scores: z.array(ScoreInvoer.extend({ kant: Kant })).max(500).default([]),
  keuzedeelResultaat: KeuzedeelResultaat.optional(),
  keuzedeelCijfer: Cijfer.nullable().optional(),
  keuzevakCijfer: Cijfer.optional(),
});
export type Correctie = z.infer<typeof Correctie>;

export const Score = z.object({ score: z.number(), notitie: z.string(), door: z.string().nullable(), at: z.string() });
export const BeoordelingCriterium = z.object({
  id: z.string(),
  onderdeel: z.string(),
  omschrijving: z.string(),
  maxScore: z.number(),
  minimumScore: z.number().nullable(),
  eerste: Score.nullable(),
  tweede: Score.nullable(),
});

export const Voortgang = z.object({ gescoord: z.number().int(), totaal: z.number().int() });

export const HistorieRegel = z.object({
  at: z.string(),
  door: z.string(),
  wat: z.string(),
  /** A Dutch sentence of what changed (old → new). */
  omschrijving: z.string(),
  reden: z.string().nullable(),
});

export const BeoordelingDetail = z.object({
  id: z.uuid(),
  examenId: z.uuid(),
  poging: z.number().int(),
  leerling: z.object({ id: z.uuid(), naam: z.string(), leerlingnummer: z.string(), klas: z.string() }),
  keuzedeelCode: z.string(),
  keuzevakId: z.string().nullable(),
  resultaatvorm: z.enum(['behaald-niet-behaald', 'cijfer']),
  cesuur: z.number(),
  maximum: z.number(),
  versieEerste: z.number().int(),
  versieTweede: z.number().int(),
  criteria: z.array(BeoordelingCriterium),
  voortgang: z.object({ eerste: Voortgang, tweede: Voortgang }),
  /** What the 2nd assessor's scores give (the keuzedeel exam leads): total, behaald, proposed keuzevak grade. */
  berekend: z.object({ totaal: z.number(), behaald: z.boolean(), cijfer: z.number(), compleet: z.boolean(), knockOuts: z.array(z.string()) }),
  keuzedeelResultaat: KeuzedeelResultaat.nullable(),
  keuzedeelCijfer: z.number().nullable(),
  keuzevakCijfer: z.number().nullable(),
  cijferToelichting: z.string().nullable(),
  afgenomenOp: z.string().nullable(),
  status: z.enum(['open', 'vastgesteld']),
  vastgesteld: z.object({ at: z.string(), naam: z.string(), verificatiecode: z.string() }).nullable(),
  /** Which side the user may fill in (null: read only), and whether the user corrects (examencommissie after vaststelling). */
  mijnKant: Kant.nullable(),
  magCorrigeren: z.boolean(),
  magHerkansing: z.boolean(),
  herkansingUitleg: z.string().nullable(),
  historie: z.array(HistorieRegel),
});
export type BeoordelingDetail = z.infer<typeof BeoordelingDetail>;

export const BeoordelingRegel = z.object({
  id: z.uuid(),
  poging: z.number().int(),
  leerling: z.object({ id: z.uuid(), naam: z.string(), leerlingnummer: z.string(), klas: z.string() }),
  voortgang: z.object({ eerste: Voortgang, tweede: Voortgang }),
  keuzedeelResultaat: KeuzedeelResultaat.nullable(),
  keuzedeelCijfer: z.number().nullable(),
  keuzevakCijfer: z.number().nullable(),
  status: z.enum(['open', 'vastgesteld']),
  /** Why this form cannot be vastgesteld yet (empty: complete). */
  onvolledig: z.array(z.string()),
});
export type BeoordelingRegel = z.infer<typeof BeoordelingRegel>;

export const BeoordelingLijst = z.object({
  examenId: z.uuid(),
  keuzedeelCode: z.string(),
  resultaatvorm: z.enum(['behaald-niet-behaald', 'cijfer']),
  /** null: the exam has no vastgesteld plan yet, so there is nothing to assess. */
  planVersie: z.number().int().nullable(),
  resultatenVastgesteldAt: z.string().nullable(),
  formulieren: z.array(BeoordelingRegel),
  samenvatting: z.object({ totaal: z.number().int(), compleet: z.number().int(), behaald: z.number().int(), nietBehaald: z.number().int(), vastgesteld: z.number().int() }),
  rechten: z.object({ eerste: z.boolean(), tweede: z.boolean(), vaststellen: z.boolean(), exportVmbo: z.boolean(), exportMbo: z.boolean() }),
});
export type BeoordelingLijst = z.infer<typeof BeoordelingLijst>;

export const VaststellenResultaat = z.object({
  examenId: z.uuid(),
  vastgesteld: z.number().int(),
  resultatenVastgesteldAt: z.string(),
});
export type VaststellenResultaat = z.infer<typeof VaststellenResultaat>;

/** The columns of the exports (documented in docs/beoordeling.md). */
export const SE_CIJFER_KOLOMMEN = ['leerlingnummer', 'toetscode', 'cijfer', 'datum'] as const;
export const KEUZEDEEL_KOLOMMEN = ['leerlingnummer', 'leerling', 'keuzedeelcode', 'resultaat', 'cijfer', 'datum', 'beoordelaar'] as const;
