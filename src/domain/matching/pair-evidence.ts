/**
 * What teachers said about one pair eindterm ↔ werkproces, as evidence for the overlap inventory (issue 17). Pure.
 *
 * A pair confirmed in the crosswalk of other samenwerkingen is raised (and proposed even when the aligner did not
 * propose it); a pair rejected there is lowered; the label says so. Counted, never named:
 * - only samenwerkingen with an accepted vmbo school and an accepted mbo instelling count (the repository reads only
 *   those), each samenwerking once per pair, so one school cannot inflate it;
 * - the samenwerking whose inventory is shown is left out: its own reviews are shown as themselves and always win.
 *
 * How it changes a proposal (bounded, so a few reviews cannot swamp the texts, and a person's review here still wins):
 * - the band moves by the net count `bevestigd − afgewezen`, at most two steps: one net confirmation lifts a `zwak`
 *   proposal to `mogelijk` (so it counts by default), two lift it to `sterk`; one net rejection lowers `sterk` to
 *   `mogelijk` and `mogelijk` to `zwak` (then shown only with "ook zwakke voorstellen"). A pair the aligner does not
 *   propose at all starts as `zwak`;
 * - within its band the order follows score × the factor of `evidence.ts` (1 + strength · EVIDENCE.own, within
 *   [minFactor, maxFactor]); the score itself stays the aligner's cosine.
 */
import type { Confidence } from './alignment.js';
import { evidenceFactor, strength } from './evidence.js';

/** How many other samenwerkingen confirmed / rejected a pair. */
export interface PaarOordeel {
  bevestigd: number;
  afgewezen: number;
}

/** Key of a pair, as `pairKey` of the inventory. */
export const paarSleutel = (eindtermId: string, werkprocesId: string) => `${eindtermId}\u0000${werkprocesId}`;

export interface CrosswalkOordeel {
  partnershipId: string;
  eindtermId: string;
  werkprocesId: string;
  status: 'bevestigd' | 'afgewezen';
}

/**
 * Per pair the number of distinct samenwerkingen that confirmed / rejected it, leaving out `exclude` (the
 * samenwerking whose inventory is shown). Pairs without evidence are absent.
 */
export function paarOordelen(rows: Iterable<CrosswalkOordeel>, exclude?: string | null): Map<string, PaarOordeel> {
  const seen = new Set<string>();
  const out = new Map<string, PaarOordeel>();
  for (const r of rows) {
    if (exclude && r.partnershipId === exclude) continue;
    const key = paarSleutel(r.eindtermId, r.werkprocesId);
    const once = `${r.partnershipId}\u0000${key}\u0000${r.status}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const o = out.get(key) ?? { bevestigd: 0, afgewezen: 0 };
    out.set(key, r.status === 'bevestigd' ? { ...o, bevestigd: o.bevestigd + 1 } : { ...o, afgewezen: o.afgewezen + 1 });
  }
  return out;
}

const BANDS: readonly Confidence[] = ['zwak', 'mogelijk', 'sterk'];

/** The band of a proposal after the evidence (`null`: the aligner did not propose the pair; it starts as zwak). */
export function verschovenBand(band: Confidence | null, o: PaarOordeel | undefined): Confidence {
  const base = band ? BANDS.indexOf(band) : 0;
  if (!o) return BANDS[base]!;
  const shift = Math.max(-2, Math.min(2, o.bevestigd - o.afgewezen));
  return BANDS[Math.max(0, Math.min(BANDS.length - 1, base + shift))]!;
}

/** The factor the score of a proposal is ranked with (1 without evidence). */
export function paarFactor(o: PaarOordeel | undefined): number {
  if (!o) return 1;
  return evidenceFactor(strength({ bevestigd: o.bevestigd, afgewezen: o.afgewezen, voor: 0, tegen: 0 }), 0);
}

/** Whether the evidence proposes a pair the aligner did not: net confirmed elsewhere. */
export const stelVoor = (o: PaarOordeel | undefined) => o !== undefined && o.bevestigd > o.afgewezen;

const samenwerkingen = (n: number) => (n === 1 ? '1 samenwerking' : `${n} samenwerkingen`);

/**
 * The evidence in Dutch words, e.g. "bevestigd door 3 samenwerkingen" or "door docenten afgewezen in 1 samenwerking";
 * null without evidence.
 */
export function paarLabel(o: PaarOordeel | undefined): string | null {
  if (!o) return null;
  const delen: string[] = [];
  if (o.bevestigd > 0) delen.push(`bevestigd door ${samenwerkingen(o.bevestigd)}`);
  if (o.afgewezen > 0) delen.push(`door docenten afgewezen in ${samenwerkingen(o.afgewezen)}`);
  return delen.length > 0 ? delen.join('; ') : null;
}
