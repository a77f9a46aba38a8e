/**
 * One eindterm ↔ werkproces aligner per catalogue snapshot: its inverse document frequencies are counted over every
 * active eindterm and every werkproces (and keuzedeel) of the catalogue, once, on first use after an import.
 */
import { Aligner } from '../../../domain/matching/alignment.js';
import type { CatalogSnapshot } from '../../repositories/catalog-snapshot.js';

const aligners = new WeakMap<CatalogSnapshot, Aligner>();

function* corpus(snapshot: CatalogSnapshot): Iterable<string> {
  for (const r of snapshot.items) {
    if (r.kind === 'eindterm' && r.status === 'actief' && r.duplicate_of === null) yield r.description ? `${r.title}. ${r.description}` : r.title;
  }
  // A werkproces text repeats in every kwalificatie of its dossier: count each text once.
  const seen = new Set<string>();
  for (const k of snapshot.mbo.kwalificaties.values()) {
    for (const kt of snapshot.mbo.kerntakenOf(k).kerntaken) {
      for (const w of kt.werkprocessen) {
        const t = w.omschrijving ? `${w.titel}. ${w.omschrijving}` : w.titel;
        if (!seen.has(t)) {
          seen.add(t);
          yield t;
        }
      }
    }
  }
  for (const kd of snapshot.mbo.keuzedelen.values()) yield kd.omschrijving ? `${kd.titel}. ${kd.omschrijving}` : kd.titel;
}

export function alignerOf(snapshot: CatalogSnapshot): Aligner {
  let aligner = aligners.get(snapshot);
  if (!aligner) {
    aligner = new Aligner({ lexicon: snapshot.lexicon, corpus: corpus(snapshot) });
    aligners.set(snapshot, aligner);
  }
  return aligner;
}
