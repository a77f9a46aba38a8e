/**
 * The contract of the regional menukaart (issue 15), shared by the routes and the client.
 *
 * A regio organisation keeps one menukaart; the schools of the region (organisation.regio_id) propose modules, the
 * region's beheerder publishes them or returns them with a reason. Published modules are public:
 *
 * GET  /menukaarten                                  → MijnMenukaarten (signed in: the regions you work in)
 * GET  /regios/:regioId/menukaart                    → MenukaartBeheer (staff of the region or of a member school)
 * POST /regios/:regioId/menukaart/modulen            → 201 ModuleDetail (a school proposes: beheerder/ontwikkelaar)
 * GET  /regios/:regioId/menukaart/dashboard          → MenukaartDashboard (the region's beheerder)
 * GET  /menukaart/modulen/:moduleId                  → ModuleDetail (as the menukaart)
 * PUT  /menukaart/modulen/:moduleId                  → ModuleDetail (change, with versie; stale: 409)
 * POST /menukaart/modulen/:moduleId/besluit          → ModuleDetail (publiceren, terugsturen with reason, intrekken)
 * PUT  /menukaart/modulen/:moduleId/levenscyclus     → ModuleDetail (last review, revision and its deadline)
 * PUT  /menukaart/modulen/:moduleId/examens          → ModuleDetail (exams taken per schooljaar and school; provider)
 * POST /menukaart/modulen/:moduleId/intrekken        → ModuleDetail (the providing school withdraws its own proposal)
 * GET  /menukaart/modulen/:moduleId/inschrijvingen   → ModuleInschrijvingen (the provider's enrolment list; audited)
 * GET  /menukaart/modulen/:moduleId/inschrijvingen/export?formaat=csv|xlsx → the enrolment list as a file (audited)
 * GET  /publiek/menukaart/:slug                      → PubliekeMenukaart (anyone; filters in the query)
 * GET  /publiek/menukaart/:slug/modulen/:module      → ModuleDetail of a published module (slug or id)
 * GET  /publiek/menukaart/:slug/export?formaat=…     → CSV, XLSX or PDF brochure (same filters)
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { Leerweg, LEERWEGEN } from './catalog-api.js';

export const MODULE_SOORTEN = ['orienterend', 'kennismakend', 'verdiepend', 'keuzevak-keuzedeel', 'doorlopende-leerroute'] as const;
export const ModuleSoort = z.enum(MODULE_SOORTEN);
export type ModuleSoort = z.infer<typeof ModuleSoort>;
export const MODULE_SOORT_NAMEN: Record<ModuleSoort, string> = {
  orienterend: 'Oriënterende module',
  kennismakend: 'Kennismakende module',
  verdiepend: 'Verdiepende module',
  'keuzevak-keuzedeel': 'Keuzevak-keuzedeelarrangement',
  'doorlopende-leerroute': 'Doorlopende leerroute',
};

export const PERIODEN = ['P1', 'P2', 'P3', 'P4', 'jaar'] as const;
export const Periode = z.enum(PERIODEN);
export type Periode = z.infer<typeof Periode>;
export const PERIODE_NAMEN: Record<Periode, string> = { P1: 'Periode 1', P2: 'Periode 2', P3: 'Periode 3', P4: 'Periode 4', jaar: 'Hele schooljaar' };

export const MODULE_STATUSSEN = ['voorgesteld', 'teruggestuurd', 'gepubliceerd', 'ingetrokken'] as const;
export const ModuleStatus = z.enum(MODULE_STATUSSEN);
export type ModuleStatus = z.infer<typeof ModuleStatus>;
export const MODULE_STATUS_NAMEN: Record<ModuleStatus, string> = {
  voorgesteld: 'Voorgesteld',
  teruggestuurd: 'Teruggestuurd',
  gepubliceerd: 'Gepubliceerd',
  ingetrokken: 'Ingetrokken',
};

/** Fixed module sizes: a module is 1, 2, 3 or 4 units (the source advises fixed units, not a size per module). */
export const OMVANG_EENHEDEN = [1, 2, 3, 4] as const;
export const EENHEID_UREN = 40;

export const SECTOREN = ['techniek', 'zorg-en-welzijn', 'economie', 'groen', 'sectoroverstijgend'] as const;
export const Sector = z.enum(SECTOREN);
export type Sector = z.infer<typeof Sector>;
export const SECTOR_NAMEN: Record<Sector, string> = {
  techniek: 'Techniek',
  'zorg-en-welzijn': 'Zorg en welzijn',
  economie: 'Economie',
  groen: 'Groen',
  sectoroverstijgend: 'Sectoroverstijgend',
};

const Uuid = z.uuid({ error: 'geen geldig id' });
const VmboCode = tekst().trim().regex(/^[A-Za-z]{1,2}[/-][A-Za-z&]{1,4}[/-][0-9A-Za-z.]{1,6}$/, 'ongeldige code, bijvoorbeeld K/PIE/16');
const KeuzedeelCode = tekst().trim().regex(/^[Kk]\d{3,5}$/, 'een keuzedeelcode is K met cijfers, bijvoorbeeld K0072');
const Crebo = tekst().trim().regex(/^\d{5}$/, 'een crebo is vijf cijfers');
const ProfielCode = tekst().trim().regex(/^[A-Z&]{1,5}$/, 'een profielcode, bijvoorbeeld PIE');
const Schooljaar = tekst().regex(/^\d{4}-\d{4}$/, 'een schooljaar als 2026-2027').refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'de jaren volgen elkaar op, bijvoorbeeld 2026-2027');
const Datum = tekst().regex(/^\d{4}-\d{2}-\d{2}$/, 'een datum als 2026-09-01');
const Versie = z.number({ error: 'geef de versie mee die u zag' }).int().min(1);

export const RegioParams = z.object({ regioId: Uuid });
export const ModuleParams = z.object({ moduleId: Uuid });
export const SlugParams = z.object({ slug: tekst().min(1).max(80) });
export const PubliekeModuleParams = z.object({ slug: tekst().min(1).max(80), module: tekst().min(1).max(120) });

/** What a school proposes (and what a change sends, with versie). */
export const ModuleInvoer = z.object({
  titel: tekst().trim().min(1, 'geef een titel').max(200),
  beschrijving: tekst().trim().max(4000).default(''),
  soort: ModuleSoort,
  omvangEenheden: z.number().int().min(1, 'een module is 1 tot 4 eenheden').max(4, 'een module is 1 tot 4 eenheden'),
  /** The providing organisation: the proposing school itself or another school of the region. */
  aanbiederId: Uuid,
  vestigingId: Uuid.nullable().default(null),
  locatie: tekst().trim().max(200).default(''),
  leerjaar: z.number().int().min(1).max(6),
  periode: Periode,
  leerwegen: z.array(Leerweg).min(1, 'kies ten minste één leerweg').max(LEERWEGEN.length),
  capaciteit: z.number().int().min(1, 'ten minste 1 plaats').max(10000),
  /** Modules of the same menukaart a pupil follows first (e.g. a kennismakende before this verdiepende module). */
  voorwaarden: z.array(Uuid).max(10).default([]),
  keuzevakken: z.array(VmboCode).max(20).default([]),
  profielmodulen: z.array(VmboCode).max(20).default([]),
  keuzedelen: z.array(KeuzedeelCode).max(20).default([]),
  kwalificaties: z.array(Crebo).max(20).default([]),
  profielen: z.array(ProfielCode).max(10).default([]),
  leerrouteId: Uuid.nullable().default(null),
});
export type ModuleInvoer = z.infer<typeof ModuleInvoer>;
export const ModuleWijzigen = ModuleInvoer.extend({ versie: Versie });
export type ModuleWijzigen = z.infer<typeof ModuleWijzigen>;

export const ModuleBesluit = z
  .object({ actie: z.enum(['publiceren', 'terugsturen', 'intrekken']), versie: Versie, reden: tekst().trim().max(2000).optional() })
  .superRefine((b, ctx) => {
    if (b.actie === 'terugsturen' && !b.reden) ctx.addIssue({ code: 'custom', path: ['reden'], message: 'geef de school een reden waarom de module terug gaat' });
  });
export type ModuleBesluit = z.infer<typeof ModuleBesluit>;

export const LevenscyclusWijzigen = z.object({
  versie: Versie,
  laatsteReview: Datum.nullable().optional(),
  /** A revision: what must change, and by when (at most a year after it is given). null clears it (done). */
  herziening: z.object({ opdracht: tekst().trim().min(1, 'zeg wat er herzien moet worden').max(2000), deadline: Datum }).nullable().optional(),
});
export type LevenscyclusWijzigen = z.infer<typeof LevenscyclusWijzigen>;

export const ExamensVastleggen = z.object({
  schooljaar: Schooljaar,
  schoolId: Uuid,
  aantal: z.number().int().min(0).max(100000),
});
export type ExamensVastleggen = z.infer<typeof ExamensVastleggen>;

/** The providing school withdraws its own proposal (voorgesteld or teruggestuurd), with the versie it saw. */
export const VoorstelIntrekken = z.object({ versie: Versie });
export type VoorstelIntrekken = z.infer<typeof VoorstelIntrekken>;

/** The enrolment list: one schooljaar, or every schooljaar with approved choices when absent. */
export const InschrijvingenQuery = z.object({ schooljaar: Schooljaar.optional() });
export type InschrijvingenQuery = z.infer<typeof InschrijvingenQuery>;
export const InschrijvingenExportQuery = InschrijvingenQuery.extend({ formaat: z.enum(['csv', 'xlsx'], { error: 'kies csv of xlsx' }) });

/** The public filters (query string). Unknown values simply match nothing. */
export const MenukaartFilter = z.object({
  profiel: tekst().trim().max(10).optional(),
  leerweg: tekst().trim().max(4).optional(),
  sector: tekst().trim().max(40).optional(),
  locatie: tekst().trim().max(200).optional(),
  soort: tekst().trim().max(40).optional(),
  periode: tekst().trim().max(10).optional(),
  leerjaar: z.coerce.number().int().min(1).max(6).optional(),
  q: tekst().trim().max(200).optional(),
});
export type MenukaartFilter = z.infer<typeof MenukaartFilter>;
export const ExportQuery = MenukaartFilter.extend({ formaat: z.enum(['csv', 'xlsx', 'pdf']) });

const Ref = z.object({ id: z.string(), naam: z.string() });
const CatalogusRef = z.object({ code: z.string(), naam: z.string() });

export const LeidtNaar = z.object({
  /** From the confirmed crosswalk links of samenwerkingen (eindtermen of its keuzevakken/profielmodulen). */
  bevestigd: z.array(z.object({ crebo: z.string(), naam: z.string(), niveau: z.number().nullable(), samenwerkingen: z.number().int(), bron: z.enum(['crosswalk', 'module']) })),
  /** The zoekmonitor's suggestions: not confirmed by anyone. */
  suggesties: z.array(z.object({ crebo: z.string(), naam: z.string(), niveau: z.number().nullable(), betrouwbaarheid: z.string() })),
  toelichting: z.string(),
});
export type LeidtNaar = z.infer<typeof LeidtNaar>;

export const Levenscyclus = z.object({
  laatsteReview: z.string().nullable(),
  volgendeReview: z.string().nullable(),
  reviewVerlopen: z.boolean(),
  /** Due within half a year, or overdue. */
  reviewNodig: z.boolean(),
  herziening: z.object({ opdracht: z.string(), deadline: z.string(), verlopen: z.boolean() }).nullable(),
  examens: z.array(z.object({ schooljaar: z.string(), aantal: z.number().int(), bron: z.enum(['vastgelegd', 'examen']) })),
  laatsteExamen: z.string().nullable(),
  voorstelVerwijderen: z.boolean(),
  meldingen: z.array(z.string()),
});
export type Levenscyclus = z.infer<typeof Levenscyclus>;

export const ModuleSamenvatting = z.object({
  id: z.string(),
  slug: z.string(),
  titel: z.string(),
  samenvatting: z.string(),
  soort: ModuleSoort,
  status: ModuleStatus,
  omvangEenheden: z.number().int(),
  aanbieder: Ref,
  locatie: z.string(),
  leerjaar: z.number().int(),
  periode: Periode,
  leerwegen: z.array(z.string()),
  profielen: z.array(CatalogusRef),
  sectoren: z.array(z.string()),
  capaciteit: z.number().int(),
  versie: z.number().int(),
});
export type ModuleSamenvatting = z.infer<typeof ModuleSamenvatting>;

export const ModuleDetail = ModuleSamenvatting.extend({
  beschrijving: z.string(),
  regio: z.object({ id: z.string(), naam: z.string(), slug: z.string() }),
  vestiging: Ref.nullable(),
  voorwaarden: z.array(z.object({ id: z.string(), slug: z.string(), titel: z.string(), soort: ModuleSoort })),
  keuzevakken: z.array(CatalogusRef),
  profielmodulen: z.array(CatalogusRef),
  keuzedelen: z.array(CatalogusRef),
  kwalificaties: z.array(CatalogusRef),
  leerroute: Ref.nullable(),
  leidtNaar: LeidtNaar,
  redenTeruggestuurd: z.string().nullable(),
  /** Only for staff of the region and its schools (null in the public answer). */
  levenscyclus: Levenscyclus.nullable(),
  gepubliceerdOp: z.string().nullable(),
  /** What the asking user may do with it (all false in the public answer). */
  mag: z.object({
    wijzigen: z.boolean(),
    besluiten: z.boolean(),
    levenscyclus: z.boolean(),
    examensVastleggen: z.boolean(),
    /** The providing school may withdraw its own proposal (while voorgesteld or teruggestuurd). */
    intrekken: z.boolean(),
    /** May see the enrolment list of the pupils with an approved choice (provider, region's beheerder). */
    inschrijvingen: z.boolean(),
  }),
});
export type ModuleDetail = z.infer<typeof ModuleDetail>;

export const FilterOpties = z.object({
  profielen: z.array(CatalogusRef),
  leerwegen: z.array(z.string()),
  sectoren: z.array(z.object({ code: z.string(), naam: z.string() })),
  locaties: z.array(z.string()),
  soorten: z.array(z.object({ code: z.string(), naam: z.string() })),
  perioden: z.array(z.object({ code: z.string(), naam: z.string() })),
});

export const PubliekeMenukaart = z.object({
  regio: z.object({ naam: z.string(), slug: z.string(), titel: z.string(), toelichting: z.string() }),
  filter: MenukaartFilter,
  opties: FilterOpties,
  totaal: z.number().int(),
  modulen: z.array(ModuleSamenvatting),
});
export type PubliekeMenukaart = z.infer<typeof PubliekeMenukaart>;

export const MijnMenukaarten = z.object({
  regios: z.array(
    z.object({ id: z.string(), naam: z.string(), slug: z.string(), rol: z.enum(['regio', 'school']), scholen: z.array(Ref), magVoorstellen: z.boolean(), magBeheren: z.boolean() }),
  ),
});
export type MijnMenukaarten = z.infer<typeof MijnMenukaarten>;

export const MenukaartBeheer = z.object({
  regio: z.object({ id: z.string(), naam: z.string(), slug: z.string() }),
  scholen: z.array(Ref.extend({ vestigingen: z.array(Ref) })),
  magBeheren: z.boolean(),
  magVoorstellen: z.boolean(),
  modulen: z.array(
    ModuleSamenvatting.extend({
      redenTeruggestuurd: z.string().nullable(),
      /** What the asking user may do with this module (as ModuleDetail.mag). */
      mag: z.object({ wijzigen: z.boolean(), intrekken: z.boolean(), inschrijvingen: z.boolean() }),
    }),
  ),
});
export type MenukaartBeheer = z.infer<typeof MenukaartBeheer>;

export const MenukaartDashboard = z.object({
  peildatum: z.string(),
  reviewsNodig: z.array(z.object({ id: z.string(), titel: z.string(), aanbieder: z.string(), volgendeReview: z.string().nullable() })),
  herzieningenVerlopen: z.array(z.object({ id: z.string(), titel: z.string(), aanbieder: z.string(), deadline: z.string() })),
  voorstellenVerwijderen: z.array(z.object({ id: z.string(), titel: z.string(), aanbieder: z.string(), laatsteExamen: z.string().nullable() })),
  wachtOpBesluit: z.number().int(),
  deelname: z.array(z.object({ moduleId: z.string(), titel: z.string(), school: z.string(), schooljaar: z.string(), aantal: z.number().int() })),
});
export type MenukaartDashboard = z.infer<typeof MenukaartDashboard>;

/** The provider's enrolment list of a module: the pupils with an approved choice, and the places per period. */
export const ModuleInschrijvingen = z.object({
  module: z.object({ id: z.string(), titel: z.string(), status: ModuleStatus, aanbieder: Ref, periode: Periode, leerjaar: z.number().int(), capaciteit: z.number().int() }),
  regio: z.object({ id: z.string(), naam: z.string() }),
  /** The schooljaar asked for, or null: every schooljaar. */
  schooljaar: z.string().nullable(),
  /** The schooljaren with choices (and the current one), for the filter. */
  schooljaren: z.array(z.string()),
  /** Places used (approved, waiting) and left per schooljaar and period. */
  plaatsen: z.array(z.object({ schooljaar: z.string(), periode: z.string(), capaciteit: z.number().int(), goedgekeurd: z.number().int(), aangevraagd: z.number().int(), vrij: z.number().int() })),
  /** Only what the provider needs: no leerlingnummer, contact data or BSN. */
  leerlingen: z.array(z.object({ naam: z.string(), school: z.string(), leerweg: z.string().nullable(), leerjaar: z.number().int(), schooljaar: z.string(), periode: z.string() })),
});
export type ModuleInschrijvingen = z.infer<typeof ModuleInschrijvingen>;
