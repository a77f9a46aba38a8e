/**
 * Read model of the zoekmonitor (issue 5): the match index of one catalogue snapshot, built once per snapshot (lazily,
 * at the first question after a rebuild of the snapshot, or ahead by warmMatchIndex in use-cases/matching), and the
 * answers already given on it. Both hang on their snapshot (WeakMaps), so a new catalogue version starts afresh and the
 * old one is garbage once nobody holds it.
 */
import { MatchIndex } from '../../domain/matching/match.js';
import type { MatchResponse } from '../../shared/match-api.js';
import type { CatalogSnapshot } from './catalogue-snapshot.js';

const indexes = new WeakMap<CatalogSnapshot, MatchIndex>();

/** The match index of this catalogue snapshot (the zoekmonitor's and the overlap inventory's aligner). */
export function matchIndexOf(snapshot: CatalogSnapshot): MatchIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new MatchIndex({ vmbo: snapshot, mbo: snapshot.mbo, lexicon: snapshot.lexicon });
    indexes.set(snapshot, index);
  }
  return index;
}

/**
 * Answers per index: the catalogue under an index never changes, and teachers ask the same questions again.
 * `canonical`: a question computed once for the canonical number of results (a smaller limit takes the first results
 * of it); `json`: the JSON text of each exact question. Each is bounded; the oldest entry goes first.
 */
export interface MatchAnswers {
  canonical: Map<string, MatchResponse>;
  json: Map<string, string>;
}
const answers = new WeakMap<MatchIndex, MatchAnswers>();
export const MAX_CANONICAL_ANSWERS = 3000;
export const MAX_JSON_ANSWERS = 2000;

export function matchAnswersOf(index: MatchIndex): MatchAnswers {
  let a = answers.get(index);
  if (!a) answers.set(index, (a = { canonical: new Map(), json: new Map() }));
  return a;
}

/** Keeps `value` under `key`; when `max` entries are kept, the oldest goes. */
export function rememberAnswer<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}
