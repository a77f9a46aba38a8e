/**
 * What teachers said, as evidence for the zoekmonitor (issue 17). Pure.
 *
 * Evidence about one result of one vmbo unit (a keuzevak or profielmodule) is counted, never named:
 * - `bevestigd` / `afgewezen`: how many samenwerkingen (each with an accepted vmbo school and an accepted mbo instelling,
 *   so one school cannot inflate it) confirmed / rejected a link eindterm ↔ werkproces from this unit into this dossier;
 * - `voor` / `tegen`: how many staff members gave the result a thumbs up / down in the zoekmonitor (one vote a person).
 *
 * How it changes a score (bounded, so evidence can never swamp what the texts say):
 * - own evidence: strength = (pos − neg) / (pos + neg + 1) with pos = bevestigd + ½·voor, neg = afgewezen + ½·tegen,
 *   in (−1, 1); one confirmation gives ½, three give ¾;
 * - transfer: a unit without evidence of its own learns from units that have it, weighted by how alike their texts are
 *   (cosine ≥ EVIDENCE.minSimilarity): the similarity-weighted mean of their strengths per dossier, damped by
 *   sum(sim) / (sum(sim) + EVIDENCE.transferDamping);
 * - score × clamp(1 + own·EVIDENCE.own + transfer·EVIDENCE.transfer, minFactor, maxFactor). A result the texts do not
 *   support at all (score 0) stays out: evidence reorders what the catalogue suggests, it does not invent results.
 */

export interface Bewijs {
  bevestigd: number;
  afgewezen: number;
  voor: number;
  tegen: number;
}

export const GEEN_BEWIJS: Readonly<Bewijs> = Object.freeze({ bevestigd: 0, afgewezen: 0, voor: 0, tegen: 0 });

/**
 * Weights of the evidence, set by hand and checked on the transfer experiment of `npm run bench:quality -- --folds 5`
 * (BENCHMARKS.md): a larger transfer weight gains a little more on unseen keuzevakken; 0.5 keeps evidence modest.
 */
export const EVIDENCE = {
  own: 0.8,
  transfer: 0.5,
  minFactor: 0.4,
  maxFactor: 1.8,
  minSimilarity: 0.15,
  transferDamping: 0.5,
  /** How many most similar units with evidence are read for the transfer. */
  neighbours: 10,
} as const;

export type EvidenceWeights = { own: number; transfer: number };

/** Evidence per unit (key `kind|code`, e.g. `keuzevak|K/PIE/16`) per result key (a dossier crebo, or `keuzedeel|K0072`). */
export type EvidenceSet = ReadonlyMap<string, ReadonlyMap<string, Bewijs>>;

export function isEmptyBewijs(b: Bewijs): boolean {
  return b.bevestigd === 0 && b.afgewezen === 0 && b.voor === 0 && b.tegen === 0;
}

/** Strength of the evidence about one result, in (−1, 1); 0 without evidence. */
export function strength(b: Bewijs): number {
  const pos = b.bevestigd + 0.5 * b.voor;
  const neg = b.afgewezen + 0.5 * b.tegen;
  return (pos - neg) / (pos + neg + 1);
}

/**
 * Per result key the transfer strength in (−1, 1) from similar units with evidence. `neighbours`: the units with
 * evidence and their text similarity to the query (the query's own unit left out by the caller).
 */
export function transferStrengths(neighbours: ReadonlyArray<{ similarity: number; evidence: ReadonlyMap<string, Bewijs> }>): Map<string, number> {
  const used = neighbours
    .filter((n) => n.similarity >= EVIDENCE.minSimilarity)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, EVIDENCE.neighbours);
  const sumSim = used.reduce((s, n) => s + n.similarity, 0);
  const out = new Map<string, number>();
  if (sumSim === 0) return out;
  const damping = sumSim / (sumSim + EVIDENCE.transferDamping);
  const acc = new Map<string, number>();
  for (const n of used) for (const [key, b] of n.evidence) acc.set(key, (acc.get(key) ?? 0) + n.similarity * strength(b));
  for (const [key, v] of acc) out.set(key, (v / sumSim) * damping);
  return out;
}

/** The factor a score is multiplied with, within [minFactor, maxFactor]. */
export function evidenceFactor(own: number, transfer: number, weights: EvidenceWeights = EVIDENCE): number {
  return Math.min(EVIDENCE.maxFactor, Math.max(EVIDENCE.minFactor, 1 + own * weights.own + transfer * weights.transfer));
}

/** Re-ranks scored results with their evidence (stable for equal scores: by key). */
export function applyEvidence<T extends { key: string; score: number }>(
  ranked: readonly T[],
  own: ReadonlyMap<string, Bewijs> | undefined,
  transfer: ReadonlyMap<string, number> | undefined,
  weights: EvidenceWeights = EVIDENCE,
): Array<T & { factor: number }> {
  return ranked
    .map((r) => {
      const b = own?.get(r.key);
      const factor = evidenceFactor(b ? strength(b) : 0, transfer?.get(r.key) ?? 0, weights);
      return { ...r, score: r.score * factor, factor };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

const samenwerkingen = (n: number) => (n === 1 ? '1 samenwerking' : `${n} samenwerkingen`);
const docenten = (n: number) => (n === 1 ? '1 docent' : `${n} docenten`);

/** The evidence in Dutch words for the uitleg of a result; null without evidence. */
export function bewijsUitleg(b: Bewijs | undefined, transfer = 0): string | null {
  const delen: string[] = [];
  if (b && b.bevestigd > 0) delen.push(`bevestigd door ${samenwerkingen(b.bevestigd)}`);
  if (b && b.afgewezen > 0) delen.push(`door docenten afgewezen in ${samenwerkingen(b.afgewezen)}`);
  if (b && b.voor > 0) delen.push(`nuttig gevonden door ${docenten(b.voor)}`);
  if (b && b.tegen > 0) delen.push(`door ${docenten(b.tegen)} afgewezen als niet passend`);
  if (delen.length === 0) {
    if (transfer >= 0.1) return 'Docenten bevestigden dit dossier bij keuzevakken met een vergelijkbare tekst; dat telt mee in de rangschikking.';
    if (transfer <= -0.1) return 'Docenten wezen dit dossier af bij keuzevakken met een vergelijkbare tekst; dat telt mee in de rangschikking.';
    return null;
  }
  const zin = delen.join(', ');
  return `${zin.charAt(0).toUpperCase()}${zin.slice(1)}; dat telt mee in de rangschikking.`;
}

/** Adds evidence into a mutable set. */
export function addBewijs(set: Map<string, Map<string, Bewijs>>, unitKey: string, resultKey: string, delta: Partial<Bewijs>): void {
  let perUnit = set.get(unitKey);
  if (!perUnit) set.set(unitKey, (perUnit = new Map()));
  const b = perUnit.get(resultKey) ?? { ...GEEN_BEWIJS };
  perUnit.set(resultKey, {
    bevestigd: b.bevestigd + (delta.bevestigd ?? 0),
    afgewezen: b.afgewezen + (delta.afgewezen ?? 0),
    voor: b.voor + (delta.voor ?? 0),
    tegen: b.tegen + (delta.tegen ?? 0),
  });
}
