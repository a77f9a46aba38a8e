/**
 * The eindterm ↔ werkproces aligner of the inventory is the zoekmonitor's (`MatchIndex.aligner`, idf over every
 * eindterm and werkproces title of the catalogue): one per catalogue snapshot, built at start (`warmMatchIndex`) or on
 * first use after an import, so the inventory and the zoekmonitor give the same pair the same score and band.
 * Texts are titles, as the aligner's corpus is.
 */
import type { Aligner } from '../../../domain/matching/alignment.js';
import type { CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { matchIndexOf } from '../../read-models/match-index.js';

export function alignerOf(snapshot: CatalogSnapshot): Aligner {
  return matchIndexOf(snapshot).aligner;
}
