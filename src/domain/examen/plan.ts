/**
 * The exam plan's life (issue 14), pure: the checks of a plan's content that the zod schema cannot make (unique ids,
 * a reachable cesuur, an ascending conversion table, the assessors and PTA toets among the allowed ones), what a plan
 * needs before it can be submitted, and the status transitions:
 *
 *   concept --indienen--> ingediend --vaststellen--> vastgesteld --(a newer version vastgesteld)--> vervangen
 *                         ingediend --terugsturen (reason)--> concept
 *   vastgesteld --nieuwe versie--> a new concept (the vastgesteld one stays in force until the new one is vastgesteld)
 *
 * Only a concept is changed; a vastgesteld version is frozen (the database refuses it too).
 */
import type { ExamenplanInhoud } from '../../shared/examen-api.js';
import type { LeerrouteType } from '../../shared/leerroute-api.js';
import type { Dekking } from './dekking.js';

export type ExamenGrondslag = 'extraneus' | 'gezamenlijk-pta-oer';
export type PlanStatus = 'concept' | 'ingediend' | 'vastgesteld' | 'vervangen';
export type PlanActie = 'opslaan' | 'indienen' | 'terugsturen' | 'vaststellen' | 'nieuwe-versie' | 'dekking-accepteren';

export interface Fout {
  path: string;
  message: string;
}

export const PLAN_STATUS_NAMEN: Record<PlanStatus, string> = {
  concept: 'concept',
  ingediend: 'ingediend bij de examencommissie',
  vastgesteld: 'vastgesteld',
  vervangen: 'vervangen door een nieuwere versie',
};

const VAN: Record<PlanActie, readonly PlanStatus[]> = {
  opslaan: ['concept'],
  'dekking-accepteren': ['concept', 'ingediend'],
  indienen: ['concept'],
  terugsturen: ['ingediend'],
  vaststellen: ['ingediend'],
  'nieuwe-versie': ['vastgesteld'],
};

/** Whether the action may be done on a version in this status; else the reason (a 409 for the API). */
export function magActie(status: PlanStatus, actie: PlanActie): { ok: true } | { ok: false; melding: string } {
  if (VAN[actie].includes(status)) return { ok: true };
  const wat: Record<PlanActie, string> = {
    opslaan: 'Alleen een concept kan worden gewijzigd',
    'dekking-accepteren': 'Open dekking kan alleen bij een concept of een ingediend plan worden geaccepteerd',
    indienen: 'Alleen een concept kan worden ingediend',
    terugsturen: 'Alleen een ingediend plan kan worden teruggestuurd',
    vaststellen: 'Alleen een ingediend plan kan worden vastgesteld',
    'nieuwe-versie': 'Een nieuwe versie maakt u van het vastgestelde plan',
  };
  const bevroren = status === 'vastgesteld' || status === 'vervangen' ? ' Een vastgesteld plan is bevroren: maak een nieuwe versie om iets te wijzigen.' : '';
  return { ok: false, melding: `${wat[actie]}; deze versie is ${PLAN_STATUS_NAMEN[status]}.${actie === 'opslaan' ? bevroren : ''}` };
}

/** Route types whose joint PTA/OER can carry an exam (a doorlopende or geïntegreerde leerroute). */
export const PTA_OER_ROUTETYPES: readonly LeerrouteType[] = ['doorlopend', 'geintegreerd'];

/** Why the grondslag `gezamenlijk-pta-oer` cannot be chosen for this route (null: it can). */
export function grondslagProbleem(grondslag: ExamenGrondslag, routeType: LeerrouteType, ptaToetsen: number): string | null {
  if (grondslag !== 'gezamenlijk-pta-oer') return null;
  if (!PTA_OER_ROUTETYPES.includes(routeType)) {
    return 'Een gezamenlijk PTA/OER bestaat alleen in een doorlopende of geïntegreerde leerroute. Kies voor deze route de inschrijving als extraneus bij het mbo.';
  }
  if (ptaToetsen === 0) return 'Deze leerroute heeft nog geen toets in het PTA. Leg eerst de PTA-toets vast die dit examen afsluit, of kies de inschrijving als extraneus.';
  return null;
}

export interface PlanContext {
  /** Eindtermen of the keuzevak (catalogue ids). */
  eindtermIds: ReadonlySet<string>;
  /** mbo items of the route (keuzedeel, werkprocessen) a criterion may name. */
  mboIds: ReadonlySet<string>;
  /** PTA toetsen (id) of the same route. */
  ptaToetsIds: ReadonlySet<string>;
  examinatorIds: ReadonlySet<string>;
  beoordelaarIds: ReadonlySet<string>;
}

/** The content checks beyond the schema, as field errors (empty: fine). */
export function controleerInhoud(inhoud: ExamenplanInhoud, ctx: PlanContext): Fout[] {
  const fouten: Fout[] = [];
  const onderdeelIds = new Set<string>();
  const criteriumIds = new Set<string>();
  let maxTotaal = 0;
  inhoud.onderdelen.forEach((o, i) => {
    if (onderdeelIds.has(o.id)) fouten.push({ path: `body.inhoud.onderdelen.${i}.id`, message: `Opdracht-id ${o.id} komt twee keer voor.` });
    onderdeelIds.add(o.id);
    o.criteria.forEach((c, j) => {
      const p = `body.inhoud.onderdelen.${i}.criteria.${j}`;
      if (criteriumIds.has(c.id)) fouten.push({ path: `${p}.id`, message: `Criterium-id ${c.id} komt twee keer voor.` });
      criteriumIds.add(c.id);
      maxTotaal += c.maxScore;
      if (c.minimumScore !== null && c.minimumScore > c.maxScore) fouten.push({ path: `${p}.minimumScore`, message: `De minimumscore van "${c.omschrijving}" is hoger dan de maximumscore (${c.maxScore}).` });
      for (const e of c.eindtermen) if (!ctx.eindtermIds.has(e)) fouten.push({ path: `${p}.eindtermen`, message: `${e} is geen eindterm van het keuzevak van dit examen.` });
      for (const w of c.werkprocessen) if (!ctx.mboIds.has(w)) fouten.push({ path: `${p}.werkprocessen`, message: `${w} is geen werkproces of keuzedeel van deze leerroute.` });
    });
  });
  if (inhoud.cesuur.minimumPunten > maxTotaal && inhoud.onderdelen.length > 0) {
    fouten.push({ path: 'body.inhoud.cesuur.minimumPunten', message: `De cesuur (${inhoud.cesuur.minimumPunten} punten) is hoger dan het maximale totaal (${maxTotaal} punten).` });
  }
  if (inhoud.omzetting.methode === 'tabel') {
    const t = inhoud.omzetting.tabel;
    for (let i = 1; i < t.length; i++) {
      if (t[i]!.vanafPunten <= t[i - 1]!.vanafPunten) fouten.push({ path: `body.inhoud.omzetting.tabel.${i}.vanafPunten`, message: 'De omzettingstabel loopt op in punten: elke regel begint bij meer punten dan de vorige.' });
    }
    for (const [i, r] of t.entries()) {
      if (Math.round(r.cijfer * 10) !== r.cijfer * 10) fouten.push({ path: `body.inhoud.omzetting.tabel.${i}.cijfer`, message: 'Een cijfer heeft hooguit één decimaal.' });
    }
  }
  if (inhoud.ptaToetsId !== null && !ctx.ptaToetsIds.has(inhoud.ptaToetsId)) fouten.push({ path: 'body.inhoud.ptaToetsId', message: 'Deze toets hoort niet bij het PTA van deze leerroute.' });
  if (inhoud.examinatorId !== null && !ctx.examinatorIds.has(inhoud.examinatorId)) {
    fouten.push({ path: 'body.inhoud.examinatorId', message: 'De 1e beoordelaar is een examinator van de vmbo-school van dit examen.' });
  }
  if (inhoud.beoordelaarId !== null && !ctx.beoordelaarIds.has(inhoud.beoordelaarId)) {
    fouten.push({ path: 'body.inhoud.beoordelaarId', message: 'De 2e beoordelaar is een beoordelaar van de mbo-instelling van dit examen.' });
  }
  return fouten;
}

/** What is missing before the plan can be submitted (besides the coverage, checked on its own). */
export function ontbreektVoorIndienen(inhoud: ExamenplanInhoud, grondslag: ExamenGrondslag): Fout[] {
  const f: Fout[] = [];
  if (inhoud.onderdelen.length === 0) f.push({ path: 'inhoud.onderdelen', message: 'Het plan heeft nog geen opdracht met beoordelingscriteria.' });
  if (inhoud.examinatorId === null) f.push({ path: 'inhoud.examinatorId', message: 'Wijs een vmbo-examinator aan als 1e beoordelaar.' });
  if (inhoud.beoordelaarId === null) f.push({ path: 'inhoud.beoordelaarId', message: 'Wijs een mbo-beoordelaar aan als 2e beoordelaar.' });
  if (grondslag === 'gezamenlijk-pta-oer' && inhoud.ptaToetsId === null) {
    f.push({ path: 'inhoud.ptaToetsId', message: 'Bij een examen in het gezamenlijke PTA/OER hoort de PTA-toets die het afsluit.' });
  }
  return f;
}

/** Whether the plan can be submitted: complete, and every gap covered or accepted by the examencommissie. */
export function kanIndienen(inhoud: ExamenplanInhoud, grondslag: ExamenGrondslag, d: Dekking, gatenGeaccepteerd: boolean): Fout[] {
  const f = ontbreektVoorIndienen(inhoud, grondslag);
  if (d.gaten.length > 0 && !gatenGeaccepteerd) {
    f.push({ path: 'dekking', message: `${d.gaten.length} eindterm(en) van het keuzevak nog niet gedekt: ${d.gaten.map((g) => g.code).join(', ')}. Dek ze met een criterium, of laat de examencommissie de open dekking accepteren.` });
  }
  return f;
}

/** The maximum total of points of a plan. */
export function maxPunten(inhoud: Pick<ExamenplanInhoud, 'onderdelen'>): number {
  return inhoud.onderdelen.reduce((s, o) => s + o.criteria.reduce((t, c) => t + c.maxScore, 0), 0);
}
