/**
 * Ranking quality metrics for the matching engine, as defined in ../shared/eval/README.md:
 * a ranked list of dossiers (first occurrence of each dossier counts), binary relevance.
 * Pure.
 */

export interface Judgment {
  keuzevak: string;
  /** Relevant dossier crebos, most relevant first. */
  relevant: string[];
}

export interface QualityScores {
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  ndcgAt10: number;
  /** Number of judged keuzevakken averaged over. */
  n: number;
}

/** Parse the TSV of judgments: "K/PIE/16<TAB>23427 23299 …", '#' lines are comments. */
export function parseJudgments(tsv: string): Judgment[] {
  return tsv
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keuzevak, rest] = line.split('\t');
      return { keuzevak: keuzevak!.trim(), relevant: (rest ?? '').trim().split(/\s+/).filter(Boolean) };
    });
}

/** Keep the first occurrence of each dossier, in order. */
export function distinct(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

export function recallAt(ranked: readonly string[], relevant: readonly string[], k: number): number {
  if (relevant.length === 0) return 0;
  const top = new Set(distinct(ranked).slice(0, k));
  return relevant.filter((r) => top.has(r)).length / relevant.length;
}

export function reciprocalRank(ranked: readonly string[], relevant: readonly string[]): number {
  const rel = new Set(relevant);
  const i = distinct(ranked).findIndex((d) => rel.has(d));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function ndcgAt(ranked: readonly string[], relevant: readonly string[], k: number): number {
  const rel = new Set(relevant);
  const dcg = distinct(ranked)
    .slice(0, k)
    .reduce((sum, d, i) => sum + (rel.has(d) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = Array.from({ length: Math.min(k, relevant.length) }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Average the metrics over all judgments; `rank` returns the ranked dossier crebos for a keuzevak code. */
export function evaluate(judgments: readonly Judgment[], rank: (keuzevak: string) => readonly string[]): QualityScores {
  const totals = { recallAt5: 0, recallAt10: 0, mrr: 0, ndcgAt10: 0 };
  for (const j of judgments) {
    const ranked = rank(j.keuzevak);
    totals.recallAt5 += recallAt(ranked, j.relevant, 5);
    totals.recallAt10 += recallAt(ranked, j.relevant, 10);
    totals.mrr += reciprocalRank(ranked, j.relevant);
    totals.ndcgAt10 += ndcgAt(ranked, j.relevant, 10);
  }
  const n = judgments.length || 1;
  return { recallAt5: totals.recallAt5 / n, recallAt10: totals.recallAt10 / n, mrr: totals.mrr / n, ndcgAt10: totals.ndcgAt10 / n, n: judgments.length };
}

/**
 * k folds of the judgments, split by profiel (issue 17): every profiel lies in exactly one fold, so no profiel is both
 * in the training and in the validation folds. Profielen are placed largest first, each in the fold with the fewest
 * keuzevakken so far (ties: the lower fold number); deterministic. Judgments without a profiel form one group "?".
 */
export function foldsByProfiel<J extends Judgment>(judgments: readonly J[], profielOf: (keuzevak: string) => string | null, k: number): J[][] {
  const groups = new Map<string, J[]>();
  for (const j of judgments) {
    const p = profielOf(j.keuzevak) ?? '?';
    groups.set(p, [...(groups.get(p) ?? []), j]);
  }
  const folds: J[][] = Array.from({ length: Math.max(1, Math.min(k, groups.size)) }, () => []);
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [, list] of ordered) {
    let target = 0;
    for (let i = 1; i < folds.length; i++) if (folds[i]!.length < folds[target]!.length) target = i;
    folds[target]!.push(...list);
  }
  return folds;
}

/** Mean and (sample) standard deviation. */
export function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd };
}

/** Two halves of the judgments for the transfer experiment: within each profiel (codes sorted) alternately A and B. */
export function halvesByProfiel<J extends Judgment>(judgments: readonly J[], profielOf: (keuzevak: string) => string | null): [J[], J[]] {
  const a: J[] = [];
  const b: J[] = [];
  const groups = new Map<string, J[]>();
  for (const j of judgments) {
    const p = profielOf(j.keuzevak) ?? '?';
    groups.set(p, [...(groups.get(p) ?? []), j]);
  }
  for (const [, list] of [...groups.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    [...list].sort((x, y) => x.keuzevak.localeCompare(y.keuzevak)).forEach((j, i) => (i % 2 === 0 ? a : b).push(j));
  }
  return [a, b];
}
