/**
 * API contract of the overlap inventory (Alleen vmbo / Beiden / Alleen mbo) and the crosswalk of a samenwerking
 * (issue 5), shared by server and client. Item ids: an eindterm's SLO id; a werkproces `crebo:code`
 * (e.g. `25282:B1-K1-W1`); a keuzedeel `keuzedeel:code` (see src/domain/inventory/ids.ts).
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { LeerwegParam, Leerweg } from './catalog-api.js';

export const RELATIES = ['gelijk', 'deels', 'breder', 'smaller', 'verwant'] as const;
export const Relatie = z.enum(RELATIES).describe('gelijk, deels, breder (de eindterm is breder), smaller (de eindterm is smaller) of verwant');
export type Relatie = z.infer<typeof Relatie>;
export const Confidence = z.enum(['sterk', 'mogelijk', 'zwak']);
export type Confidence = z.infer<typeof Confidence>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const EindtermId = tekst()
  .trim()
  .toLowerCase()
  .regex(UUID, 'geen geldige eindterm (verwacht het SLO-id, een UUID)');
export const MboItemId = tekst()
  .trim()
  .regex(/^(\d{5}:[A-Za-z0-9][A-Za-z0-9.-]{0,39}|keuzedeel:[A-Za-z0-9][A-Za-z0-9.-]{0,19})$/, 'geen geldig werkproces (verwacht crebo:code, bijvoorbeeld 25282:B1-K1-W1, of keuzedeel:code)');
export const ItemId = z.union([EindtermId, MboItemId]);

/**
 * Bounds of one inventory selection (issue 10): the work of an inventory and its exports grows with the selection, and
 * the public endpoints are anonymous. The largest profiel has 25 keuzevakken and a few profielmodulen, a student's route
 * a handful of keuzedelen: these bounds leave room for every real selection.
 */
export const SELECTION_LIMITS = { keuzevakken: 40, profielmodulen: 12, keuzedelen: 30 } as const;

/** A comma-separated list of codes in a query string ("K/PIE/16,K/PIE/02"; "K-PIE-16" also works). */
const CodeList = (what: string, max: number) =>
  tekst()
    .trim()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((c) => c.trim().toUpperCase().replaceAll('-', '/'))
        .filter((c) => c.length > 0),
    )
    .pipe(z.array(z.string().regex(/^[A-Z0-9/&]{1,30}$/, `ongeldige code van een ${what}`)).max(max, `hooguit ${max} ${what}codes`));

export const InventarisQuery = z.object({
  profiel: tekst()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z&]{1,10}$/, 'ongeldige profielcode, bijvoorbeeld PIE')
    .optional()
    .describe('Profielcode, bijvoorbeeld PIE: de profielmodulen en (zonder keuzevakken) alle keuzevakken van het profiel'),
  profielmodulenVanProfiel: z
    .enum(['ja', 'nee'], 'ja of nee')
    .optional()
    .describe('nee: de profielmodulen van het profiel tellen niet vanzelf mee, alleen de genoemde profielmodulen (standaard: ja)'),
  keuzevakken: CodeList('keuzevak', SELECTION_LIMITS.keuzevakken).optional().describe('Keuzevakcodes, kommagescheiden: K/PIE/16,K/PIE/02'),
  profielmodulen: CodeList('profielmodule', SELECTION_LIMITS.profielmodulen).optional().describe('Codes van profielmodulen, kommagescheiden'),
  leerweg: LeerwegParam.optional().describe('Alleen eindtermen van deze leerweg tellen'),
  kwalificatie: tekst().trim().regex(/^\d{5}$/, 'een crebo bestaat uit vijf cijfers').optional().describe('Crebo van de kwalificatie'),
  keuzedelen: CodeList('keuzedeel', SELECTION_LIMITS.keuzedelen).optional().describe('Keuzedeelcodes, kommagescheiden: K0072,K0219'),
  min: Confidence.optional().describe('Voorstellen vanaf deze sterkte meetellen (standaard: mogelijk)'),
});
export type InventarisQuery = z.input<typeof InventarisQuery>;

export const ExportQuery = InventarisQuery.extend({ formaat: z.enum(['csv', 'xlsx']).describe('csv of xlsx') });

export const InventarisItem = z.object({
  id: z.string(),
  side: z.enum(['vmbo', 'mbo']),
  soort: z.enum(['eindterm', 'werkproces', 'keuzedeel']),
  code: z.string(),
  titel: z.string(),
  context: z.array(z.string()).describe('Keuzevak/profielmodule en deeltaak, of kwalificatie en kerntaak'),
  classificatie: z.enum(['beiden', 'alleen-vmbo', 'alleen-mbo']),
  gekoppeld: z.array(z.string()).describe('Ids van de gekoppelde items aan de andere kant, sterkste eerst'),
  bewustNietGekoppeld: z.boolean(),
  toelichtingNietGekoppeld: z.string().nullable(),
});
export type InventarisItem = z.infer<typeof InventarisItem>;

export const PaarBewijs = z.object({
  bevestigd: z.number().int().describe('Hoeveel andere samenwerkingen (elk met een geaccepteerde vmbo-school en mbo-instelling) dit paar bevestigden'),
  afgewezen: z.number().int().describe('Hoeveel andere samenwerkingen dit paar afwezen'),
  label: z.string().describe('In woorden, bijv. "bevestigd door 2 samenwerkingen" of "door docenten afgewezen in 1 samenwerking"'),
});
export type PaarBewijs = z.infer<typeof PaarBewijs>;

export const Koppeling = z.object({
  eindtermId: z.string(),
  werkprocesId: z.string(),
  status: z.enum(['voorgesteld', 'bevestigd', 'handmatig', 'afgewezen']).describe('voorgesteld door de zoekmonitor, of door een docent bevestigd, toegevoegd of afgewezen'),
  score: z.number().nullable(),
  confidence: Confidence.nullable(),
  sharedTerms: z.array(z.string()),
  relatie: Relatie.nullable(),
  toelichting: z.string().nullable(),
  door: z.string().nullable().describe('Naam van wie het beoordeelde'),
  op: z.string().nullable().describe('ISO 8601'),
  aangemaaktDoor: z.string().nullable().describe('Wie de koppeling als eerste beoordeelde of toevoegde (blijft bij een ander type of afwijzen)'),
  aangemaaktOp: z.string().nullable().describe('ISO 8601'),
  elders: PaarBewijs.optional().describe('Oordeel van andere samenwerkingen over dit paar (alleen aantallen, nooit welke); ontbreekt zonder oordeel elders'),
});
export type Koppeling = z.infer<typeof Koppeling>;

export const Totalen = z.object({
  eindtermen: z.number().int(),
  mboItems: z.number().int(),
  beidenVmbo: z.number().int(),
  beidenMbo: z.number().int(),
  alleenVmbo: z.number().int(),
  alleenMbo: z.number().int(),
  dekkingVmbo: z.number().describe('Aandeel van de eindtermen dat gekoppeld is, 0..1'),
  dekkingMbo: z.number().describe('Aandeel van de werkprocessen (en keuzedelen) dat gekoppeld is, 0..1'),
  links: z.number().int(),
  bevestigd: z.number().int(),
  voorgesteld: z.number().int(),
  afgewezen: z.number().int(),
});
export type Totalen = z.infer<typeof Totalen>;

const CodeTitel = z.object({ code: z.string(), titel: z.string() });
export const Selectie = z.object({
  vmbo: z.object({ profiel: CodeTitel.nullable(), leerweg: Leerweg.nullable(), keuzevakken: z.array(CodeTitel), profielmodulen: z.array(CodeTitel) }),
  mbo: z.object({ kwalificatie: z.object({ crebo: z.string(), naam: z.string(), niveau: z.number().int() }).nullable(), keuzedelen: z.array(CodeTitel) }),
});
export type Selectie = z.infer<typeof Selectie>;

export const Inventaris = z.object({
  samenwerking: z.object({ id: z.string(), naam: z.string() }).nullable().describe('null: zonder beoordelingen (openbare zoekmonitor)'),
  magBeoordelen: z.boolean().describe('Of de gebruiker koppelingen in deze samenwerking mag beoordelen'),
  selectie: Selectie,
  vmbo: z.array(InventarisItem),
  mbo: z.array(InventarisItem),
  links: z.array(Koppeling).describe('Koppelingen die meetellen: bevestigd, handmatig of voorgesteld'),
  afgewezen: z.array(Koppeling).describe('Afgewezen koppelingen (worden in deze samenwerking niet meer voorgesteld)'),
  genegeerd: z.array(Koppeling).describe('Koppelingen met een item dat bewust niet gekoppeld is'),
  totalen: Totalen,
  opmerkingen: z.array(z.string()),
});
export type Inventaris = z.infer<typeof Inventaris>;

const Toelichting = tekst().trim().max(2000, 'hooguit 2000 tekens').optional();

export const KoppelingBeoordelen = z.object({
  eindtermId: EindtermId,
  werkprocesId: MboItemId,
  actie: z
    .enum(['bevestigen', 'afwijzen', 'toevoegen', 'herstellen'])
    .describe('bevestigen (eventueel met een ander type), afwijzen, een gemiste koppeling toevoegen, of een afgewezen koppeling herstellen (een voorstel wordt weer voorstel)'),
  relatie: Relatie.optional(),
  toelichting: Toelichting,
});
export type KoppelingBeoordelen = z.input<typeof KoppelingBeoordelen>;

export const NietKoppelen = z.object({
  itemId: ItemId,
  bewustNietGekoppeld: z.boolean(),
  toelichting: Toelichting.describe('Verplicht bij bewustNietGekoppeld: true (waarom niet gekoppeld)'),
});
export type NietKoppelen = z.input<typeof NietKoppelen>;

export const BeoordeeldeKoppeling = z.object({
  eindtermId: z.string(),
  werkprocesId: z.string(),
  status: z.enum(['bevestigd', 'afgewezen']),
  herkomst: z.enum(['voorgesteld', 'handmatig']),
  relatie: Relatie.nullable(),
  toelichting: z.string().nullable(),
  door: z.string().nullable().describe('Wie het laatst beoordeelde'),
  op: z.string(),
  aangemaaktDoor: z.string().nullable().describe('Wie de koppeling als eerste beoordeelde of toevoegde'),
  aangemaaktOp: z.string(),
});
export type BeoordeeldeKoppeling = z.infer<typeof BeoordeeldeKoppeling>;
/** The answer to a review: the pair as stored, or null when it has no reviewed state any more (a restored suggestion). */
export const BeoordelingsAntwoord = BeoordeeldeKoppeling.nullable();

export const NietGekoppeld = z.object({ itemId: z.string(), toelichting: z.string().nullable(), door: z.string().nullable(), op: z.string() });

export const Beoordeling = z.object({
  id: z.number().int(),
  eindtermId: z.string().nullable(),
  werkprocesId: z.string().nullable(),
  itemId: z.string().nullable(),
  actie: z.string(),
  relatie: Relatie.nullable(),
  toelichting: z.string().nullable(),
  door: z.string().nullable(),
  op: z.string(),
});

export const Crosswalk = z.object({
  links: z.array(BeoordeeldeKoppeling),
  nietGekoppeld: z.array(NietGekoppeld),
  geschiedenis: z.array(Beoordeling).describe('Alle beoordelingen, nieuwste eerst (hooguit 500)'),
});
export type Crosswalk = z.infer<typeof Crosswalk>;

/** A keuzevak or profielmodule code as in its page's address ("K-PIE-16") or as written ("K/PIE/16"). */
const OnderdeelCode = (wat: string) =>
  tekst()
    .trim()
    .toUpperCase()
    .transform((c) => c.replaceAll('-', '/'))
    .pipe(z.string().regex(/^[A-Z0-9/&]{1,30}$/, `ongeldige ${wat}code`));

export const BevestigingenQuery = z
  .object({
    eindterm: EindtermId.optional(),
    werkproces: MboItemId.optional(),
    keuzevak: OnderdeelCode('keuzevak').optional().describe('Alle eindtermen van dit keuzevak'),
    profielmodule: OnderdeelCode('profielmodule').optional().describe('Alle eindtermen van deze profielmodule'),
    kwalificatie: tekst().trim().regex(/^\d{5}$/, 'een crebo van vijf cijfers').optional().describe('Alle werkprocessen van deze kwalificatie (crebo)'),
  })
  .refine((q) => [q.eindterm, q.werkproces, q.keuzevak, q.profielmodule, q.kwalificatie].filter((v) => v !== undefined).length === 1, {
    message: 'geef precies één van eindterm, werkproces, keuzevak, profielmodule of kwalificatie',
  });
export type BevestigingenQuery = z.infer<typeof BevestigingenQuery>;

export const Bevestigingen = z.object({
  links: z.array(
    z.object({
      eindtermId: z.string(),
      eindtermCode: z.string().nullable().describe('Code van de eindterm (null als die niet meer in de catalogus staat)'),
      eindterm: z.string().nullable().describe('Titel van de eindterm (null als die niet meer in de catalogus staat)'),
      werkprocesId: z.string(),
      werkprocesCode: z.string().nullable().describe('Code van het werkproces (B1-K1-W1) of keuzedeel (K0072); null als het niet meer in de catalogus staat'),
      werkproces: z.string().nullable().describe('Titel van het werkproces of keuzedeel (null als het niet meer in de catalogus staat)'),
      werkprocesContext: z.string().nullable().describe('De kwalificatie van het werkproces (crebo en naam) of "keuzedeel"; null als het niet meer in de catalogus staat'),
      aantalSamenwerkingen: z.number().int().describe('Hoeveel samenwerkingen deze koppeling bevestigden (nooit welke)'),
    }),
  ),
});
export type Bevestigingen = z.infer<typeof Bevestigingen>;

/**
 * Saved selections of a samenwerking (issue 12): a name and the selection of the inventory, opened by both schools.
 * The selection has the fields of the inventory's address (`InventarisQuery`); it is answered with lists as arrays.
 */
export const SelectieNaam = tekst().trim().min(1, 'geef de selectie een naam').max(120, 'hooguit 120 tekens');
const SelectieVersie = z.number('geef de versie mee').int('geef de versie mee').min(1, 'geef de versie mee').describe('De versie die u het laatst zag; verouderd: 409');

export const OpgeslagenSelectieInhoud = z.object({
  profiel: z.string().nullable(),
  leerweg: Leerweg.nullable(),
  keuzevakken: z.array(z.string()),
  profielmodulen: z.array(z.string()),
  kwalificatie: z.string().nullable(),
  keuzedelen: z.array(z.string()),
  min: Confidence.nullable(),
  profielmodulenVanProfiel: z.enum(['ja', 'nee']).nullable().optional(),
});
export type OpgeslagenSelectieInhoud = z.infer<typeof OpgeslagenSelectieInhoud>;

export const OpgeslagenSelectie = z.object({
  id: z.string(),
  naam: z.string(),
  selectie: OpgeslagenSelectieInhoud,
  versie: z.number().int(),
  gemaaktDoor: z.string().nullable().describe('Naam van wie de selectie opsloeg'),
  gemaaktOp: z.string().describe('ISO 8601'),
  gewijzigdDoor: z.string().nullable(),
  gewijzigdOp: z.string(),
});
export type OpgeslagenSelectie = z.infer<typeof OpgeslagenSelectie>;

export const OpgeslagenSelecties = z.object({
  selecties: z.array(OpgeslagenSelectie).describe('Op naam gesorteerd'),
  magWijzigen: z.boolean().describe('Of de gebruiker selecties mag opslaan, hernoemen en verwijderen'),
});
export type OpgeslagenSelecties = z.infer<typeof OpgeslagenSelecties>;

/** POST /api/partnerships/:id/inventaris/selecties */
export const SelectieOpslaan = z.object({ naam: SelectieNaam, selectie: InventarisQuery });
export type SelectieOpslaan = z.input<typeof SelectieOpslaan>;

/** PUT /api/partnerships/:id/inventaris/selecties/:selectieId: a new name and/or selection, with the versie. */
export const SelectieWijzigen = z
  .object({ versie: SelectieVersie, naam: SelectieNaam.optional(), selectie: InventarisQuery.optional() })
  .refine((b) => b.naam !== undefined || b.selectie !== undefined, { message: 'geef een nieuwe naam of selectie' });
export type SelectieWijzigen = z.input<typeof SelectieWijzigen>;

/** DELETE …/selecties/:selectieId?versie=3 */
export const SelectieVerwijderen = z.object({ versie: z.coerce.number('geef de versie mee').int('geef de versie mee').min(1, 'geef de versie mee') });
