/**
 * The state of an assessment form in words (issue 14), pure: what is still missing before the examencommissie can
 * vaststellen it, the Dutch sentence of each history entry, and which attempt counts for a pupil in the exports.
 */
import { cijferNl, criteriaVan } from './resultaat.js';
import type { ExamenplanInhoud } from '../../shared/examen-api.js';

export type KantNaam = 'eerste' | 'tweede';

export interface FormStaat {
  scores: { eerste: ReadonlySet<string>; tweede: ReadonlySet<string> };
  keuzedeelResultaat: 'behaald' | 'niet-behaald' | null;
  keuzedeelCijfer: number | null;
  keuzevakCijfer: number | null;
}

/** Counted progress per side: criteria with a score of that side, of all criteria. */
export function voortgang(inhoud: Pick<ExamenplanInhoud, 'onderdelen'>, staat: Pick<FormStaat, 'scores'>): Record<KantNaam, { gescoord: number; totaal: number }> {
  const ids = criteriaVan(inhoud).map((c) => c.id);
  const tel = (s: ReadonlySet<string>) => ids.filter((id) => s.has(id)).length;
  return { eerste: { gescoord: tel(staat.scores.eerste), totaal: ids.length }, tweede: { gescoord: tel(staat.scores.tweede), totaal: ids.length } };
}

/** What is still missing (empty: the form can be vastgesteld). */
export function onvolledig(inhoud: Pick<ExamenplanInhoud, 'onderdelen' | 'resultaatvorm'>, staat: FormStaat): string[] {
  const v = voortgang(inhoud, staat);
  const uit: string[] = [];
  const mist = (n: number) => (n === 1 ? '1 criterium' : `${n} criteria`);
  if (v.eerste.gescoord < v.eerste.totaal) uit.push(`${mist(v.eerste.totaal - v.eerste.gescoord)} zonder score van de 1e beoordelaar`);
  if (v.tweede.gescoord < v.tweede.totaal) uit.push(`${mist(v.tweede.totaal - v.tweede.gescoord)} zonder score van de 2e beoordelaar`);
  if (!staat.keuzedeelResultaat) uit.push('geen keuzedeelresultaat');
  if (inhoud.resultaatvorm === 'cijfer' && staat.keuzedeelCijfer === null) uit.push('geen keuzedeelcijfer');
  if (staat.keuzevakCijfer === null) uit.push('geen keuzevakcijfer');
  return uit;
}

const KANT_KORT: Record<KantNaam, string> = { eerste: '1e beoordelaar', tweede: '2e beoordelaar' };
const waarde = (v: unknown): string => (v === null || v === undefined || v === '' ? '(leeg)' : typeof v === 'number' ? String(v).replace('.', ',') : String(v));
const resultaat = (v: unknown) => (v === 'niet-behaald' ? 'niet behaald' : waarde(v));

/** One history entry as a Dutch sentence ("Score criterium c1 (2e beoordelaar): 3 → 4"). */
export function historieOmschrijving(wat: string, d: Record<string, unknown>, criteriumNaam: (id: string) => string = (id) => id): string {
  switch (wat) {
    case 'score': {
      const kant = KANT_KORT[d.kant as KantNaam] ?? 'beoordelaar';
      const crit = criteriumNaam(String(d.criteriumId ?? '?'));
      if (d.van === d.naar && d.notitie === true) return `Notitie bij ${crit} (${kant}) gewijzigd`;
      return `Score ${crit} (${kant}): ${waarde(d.van)} → ${waarde(d.naar)}${d.notitie === true ? ', notitie gewijzigd' : ''}`;
    }
    case 'keuzedeel-resultaat':
      return `Keuzedeelresultaat: ${resultaat(d.van)} → ${resultaat(d.naar)}`;
    case 'keuzedeel-cijfer':
      return `Keuzedeelcijfer: ${waarde(d.van)} → ${waarde(d.naar)}`;
    case 'keuzevak-cijfer':
      return `Keuzevakcijfer: ${waarde(d.van)} → ${waarde(d.naar)}${typeof d.voorgesteld === 'number' && d.naar !== d.voorgesteld ? ` (voorgesteld: ${cijferNl(d.voorgesteld)}; toelichting: ${waarde(d.toelichting)})` : ''}`;
    case 'afgenomen-op':
      return `Afnamedatum: ${waarde(d.van)} → ${waarde(d.naar)}`;
    case 'vastgesteld':
      return `Resultaat vastgesteld door de examencommissie (verificatiecode ${waarde(d.verificatiecode)})`;
    case 'herkansing':
      return `Herkansing: poging ${waarde(d.poging)} na een niet behaalde poging ${waarde(d.vorigePoging)}`;
    case 'correctie': {
      const w = Array.isArray(d.wijzigingen) ? (d.wijzigingen as Array<{ wat: string; details: Record<string, unknown> }>) : [];
      return `Correctie na vaststelling: ${w.length > 0 ? w.map((x) => historieOmschrijving(x.wat, x.details, criteriumNaam)).join('; ') : 'geen wijziging'}`;
    }
    default:
      return wat;
  }
}

export interface Poging {
  poging: number;
  keuzedeelResultaat: 'behaald' | 'niet-behaald' | null;
  keuzevakCijfer: number | null;
}

/**
 * The attempt that counts for a pupil's exported result, among the vastgesteld ones: a passed attempt over a failed
 * one, then the higher keuzevak grade (the PTA's usual rule for a herkansing: the highest result counts), then the later.
 */
export function telt<T extends Poging>(pogingen: readonly T[]): T | undefined {
  return [...pogingen].sort((a, b) => {
    const pa = a.keuzedeelResultaat === 'behaald' ? 1 : 0;
    const pb = b.keuzedeelResultaat === 'behaald' ? 1 : 0;
    if (pa !== pb) return pb - pa;
    const ca = a.keuzevakCijfer ?? 0;
    const cb = b.keuzevakCijfer ?? 0;
    if (ca !== cb) return cb - ca;
    return b.poging - a.poging;
  })[0];
}
