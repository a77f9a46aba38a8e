/**
 * The input of the rule checks (issue 13): a plain object built by a use case from a leerroute, the samenwerking's
 * docentinzet for the route's schooljaar and its agreements. No I/O here; the checks only read it.
 */
import type { Leerweg } from '../../shared/catalog-api.js';
import type { LeerrouteType, OnderdeelVan } from '../../shared/leerroute-api.js';
import type { Bevoegdheid, OnderwijsAan, RegelPlek, UitkomstStatus } from '../../shared/regels-api.js';

export const CLAUSULES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;
export type Clausule = (typeof CLAUSULES)[number];

export const OVEREENKOMST_STATUSSEN = ['concept', 'ter-ondertekening', 'ondertekend', 'beeindigd'] as const;
export type OvereenkomstStatus = (typeof OVEREENKOMST_STATUSSEN)[number];
export const OVEREENKOMST_SOORTEN = ['doorlopende-leerroute', 'leerwerktraject', 'entree', 'algemeen'] as const;
export type OvereenkomstSoort = (typeof OVEREENKOMST_SOORTEN)[number];

/**
 * What the rules need to know of a samenwerkingsovereenkomst. The agreement module (src/domain/overeenkomst, issue 13)
 * fills it; until it exists, every route has none.
 */
export interface OvereenkomstFeiten {
  id: string;
  status: OvereenkomstStatus;
  soort: OvereenkomstSoort;
  /** The leerroutes the agreement covers. */
  leerrouteIds: readonly string[];
  /** The clauses a–i (of the doorlopende-leerroute agreement) that are filled in. */
  ingevuldeClausules: readonly Clausule[];
  /** Last day it runs (ISO date), when it ends; null: open-ended. */
  geldigTot?: string | null;
}

export interface RouteFeiten {
  id: string;
  type: LeerrouteType;
  schooljaar: string | null;
  leerweg: Leerweg | null;
  profiel: string | null;
  /** Each keuzevak with the ids of its eindtermen among the route's doelen. */
  keuzevakken: ReadonlyArray<{ code: string; eindtermIds: readonly string[] }>;
  /** Keuzedelen with their size from the catalogue (null: unknown). */
  keuzedelen: ReadonlyArray<{ code: string; titel: string; sbu: number | null }>;
  /** Niveau of the kwalificatie (1 = entree), null without one. */
  kwalificatieNiveau: number | null;
  tijdpad: ReadonlyArray<{ leerjaar: number; fase: 'vmbo' | 'mbo'; perioden: number }>;
  toetsen: ReadonlyArray<{ id: string; toetscode: string; naam: string; omschrijving: string; leerjaar: number; periode: number; onderdeelVan: OnderdeelVan; seWeging: number | null; doelen: readonly string[] }>;
  activiteiten: ReadonlyArray<{ id: string; titel: string; omschrijving: string; leerjaar: number; periode: number; uren: number | null }>;
}

export interface InzetFeiten {
  id: string;
  naamOfRol: string;
  organisatie: { id: string; naam: string; soort: string };
  bevoegdheid: Bevoegdheid;
  onderwijsAan: OnderwijsAan;
  uren: number;
}

export interface RegelContext {
  /** null when the rules run on an agreement alone. */
  route: RouteFeiten | null;
  /** The samenwerking's docentinzet for the schooljaar; null when the schooljaar is unknown. */
  docentinzet: readonly InzetFeiten[] | null;
  schooljaar: string | null;
  /** Every agreement of the samenwerking (those covering the route are found by leerrouteIds). */
  overeenkomsten: readonly OvereenkomstFeiten[];
}

export interface CheckUitkomst {
  status: UitkomstStatus;
  melding: string;
  plek: RegelPlek | null;
}

export type Check = (ctx: RegelContext) => CheckUitkomst;
