/**
 * Normalized model of the mbo side of the catalogue.
 *
 * Rule: a field that the source does not give is `null`. Nothing is derived from
 * names or guessed. Texts are trimmed; titles also have runs of white space collapsed.
 */

/** mbo niveau (WEB art. 7.2.2). */
export type Niveau = 1 | 2 | 3 | 4;

export const SOORTEN_OPLEIDING = ['entree', 'basisberoeps', 'vak', 'middenkader', 'specialisten'] as const;
/** Soort opleiding; the source words are "entreeopleiding", "basisberoepsopleiding", and so on. */
export type SoortOpleiding = (typeof SOORTEN_OPLEIDING)[number];

export const LEERWEGEN = ['BOL', 'BBL', 'OVO'] as const;
/** Leerweg as the sources write it. OVO is the Onderwijs-Voor-Ontwikkeling marker some lists carry. */
export type Leerweg = (typeof LEERWEGEN)[number];

/** Where an item came from: the file name, and the 1-based line (table line, or line of the XML element). */
export interface Bron {
  bestand: string;
  regel: number | null;
}

/** Dates are ISO `YYYY-MM-DD`. */
export interface Geldigheid {
  geldigVanaf: string | null;
  eindeInstroom: string | null;
  eindeOpleiding: string | null;
}

/** A crebo as SBB registers it (dossier crebo or kwalificatie crebo), with its administrative data. */
export interface CreboRegistratie {
  crebo: string;
  /** "OCW" or "EZ" (green education), as in the source. */
  ministerie: string | null;
  /** Bekostigingsfactor, e.g. 1.1. */
  prijsfactor: number | null;
  geldigheid: Geldigheid;
}

export interface Opleidingsdomein {
  naam: string;
  /** 79xxx; null when the source gives none (e.g. "Niet toebedeeld aan opleidingsdomein", or tables). */
  crebo: string | null;
  /** SBB's internal id of the domain (XML only). */
  sbbNr: string | null;
}

export interface Sectorkamer {
  /** As the source writes it: "Sectorkamer zorg, welzijn en sport" (XML) or "Zorg, welzijn en sport" (tables). */
  naam: string;
  sbbNr: string | null;
}

export interface Kwalificatiedossier {
  /** Dossier crebo (23xxx). */
  crebo: string;
  titel: string;
  geldigheid: Geldigheid;
  opleidingsdomein: Opleidingsdomein | null;
  sectorkamer: Sectorkamer | null;
  bron: Bron;
}

/** A kwalificatie (one crebo). In the SBB dossier it is a profiel; one profiel can carry several crebos. */
export interface Kwalificatie {
  crebo: string;
  naam: string;
  niveau: Niveau;
  soort: SoortOpleiding | null;
  /** Null when the source does not state leerwegen (the SBB XML does not). */
  leerwegen: Leerweg[] | null;
  dossierCrebo: string;
  /** Per-kwalificatie values from tables; in the SBB XML these live on the dossier, so they are null here. */
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  geldigheid: Geldigheid;
  /** Profiel code in the dossier ("P1"); null for table rows. */
  profielCode: string | null;
  /** Total study load in sbu (e.g. 4800); XML only. */
  studiebelastingSbu: number | null;
  bron: Bron;
}

/** A competentie from the SBB list (A–Y). */
export interface Competentie {
  code: string;
  titel: string;
}

/** One "kennis of vaardigheid" item of a dossier (vakkennis en vaardigheden). */
export interface KennisOfVaardigheid {
  /** SBB internal id. */
  sbbNr: string;
  tekst: string;
}

export interface Werkproces {
  /** "B1-K1-W1", "P2-K1-W3". */
  code: string;
  titel: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  competenties: Competentie[] | null;
  /** Additions for single profielen to a werkproces of the basisdeel (XML). Empty when none. */
  aanvullingenPerProfiel: WerkprocesAanvulling[];
  bron: Bron;
}

export interface WerkprocesAanvulling {
  profielCode: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  competenties: Competentie[];
}

export interface Kerntaak {
  /** "B1-K1", "P2-K1". */
  code: string;
  /** Null only when a table lists werkprocessen of a kerntaak without the kerntaak itself (see tables.ts). */
  titel: string | null;
  complexiteit: string | null;
  verantwoordelijkheid: string | null;
  /** Vakkennis en vaardigheden as the dossier lists them for this kerntaak; null when the source gives none. */
  vakkennisEnVaardigheden: KennisOfVaardigheid[] | null;
  aanvullingenPerProfiel: KerntaakAanvulling[];
  werkprocessen: Werkproces[];
  bron: Bron;
}

export interface KerntaakAanvulling {
  profielCode: string;
  complexiteit: string | null;
  verantwoordelijkheid: string | null;
  vakkennisEnVaardigheden: KennisOfVaardigheid[];
}

export interface Basisdeel {
  /** Always "B1". */
  code: string;
  kerntaken: Kerntaak[];
}

/** Profieldeel of a dossier. */
export interface Profiel {
  /** "P1", "P2", ... (from the chapter number in the dossier). */
  code: string;
  sbbNr: string;
  titel: string;
  niveau: Niveau;
  soort: SoortOpleiding | null;
  beroepsgroep: string | null;
  typeringVanHetBeroep: string | null;
  wettelijkeBeroepsvereisten: boolean | null;
  toelichtingWettelijkeBeroepsvereisten: string | null;
  certificaten: string | null;
  studiebelastingSbu: number | null;
  crebos: CreboRegistratie[];
  kerntaken: Kerntaak[];
  bron: Bron;
}

export interface TyperingBeroepengroep {
  context: string | null;
  beroepshouding: string | null;
  resultaatVanHetBeroep: string | null;
}

export interface Keuzedeel {
  /** "K0072". */
  code: string;
  titel: string;
  /** 240, 480, 720 (or another multiple of 240); null when not stated. */
  sbu: number | null;
  niveau: Niveau | null;
  omschrijving: string | null;
  werkprocessen: Werkproces[] | null;
  kennisEnVaardigheden: string[] | null;
  bron: Bron;
}

/** A keuzedeel that an instelling offers with a kwalificatie (an offer, not the official SBB link). */
export interface KeuzedeelAanbod {
  /** Kwalificatie crebo, or a dossier crebo when the source names the dossier. */
  crebo: string;
  keuzedeelCode: string;
  /** Short names of the instellingen ("utrecht", "rijn_ijssel"); null when not stated. */
  instellingen: string[] | null;
  bron: Bron;
}

/** The official SBB link ("gekoppeld") between a keuzedeel and a kwalificatie; not an offer (see KeuzedeelAanbod). */
export interface KeuzedeelKoppeling {
  /** Kwalificatie crebo. */
  crebo: string;
  keuzedeelCode: string;
  /** ISO dates of the link; null when not stated. */
  geldigVanaf: string | null;
  geldigTot: string | null;
  bron: Bron;
}

/** Result of reading one SBB kwalificatiedossier (one `<dossier>` element of an SBB export). */
export interface ParsedDossier {
  bron: Bron;
  dossier: Kwalificatiedossier & {
    sbbNr: string;
    status: string | null;
    versie: string | null;
    vastgesteldOp: string | null;
    vastgesteldDoor: string | null;
  };
  /** All dossier crebos (normally one); `dossier.crebo` is the first. */
  dossiercrebos: CreboRegistratie[];
  typeringBeroepengroep: TyperingBeroepengroep;
  basisdeel: Basisdeel;
  profielen: Profiel[];
  /** One per crebo of each profiel. */
  kwalificaties: Kwalificatie[];
  /** All kennis- en vaardigheden items of the dossier, also those no kerntaak refers to. */
  kennisEnVaardigheden: KennisOfVaardigheid[];
  categorieenKennisEnVaardigheden: { sbbNr: string; titel: string }[];
  /** Reference lists that every SBB export repeats. */
  competenties: Competentie[];
  opleidingsdomeinen: Opleidingsdomein[];
  sectorkamers: Sectorkamer[];
}
