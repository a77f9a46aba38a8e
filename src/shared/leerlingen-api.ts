/**
 * API contract of pupils and cohorts (issue 14, "Pupils and cohorts"), shared by server and client.
 *
 * A cohort is the group of pupils of one vmbo school that follows one leerroute in one schooljaar and leerjaar. The
 * school adds its pupils by hand or by importing the CSV/XLSX that Magister or Somtoday exports (with a column
 * mapping for other exports; all or nothing with line numbers; a dry run first). Pupils are minors: no BSN or
 * onderwijsnummer is ever read, a birth date and ECK iD are optional, every read of the pupil list and every export is
 * audited, and each cohort's pupil data is removed `bewaartermijnMaanden` after its einddatum (counts kept).
 *
 * Access (src/domain/auth/examen-rules.ts): manage (add, import, change, remove, invite) by the vmbo school's
 * beheerder, decaan and examinator; read also by its examencommissie; ontwikkelaars 403; a third school, pupils and
 * the mbo partner 404 on a cohort (the mbo sees the pupils registered for an exam there).
 *
 * Routes (all under /api):
 * GET    /leerroutes/:routeId/cohorten                                CohortLijst
 * POST   /leerroutes/:routeId/cohorten                                CohortAanmaken → 201 CohortDetail
 * GET    /cohorten/:cohortId                                          CohortDetail (with the pupils; audited)
 * PATCH  /cohorten/:cohortId                                          CohortWijzigen → CohortDetail (stale versie: 409)
 * POST   /cohorten/:cohortId/leerlingen                               LeerlingInvoer → 201 CohortDetail
 * PATCH  /cohorten/:cohortId/leerlingen/:leerlingId                   LeerlingWijzigen → CohortDetail (stale versie: 409)
 * DELETE /cohorten/:cohortId/leerlingen/:leerlingId                   → CohortDetail
 * POST   /cohorten/:cohortId/leerlingen/import?bestandsnaam=…&dryRun=…&kolommen=<json>   raw file body → ImportRapport
 * GET    /cohorten/:cohortId/leerlingen.csv                           the pupil list as CSV (audited)
 * POST   /cohorten/:cohortId/leerlingen/:leerlingId/uitnodiging       LeerlingUitnodigen → 202 LeerlingUitnodiging
 */
import { z } from 'zod';
import { LEERWEGEN } from './catalog-api.js';
import { TEKENCODERINGEN } from './tekencoderingen.js';
import { tekst } from './text.js';

/** The fields of a pupil record an import can fill (in this order in the export). */
export const LEERLING_VELDEN = ['leerlingnummer', 'roepnaam', 'tussenvoegsel', 'achternaam', 'klas', 'leerweg', 'geboortedatum', 'eckId'] as const;
export type LeerlingVeld = (typeof LEERLING_VELDEN)[number];
export const VERPLICHTE_VELDEN: readonly LeerlingVeld[] = ['leerlingnummer', 'roepnaam', 'achternaam'];
export const LEERLING_VELD_NAMEN: Record<LeerlingVeld, string> = {
  leerlingnummer: 'Leerlingnummer',
  roepnaam: 'Roepnaam',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  klas: 'Klas',
  leerweg: 'Leerweg',
  geboortedatum: 'Geboortedatum',
  eckId: 'ECK iD',
};

export const LEERLINGNUMMER_PATROON = /^[A-Za-z0-9-]{1,20}$/;
export const LEERLINGNUMMER_MELDING = 'een leerlingnummer van 1 tot 20 letters, cijfers of streepjes';
export const DEFAULT_BEWAARTERMIJN_MAANDEN = 24;

const Id = (wat: string) => z.uuid(`onbekende ${wat}`);
export const Datum = tekst()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'schrijf de datum als 2027-07-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'geen bestaande datum');
export const Schooljaar = tekst()
  .regex(/^\d{4}-\d{4}$/, 'schrijf het schooljaar als 2026-2027')
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'het tweede jaar volgt op het eerste, zoals 2026-2027');

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

export const CohortParams = z.object({ cohortId: Id('groep leerlingen') });
export const LeerlingParams = z.object({ cohortId: Id('groep leerlingen'), leerlingId: Id('leerling') });

export const CohortAanmaken = z.object({
  organisationId: Id('school').optional().describe('De vmbo-school die de groep beheert; zonder: de enige school van de samenwerking waar u leerlingen beheert'),
  naam: tekst().trim().min(1, 'geef de groep een naam').max(200, 'hooguit 200 tekens'),
  schooljaar: Schooljaar,
  leerjaar: z.number({ error: 'kies een leerjaar van 1 tot 6' }).int().min(1, 'kies een leerjaar van 1 tot 6').max(6, 'kies een leerjaar van 1 tot 6'),
  einddatum: Datum.optional().describe('Standaard 31 juli aan het eind van het schooljaar'),
  bewaartermijnMaanden: z.number().int().min(1, 'minstens 1 maand').max(120, 'hooguit 120 maanden').optional().describe(`Standaard ${DEFAULT_BEWAARTERMIJN_MAANDEN}`),
});
export type CohortAanmaken = z.infer<typeof CohortAanmaken>;

export const CohortWijzigen = z.object({
  versie: z.number({ error: 'geef de versie van de groep mee' }).int().min(1),
  naam: CohortAanmaken.shape.naam.optional(),
  schooljaar: Schooljaar.optional(),
  leerjaar: CohortAanmaken.shape.leerjaar.optional(),
  einddatum: Datum.optional(),
  bewaartermijnMaanden: z.number().int().min(1, 'minstens 1 maand').max(120, 'hooguit 120 maanden').optional(),
});
export type CohortWijzigen = z.infer<typeof CohortWijzigen>;

const LeerwegVeld = z.enum(LEERWEGEN, { error: 'kies BB, KB, GL of TL' });
export const LeerlingInvoer = z.object({
  leerlingnummer: tekst().trim().regex(LEERLINGNUMMER_PATROON, LEERLINGNUMMER_MELDING),
  roepnaam: tekst().trim().min(1, 'geef de roepnaam').max(100, 'hooguit 100 tekens'),
  tussenvoegsel: tekst().trim().max(30, 'hooguit 30 tekens').default(''),
  achternaam: tekst().trim().min(1, 'geef de achternaam').max(100, 'hooguit 100 tekens'),
  klas: tekst().trim().max(30, 'hooguit 30 tekens').default(''),
  leerweg: LeerwegVeld.nullable().default(null),
  geboortedatum: Datum.nullable().default(null).describe('Alleen als de inschrijving als extraneus hem vraagt'),
  eckId: tekst().trim().min(10, 'een ECK iD heeft minstens 10 tekens').max(300).nullable().default(null),
});
export type LeerlingInvoer = z.infer<typeof LeerlingInvoer>;
export type LeerlingInvoerIn = z.input<typeof LeerlingInvoer>;

export const LeerlingWijzigen = z.object({
  versie: z.number({ error: 'geef de versie van de leerling mee' }).int().min(1),
  leerlingnummer: LeerlingInvoer.shape.leerlingnummer.optional(),
  roepnaam: LeerlingInvoer.shape.roepnaam.optional(),
  tussenvoegsel: tekst().trim().max(30, 'hooguit 30 tekens').optional(),
  achternaam: LeerlingInvoer.shape.achternaam.optional(),
  klas: tekst().trim().max(30, 'hooguit 30 tekens').optional(),
  leerweg: LeerwegVeld.nullable().optional(),
  geboortedatum: Datum.nullable().optional(),
  eckId: tekst().trim().min(10, 'een ECK iD heeft minstens 10 tekens').max(300).nullable().optional(),
});
export type LeerlingWijzigen = z.infer<typeof LeerlingWijzigen>;

export const LeerlingImportQuery = z.object({
  bestandsnaam: tekst()
    .trim()
    .min(5)
    .max(200)
    .regex(/^[^/\\]+\.(csv|xlsx)$/i, 'een bestandsnaam op .csv of .xlsx')
    .describe('Naam van het bestand (.csv of .xlsx bepaalt hoe het wordt gelezen)'),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (standaard): alleen het rapport, niets opslaan; false: importeren (alles of niets)'),
  kolommen: tekst()
    .max(4000)
    .optional()
    .describe('JSON: welke kop bij welk veld hoort, zoals {"leerlingnummer":"Nr","roepnaam":"Voornaam"}; zonder: herkend aan de kopregel'),
  encoding: z.enum(TEKENCODERINGEN, { error: `kies een tekencodering: ${TEKENCODERINGEN.join(', ')}` }).optional(),
});
export type LeerlingImportQuery = z.infer<typeof LeerlingImportQuery>;

export const Kolomtoewijzing = z.partialRecord(z.enum(LEERLING_VELDEN), tekst().max(200));
export type Kolomtoewijzing = z.infer<typeof Kolomtoewijzing>;

export const LeerlingUitnodigen = z.object({
  email: tekst().trim().toLowerCase().max(254).pipe(z.email('geef een geldig e-mailadres')),
});
export type LeerlingUitnodigen = z.infer<typeof LeerlingUitnodigen>;

// ---------------------------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------------------------

export const Leerling = z.object({
  id: z.string(),
  leerlingnummer: z.string(),
  roepnaam: z.string(),
  tussenvoegsel: z.string(),
  achternaam: z.string(),
  klas: z.string(),
  leerweg: LeerwegVeld.nullable(),
  geboortedatum: z.string().nullable(),
  eckId: z.string().nullable(),
  heeftAccount: z.boolean(),
  versie: z.number().int(),
});
export type Leerling = z.infer<typeof Leerling>;

export const Opgeschoond = z.object({ leerlingen: z.number().int(), inschrijvingen: z.number().int(), beoordelingen: z.number().int(), behaald: z.number().int() });
export type Opgeschoond = z.infer<typeof Opgeschoond>;

export const CohortSamenvatting = z.object({
  id: z.string(),
  leerrouteId: z.string(),
  organisationId: z.string(),
  organisatieNaam: z.string(),
  naam: z.string(),
  schooljaar: z.string(),
  leerjaar: z.number().int(),
  einddatum: z.string(),
  bewaartermijnMaanden: z.number().int(),
  /** The day the pupil data is removed (einddatum + bewaartermijn). */
  verwijderdOp: z.string(),
  aantalLeerlingen: z.number().int(),
  opgeschoondAt: z.string().nullable(),
  opgeschoond: Opgeschoond.nullable(),
  versie: z.number().int(),
  /** The user may add, import, change and remove pupils. */
  magBeheren: z.boolean(),
});
export type CohortSamenvatting = z.infer<typeof CohortSamenvatting>;

export const CohortLijst = z.object({
  leerroute: z.object({ id: z.string(), naam: z.string() }),
  cohorten: z.array(CohortSamenvatting),
  /** The vmbo schools of the samenwerking where the user may create a cohort. */
  scholen: z.array(z.object({ id: z.string(), naam: z.string() })),
});
export type CohortLijst = z.infer<typeof CohortLijst>;

export const CohortDetail = CohortSamenvatting.extend({
  leerroute: z.object({ id: z.string(), naam: z.string() }),
  leerlingen: z.array(Leerling),
});
export type CohortDetail = z.infer<typeof CohortDetail>;

export const ImportFout = z.object({ path: z.string(), message: z.string() });
export const LeerlingImportRapport = z.object({
  bestand: z.string(),
  /** proef: dry run without errors; geimporteerd; fouten: dry run with errors (an import would be refused); kolommen-ontbreken: map the columns first. */
  status: z.enum(['proef', 'geimporteerd', 'fouten', 'kolommen-ontbreken']),
  kopregel: z.array(z.string()),
  toewijzing: Kolomtoewijzing,
  ontbrekend: z.array(z.enum(LEERLING_VELDEN)),
  /** Columns that were not read at all (BSN, onderwijsnummer) and why; and columns the import does not use. */
  nietGelezen: z.array(z.object({ kop: z.string(), reden: z.string() })),
  regels: z.number().int(),
  toegevoegd: z.number().int(),
  gewijzigd: z.number().int(),
  ongewijzigd: z.number().int(),
  fouten: z.array(ImportFout),
  melding: z.string(),
});
export type LeerlingImportRapport = z.infer<typeof LeerlingImportRapport>;

export const LeerlingUitnodiging = z.object({ bericht: z.string(), email: z.string(), verlooptOp: z.string() });
export type LeerlingUitnodiging = z.infer<typeof LeerlingUitnodiging>;
