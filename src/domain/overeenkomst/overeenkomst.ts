/**
 * Pure rules of the samenwerkingsovereenkomst (issue 13): completeness per clause, the status transitions, who may
 * sign for a party, the difference between two versions per clause, and the facts the regelbank reads. No I/O.
 */
import { rolesIn, type Actor } from '../auth/rules.js';
import type { ClausuleStatus, OvereenkomstSoort, OvereenkomstStatus, Orgaan } from '../../shared/overeenkomst-api.js';
import type { OvereenkomstFeiten, Clausule as RegelClausule } from '../regels/types.js';
import { CLAUSULES as REGEL_CLAUSULES } from '../regels/types.js';
import { clausulesVoor, type ClausuleDefinitie } from './clausules.js';

// ---------------------------------------------------------------------------------------------------------------
// Completeness
// ---------------------------------------------------------------------------------------------------------------

/** A place the proposal left to fill in: "[namen en functies]". */
const OPEN_PLEK = /\[[^\]\n]{1,120}\]/;
const MIN_WOORDEN = 3;

export interface ClausuleBeoordeling {
  status: ClausuleStatus;
  melding: string;
}

/** How far one clause text is: empty, too short to mean anything, with a place still to fill in, or filled. */
export function beoordeelClausule(tekst: string, def: Pick<ClausuleDefinitie, 'minLengte'>, verplicht: boolean): ClausuleBeoordeling {
  const t = tekst.trim();
  if (t === '') return { status: 'leeg', melding: verplicht ? 'Verplicht en nog leeg.' : 'Aanbevolen, nog leeg.' };
  const open = OPEN_PLEK.exec(t);
  if (open) return { status: 'open-plek', melding: `Vul nog in: ${open[0]}.` };
  const woorden = t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (t.length < def.minLengte || woorden < MIN_WOORDEN) {
    return { status: 'te-kort', melding: `Te kort om iets vast te leggen: schrijf minstens ${def.minLengte} tekens in hele zinnen (een onderdeel dat niet speelt, krijgt een zin die dat zegt).` };
  }
  return { status: 'ingevuld', melding: 'Ingevuld.' };
}

export interface Volledigheid {
  clausules: Array<{ id: string; titel: string; verplicht: boolean } & ClausuleBeoordeling>;
  verplicht: number;
  ingevuld: number;
  /** The required clauses not yet filled, as "b. Leiding van de route (verplicht en nog leeg)". */
  ontbreekt: string[];
  kanTerOndertekening: boolean;
}

/** Completeness of an agreement of a soort given its clause texts (a missing text counts as empty). */
export function volledigheid(soort: OvereenkomstSoort, teksten: ReadonlyMap<string, string>): Volledigheid {
  const clausules = clausulesVoor(soort).map((c) => ({ id: c.id, titel: c.titel, verplicht: c.verplicht, ...beoordeelClausule(teksten.get(c.id) ?? '', c, c.verplicht) }));
  const verplicht = clausules.filter((c) => c.verplicht);
  const open = verplicht.filter((c) => c.status !== 'ingevuld');
  return {
    clausules,
    verplicht: verplicht.length,
    ingevuld: verplicht.length - open.length,
    ontbreekt: open.map((c) => `${c.titel}: ${c.melding.charAt(0).toLowerCase()}${c.melding.slice(1)}`),
    kanTerOndertekening: open.length === 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------------------------

export type Overgang = 'ter-ondertekening' | 'concept' | 'beeindigd';

export type OvergangUitkomst = { ok: true } | { ok: false; soort: 'conflict' | 'ongeldig'; melding: string };

/**
 * May an agreement go from `van` to `naar`? concept → ter-ondertekening (only when complete), ter-ondertekening →
 * concept (the signatures so far are withdrawn), ondertekend → beeindigd. Ondertekend is reached by the last
 * signature, never asked for.
 */
export function overgang(van: OvereenkomstStatus, naar: Overgang, opts: { volledig: Volledigheid }): OvergangUitkomst {
  if (van === naar) return { ok: false, soort: 'conflict', melding: `De overeenkomst is al ${STATUS_WOORD[van]}.` };
  if (naar === 'ter-ondertekening') {
    if (van !== 'concept') return { ok: false, soort: 'conflict', melding: `Alleen een concept kan ter ondertekening worden aangeboden; deze overeenkomst is ${STATUS_WOORD[van]}.` };
    if (!opts.volledig.kanTerOndertekening) {
      return { ok: false, soort: 'ongeldig', melding: `De overeenkomst is nog niet compleet. Vul eerst in: ${opts.volledig.ontbreekt.join(' ')}` };
    }
    return { ok: true };
  }
  if (naar === 'concept') {
    if (van !== 'ter-ondertekening') {
      return { ok: false, soort: 'conflict', melding: van === 'concept' ? 'De overeenkomst is al een concept.' : `Een ${STATUS_WOORD[van]} overeenkomst gaat niet terug naar concept; maak een nieuwe versie.` };
    }
    return { ok: true };
  }
  if (van !== 'ondertekend') return { ok: false, soort: 'conflict', melding: `Alleen een ondertekende overeenkomst kan worden beëindigd; deze is ${STATUS_WOORD[van]}.` };
  return { ok: true };
}

const STATUS_WOORD: Record<OvereenkomstStatus, string> = { concept: 'een concept', 'ter-ondertekening': 'ter ondertekening', ondertekend: 'ondertekend', beeindigd: 'beëindigd' };

/** The Dutch 409 for a change of an agreement that is not a concept. */
export function nietWijzigbaar(status: OvereenkomstStatus): string {
  if (status === 'ter-ondertekening') return 'Deze overeenkomst ligt ter ondertekening en kan niet worden gewijzigd. Zet haar eerst terug naar concept (de ondertekeningen vervallen dan).';
  return `Deze versie is ${STATUS_WOORD[status]} en ligt vast. Maak een nieuwe versie om iets te wijzigen.`;
}

/** Signing for a party is for a beheerder of that organisation (acting for its bevoegd gezag). */
export function magVoorPartijTekenen(actor: Actor, organisationId: string): boolean {
  return rolesIn(actor, organisationId).includes('beheerder');
}

/** Which body of medezeggenschap belongs to which kind of organisation. */
export function orgaanPastBij(orgaan: Orgaan, organisatieSoort: string): boolean {
  if (orgaan === 'mr') return organisatieSoort === 'vmbo-school';
  return organisatieSoort === 'mbo-instelling';
}

// ---------------------------------------------------------------------------------------------------------------
// Difference between two versions, per clause
// ---------------------------------------------------------------------------------------------------------------

export interface Stuk {
  soort: 'gelijk' | 'weg' | 'erbij';
  tekst: string;
}

/** Word-level difference (longest common subsequence of words and spaces; a very long middle is replaced whole). */
export function woordVerschil(oud: string, nieuw: string): Stuk[] {
  if (oud === nieuw) return oud ? [{ soort: 'gelijk', tekst: oud }] : [];
  const a = oud.split(/(\s+)/).filter((s) => s !== '');
  const b = nieuw.split(/(\s+)/).filter((s) => s !== '');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Stuk[] = [];
  const push = (soort: Stuk['soort'], tekst: string) => {
    if (!tekst) return;
    const last = out[out.length - 1];
    if (last && last.soort === soort) last.tekst += tekst;
    else out.push({ soort, tekst });
  };
  push('gelijk', a.slice(0, start).join(''));
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  if (ma.length * mb.length > 2_000_000) {
    push('weg', ma.join(''));
    push('erbij', mb.join(''));
  } else {
    // LCS table, then walk it.
    const n = ma.length;
    const m = mb.length;
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i * w + j] = ma[i] === mb[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (ma[i] === mb[j]) {
        push('gelijk', ma[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push('weg', ma[i++]!);
      else push('erbij', mb[j++]!);
    }
    while (i < n) push('weg', ma[i++]!);
    while (j < m) push('erbij', mb[j++]!);
  }
  push('gelijk', a.slice(endA).join(''));
  return out;
}

export interface ClausuleVerschil {
  id: string;
  titel: string;
  soort: 'gelijk' | 'gewijzigd' | 'toegevoegd' | 'verwijderd';
  oud: string;
  nieuw: string;
  stukken: Stuk[];
}

/** The difference per clause between two versions (clauses in the order of the newer one, removed ones after). */
export function verschilPerClausule(oud: ReadonlyArray<{ id: string; titel: string; tekst: string }>, nieuw: ReadonlyArray<{ id: string; titel: string; tekst: string }>): ClausuleVerschil[] {
  const oudById = new Map(oud.map((c) => [c.id, c]));
  const nieuwIds = new Set(nieuw.map((c) => c.id));
  const uit: ClausuleVerschil[] = nieuw.map((c) => {
    const o = oudById.get(c.id);
    if (!o) return { id: c.id, titel: c.titel, soort: 'toegevoegd', oud: '', nieuw: c.tekst, stukken: woordVerschil('', c.tekst) };
    return { id: c.id, titel: c.titel, soort: o.tekst === c.tekst ? 'gelijk' : 'gewijzigd', oud: o.tekst, nieuw: c.tekst, stukken: woordVerschil(o.tekst, c.tekst) };
  });
  for (const o of oud) if (!nieuwIds.has(o.id)) uit.push({ id: o.id, titel: o.titel, soort: 'verwijderd', oud: o.tekst, nieuw: '', stukken: woordVerschil(o.tekst, '') });
  return uit;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts for the regelbank
// ---------------------------------------------------------------------------------------------------------------

/**
 * The regelbank's view of one agreement (src/domain/regels/types.ts). The regelbank knows four soorten; a
 * keuzevak-keuzedeelarrangement has no legal requirements of its own and counts there as a general agreement.
 * The filled clauses a–i are those of the frozen text once signed, else of the current text.
 */
export function overeenkomstFeiten(o: { id: string; status: OvereenkomstStatus; soort: OvereenkomstSoort; leerrouteIds: readonly string[]; teksten: ReadonlyMap<string, string> }): OvereenkomstFeiten {
  const v = volledigheid(o.soort, o.teksten);
  const ingevuld = new Set(v.clausules.filter((c) => c.status === 'ingevuld').map((c) => c.id));
  return {
    id: o.id,
    status: o.status,
    soort: o.soort === 'keuzevak-keuzedeel' ? 'algemeen' : o.soort,
    leerrouteIds: [...o.leerrouteIds],
    ingevuldeClausules: REGEL_CLAUSULES.filter((c): c is RegelClausule => ingevuld.has(c)),
    geldigTot: null,
  };
}
