/**
 * Dutch text analysis: folding, tokenisation, stop words and stemming.
 * Pure functions, no I/O. Search (and later the matching engine) build on it,
 * so indexing and querying always analyse text the same way.
 */
import snowball from 'snowball-stemmers';
import { DUTCH_STOP_WORDS } from './stopwords-nl.js';

const stemmer = snowball.newStemmer('dutch');

/** A word as found in the original text, with its analysed term. */
export interface Token {
  /** The word as written in the text. */
  surface: string;
  /** Folded form: lower case, no diacritics. */
  folded: string;
  /** Folded and stemmed form: what is indexed and compared. */
  term: string;
  /** Offsets into the original text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  stop: boolean;
}

/**
 * Lower case and remove diacritics ("Coördinatie" -> "coordinatie", "één" -> "een").
 * The ligature ĳ becomes "ij". Length can change, so use it on words, not to map offsets.
 */
export function fold(text: string): string {
  return text
    .replace(/[ĳĲ]/g, 'ij')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// A word: letters and digits, with inner apostrophes ("auto's") kept together.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Split text into tokens with their positions, folded and stemmed terms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    const { folded, term, stop } = analyseWord(surface);
    tokens.push({ surface, folded, term, start, end: start + surface.length, stop });
  }
  return tokens;
}

// Words repeat a lot (the same catalogue is analysed again for every highlight): memoise per written form.
const wordCache = new Map<string, { folded: string; term: string; stop: boolean }>();
function analyseWord(surface: string): { folded: string; term: string; stop: boolean } {
  let analysed = wordCache.get(surface);
  if (!analysed) {
    const folded = fold(surface).replace(/['’]/g, '');
    analysed = { folded, term: stem(folded), stop: DUTCH_STOP_WORDS.has(folded) };
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(surface, analysed);
  }
  return analysed;
}

const stemCache = new Map<string, string>();

/** Dutch Snowball stem of a folded word; numbers and one-letter words stay as they are. */
export function stem(folded: string): string {
  if (folded.length < 3 || /^\d+$/.test(folded)) return folded;
  let result = stemCache.get(folded);
  if (result === undefined) {
    result = stemmer.stem(folded);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(folded, result);
  }
  return result;
}

/** The index terms of a text: stemmed, folded, without stop words, in text order (repeats kept). */
export function terms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.term);
}

/** Distinct query terms, in order of first appearance. Stop words are dropped unless nothing else is left. */
export function queryTerms(query: string): string[] {
  const tokens = tokenize(query);
  const content = tokens.filter((t) => !t.stop);
  const chosen = content.length > 0 ? content : tokens;
  return [...new Set(chosen.map((t) => t.term))];
}

export interface HighlightPart {
  text: string;
  mark: boolean;
}

function matches(token: Token, wanted: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  if (token.stop && !wanted.has(token.term)) return false;
  if (wanted.has(token.term)) return true;
  // Compound words: "booglassen" contains the searched "lass(en)".
  for (const w of wanted) if (w.length >= 4 && token.folded.includes(w)) return true;
  return prefixes.some((p) => token.folded.startsWith(p) || token.term.startsWith(p));
}

/**
 * Split text into parts, marking the words whose term is one of `wanted`
 * (or, for prefix search, whose folded form starts with one of `prefixes`).
 * Joining the parts' text gives the original text back.
 */
export function highlight(text: string, wanted: Iterable<string>, prefixes: readonly string[] = []): HighlightPart[] {
  const wantedSet = new Set(wanted);
  const parts: HighlightPart[] = [];
  let cursor = 0;
  for (const token of tokenize(text)) {
    if (!matches(token, wantedSet, prefixes)) continue;
    if (token.start > cursor) parts.push({ text: text.slice(cursor, token.start), mark: false });
    parts.push({ text: token.surface, mark: true });
    cursor = token.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), mark: false });
  return parts;
}

/** True when any part is marked. */
export function hasMark(parts: readonly HighlightPart[]): boolean {
  return parts.some((p) => p.mark);
}

/**
 * A short fragment of `text` around the first marked word, at most about `maxLength` characters,
 * cut at word boundaries, with an ellipsis where it was cut.
 */
export function snippet(
  text: string,
  wanted: Iterable<string>,
  prefixes: readonly string[] = [],
  maxLength = 180,
): HighlightPart[] {
  const normalized = text.replace(/\s+/g, ' ').trim();
  const parts = highlight(normalized, wanted, prefixes);
  if (normalized.length <= maxLength) return parts;
  // Find the offset of the first mark.
  let offset = 0;
  let firstMark = -1;
  for (const p of parts) {
    if (p.mark) {
      firstMark = offset;
      break;
    }
    offset += p.text.length;
  }
  let from = firstMark < 0 ? 0 : Math.max(0, firstMark - Math.floor(maxLength / 3));
  if (from > 0) {
    const space = normalized.indexOf(' ', from);
    from = space >= 0 && space < (firstMark < 0 ? normalized.length : firstMark) ? space + 1 : from;
  }
  let to = Math.min(normalized.length, from + maxLength);
  if (to < normalized.length) {
    const space = normalized.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const cut = normalized.slice(from, to);
  const result = highlight(cut, wanted, prefixes);
  if (from > 0) result.unshift({ text: '… ', mark: false });
  if (to < normalized.length) result.push({ text: ' …', mark: false });
  return mergePlain(result);
}

function mergePlain(parts: HighlightPart[]): HighlightPart[] {
  const out: HighlightPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && !last.mark && !p.mark) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * The vocabulary a compound splitter may rely on: words (folded) and their
 * stems, with prefix look-up. Learnt from the catalogue's own texts.
 */
export class Lexicon {
  private readonly words: Set<string>;
  private readonly stems: Set<string>;
  private readonly sorted: string[];

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.sorted = [...this.words].sort();
    this.stems = new Set(this.sorted.map((w) => stem(w)));
  }

  get size(): number {
    return this.words.size;
  }

  /** A known word, or a word with the stem of a known word ("opvang" when "opvangen" is known). */
  has(word: string): boolean {
    return this.words.has(word) || this.stems.has(stem(word));
  }

  /** Exactly this word is known (no stemming). */
  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  /** Some known word other than `except` starts with `prefix`. */
  hasWordStartingWith(prefix: string, except?: string): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i += 1) {
      if (this.sorted[i] !== except) return true;
    }
    return false;
  }
}

/**
 * Split a Dutch compound into head and tail ("booglassen" -> ["boog", "lassen"],
 * "veiligheidsregels" -> ["veiligheid", "regels"], "kinderopvang" -> ["kinder", "opvang"]).
 * Dutch compounds are head-final: the tail must be a known word (or have a
 * known word's stem); the head must begin some other known word, which keeps
 * "gevarenklassen" from splitting into "gevarenk" + "lassen". The longest
 * tail that fits wins. Returns [] when there is no such split.
 */
export function splitCompound(folded: string, lexicon: Lexicon, minHead = 3, minTail = 4, strictHeads = false): string[] {
  if (folded.length < minHead + minTail) return [];
  for (let i = minHead; i <= folded.length - minTail; i += 1) {
    const tail = folded.slice(i);
    if (DUTCH_STOP_WORDS.has(tail) || !lexicon.has(tail)) continue;
    const head = folded.slice(0, i);
    // Linking -s- ("veiligheidsregels") when the head without it is a word.
    if (head.endsWith('s') && head.length > minHead && lexicon.has(head.slice(0, -1))) return [head.slice(0, -1), tail];
    if (strictHeads) {
      if (isStrictSplit(head, tail, folded, lexicon)) return [head, tail];
    } else if (lexicon.hasWordStartingWith(head, folded)) return [head, tail];
  }
  return [];
}

/** Verb prefixes that begin many words but are no words themselves ("ont|luchten", "ver|vangen"). */
const VERB_PREFIXES = new Set(['be', 'ge', 'er', 'her', 'ont', 'ver', 'mis', 'afs']);
/** Suffixes that look like words ("werkzaam|heden"): never a compound's tail in the strict rule. */
const SUFFIX_TAILS = new Set(['heden', 'heid', 'schap', 'schappen', 'achtig', 'achtige']);

/**
 * The strict head rule (for matching, where a wrong part does more harm than a missed one). The head is a known
 * word, also with a linking -e-/-en- or a doubled consonant ("kinder|opvang" when "kinderen" is known, "las|naad"
 * when "lassen" is); or, from four letters, it begins another known word while no longer known word is a prefix of
 * the compound (so "controleren" does not give "contro" + "leren", as "controle" is a word) and the tail is itself a
 * word of the catalogue, not only a form with a known word's stem: the stemmer folds "steem" to "stem", "veren" to
 * "ver" and "tand" stands in "toestand", so such tails gave "remsy" + "steem", "aanle" + "veren" and "toes" +
 * "tand" (issue 17: measured on the held-out folds, BENCHMARKS.md). Never a verb prefix, never a suffix as tail.
 */
function isStrictSplit(head: string, tail: string, folded: string, lexicon: Lexicon): boolean {
  if (VERB_PREFIXES.has(head) || SUFFIX_TAILS.has(tail)) return false;
  const last = head[head.length - 1]!;
  if (lexicon.has(head) || lexicon.has(`${head}en`) || lexicon.has(`${head}e`) || lexicon.has(`${head}${last}en`)) return true;
  if (head.length < 4 || !lexicon.hasWord(tail) || !lexicon.hasWordStartingWith(head, folded)) return false;
  for (let j = head.length + 1; j < folded.length; j += 1) if (lexicon.hasWord(folded.slice(0, j))) return false;
  return true;
}

/**
 * Index terms with compound parts added: for "booglassen" the terms of
 * "booglassen", "lassen" and "boog". Parts are added after the whole word.
 */
export function termsWithCompounds(text: string, lexicon: Lexicon, opts: { strictHeads?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.stop) continue;
    out.push(t.term);
    const parts = splitCompound(t.folded, lexicon, 3, 4, opts.strictHeads ?? false);
    for (const p of parts) if (p.length >= 4) out.push(stem(p));
  }
  return out;
}

/** The vocabulary of a set of texts: folded words of four letters or more that are not stop words, with their frequency. */
export function vocabulary(texts: Iterable<string>): Map<string, number> {
  const freq = new Map<string, number>();
  for (const text of texts) {
    for (const t of tokenize(text)) {
      if (t.stop || t.folded.length < 4 || /\d/.test(t.folded)) continue;
      freq.set(t.folded, (freq.get(t.folded) ?? 0) + 1);
    }
  }
  return freq;
}
