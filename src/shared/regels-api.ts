/**
 * API contract of the regelbank (issue 13, "wat moet en wat mag" made executable), shared by server and client.
 *
 * - A rule (Regel) is data (src/domain/regels/regels.json, versioned) plus one pure check per id
 *   (src/domain/regels/checks.ts). GET /api/regels lists every rule with its source: public, no organisation data.
 * - The checks run on a leerroute (GET /api/leerroutes/:routeId/regels) and on an agreement
 *   (GET /api/overeenkomsten/:id/regels; 404 while agreements do not exist). Read: staff of a partner; foreign users 404.
 * - A samenwerking may mark a rule "niet van toepassing" for one route with a reason (PUT/DELETE
 *   /api/leerroutes/:routeId/regels/:regelId/markering; write: beheerder/ontwikkelaar). The mark is audited and shown
 *   with who and when; the rule's outcome stays visible beside it.
 * - Docentinzet per samenwerking and schooljaar (/api/partnerships/:id/docentinzet): who teaches, from which partner,
 *   with which bevoegdheid, to which pupils and how many hours. Versie per row (stale: 409).
 * - Kalender: GET /api/partnerships/:id/kalender.ics?schooljaar=2026-2027 (iCalendar, RFC 5545).
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { Schooljaar } from './leerroute-api.js';

// ---------------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------------

export const REGEL_NIVEAUS = ['moet', 'mag-niet', 'advies'] as const;
export const RegelNiveau = z.enum(REGEL_NIVEAUS);
export type RegelNiveau = z.infer<typeof RegelNiveau>;
export const REGEL_NIVEAU_NAMEN: Record<RegelNiveau, string> = { moet: 'Moet', 'mag-niet': 'Mag niet', advies: 'Advies' };

export const GELDT_VOOR = ['leerroute', 'overeenkomst', 'toets-pta', 'activiteit', 'docentinzet', 'leerling'] as const;
export const GeldtVoor = z.enum(GELDT_VOOR);
export type GeldtVoor = z.infer<typeof GeldtVoor>;
export const GELDT_VOOR_NAMEN: Record<GeldtVoor, string> = {
  leerroute: 'Leerroute',
  overeenkomst: 'Samenwerkingsovereenkomst',
  'toets-pta': 'Toets en PTA',
  activiteit: 'Activiteit',
  docentinzet: 'Docentinzet',
  leerling: 'Leerling',
};

export const RegelBron = z.object({
  document: z.string(),
  sectie: z.string().describe('Heading of the document the rule comes from'),
  wetsartikel: z.string().optional().describe('The law (and article) where the source names it'),
});
export type RegelBron = z.infer<typeof RegelBron>;

export const RegelId = z.string().regex(/^[a-z0-9-]{3,60}$/, 'onbekende regel');

export const Regel = z.object({
  id: z.string(),
  titel: z.string(),
  niveau: RegelNiveau,
  geldtVoor: z.array(GeldtVoor).min(1),
  bron: RegelBron,
  uitleg: z.string(),
  oplossing: z.string(),
});
export type Regel = z.infer<typeof Regel>;

export const RegelLijst = z.object({ versie: z.string().describe('Version of the rule set'), regels: z.array(Regel) });
export type RegelLijst = z.infer<typeof RegelLijst>;

// ---------------------------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------------------------

/** overtreden: the rule is broken; onbekend: the data to decide is missing; voldaan; geldt-niet: not for this kind of route. */
export const UITKOMST_STATUSSEN = ['overtreden', 'onbekend', 'voldaan', 'geldt-niet'] as const;
export const UitkomstStatus = z.enum(UITKOMST_STATUSSEN);
export type UitkomstStatus = z.infer<typeof UitkomstStatus>;

/** Where the fix is made. */
export const RegelPlek = z.discriminatedUnion('soort', [
  z.object({
    soort: z.literal('leerroute'),
    stap: z.enum(['instellingen', 'inventarisatie', 'planning', 'toetsing', 'activiteiten', 'materialen']),
    leerjaar: z.number().int().nullable(),
    periode: z.number().int().nullable(),
  }),
  z.object({ soort: z.literal('docentinzet'), schooljaar: z.string().nullable() }),
  z.object({ soort: z.literal('overeenkomst'), overeenkomstId: z.string().nullable() }),
  z.object({ soort: z.literal('kalender'), schooljaar: z.string().nullable() }),
]);
export type RegelPlek = z.infer<typeof RegelPlek>;

export const Markering = z.object({
  reden: z.string(),
  door: z.object({ id: z.string(), naam: z.string() }),
  organisatie: z.object({ id: z.string(), naam: z.string() }).nullable(),
  op: z.string().describe('ISO 8601'),
});
export type Markering = z.infer<typeof Markering>;

export const RegelUitkomst = z.object({
  regel: Regel,
  status: UitkomstStatus,
  melding: z.string().describe('What the check found, in Dutch'),
  plek: RegelPlek.nullable(),
  markering: Markering.nullable().describe('Marked "niet van toepassing" for this route by the samenwerking, with reason'),
});
export type RegelUitkomst = z.infer<typeof RegelUitkomst>;

export const RegelUitkomsten = z.object({
  versie: z.string(),
  /** Unmarked violations first, then unknown, marked, met, not applying. */
  uitkomsten: z.array(RegelUitkomst),
  totalen: z.object({ overtreden: z.number().int(), onbekend: z.number().int(), gemarkeerd: z.number().int(), voldaan: z.number().int() }),
  overeenkomst: z.enum(['geen', 'gekoppeld']).describe('Whether an agreement of the samenwerking was found for this route'),
});
export type RegelUitkomsten = z.infer<typeof RegelUitkomsten>;

/** PUT /api/leerroutes/:routeId/regels/:regelId/markering */
export const MarkeringZetten = z.object({
  reden: tekst().trim().min(5, 'geef een reden van minstens 5 tekens').max(1000, 'hooguit 1000 tekens'),
});
export type MarkeringZetten = z.input<typeof MarkeringZetten>;
export const MarkeringParams = z.object({ routeId: z.uuid('onbekende leerroute'), regelId: RegelId });

// ---------------------------------------------------------------------------------------------------------------
// Docentinzet
// ---------------------------------------------------------------------------------------------------------------

export const BEVOEGDHEDEN = ['tweedegraads', 'pedagogisch-didactisch-getuigschrift', 'gastdocent'] as const;
export const Bevoegdheid = z.enum(BEVOEGDHEDEN);
export type Bevoegdheid = z.infer<typeof Bevoegdheid>;
export const BEVOEGDHEID_NAMEN: Record<Bevoegdheid, string> = {
  tweedegraads: 'Tweedegraads bevoegdheid',
  'pedagogisch-didactisch-getuigschrift': 'Pedagogisch-didactisch getuigschrift (mbo)',
  gastdocent: 'Gastdocent',
};
export const OnderwijsAan = z.enum(['vmbo', 'mbo']).describe('The pupils taught: vmbo-leerlingen or mbo-studenten');
export type OnderwijsAan = z.infer<typeof OnderwijsAan>;

const DocentinzetVelden = z.object({
  schooljaar: Schooljaar,
  naamOfRol: tekst().trim().min(1, 'vul een naam of rol in').max(200, 'hooguit 200 tekens'),
  organisatieId: z.uuid('onbekende organisatie').describe('The partner the teacher comes from'),
  bevoegdheid: Bevoegdheid,
  onderwijsAan: OnderwijsAan.default('vmbo'),
  uren: z.number({ error: 'vul het aantal uren in' }).min(0, 'uren 0 of meer').max(2000, 'hooguit 2000 uur per schooljaar'),
});
/** POST /api/partnerships/:id/docentinzet */
export const DocentinzetToevoegen = DocentinzetVelden;
export type DocentinzetToevoegen = z.input<typeof DocentinzetToevoegen>;
/** PUT /api/partnerships/:id/docentinzet/:inzetId */
export const DocentinzetWijzigen = DocentinzetVelden.extend({ versie: z.number().int().min(1) });
export type DocentinzetWijzigen = z.input<typeof DocentinzetWijzigen>;
export const DocentinzetParams = z.object({ id: z.uuid('onbekende samenwerking'), inzetId: z.uuid('onbekende docentinzet') });
export const DocentinzetQuery = z.object({ schooljaar: Schooljaar.optional() });
export const KalenderQuery = z.object({ schooljaar: Schooljaar });

export const Docentinzet = z.object({
  id: z.string(),
  versie: z.number().int(),
  schooljaar: z.string(),
  naamOfRol: z.string(),
  organisatie: z.object({ id: z.string(), naam: z.string(), soort: z.string() }),
  bevoegdheid: Bevoegdheid,
  onderwijsAan: OnderwijsAan,
  uren: z.number(),
  gewijzigd: z.object({ door: z.string().nullable(), op: z.string() }),
});
export type Docentinzet = z.infer<typeof Docentinzet>;
export const DocentinzetLijst = z.object({
  inzet: z.array(Docentinzet),
  /** The docentinzet rules on this list (per schooljaar), so the page shows what is wrong where it is entered. */
  uitkomsten: z.array(RegelUitkomst),
  mijnRechten: z.object({ wijzigen: z.boolean() }),
});
export type DocentinzetLijst = z.infer<typeof DocentinzetLijst>;

/** Route list (all under /api):
 * GET    /regels                                             RegelLijst (public)
 * GET    /leerroutes/:routeId/regels                         RegelUitkomsten (read)
 * PUT    /leerroutes/:routeId/regels/:regelId/markering      MarkeringZetten → RegelUitkomsten (write)
 * DELETE /leerroutes/:routeId/regels/:regelId/markering      → RegelUitkomsten (write)
 * GET    /overeenkomsten/:id/regels                          RegelUitkomsten (read; 404 until agreements exist)
 * GET    /partnerships/:id/docentinzet?schooljaar=           DocentinzetLijst (read)
 * POST   /partnerships/:id/docentinzet                       DocentinzetToevoegen → 201 Docentinzet (write)
 * PUT    /partnerships/:id/docentinzet/:inzetId              DocentinzetWijzigen → Docentinzet (write)
 * DELETE /partnerships/:id/docentinzet/:inzetId?versie=n     204 (write)
 * GET    /partnerships/:id/kalender.ics?schooljaar=          text/calendar (read)
 */
