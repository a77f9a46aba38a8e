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
 * - score × clamp(1 + own·EVIDENCE.own + transfer·EVIDENCE.transfer, minFactor, maxFactor). A result the texts do not
 *   support at all (score 0) stays out: evidence reorders what the catalogue suggests, it does not invent results.
 * What other units' evidence teaches a unit (the transfer to unseen keuzevakken) is learned-transfer.ts: the
 * zoekmonitor adds it to the relative score and passes no `transfer` here (2026-12-07 avond). `transferStrengths`
 * (neighbours weighted by similarity, cosine ≥ EVIDENCE.minSimilarity, damped by sum(sim) / (sum(sim) +
 * EVIDENCE.transferDamping)) remains for the pair transfer that bench/aligner.ts measures.
 */

export interface Bewijs {
  bevestigd: number;
  afgewezen: number;
  voor: number;
  tegen: number;
}

export const GEEN_BEWIJS: Readonly<Bewijs> = Object.freeze({ bevestigd: 0, afgewezen: 0, voor: 0, tegen: 0 });

/**
 * Weights of the evidence, set by hand (`own`: a unit's own evidence; `transfer` and the neighbour settings: the
 * multiplicative transfer of `transferStrengths`, which the zoekmonitor no longer uses: see learned-transfer.ts).
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

/**
 * A unit's own evidence in Dutch words for the uitleg of a result; null without evidence. (What similar units taught
 * it is said by `transferUitleg` of learned-transfer.ts.)
 */
export function bewijsUitleg(b: Bewijs | undefined): string | null {
  const delen: string[] = [];
  if (b && b.bevestigd > 0) delen.push(`bevestigd door ${samenwerkingen(b.bevestigd)}`);
  if (b && b.afgewezen > 0) delen.push(`door docenten afgewezen in ${samenwerkingen(b.afgewezen)}`);
  if (b && b.voor > 0) delen.push(`nuttig gevonden door ${docenten(b.voor)}`);
  if (b && b.tegen > 0) delen.push(`door ${docenten(b.tegen)} afgewezen als niet passend`);
  if (delen.length === 0) return null;
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
