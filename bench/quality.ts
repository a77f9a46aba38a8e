/**
 * npm run bench:quality — match quality on the expert judgments in ../shared/eval/dev-gold.tsv:
 * imports the real data of both sides, then ranks mbo dossiers for each judged keuzevak with
 * (a) the plain TF-IDF baseline and (b) our engine, over the same texts, and prints
 * recall@5, recall@10, MRR and nDCG@10 for both. `--smoke`: one tiny run on the demo data (see SMOKE).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../src/server/use-cases/catalog/import-sbb-xml.js';
import { snapshotOf } from '../src/server/repositories/catalog-snapshot.js';
import { evaluate, parseJudgments, type QualityScores } from '../src/domain/matching/metrics.js';
import { TfIdfBaseline } from '../src/domain/matching/tfidf-baseline.js';
import { dossierTexts, keuzevakText } from '../src/domain/matching/texts.js';
import { DEFAULT_WEIGHTS, MatchingEngine } from '../src/domain/matching/engine.js';
import { MatchIndex } from '../src/domain/matching/match.js';
import { seedDemoCatalogue } from '../src/server/demo/seed-demo.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
const MBO_DIR = path.join(SHARED, 'data', 'mbo', 'catalog');

const fmt = (s: QualityScores) =>
  `recall@5 ${s.recallAt5.toFixed(3)}  recall@10 ${s.recallAt10.toFixed(3)}  MRR ${s.mrr.toFixed(3)}  nDCG@10 ${s.ndcgAt10.toFixed(3)}  (n=${s.n})`;

/**
 * `--smoke` (or BENCH_SMOKE=1): one tiny run on the built-in demo data instead of the national data, with the judged
 * keuzevakken the demo has (else its first keuzevak against its first dossier): the code paths run, the figures mean
 * nothing. For CI (test/integration/scripts.test.ts), so the script cannot rot unnoticed.
 */
const SMOKE = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';

async function main() {
  let judgments = SMOKE ? [] : parseJudgments(fs.readFileSync(path.join(SHARED, 'eval', 'dev-gold.tsv'), 'utf8'));
  const db = await openDatabase({ kind: 'pglite-memory' });
  if (SMOKE) {
    await seedDemoCatalogue(db.db);
  } else {
    await importSlo({ db: db.db, location: path.join(SHARED, 'data', 'slo'), release: '2025-11' });
    for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) {
      await importMboTabel({ db: db.db, file: path.join(MBO_DIR, `${f}.csv`), release: 'eval' });
    }
    await importSbbXml({ db: db.db, location: path.join(MBO_DIR, 'sbb-xml'), release: '2016' });
  }
  const snapshot = await snapshotOf(db.db);
  if (SMOKE) {
    const first = [...snapshot.byKindCode.keys()].find((k) => k.startsWith('keuzevak|'))?.slice('keuzevak|'.length);
    const dossier = dossierTexts(snapshot.mbo)[0]?.crebo;
    if (!first || !dossier) throw new Error('De demodata hebben geen keuzevak of dossier.');
    judgments = [{ keuzevak: first, relevant: [dossier] }];
  }

  const dossiers = dossierTexts(snapshot.mbo);
  const text = (code: string) => keuzevakText(snapshot, code);

  const baseline = new TfIdfBaseline(dossiers.map((d) => ({ id: d.crebo, text: d.plain })));
  const baseScores = evaluate(judgments, (k) => baseline.rank(text(k).plain).map((r) => r.id));

  let t = performance.now();
  const allKeuzevakken = [...snapshot.byKindCode.keys()].filter((k) => k.startsWith('keuzevak|')).map((k) => text(k.slice('keuzevak|'.length)));
  const engine = new MatchingEngine(dossiers, snapshot, { keuzevakken: allKeuzevakken });
  const buildMs = performance.now() - t;
  t = performance.now();
  const ours = evaluate(judgments, (k) => engine.rankDossiers(text(k)).map((r) => r.crebo));
  const perQueryMs = (performance.now() - t) / judgments.length;

  console.log(`Matchkwaliteit op ${path.join('eval', 'dev-gold.tsv')} (${judgments.length} keuzevakken, ${dossiers.length} dossiers)`);
  console.log(`TF-IDF-baseline : ${fmt(baseScores)}`);
  console.log(`Doorlopend      : ${fmt(ours)}`);
  console.log(`Index gebouwd in ${buildMs.toFixed(0)} ms; ${perQueryMs.toFixed(1)} ms per keuzevak`);
  console.log(`Gewichten: ${JSON.stringify(DEFAULT_WEIGHTS)}`);

  // The product path: the same question as the zoekmonitor asks it (GET /api/match?keuzevak=…&soort=kwalificatie),
  // kwalificaties mapped to their dossier, first occurrence kept. It must score as the engine does.
  const index = new MatchIndex({ vmbo: snapshot, mbo: snapshot.mbo, lexicon: snapshot.lexicon });
  const viaApi = evaluate(judgments, (k) => {
    const unit = index.unit('keuzevak', k);
    if (!unit) return [];
    return index.matchForward({ units: [unit] }, { soort: 'kwalificatie', limit: 100 }).flatMap((r) => (r.type === 'kwalificatie' ? [r.dossierCrebo] : []));
  });
  console.log(`Via de zoekmonitor (/api/match): ${fmt(viaApi)}`);

  if (process.argv.includes('--grid') && !SMOKE) {
    // Sensitivity: the same run for settings around the chosen weights, on the whole set and on its two halves
    // (odd and even lines), so that a choice that only fits one lucky value shows.
    console.log('\nGevoeligheid (nDCG@10 / recall@10; helften: even/oneven regels):');
    const half = (i: number) => judgments.filter((_, j) => j % 2 === i);
    for (const name of [0.8, 1.2, 1.6]) {
      for (const domein of [0.5, 0.8, 1.1]) {
        for (const expansion of [0.3, 0.5, 0.7]) {
          const e = new MatchingEngine(dossiers, snapshot, { keuzevakken: allKeuzevakken, weights: { name, domein, expansion } });
          const run = (js: typeof judgments) => evaluate(js, (k) => e.rankDossiers(text(k)).map((r) => r.crebo));
          const all = run(judgments);
          console.log(
            `  naam ${name} domein ${domein} thesaurus ${expansion}: ${all.ndcgAt10.toFixed(3)} / ${all.recallAt10.toFixed(3)}  (helften ${run(half(0)).ndcgAt10.toFixed(3)}, ${run(half(1)).ndcgAt10.toFixed(3)})`,
          );
        }
      }
    }
  }
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
