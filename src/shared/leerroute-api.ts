/**
 * API contract of the leerroute-ontwerper (issue 6), shared by server and client.
 *
 * Design (see also docs/decisions/0008-leerroute-model.md):
 * - A leerroute belongs to one samenwerking. Read: staff of an accepted partner organisation; write: beheerder or
 *   ontwikkelaar of a partner (src/server/use-cases/partnerships/access.ts). Foreign users get 404.
 * - Type and shape: `doorlopend` (vmbo + mbo diploma, first leerjaar ≥ 3, at least one vmbo and one mbo year, a
 *   leerweg and a kwalificatie), `geintegreerd` (leerweg BB into a niveau 2 kwalificatie, no vmbo diploma),
 *   `keuzevak-keuzedeel` (exactly one keuzevak and one keuzedeel, no profielmodulen and no kwalificatie: one
 *   programme and one exam), `gl-tl-niveau4` (leerweg GL or TL, niveau 4 kwalificatie). A create or settings change
 *   that breaks its type's shape is a 400 with the problems per field; nothing is stored.
 * - Tijdpad: leerjaren (default 3 and 4 vmbo, 5 the first mbo year), each with its fase (vmbo|mbo), its number of
 *   periods (default 4) and the partner organisation that teaches it.
 * - Item ids are those of the overlap inventory (src/domain/inventory/ids.ts): an eindterm's SLO id (UUID), a
 *   werkproces `crebo:code` (25282:B1-K1-W1), a keuzedeel `keuzedeel:K0072` (one item: our data holds no parts).
 *   The route's doelen are: every eindterm of the chosen keuzevakken and profielmodulen valid for the leerweg, every
 *   werkproces of the kwalificatie, and each keuzedeel.
 * - Step 2, planning: a planningsregel puts one or more items in a leerjaar and periode. A regel holding items of both
 *   sides is a "Beiden" regel: planned once, it counts for every item in it, and an activiteit or toets that names
 *   one item of such a regel counts for all items of that regel.
 * - Step 3 toetsen, step 4 activiteiten, step 5 materialen: per leerjaar and periode.
 * - Concurrency: every entity (the route's settings, each planningsregel, toets, activiteit, materiaal) has its own
 *   `versie`. Creating never conflicts; changing or deleting sends the versie the client last saw, and a stale versie
 *   is a 409 with a Dutch message (someone else changed it; reload). Two schools editing different things never get
 *   in each other's way and nobody silently overwrites another's work.
 * - Every change is attributed (user, organisation, time) in an append-only history (GET .../historie).
 * - Every successful change answers with the whole route (LeerrouteDetail, including the fresh dekking), so the
 *   client shows the other school's work as well.
 */
import { z } from 'zod';
import { tekst, httpUrl } from './text.js';
import { Leerweg } from './catalog-api.js';
import { ItemId } from './inventory-api.js';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

export const LEERROUTE_TYPES = ['doorlopend', 'geintegreerd', 'keuzevak-keuzedeel', 'gl-tl-niveau4'] as const;
export const LeerrouteType = z
  .enum(LEERROUTE_TYPES)
  .describe('doorlopend (vmbo- en mbo-diploma), geintegreerd (BB naar mbo niveau 2 zonder vmbo-diploma), keuzevak-keuzedeel (één programma en één examen), gl-tl-niveau4');
export type LeerrouteType = z.infer<typeof LeerrouteType>;

export const LEERROUTE_TYPE_NAMEN: Record<LeerrouteType, string> = {
  doorlopend: 'Doorlopende leerroute',
  geintegreerd: 'Geïntegreerde leerroute',
  'keuzevak-keuzedeel': 'Keuzevak-keuzedeelarrangement',
  'gl-tl-niveau4': 'Route GL/TL naar mbo niveau 4',
};

export const Fase = z.enum(['vmbo', 'mbo']).describe('vmbo-jaar of mbo-jaar');
export type Fase = z.infer<typeof Fase>;

export const TOETSVORMEN = ['schriftelijk', 'mondeling', 'praktijkopdracht', 'proeve-van-bekwaamheid', 'presentatie', 'portfolio', 'anders'] as const;
export const Toetsvorm = z.enum(TOETSVORMEN);
export type Toetsvorm = z.infer<typeof Toetsvorm>;
export const TOETSVORM_NAMEN: Record<Toetsvorm, string> = {
  schriftelijk: 'Schriftelijk',
  mondeling: 'Mondeling',
  praktijkopdracht: 'Praktijkopdracht',
  'proeve-van-bekwaamheid': 'Proeve van bekwaamheid',
  presentatie: 'Presentatie',
  portfolio: 'Portfolio',
  anders: 'Anders',
};
export const Toetssoort = z.enum(['formatief', 'summatief']);
export type Toetssoort = z.infer<typeof Toetssoort>;
export const OnderdeelVan = z
  .enum(['pta', 'examenplan', 'beide', 'geen'])
  .describe('pta (vmbo-schoolexamen), examenplan (mbo), beide, of geen (bijvoorbeeld een formatieve toets)');
export type OnderdeelVan = z.infer<typeof OnderdeelVan>;

export const MATERIAALSOORTEN = ['methode', 'gereedschap', 'locatie', 'digitaal', 'anders'] as const;
export const Materiaalsoort = z.enum(MATERIAALSOORTEN);
export type Materiaalsoort = z.infer<typeof Materiaalsoort>;

const Naam = tekst().trim().min(1, 'vul een naam in').max(200, 'hooguit 200 tekens');
const Tekst = (max: number) => tekst().trim().max(max, `hooguit ${max} tekens`);
const Code = (wat: string) => tekst().trim().toUpperCase().transform((c) => c.replaceAll('-', '/')).pipe(z.string().regex(/^[A-Z0-9/&]{1,30}$/, `ongeldige code van een ${wat}`));
const Versie = z.number().int().min(1).describe('De versie die u het laatst zag; verouderd: 409');
const Leerjaar = z.number().int().min(1, 'leerjaar 1 tot en met 8').max(8, 'leerjaar 1 tot en met 8');
const Periode = z.number().int().min(1, 'periode vanaf 1').max(12, 'hooguit 12 perioden');
const Doelen = z.array(ItemId).max(2000, 'hooguit 2000 doelen').describe('Item-ids (eindterm, werkproces, keuzedeel)');
const OrganisatieId = z.uuid('onbekende organisatie');
/** "2026-2027": the schooljaar (cohort) a route starts in; the second year follows the first. */
export const Schooljaar = tekst()
  .trim()
  .regex(/^\d{4}-\d{4}$/, 'schrijf het schooljaar als 2026-2027')
  // Only said of a value in the right form (the regex above already names a wrong form).
  .refine((s) => !/^\d{4}-\d{4}$/.test(s) || Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'het tweede jaar volgt op het eerste, bijvoorbeeld 2026-2027')
  .refine((s) => !/^\d{4}-\d{4}$/.test(s) || (Number(s.slice(0, 4)) >= 2000 && Number(s.slice(0, 4)) <= 2100), 'een schooljaar tussen 2000 en 2100')
  .describe('Schooljaar (cohort) waarin de route begint, bijvoorbeeld 2026-2027');

// ---------------------------------------------------------------------------------------------------------------
// Settings (type, selections, tijdpad)
// ---------------------------------------------------------------------------------------------------------------

export const VmboKant = z.object({
  profiel: tekst().trim().toUpperCase().regex(/^[A-Z&]{1,10}$/, 'ongeldige profielcode, bijvoorbeeld PIE').nullable().default(null),
  leerweg: Leerweg.nullable().default(null),
  profielmodulen: z.array(Code('profielmodule')).max(50, 'hooguit 50 profielmodulen').default([]),
  keuzevakken: z.array(Code('keuzevak')).max(100, 'hooguit 100 keuzevakken').default([]),
});
export type VmboKant = z.infer<typeof VmboKant>;

export const MboKant = z.object({
  kwalificatie: tekst().trim().regex(/^\d{5}$/, 'een crebo bestaat uit vijf cijfers').nullable().default(null).describe('Crebo van de kwalificatie'),
  keuzedelen: z.array(tekst().trim().toUpperCase().regex(/^[A-Z0-9]{1,20}$/, 'ongeldige keuzedeelcode, bijvoorbeeld K0072')).max(50, 'hooguit 50 keuzedelen').default([]),
});
export type MboKant = z.infer<typeof MboKant>;

export const TijdpadJaar = z.object({
  leerjaar: Leerjaar,
  fase: Fase,
  perioden: z.number().int().min(1, 'minstens 1 periode').max(12, 'hooguit 12 perioden').default(4),
  organisatieId: OrganisatieId.nullable().default(null).describe('De partner die dit jaar verzorgt (null: nog niet gekozen)'),
});
export type TijdpadJaar = z.infer<typeof TijdpadJaar>;
export const Tijdpad = z.array(TijdpadJaar).min(1, 'kies minstens één leerjaar').max(8, 'hooguit 8 leerjaren');

/** POST /api/partnerships/:id/leerroutes. Without tijdpad: leerjaren 3, 4 (vmbo) and 5 (mbo), 4 perioden, each taught by a partner of that kind. */
export const LeerrouteAanmaken = z.object({
  naam: Naam,
  type: LeerrouteType,
  vmbo: VmboKant.default({ profiel: null, leerweg: null, profielmodulen: [], keuzevakken: [] }),
  mbo: MboKant.default({ kwalificatie: null, keuzedelen: [] }),
  tijdpad: Tijdpad.optional(),
  schooljaar: Schooljaar.nullable().default(null),
});
export type LeerrouteAanmaken = z.input<typeof LeerrouteAanmaken>;

/** PUT /api/leerroutes/:routeId: all settings at once, with the versie of the route. */
export const LeerrouteInstellingen = z.object({
  versie: Versie,
  naam: Naam,
  type: LeerrouteType,
  vmbo: VmboKant,
  mbo: MboKant,
  tijdpad: Tijdpad,
  /** Left out: the schooljaar stays as it is (clients made before issue 12 do not send it). */
  schooljaar: Schooljaar.nullable().optional(),
});
export type LeerrouteInstellingen = z.input<typeof LeerrouteInstellingen>;

// ---------------------------------------------------------------------------------------------------------------
// Step 2–5 inputs
// ---------------------------------------------------------------------------------------------------------------

/** POST /api/leerroutes/:routeId/planning: plan one item, or a Beiden link (eindterm + werkproces(sen)) once. */
export const PlanningToevoegen = z.object({
  items: z.array(ItemId).min(1, 'kies minstens één doel').max(20, 'hooguit 20 doelen in één regel'),
  leerjaar: Leerjaar,
  periode: Periode,
});
export type PlanningToevoegen = z.input<typeof PlanningToevoegen>;

/** PATCH /api/leerroutes/:routeId/planning/:regelId: move (drag and drop, or by keyboard). */
export const PlanningVerplaatsen = z.object({ versie: Versie, leerjaar: Leerjaar, periode: Periode });
export type PlanningVerplaatsen = z.input<typeof PlanningVerplaatsen>;

export const ToetsInvoer = z.object({
  leerjaar: Leerjaar,
  periode: Periode,
  toetscode: tekst().trim().min(1, 'vul een toetscode in').max(30, 'hooguit 30 tekens'),
  naam: Tekst(300).min(1, 'vul de inhoud of naam van de toets in'),
  omschrijving: Tekst(4000).default(''),
  vorm: Toetsvorm,
  soort: Toetssoort,
  doelen: Doelen.default([]),
  duurMinuten: z.number().int().min(0, 'duur in minuten, 0 of meer').max(10000, 'hooguit 10000 minuten').nullable().default(null),
  weging: z.number().min(0, 'weging 0 of meer').max(100, 'weging hooguit 100').nullable().default(null),
  herkansbaar: z.boolean().default(false),
  onderdeelVan: OnderdeelVan.default('geen'),
  seWeging: z.number().min(0, 'SE-weging 0 of meer').max(100, 'SE-weging hooguit 100').nullable().default(null).describe('Weging in het schoolexamen (PTA)'),
});
/** POST /api/leerroutes/:routeId/toetsen */
export const ToetsToevoegen = ToetsInvoer;
export type ToetsToevoegen = z.input<typeof ToetsToevoegen>;
/** PUT /api/leerroutes/:routeId/toetsen/:toetsId (all fields, with versie) */
export const ToetsWijzigen = ToetsInvoer.extend({ versie: Versie });
export type ToetsWijzigen = z.input<typeof ToetsWijzigen>;

export const ActiviteitInvoer = z.object({
  leerjaar: Leerjaar,
  periode: Periode,
  titel: Tekst(300).min(1, 'vul een titel in'),
  omschrijving: Tekst(4000).default(''),
  doelen: Doelen.default([]),
  organisatieId: OrganisatieId.nullable().default(null).describe('De partner die de activiteit verzorgt'),
  uren: z.number().min(0, 'uren 0 of meer').max(2000, 'hooguit 2000 uur').nullable().default(null),
});
export const ActiviteitToevoegen = ActiviteitInvoer;
export type ActiviteitToevoegen = z.input<typeof ActiviteitToevoegen>;
export const ActiviteitWijzigen = ActiviteitInvoer.extend({ versie: Versie });
export type ActiviteitWijzigen = z.input<typeof ActiviteitWijzigen>;

export const MateriaalInvoer = z.object({
  leerjaar: Leerjaar,
  periode: Periode,
  titel: Tekst(300).min(1, 'vul een titel in'),
  soort: Materiaalsoort,
  omschrijving: Tekst(4000).default(''),
  url: httpUrl(2000).nullable().default(null).describe('Alleen http:// of https://'),
  organisatieId: OrganisatieId.nullable().default(null).describe('De partner die het materiaal levert'),
});
export const MateriaalToevoegen = MateriaalInvoer;
export type MateriaalToevoegen = z.input<typeof MateriaalToevoegen>;
export const MateriaalWijzigen = MateriaalInvoer.extend({ versie: Versie });
export type MateriaalWijzigen = z.input<typeof MateriaalWijzigen>;

/** DELETE …/:entityId?versie=3 */
export const VerwijderQuery = z.object({ versie: z.coerce.number().int().min(1, 'geef de versie mee') });

export const LeerrouteParams = z.object({ routeId: z.uuid('onbekende leerroute') });
export const PlanningParams = z.object({ routeId: z.uuid('onbekende leerroute'), regelId: z.uuid('onbekende planningsregel') });
export const ToetsParams = z.object({ routeId: z.uuid('onbekende leerroute'), toetsId: z.uuid('onbekende toets') });
export const ActiviteitParams = z.object({ routeId: z.uuid('onbekende leerroute'), activiteitId: z.uuid('onbekende activiteit') });
export const MateriaalParams = z.object({ routeId: z.uuid('onbekende leerroute'), materiaalId: z.uuid('onbekend materiaal') });

// ---------------------------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------------------------

const Wie = z.object({
  gebruiker: z.object({ id: z.string(), naam: z.string() }),
  organisatie: z.object({ id: z.string(), naam: z.string() }).nullable(),
  op: z.string().describe('ISO 8601'),
});

/** A doel of the route (a coverage target) with enough context for the screens and exports. */
export const LeerrouteDoel = z.object({
  id: z.string(),
  side: Fase,
  soort: z.enum(['eindterm', 'werkproces', 'keuzedeel']),
  code: z.string(),
  titel: z.string(),
  bron: z.object({
    soort: z.enum(['keuzevak', 'profielmodule', 'kwalificatie', 'keuzedeel']),
    code: z.string(),
    titel: z.string(),
  }).describe('Keuzevak/profielmodule of the eindterm, kwalificatie of the werkproces, or the keuzedeel itself'),
  context: z.array(z.string()).describe('Deeltaak, of kerntaak; may be empty'),
});
export type LeerrouteDoel = z.infer<typeof LeerrouteDoel>;

/** An item the route names that is not (or no longer) one of its doelen: still named by code and title. */
export const AnderDoel = z.object({
  id: z.string(),
  side: Fase,
  code: z.string(),
  titel: z.string(),
  reden: z.enum(['vervallen', 'niet-in-route']).describe('vervallen: removed from the catalogue by an import; niet-in-route: in the catalogue, but not a doel of the route (any more)'),
});
export type AnderDoel = z.infer<typeof AnderDoel>;

export const Planningsregel = z.object({
  id: z.string(),
  versie: z.number().int(),
  items: z.array(z.string()),
  beiden: z.boolean().describe('Items van beide kanten: één keer gepland, telt voor allebei'),
  leerjaar: z.number().int(),
  periode: z.number().int(),
  gewijzigd: Wie,
});
export type Planningsregel = z.infer<typeof Planningsregel>;

export const Toets = z.object({
  id: z.string(),
  versie: z.number().int(),
  leerjaar: z.number().int(),
  periode: z.number().int(),
  toetscode: z.string(),
  naam: z.string(),
  omschrijving: z.string(),
  vorm: Toetsvorm,
  soort: Toetssoort,
  doelen: z.array(z.string()),
  duurMinuten: z.number().int().nullable(),
  weging: z.number().nullable(),
  herkansbaar: z.boolean(),
  onderdeelVan: OnderdeelVan,
  seWeging: z.number().nullable(),
  gewijzigd: Wie,
});
export type Toets = z.infer<typeof Toets>;

export const Activiteit = z.object({
  id: z.string(),
  versie: z.number().int(),
  leerjaar: z.number().int(),
  periode: z.number().int(),
  titel: z.string(),
  omschrijving: z.string(),
  doelen: z.array(z.string()),
  organisatieId: z.string().nullable(),
  uren: z.number().nullable(),
  gewijzigd: Wie,
});
export type Activiteit = z.infer<typeof Activiteit>;

export const Materiaal = z.object({
  id: z.string(),
  versie: z.number().int(),
  leerjaar: z.number().int(),
  periode: z.number().int(),
  titel: z.string(),
  soort: Materiaalsoort,
  omschrijving: z.string(),
  url: z.string().nullable(),
  organisatieId: z.string().nullable(),
  gewijzigd: Wie,
});
export type Materiaal = z.infer<typeof Materiaal>;

export const Stap = z.enum(['instellingen', 'inventarisatie', 'planning', 'toetsing', 'activiteiten', 'materialen']);
export type Stap = z.infer<typeof Stap>;
export const Ontbreekt = z.enum(['planning', 'activiteit', 'summatieve-toets']);
export type Ontbreekt = z.infer<typeof Ontbreekt>;
const Plek = z.object({ leerjaar: z.number().int(), periode: z.number().int() });

export const DekkingDoel = z.object({
  id: z.string(),
  side: Fase,
  gepland: z.array(Plek),
  activiteiten: z.array(z.string()).describe('Ids of the activiteiten that teach it'),
  summatieveToetsen: z.array(z.string()).describe('Ids of the summatieve toetsen that close it'),
  formatieveToetsen: z.array(z.string()),
  ontbreekt: z.array(Ontbreekt),
});
export type DekkingDoel = z.infer<typeof DekkingDoel>;

/** A gap: a doel that is not yet planned, taught or closed; says where to fix it. */
export const Gat = z.object({
  itemId: z.string(),
  ontbreekt: Ontbreekt,
  stap: Stap.describe('planning, activiteiten of toetsing'),
  leerjaar: z.number().int().nullable().describe('Where it is planned (the place to add the activiteit or toets); null when not planned'),
  periode: z.number().int().nullable(),
  melding: z.string(),
});
export type Gat = z.infer<typeof Gat>;

export const WAARSCHUWING_CODES = [
  'summatieve-toets-zonder-doelen',
  'dubbel-summatief',
  'beiden-dubbel-gepland',
  'vmbo-doel-alleen-in-mbo-jaar',
  'periode-bestaat-niet',
  'doel-hoort-niet-bij-route',
  'activiteit-zonder-doelen',
  'toets-voor-planning',
  'pta-toets-in-mbo-jaar',
  'dubbel-gepland',
  'doel-vervallen',
  'se-weging-niet-100',
] as const;
export const WaarschuwingCode = z.enum(WAARSCHUWING_CODES);
export type WaarschuwingCode = z.infer<typeof WaarschuwingCode>;

export const Waarschuwing = z.object({
  code: WaarschuwingCode,
  melding: z.string(),
  stap: Stap,
  leerjaar: z.number().int().nullable(),
  periode: z.number().int().nullable(),
  itemIds: z.array(z.string()),
  entiteit: z.object({ soort: z.enum(['planning', 'toets', 'activiteit', 'materiaal']), id: z.string() }).nullable(),
});
export type Waarschuwing = z.infer<typeof Waarschuwing>;

export const Dekking = z.object({
  compleet: z.boolean().describe('Every doel planned, taught and closed by a summatieve toets'),
  totalen: z.object({
    doelen: z.number().int(),
    vmbo: z.number().int(),
    mbo: z.number().int(),
    gepland: z.number().int(),
    onderwezen: z.number().int(),
    summatiefGetoetst: z.number().int(),
    volledig: z.number().int(),
  }),
  doelen: z.array(DekkingDoel),
  gaten: z.array(Gat),
  waarschuwingen: z.array(Waarschuwing),
});
export type Dekking = z.infer<typeof Dekking>;

export const LeerrouteSamenvatting = z.object({
  id: z.string(),
  naam: z.string(),
  type: LeerrouteType,
  samenwerkingId: z.string(),
  schooljaar: z.string().nullable(),
  versie: z.number().int(),
  aangemaakt: Wie,
  gewijzigd: Wie,
});
export type LeerrouteSamenvatting = z.infer<typeof LeerrouteSamenvatting>;

export const LeerrouteDetail = z.object({
  id: z.string(),
  naam: z.string(),
  type: LeerrouteType,
  schooljaar: z.string().nullable().describe('Schooljaar (cohort) waarin de route begint, bijvoorbeeld 2026-2027; null: niet opgegeven'),
  versie: z.number().int().describe('Versie of the settings (naam, type, selections, tijdpad)'),
  samenwerking: z.object({ id: z.string(), naam: z.string() }),
  partners: z.array(z.object({ id: z.string(), naam: z.string(), soort: z.string() })),
  diplomas: z.object({ vmbo: z.boolean(), mbo: z.boolean() }).describe('Which diplomas the route leads to (from its type)'),
  leidtTot: z.array(z.string()).describe('What the route leads to, in Dutch, per side (e.g. the keuzevak in the vmbo-diploma)'),
  vmbo: z.object({
    profiel: z.object({ code: z.string(), titel: z.string() }).nullable(),
    leerweg: Leerweg.nullable(),
    profielmodulen: z.array(z.object({ code: z.string(), titel: z.string() })),
    keuzevakken: z.array(z.object({ code: z.string(), titel: z.string() })),
  }),
  mbo: z.object({
    kwalificatie: z.object({ crebo: z.string(), naam: z.string(), niveau: z.number().int().nullable() }).nullable(),
    keuzedelen: z.array(z.object({ code: z.string(), titel: z.string() })),
  }),
  tijdpad: z.array(
    z.object({
      leerjaar: z.number().int(),
      fase: Fase,
      perioden: z.number().int(),
      organisatie: z.object({ id: z.string(), naam: z.string() }).nullable(),
    }),
  ),
  doelen: z.array(LeerrouteDoel).describe('The coverage targets, in catalogue order'),
  andereDoelen: z
    .array(AnderDoel)
    .describe('Items the planning, toetsen or activiteiten still name but that are no longer doelen of the route, with the code and title the catalogue keeps for them'),
  planning: z.array(Planningsregel),
  toetsen: z.array(Toets),
  activiteiten: z.array(Activiteit),
  materialen: z.array(Materiaal),
  dekking: Dekking,
  mijnRechten: z.object({ wijzigen: z.boolean() }),
  aangemaakt: Wie,
  gewijzigd: Wie,
  opmerkingen: z.array(z.string()).describe('E.g. a keuzevak code that is no longer in the catalogue'),
});
export type LeerrouteDetail = z.infer<typeof LeerrouteDetail>;

export const HistorieRegel = z.object({
  id: z.string(),
  op: z.string().describe('ISO 8601'),
  gebruiker: z.object({ id: z.string(), naam: z.string() }),
  organisatie: z.object({ id: z.string(), naam: z.string() }).nullable(),
  actie: z.string().describe('e.g. leerroute.aangemaakt, planning.toegevoegd, toets.gewijzigd'),
  omschrijving: z.string().describe('Dutch, for people'),
  zin: z.string().describe('Wie (voor welke school) wat deed, als één Nederlandse zin; een verwijderd account heet "een verwijderd account"'),
  entiteit: z.object({ soort: z.enum(['leerroute', 'planning', 'toets', 'activiteit', 'materiaal']), id: z.string() }),
  details: z.record(z.string(), z.unknown()),
});
export type HistorieRegel = z.infer<typeof HistorieRegel>;
export const Historie = z.object({ regels: z.array(HistorieRegel).describe('Newest first') });
export type Historie = z.infer<typeof Historie>;
export const HistorieQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

export const LeerrouteLijst = z.object({ leerroutes: z.array(LeerrouteSamenvatting) });
export type LeerrouteLijst = z.infer<typeof LeerrouteLijst>;

/** Route list (all under /api):
 * GET    /partnerships/:id/leerroutes                       LeerrouteLijst (read)
 * POST   /partnerships/:id/leerroutes                       LeerrouteAanmaken → 201 LeerrouteDetail (write)
 * GET    /leerroutes/:routeId                               LeerrouteDetail (read)
 * PUT    /leerroutes/:routeId                               LeerrouteInstellingen → LeerrouteDetail (write)
 * DELETE /leerroutes/:routeId?versie=n                      204 (write)
 * GET    /leerroutes/:routeId/dekking                       Dekking (read)
 * GET    /leerroutes/:routeId/inventaris                    Inventaris of inventory-api.ts for the route's selections, with the samenwerking's reviews (read)
 * GET    /leerroutes/:routeId/historie?limit=               Historie (read)
 * POST   /leerroutes/:routeId/planning                      PlanningToevoegen → 201 LeerrouteDetail
 * PATCH  /leerroutes/:routeId/planning/:regelId             PlanningVerplaatsen → LeerrouteDetail
 * DELETE /leerroutes/:routeId/planning/:regelId?versie=n    → LeerrouteDetail
 * POST   /leerroutes/:routeId/toetsen                       ToetsToevoegen → 201 LeerrouteDetail
 * PUT    /leerroutes/:routeId/toetsen/:toetsId              ToetsWijzigen → LeerrouteDetail
 * DELETE /leerroutes/:routeId/toetsen/:toetsId?versie=n     → LeerrouteDetail
 * (same for /activiteiten/:activiteitId and /materialen/:materiaalId)
 */