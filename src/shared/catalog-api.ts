/**
 * API contract of the public catalogue, shared by the server (validation and
 * OpenAPI) and the client (typed fetches). Domain words stay Dutch.
 */
import { z } from 'zod';
import { tekst } from './text.js';

// Validation messages in Dutch, for the API's problem details and the interface alike.
z.config(z.locales.nl());

export const LEERWEGEN = ['BB', 'KB', 'GL', 'TL'] as const;
export const Leerweg = z.enum(LEERWEGEN).describe('vmbo-leerweg: BB (basis), KB (kader), GL (gemengd), TL (theoretisch)');
export type Leerweg = z.infer<typeof Leerweg>;

/** A leerweg in a query string: case-insensitive ("bb" = "BB"). */
export const LeerwegParam = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), Leerweg);

export const ItemStatus = z.enum(['actief', 'vervallen']);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** Where an item comes from: source, release and date of import. */
export const Provenance = z.object({
  source: z.string().describe('Bron, bijvoorbeeld "SLO examenprogramma beroepsgericht"'),
  release: z.string().describe('Release van de bron, bijvoorbeeld "2025-11"'),
  importedAt: z.string().describe('Datum en tijd van import (ISO 8601)'),
  firstRelease: z.string().describe('Release waarin het item voor het eerst voorkwam'),
  sloId: z.string().describe('UUID van het item bij SLO'),
});
export type Provenance = z.infer<typeof Provenance>;

export const LeerwegInfo = z.object({
  code: Leerweg,
  naam: z.string(),
});
export type LeerwegInfo = z.infer<typeof LeerwegInfo>;

export const Eindterm = z.object({
  id: z.string(),
  code: z.string().describe('SLO-prefix, bijvoorbeeld "K/PIE/16/01-02"'),
  title: z.string(),
  description: z.string().nullable(),
  leerwegen: z.array(Leerweg),
  status: ItemStatus,
});
export type Eindterm = z.infer<typeof Eindterm>;

export const Deeltaak = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leerwegen: z.array(Leerweg),
  status: ItemStatus,
  eindtermen: z.array(Eindterm),
});
export type Deeltaak = z.infer<typeof Deeltaak>;

export const ProfielRef = z.object({
  code: z.string().describe('SLO-prefix van het profiel, bijvoorbeeld "PIE"'),
  afkorting: z.string().describe('Gangbare afkorting, bijvoorbeeld "Z&W"'),
  naam: z.string(),
});
export type ProfielRef = z.infer<typeof ProfielRef>;

export const KeuzevakSummary = z.object({
  id: z.string(),
  code: z.string().describe('SLO-prefix, bijvoorbeeld "K/PIE/16"'),
  slug: z.string().describe('Code voor in een URL, bijvoorbeeld "K-PIE-16"'),
  title: z.string(),
  description: z.string().nullable(),
  profiel: ProfielRef,
  leerwegen: z.array(Leerweg),
  status: ItemStatus,
  aantalDeeltaken: z.number().int(),
  aantalEindtermen: z.number().int(),
});
export type KeuzevakSummary = z.infer<typeof KeuzevakSummary>;

export const DubbeleVersie = z.object({
  id: z.string(),
  title: z.string(),
  isGetoond: z.boolean().describe('true voor de versie die het platform onder deze code toont'),
  deeltaakCodes: z.array(z.string()),
});

export const KeuzevakDetail = KeuzevakSummary.extend({
  deeltaken: z.array(Deeltaak),
  provenance: Provenance,
  replaces: z.array(z.string()),
  replacedBy: z.string().nullable(),
  /** SLO publishes a few codes twice; all records under this code, the shown one first. */
  versies: z.array(DubbeleVersie),
  leerwegFilter: Leerweg.nullable(),
});
export type KeuzevakDetail = z.infer<typeof KeuzevakDetail>;

export const ProfielmoduleSummary = z.object({
  id: z.string(),
  code: z.string().describe('SLO-prefix, bijvoorbeeld "P/PIE/1"'),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  profiel: ProfielRef,
  leerwegen: z.array(Leerweg),
  status: ItemStatus,
  aantalDeeltaken: z.number().int(),
  aantalEindtermen: z.number().int(),
});
export type ProfielmoduleSummary = z.infer<typeof ProfielmoduleSummary>;

export const ProfielmoduleDetail = ProfielmoduleSummary.extend({
  deeltaken: z.array(Deeltaak),
  provenance: Provenance,
  leerwegFilter: Leerweg.nullable(),
});
export type ProfielmoduleDetail = z.infer<typeof ProfielmoduleDetail>;

export const ProfielSummary = ProfielRef.extend({
  id: z.string(),
  slug: z.string(),
  title: z.string().describe('Titel zoals SLO die publiceert'),
  status: ItemStatus,
  aantalProfielmodulen: z.number().int(),
  aantalKeuzevakken: z.number().int(),
});
export type ProfielSummary = z.infer<typeof ProfielSummary>;

export const Kerndeel = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  eindtermen: z.array(Eindterm),
});

export const ProfielDetail = ProfielSummary.extend({
  description: z.string().nullable(),
  kern: z.object({ code: z.string(), title: z.string(), kerndelen: z.array(Kerndeel) }).nullable(),
  profielmodulen: z.array(ProfielmoduleSummary),
  keuzevakken: z.array(KeuzevakSummary),
  provenance: Provenance,
  leerwegFilter: Leerweg.nullable(),
});
export type ProfielDetail = z.infer<typeof ProfielDetail>;

/**
 * Server-side paging of a long list (issue 12): `?pagina=2&perPagina=50`. Without `pagina` and `perPagina` the whole
 * list is answered (as before). The answer is the array of the asked page; the header X-Total-Count gives the number
 * of items that match the filters, on every page.
 */
export const STANDAARD_PER_PAGINA = 50;
export const MAX_PER_PAGINA = 200;
export const TOTAL_COUNT_HEADER = 'x-total-count';
export const Paginering = z.object({
  pagina: z.coerce
    .number({ error: 'een paginanummer is een getal' })
    .int('een paginanummer is een heel getal')
    .min(1, 'de eerste pagina is 1')
    .max(100_000, 'hooguit pagina 100.000')
    .optional()
    .describe(`Paginanummer, vanaf 1 (met perPagina, standaard ${STANDAARD_PER_PAGINA} per pagina)`),
  perPagina: z.coerce
    .number({ error: 'perPagina is een getal' })
    .int('perPagina is een heel getal')
    .min(1, 'minstens 1 per pagina')
    .max(MAX_PER_PAGINA, `hooguit ${MAX_PER_PAGINA} per pagina`)
    .optional()
    .describe(`Aantal per pagina (1 tot ${MAX_PER_PAGINA})`),
});
export type Paginering = z.infer<typeof Paginering>;

export const ListQuery = z.object({
  profiel: tekst().min(1).max(20).optional().describe('Profielcode, bijvoorbeeld "PIE"'),
  leerweg: LeerwegParam.optional(),
  q: tekst().trim().min(1).max(200).optional().describe('Zoektekst binnen de lijst'),
  status: z.enum(['actief', 'vervallen', 'alle']).default('actief'),
  ...Paginering.shape,
});
export type ListQuery = z.infer<typeof ListQuery>;

export const DetailQuery = z.object({
  leerweg: LeerwegParam.optional(),
  versie: z.uuid().optional().describe('Kies een specifieke SLO-versie als een code dubbel voorkomt'),
});

export const SearchKind = z.enum([
  'profiel', 'profielmodule', 'keuzevak', 'deeltaak', 'eindterm', 'kerndeel',
  'dossier', 'kwalificatie', 'kerntaak', 'werkproces', 'keuzedeel',
]);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchQuery = z.object({
  q: tekst().trim().min(1, 'Vul een zoekterm in').max(200),
  side: z.enum(['vmbo', 'mbo', 'alle']).default('alle'),
  kind: SearchKind.optional(),
  leerweg: LeerwegParam.optional(),
  profiel: tekst().min(1).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A piece of text with the matched words marked; render `mark: true` parts highlighted. */
export const Highlight = z.array(z.object({ text: z.string(), mark: z.boolean() }));
export type Highlight = z.infer<typeof Highlight>;

export const SearchHit = z.object({
  side: z.enum(['vmbo', 'mbo']),
  kind: SearchKind,
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleHighlight: Highlight,
  snippet: Highlight.describe('Fragment van de tekst waarin de zoekwoorden voorkomen'),
  context: z.string().describe('Waar het item bij hoort, bijvoorbeeld "K/PIE/16 Booglassen"'),
  url: z.string().describe('Pad naar de detailpagina in de app'),
  leerwegen: z.array(Leerweg),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  terms: z.array(z.string()).describe('De zoektermen na analyse (gestemd en gevouwen)'),
  total: z.number().int(),
  hits: z.array(SearchHit),
  /** How the terms were matched: whole words, the parts of a compound, or word beginnings. */
  strategy: z.enum(['woorden', 'delen', 'begin']),
  /** A sentence for the user when the search had to broaden (e.g. "Geen treffers voor kinderopvang; …"). */
  note: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const CatalogRelease = z.object({
  id: z.number().int(),
  source: z.string(),
  release: z.string(),
  importedAt: z.string(),
  location: z.string(),
  isDemo: z.boolean(),
  counts: z.record(z.string(), z.number()),
});
export type CatalogRelease = z.infer<typeof CatalogRelease>;

export const CatalogStatus = z.object({
  vmbo: z.object({
    current: CatalogRelease.nullable(),
    counts: z.object({
      profielen: z.number().int(),
      profielmodulen: z.number().int(),
      keuzevakken: z.number().int(),
      deeltaken: z.number().int(),
      eindtermen: z.number().int(),
    }),
  }),
  mbo: z.object({
    current: z.array(CatalogRelease).describe('De laatste import per mbo-bron'),
    counts: z.object({
      opleidingsdomeinen: z.number().int(),
      dossiers: z.number().int(),
      kwalificaties: z.number().int(),
      kerntaken: z.number().int(),
      werkprocessen: z.number().int(),
      keuzedelen: z.number().int(),
    }),
  }),
  isDemo: z.boolean().describe('true als alleen de ingebouwde demodata geladen is'),
  importInstructions: z.string(),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional().describe('Het kenmerk van dit verzoek (ook de header X-Request-Id): noem het bij een vraag aan de beheerder'),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** "K/PIE/16" -> "K-PIE-16" and back. SLO prefixes of keuzevakken, modules and profielen never contain "-". */
export function codeToSlug(code: string): string {
  return code.replaceAll('/', '-');
}
export function slugToCode(slug: string): string {
  return slug.replaceAll('-', '/');
}

/** GET /api/health: the server runs, and in which mode; `demo` means demo accounts with a public password may exist. */
export const Health = z.object({
  status: z.literal('ok'),
  modus: z.enum(['demo', 'production']).describe('demo: met demodata en demo-accounts (openbaar wachtwoord); de front end toont dan een banner'),
});
export type Health = z.infer<typeof Health>;
