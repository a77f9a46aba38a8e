/**
 * Issue 5's quality bar, guarded end to end: the expert judgments of ../shared/eval/dev-gold.tsv, asked through
 * GET /api/match exactly as the zoekmonitor asks them, on the national data. The bar is nDCG@10 ≥ 0.70 and
 * recall@10 ≥ 0.85 (BENCHMARKS.md records the figures themselves; `npm run bench:quality` prints them).
 * The ranking does not depend on the database, so this runs once, on PGlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchResponse } from '../../src/shared/match-api.js';
import { evaluate, parseJudgments } from '../../src/domain/matching/metrics.js';
import { TEST_DB } from '../support/db.js';
import { hasMboData, hasSloData, SHARED_DIR } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';

const GOLD = path.join(SHARED_DIR, 'eval', 'dev-gold.tsv');

describe.skipIf(TEST_DB !== 'pglite' || !hasSloData || !hasMboData || !fs.existsSync(GOLD))('match quality on the dev set, through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('meets the bar: nDCG@10 ≥ 0.70 and recall@10 ≥ 0.85, MRR above the baseline (0.48)', async () => {
    const judgments = parseJudgments(fs.readFileSync(GOLD, 'utf8'));
    expect(judgments.length).toBeGreaterThanOrEqual(80);
    const rankings = new Map<string, string[]>();
    for (const j of judgments) {
      const res = await t.app.inject({ method: 'GET', url: `/api/match?keuzevak=${encodeURIComponent(j.keuzevak)}&soort=kwalificatie&limit=100` });
      expect(res.statusCode, j.keuzevak).toBe(200);
      const body = MatchResponse.parse(res.json());
      rankings.set(j.keuzevak, body.results.flatMap((r) => (r.type === 'kwalificatie' ? [r.dossierCrebo] : [])));
    }
    const scores = evaluate(judgments, (k) => rankings.get(k) ?? []);
    expect(scores.n).toBe(judgments.length);
    expect(scores.ndcgAt10).toBeGreaterThanOrEqual(0.7);
    expect(scores.recallAt10).toBeGreaterThanOrEqual(0.85);
    expect(scores.mrr).toBeGreaterThan(0.48);
  }, 120_000);
});
