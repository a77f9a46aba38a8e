/**
 * The joint exam of keuzevak and keuzedeel (issue 14): the shape of an exam plan's content, shared by the plan
 * (examenplan), the assessment (beoordeling) and the exports. One plan version's `inhoud` is stored as jsonb and
 * validated with `ExamenplanInhoud` on every write.
 *
 * - onderdelen (assignments) with beoordelingscriteria; each criterion has its own maximum score (the scale per
 *   criterion is 0 … maxScore in steps of 0.5) and lists the vmbo eindtermen and mbo werkprocessen it covers;
 * - cesuur: the minimum total of points for "behaald", optionally a minimum per criterion (knock-out criteria);
 * - resultaatvorm: how the mbo instelling records the keuzedeel result (behaald/niet behaald, or also a grade);
 * - omzetting: the conversion of the total points into the vmbo keuzevak grade (1.0–10.0, one decimal) agreed between
 *   the schools: piecewise linear through (0 → 1.0), (cesuur → 5.5), (max → 10.0), or a table;
 * - the PTA toets of the route this exam serves, planned dates, location and the named assessors.
 */
import { z } from 'zod';
import { tekst } from './text.js';

export const ExamenGrondslag = z
  .enum(['extraneus', 'gezamenlijk-pta-oer'])
  .describe('Waarom het resultaat tot vrijstelling leidt: de leerling is extraneus ingeschreven bij het mbo, of het examen hoort bij een gezamenlijk PTA/OER van een doorlopende leerroute');
export const EXAMEN_GRONDSLAG_LABELS: Record<z.infer<typeof ExamenGrondslag>, string> = {
  extraneus: 'mbo-examen: de leerling is als extraneus ingeschreven bij de mbo-instelling',
  'gezamenlijk-pta-oer': 'onderdeel van het gezamenlijke PTA/OER van de doorlopende leerroute',
};

const id = tekst().regex(/^[a-z0-9-]{1,40}$/, 'een id van kleine letters, cijfers en streepjes (hooguit 40 tekens)');

export const ExamenCriterium = z.object({
  id,
  omschrijving: tekst().trim().min(1, 'geef het criterium een omschrijving').max(1000),
  maxScore: z.number().int().min(1).max(100).describe('De hoogste score voor dit criterium (schaal 0 … maxScore, stappen van 0,5)'),
  minimumScore: z.number().min(0).max(100).nullable().default(null).describe('Knock-out: onder deze score is het keuzedeel niet behaald, wat het totaal ook is'),
  eindtermen: z.array(tekst().min(1).max(200)).max(100).default([]).describe('vmbo-eindtermen (catalogus-id) die dit criterium toetst'),
  werkprocessen: z.array(tekst().min(1).max(200)).max(100).default([]).describe('mbo-werkprocessen of keuzedeel-onderdelen (catalogus-id) die dit criterium toetst'),
});
export type ExamenCriterium = z.infer<typeof ExamenCriterium>;

export const ExamenOnderdeel = z.object({
  id,
  titel: tekst().trim().min(1, 'geef de opdracht een titel').max(200),
  omschrijving: tekst().trim().max(4000).default(''),
  criteria: z.array(ExamenCriterium).min(1, 'een opdracht heeft minstens één beoordelingscriterium').max(50),
});
export type ExamenOnderdeel = z.infer<typeof ExamenOnderdeel>;

export const Omzetting = z.discriminatedUnion('methode', [
  z.object({ methode: z.literal('lineair-cesuur').describe('(0 → 1,0), (cesuur → 5,5), (maximum → 10,0), lineair daartussen') }),
  z.object({
    methode: z.literal('tabel'),
    tabel: z
      .array(z.object({ vanafPunten: z.number().min(0), cijfer: z.number().min(1).max(10) }))
      .min(1)
      .max(200)
      .describe('Vanaf dit aantal punten dit cijfer; oplopend in punten'),
  }),
]);
export type Omzetting = z.infer<typeof Omzetting>;

export const ExamenplanInhoud = z.object({
  onderdelen: z.array(ExamenOnderdeel).max(30).default([]),
  cesuur: z.object({ minimumPunten: z.number().min(0).describe('Minimaal totaal aantal punten voor behaald') }).default({ minimumPunten: 0 }),
  resultaatvorm: z.enum(['behaald-niet-behaald', 'cijfer']).default('behaald-niet-behaald'),
  omzetting: Omzetting.default({ methode: 'lineair-cesuur' }),
  ptaToetsId: z.string().uuid().nullable().default(null).describe('De PTA-toets van de leerroute die dit examen afsluit'),
  datums: z.array(z.object({ datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), omschrijving: tekst().trim().max(200).default('') })).max(20).default([]),
  locatie: tekst().trim().max(300).default(''),
  examinatorId: z.string().uuid().nullable().default(null).describe('De vmbo-examinator (1e beoordelaar)'),
  beoordelaarId: z.string().uuid().nullable().default(null).describe('De mbo-beoordelaar (2e beoordelaar, beslist over het keuzedeel)'),
});
export type ExamenplanInhoud = z.infer<typeof ExamenplanInhoud>;
