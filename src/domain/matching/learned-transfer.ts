/**
 * What teachers said about some vmbo units, learned for the others (issue 17). Pure.
 *
 * Teachers confirm or reject dossiers for the keuzevakken (and profielmodulen) they work with; most units never get
 * such evidence. A unit without evidence learns from the units of the same profiel that have it and whose own words
 * are alike: per dossier the similarity-weighted mean of their strengths (`strength` of evidence.ts), damped by
 * sum(sim) / (sum(sim) + damping), from the `neighbours` most similar units with cosine ≥ `minSimilarity`. The
 * similarity is the cosine of the units' own terms as the engine analyses a question (derivation families, field
 * weights, words that nearly every keuzevak uses weighed down; no thesaurus: `MatchingEngine.queryWeights` with
 * `expand` false). The transferred strength is ADDED to the dossier's relative score (1 = the best dossier by the
 * texts) with weight `weight`, before the unit's own evidence multiplies it (evidence.ts): a dossier confirmed for two
 * alike keuzevakken of the profiel moves up a few places, it does not replace what the texts say.
 *
 * Chosen on the transfer experiment of `npm run bench:quality -- --folds 5 --transfer-grid` by a split WITHIN the
 * confirmed half (a quarter of the keuzevakken confirmed, measured on the other quarter), never on the unseen half:
 * the own terms instead of the whole idf-weighted text, the same profiel only, cosine ≥ 0.2 and an additive weight 2
 * came out of a flat region (BENCHMARKS.md, 2026-12-07 avond). Also measured there and left off: a learned bridge
 * vocabulary (vmbo term → mbo term by lift over confirmed pairs, as query expansion) and a vmbo field of the dossier
 * (the confirmed units' words, BM25 or cosine): within noise or worse.
 *
 * Built once per version of the evidence (the use case keeps it with the evidence it read), asked per question.
 */
import { strength, type EvidenceSet } from './evidence.js';

export interface TransferOptions {
  /** Added to the relative score per unit of transferred strength. */
  weight: number;
  minSimilarity: number;
  /** How many most similar units with evidence are read. */
  neighbours: number;
  damping: number;
  /** Only units of the question's profiel (a question without one reads all units). */
  sameProfiel: boolean;
}

export const TRANSFER: Readonly<TransferOptions> = Object.freeze({ weight: 2, minSimilarity: 0.2, neighbours: 10, damping: 0.5, sameProfiel: true });

/** A vmbo unit as the transfer reads it: its key (`kind|code`), profiel and own terms (any weights; normalised here). */
export interface TransferUnit {
  key: string;
  profiel: string | null;
  terms: ReadonlyMap<string, number>;
}

/** What was learned about one result for a question. */
export interface Transferred {
  /** In (−1, 1): the damped, similarity-weighted mean strength of the neighbours' evidence. */
  strength: number;
  /** Neighbours that found the result fitting (net positive evidence) / not fitting, by kind (`keuzevak`, …). */
  voor: Record<string, number>;
  tegen: Record<string, number>;
  /** Whether the neighbours were read from the question's profiel only. */
  sameProfiel: boolean;
}

interface Learned {
  key: string;
  kind: string;
  profiel: string | null;
  terms: Map<string, number>;
  strengths: Map<string, number>;
}

/** The vector scaled to length 1 (empty stays empty). */
export function unitLength(terms: ReadonlyMap<string, number>): Map<string, number> {
  let norm = 0;
  for (const x of terms.values()) norm += x * x;
  norm = Math.sqrt(norm);
  const out = new Map<string, number>();
  if (norm === 0) return out;
  for (const [t, x] of terms) if (x > 0) out.set(t, x / norm);
  return out;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) s += x * y;
  }
  return s;
}

export class LearnedTransfer {
  readonly options: TransferOptions;
  private readonly units: Learned[] = [];

  /** `units`: the units that have evidence in `evidence` (others are ignored). */
  constructor(units: Iterable<TransferUnit>, evidence: EvidenceSet, options: Partial<TransferOptions> = {}) {
    this.options = { ...TRANSFER, ...options };
    for (const u of units) {
      const ev = evidence.get(u.key);
      if (!ev) continue;
      const strengths = new Map<string, number>();
      for (const [result, b] of ev) {
        const s = strength(b);
        if (s !== 0) strengths.set(result, s);
      }
      const terms = unitLength(u.terms);
      if (strengths.size === 0 || terms.size === 0) continue;
      this.units.push({ key: u.key, kind: u.key.split('|')[0]!, profiel: u.profiel, terms, strengths });
    }
  }

  /** How many units with evidence the transfer reads from. */
  get size(): number {
    return this.units.length;
  }

  /**
   * Per result key what the question learns from similar units (its own unit, `key`, left out: its own evidence
   * counts as itself). Results without transferred evidence are absent.
   */
  of(query: { key: string | null; profiel: string | null; terms: ReadonlyMap<string, number> }): Map<string, Transferred> {
    const o = this.options;
    const out = new Map<string, Transferred>();
    if (this.units.length === 0) return out;
    const q = unitLength(query.terms);
    const sameProfiel = o.sameProfiel && query.profiel !== null;
    const used = this.units
      .filter((u) => u.key !== query.key && (!sameProfiel || u.profiel === query.profiel))
      .map((u) => ({ u, sim: dot(q, u.terms) }))
      .filter((n) => n.sim >= o.minSimilarity)
      .sort((a, b) => b.sim - a.sim || a.u.key.localeCompare(b.u.key))
      .slice(0, o.neighbours);
    const sumSim = used.reduce((s, n) => s + n.sim, 0);
    if (sumSim === 0) return out;
    const damping = sumSim / (sumSim + o.damping);
    const acc = new Map<string, { sum: number; voor: Record<string, number>; tegen: Record<string, number> }>();
    for (const { u, sim } of used) {
      for (const [result, s] of u.strengths) {
        let a = acc.get(result);
        if (!a) acc.set(result, (a = { sum: 0, voor: {}, tegen: {} }));
        a.sum += sim * s;
        const side = s > 0 ? a.voor : a.tegen;
        side[u.kind] = (side[u.kind] ?? 0) + 1;
      }
    }
    for (const [result, a] of acc) out.set(result, { strength: (a.sum / sumSim) * damping, voor: a.voor, tegen: a.tegen, sameProfiel });
    return out;
  }
}

/** The relative score (1 = best by the texts) with the transferred strength added (never below 0). */
export function withTransfer(relative: number, transferred: Transferred | undefined, weight: number = TRANSFER.weight): number {
  return Math.max(0, relative + weight * (transferred?.strength ?? 0));
}

/** From this transferred strength on, the uitleg says the learned part moved the result (± 0.1 on the relative score). */
export const TRANSFER_SHOWN = 0.05;

const eenheden = (counts: Record<string, number>): string => {
  const parts: string[] = [];
  const kv = counts.keuzevak ?? 0;
  const pm = counts.profielmodule ?? 0;
  if (kv > 0) parts.push(kv === 1 ? '1 keuzevak' : `${kv} keuzevakken`);
  if (pm > 0) parts.push(pm === 1 ? '1 profielmodule' : `${pm} profielmodulen`);
  return parts.join(' en ');
};

/**
 * The learned part in plain Dutch, when it moved the result: "Docenten vonden dit dossier passend bij 2 keuzevakken
 * van hetzelfde profiel met een vergelijkbare tekst; daardoor staat het hoger." Null when it did not.
 */
export function transferUitleg(t: Transferred | undefined): string | null {
  if (!t || Math.abs(t.strength) < TRANSFER_SHOWN) return null;
  const up = t.strength > 0;
  const wie = eenheden(up ? t.voor : t.tegen);
  if (!wie) return null;
  const waar = `${wie}${t.sameProfiel ? ' van hetzelfde profiel' : ''} met een vergelijkbare tekst`;
  return up
    ? `Docenten vonden dit dossier passend bij ${waar}; daardoor staat het hoger.`
    : `Docenten vonden dit dossier niet passend bij ${waar}; daardoor staat het lager.`;
}
