/**
 * API contract of the public mbo catalogue (SBB kwalificatiedossiers, kwalificaties, kerntaken, werkprocessen,
 * keuzedelen), shared by server and client. Much real data is incomplete: what a source does not give is null,
 * and `ontbreekt` says in words what is missing. Nothing is invented.
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { Paginering } from './catalog-api.js'; // also: Dutch validation messages

export const MboStatus = z.enum(['actief', 'vervallen']);
export const MboLeerweg = z.enum(['BOL', 'BBL', 'OVO']);
export const MboSoort = z.enum(['entree', 'basisberoeps', 'vak', 'middenkader', 'specialisten']);

export const MboBron = z.object({
  source: z.string().describe('Bron, bijvoorbeeld "SBB kwalificatiedossier (XML)" of "Tabel kwalificaties"'),
  release: z.string(),
  importedAt: z.string(),
  bestand: z.string().nullable(),
  regel: z.number().int().nullable(),
});
export type MboBron = z.infer<typeof MboBron>;

export const OpleidingsdomeinSummary = z.object({
  slug: z.string(),
  naam: z.string(),
  aantalDossiers: z.number().int(),
  aantalKwalificaties: z.number().int(),
});
export type OpleidingsdomeinSummary = z.infer<typeof OpleidingsdomeinSummary>;

export const DossierSummary = z.object({
  crebo: z.string().describe('Crebo van het kwalificatiedossier (23xxx)'),
  titel: z.string(),
  opleidingsdomein: z.string().nullable(),
  sectorkamer: z.string().nullable(),
  geldigheid: z.object({
    geldigVanaf: z.string().nullable(),
    eindeInstroom: z.string().nullable(),
    eindeOpleiding: z.string().nullable(),
  }).describe('Datums (JJJJ-MM-DD) zoals de bron ze geeft; null als onbekend'),
  status: MboStatus,
  aantalKwalificaties: z.number().int(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const KwalificatieSummary = z.object({
  crebo: z.string(),
  naam: z.string(),
  niveau: z.number().int().min(1).max(4),
  soort: MboSoort.nullable(),
  leerwegen: z.array(MboLeerweg).nullable(),
  dossierCrebo: z.string(),
  dossierTitel: z.string().nullable(),
  status: MboStatus,
  heeftKerntaken: z.boolean(),
});
export type KwalificatieSummary = z.infer<typeof KwalificatieSummary>;

export const Werkproces = z.object({
  code: z.string().describe('Bijvoorbeeld "B1-K1-W1"'),
  titel: z.string(),
  omschrijving: z.string().nullable(),
  resultaat: z.string().nullable(),
  gedrag: z.string().nullable(),
});
export type Werkproces = z.infer<typeof Werkproces>;

export const Kerntaak = z.object({
  code: z.string().describe('Bijvoorbeeld "B1-K1" (basisdeel) of "P2-K1" (profieldeel)'),
  titel: z.string().nullable().describe('null als de bron alleen de werkprocessen van deze kerntaak noemt'),
  werkprocessen: z.array(Werkproces),
  vakkennisEnVaardigheden: z.array(z.string()).nullable(),
});
export type Kerntaak = z.infer<typeof Kerntaak>;

export const KeuzedeelRef = z.object({
  code: z.string(),
  titel: z.string().nullable(),
  sbu: z.number().int().nullable(),
});

export const KwalificatieDetail = KwalificatieSummary.extend({
  sectorkamer: z.string().nullable().describe('Sectorkamer van deze kwalificatie (kan per kwalificatie binnen een dossier verschillen)'),
  dossier: DossierSummary.nullable(),
  kerntaken: z.array(Kerntaak),
  /** All crebos of this kwalificatie over the years, newest first (one lineage). */
  versies: z.array(z.object({ crebo: z.string(), naam: z.string(), status: MboStatus, isDeze: z.boolean() })),
  keuzedelen: z.object({
    gekoppeld: z.array(KeuzedeelRef).nullable().describe('De officiële SBB-koppeling; null als die niet geïmporteerd is'),
    aangeboden: z.array(KeuzedeelRef.extend({ instellingen: z.array(z.string()).nullable() })),
  }),
  bronnen: z.array(MboBron),
  ontbreekt: z.array(z.string()),
});
export type KwalificatieDetail = z.infer<typeof KwalificatieDetail>;

export const DossierDetail = DossierSummary.extend({
  kwalificaties: z.array(KwalificatieSummary),
  bronnen: z.array(MboBron),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const KeuzedeelSummary = z.object({
  code: z.string().describe('Bijvoorbeeld "K0072"'),
  titel: z.string(),
  sbu: z.number().int().nullable(),
  niveau: z.number().int().nullable(),
  status: MboStatus,
  aantalKwalificaties: z.number().int().describe('Aantal kwalificaties waarmee het gekoppeld is of aangeboden wordt'),
});
export type KeuzedeelSummary = z.infer<typeof KeuzedeelSummary>;

export const KeuzedeelDetail = KeuzedeelSummary.extend({
  omschrijving: z.string().nullable(),
  gekoppeldAan: z.array(KwalificatieSummary).nullable(),
  aangebodenBij: z.array(KwalificatieSummary.extend({ instellingen: z.array(z.string()).nullable() })),
  bronnen: z.array(MboBron),
  ontbreekt: z.array(z.string()),
});
export type KeuzedeelDetail = z.infer<typeof KeuzedeelDetail>;

export const KwalificatieListQuery = z.object({
  domein: tekst().max(120).optional().describe('Slug van het opleidingsdomein'),
  dossier: tekst().regex(/^\d{5}$/).optional(),
  niveau: z.coerce.number().int().min(1).max(4).optional(),
  q: tekst().trim().min(1).max(200).optional(),
  status: z.enum(['actief', 'vervallen', 'alle']).default('actief'),
  ...Paginering.shape,
});
export type KwalificatieListQuery = z.infer<typeof KwalificatieListQuery>;

export const KeuzedeelListQuery = z.object({
  sbu: z.coerce.number().int().positive().optional(),
  niveau: z.coerce.number().int().min(1).max(4).optional(),
  kwalificatie: tekst().regex(/^\d{5}$/).optional().describe('Alleen keuzedelen gekoppeld aan of aangeboden bij deze crebo (kwalificatie of dossier)'),
  q: tekst().trim().min(1).max(200).optional(),
  status: z.enum(['actief', 'vervallen', 'alle']).default('actief'),
  ...Paginering.shape,
});
export type KeuzedeelListQuery = z.infer<typeof KeuzedeelListQuery>;
