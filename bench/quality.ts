/**
 * npm run bench:quality — match quality on the expert judgments in ../shared/eval/dev-gold.tsv:
 * imports the real data of both sides, then ranks mbo dossiers for each judged keuzevak with
 * (a) the plain TF-IDF baseline and (b) our engine, over the same texts, and prints
 * recall@5, recall@10, MRR and nDCG@10 for both. `--smoke`: one tiny run on the demo data (see SMOKE).
 *
 * Issue 17:
 * - `--folds 5`: cross-validation split by profiel (no profiel in both training and validation): per fold the engine's
 *   parameters (name and domein weights, thesaurus expansion 0 = off, domein 0 = prior off) are chosen on the other
 *   folds and scored on the held-out one; prints the mean and spread over the held-out folds for the engine and the
 *   baseline, the ablation of the further catalogue texts (each cross-validated the same way), and the transfer
 *   experiment (half of the keuzevakken' judgments as teachers' confirmations, measured on both halves);
 * - `--from-votes`: scores the engine against the thumbs in a database (DATABASE_URL, else the embedded PGlite of
 *   DOORLOPEND_DATA_DIR or ./data), with the catalogue that database holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../src/server/use-cases/catalog/import-sbb-xml.js';
import { snapshotOf } from '../src/server/repositories/catalog-snapshot.js';
import { evaluate, foldsByProfiel, halvesByProfiel, meanAndSpread, parseJudgments, type Judgment, type QualityScores } from '../src/domain/matching/metrics.js';
import { addBewijs, type Bewijs } from '../src/domain/matching/evidence.js';
import { TRANSFER, type LearnedTransfer, type TransferOptions } from '../src/domain/matching/learned-transfer.js';
import type { ExtraFieldWeights, MatchingWeights, QueryFieldWeights, RankedDossier } from '../src/domain/matching/engine.js';
import { TfIdfBaseline } from '../src/domain/matching/tfidf-baseline.js';
import { dossierTexts, keuzevakText } from '../src/domain/matching/texts.js';
import { DEFAULT_QUERY_FIELDS, DEFAULT_WEIGHTS, MatchingEngine } from '../src/domain/matching/engine.js';
import { Thesaurus, type ThesaurusFile } from '../src/domain/matching/thesaurus.js';
import THESAURUS from '../src/domain/matching/thesaurus.json' with { type: 'json' };
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
  if (process.argv.includes('--from-votes')) return fromVotes();
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

  const foldsArg = process.argv.indexOf('--folds');
  if (foldsArg >= 0 && !SMOKE) {
    const k = Number(process.argv[foldsArg + 1] ?? 5);
    crossValidate({ judgments, k, dossiers, snapshot, allKeuzevakken, text, baseline });
    transferExperiment({ judgments, index, text });
    if (process.argv.includes('--thesaurus-cv')) thesaurusGroupsCv({ judgments, k, engine, text });
    if (process.argv.includes('--variants')) generalisationVariants({ judgments, k, dossiers, allKeuzevakken, snapshot, text });
    if (process.argv.includes('--signals') || (process.argv.includes('--variants') && !process.argv.includes('--variant'))) signalVariants({ judgments, k, dossiers, allKeuzevakken, snapshot, text });
  }

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

type Config = { expansion: number; name: number; domein: number };
const EXPANSIONS = [0, 0.3, 0.5, 0.7];
const NAMES = [0.4, 0.8, 1.2, 1.6];
const DOMEINEN = [0, 0.4, 0.8, 1.1];
const pm = (xs: number[]) => {
  const { mean, sd } = meanAndSpread(xs);
  return `${mean.toFixed(3)} ± ${sd.toFixed(3)}`;
};
const foldLine = (scores: QualityScores[]) =>
  `nDCG@10 ${pm(scores.map((s) => s.ndcgAt10))}  recall@10 ${pm(scores.map((s) => s.recallAt10))}  recall@5 ${pm(scores.map((s) => s.recallAt5))}  MRR ${pm(scores.map((s) => s.mrr))}`;

/**
 * Cross-validation by profiel: per text variant, the engine's signals are computed once per thesaurus setting; the
 * weights of name and domein are then only a recombination, so the whole grid is cheap.
 */
function crossValidate(opts: {
  judgments: Judgment[];
  k: number;
  dossiers: ReturnType<typeof dossierTexts>;
  snapshot: Awaited<ReturnType<typeof snapshotOf>>;
  allKeuzevakken: ReturnType<typeof keuzevakText>[];
  text: (code: string) => ReturnType<typeof keuzevakText>;
  baseline: TfIdfBaseline;
}) {
  const { judgments, k, dossiers, snapshot, allKeuzevakken, text, baseline } = opts;
  const profielOf = (code: string) => text(code).profielCode;
  const folds = foldsByProfiel(judgments, profielOf, k);
  console.log(`\nKruisvalidatie: ${folds.length} folds, gesplitst per profiel (${folds.map((f) => `${[...new Set(f.map((j) => profielOf(j.keuzevak)))].join('+')} n=${f.length}`).join('; ')})`);
  const baseFolds = folds.map((f) => evaluate(f, (kv) => baseline.rank(text(kv).plain).map((r) => r.id)));
  console.log(`TF-IDF-baseline  (per fold): ${foldLine(baseFolds)}`);

  const variants: Array<{ label: string; fields: Partial<ExtraFieldWeights> }> = [
    { label: 'titels (kwalificatie, dossier, kerntaak, werkproces)', fields: {} },
    { label: '+ werkproces omschrijving/resultaat/gedrag', fields: { werkprocesDetails: 0.3 } },
    { label: '+ vakkennis en vaardigheden', fields: { vakkennis: 0.3 } },
    { label: '+ sectorkamer en opleidingsdomein', fields: { sector: 1 } },
    { label: '+ keuzedelen van de kwalificaties', fields: { keuzedelen: 0.3 } },
  ];
  const onlyBase = process.argv.includes('--no-ablation');
  for (const [vi, variant] of (onlyBase ? variants.slice(0, 1) : variants).entries()) {
    const engine = new MatchingEngine(dossiers, snapshot, { keuzevakken: allKeuzevakken, fields: variant.fields });
    // signals per expansion per keuzevak
    const signals = new Map<number, Map<string, RankedDossier[]>>();
    for (const e of EXPANSIONS) {
      engine.weights.expansion = e;
      signals.set(e, new Map(judgments.map((j) => [j.keuzevak, engine.rankDossiers(text(j.keuzevak))])));
    }
    const rankWith = (c: Config) => (kv: string) =>
      signals
        .get(c.expansion)!
        .get(kv)!
        .map((r) => ({ crebo: r.crebo, s: r.signals.text + c.name * r.signals.name + c.domein * r.signals.domein + engine.weights.reverseName * (r.signals.reverseName ?? 0) }))
        .sort((a, b) => b.s - a.s || a.crebo.localeCompare(b.crebo))
        .map((r) => r.crebo);
    const configs: Config[] = EXPANSIONS.flatMap((expansion) => NAMES.flatMap((name) => DOMEINEN.map((domein) => ({ expansion, name, domein }))));
    const held: QualityScores[] = [];
    const chosen: Config[] = [];
    folds.forEach((fold, i) => {
      const train = folds.filter((_, j) => j !== i).flat();
      let best = configs[0]!;
      let bestScore = -1;
      for (const c of configs) {
        const s = evaluate(train, rankWith(c)).ndcgAt10;
        if (s > bestScore + 1e-9) {
          bestScore = s;
          best = c;
        }
      }
      chosen.push(best);
      held.push(evaluate(fold, rankWith(best)));
    });
    if (vi === 0) {
      console.log(`Doorlopend       (per fold): ${foldLine(held)}`);
      console.log(`  gekozen per fold (thesaurus/naam/domein): ${chosen.map((c) => `${c.expansion}/${c.name}/${c.domein}`).join('  ')}`);
      const whole = configs.reduce(
        (acc, c) => {
          const s = evaluate(judgments, rankWith(c)).ndcgAt10;
          return s > acc.s + 1e-9 ? { c, s } : acc;
        },
        { c: configs[0]!, s: -1 },
      );
      console.log(`  keuze op de hele devset (voor DEFAULT_WEIGHTS): thesaurus ${whole.c.expansion} naam ${whole.c.name} domein ${whole.c.domein}`);
      for (const [label, fix] of [
        ['zonder thesaurus (expansion 0)', { expansion: 0 }],
        ['zonder profiel→domein-prior (domein 0)', { domein: 0 }],
      ] as const) {
        const constrained = configs.filter((c) => Object.entries(fix).every(([key, v]) => c[key as keyof Config] === v));
        const h = folds.map((fold, i) => {
          const train = folds.filter((_, j) => j !== i).flat();
          const best = constrained.reduce((acc, c) => {
            const sc = evaluate(train, rankWith(c)).ndcgAt10;
            return sc > acc.s + 1e-9 ? { c, s: sc } : acc;
          }, { c: constrained[0]!, s: -1 }).c;
          return evaluate(fold, rankWith(best));
        });
        console.log(`  ablatie ${label}: ${foldLine(h)}`);
      }
      console.log('Ablatie van de teksten (elk met dezelfde kruisvalidatie):');
    }
    console.log(`  ${variant.label}: ${foldLine(held)}`);
  }
}

/**
 * The thesaurus chosen per group by cross-validation: a group is kept in a fold only when leaving it out lowers
 * nDCG@10 on the training folds (other profielen). A group that helps only the keuzevakken of the held-out profiel
 * then cannot lift the held-out score, so the held-out mean says what the thesaurus is worth on unseen keuzevakken.
 */
function thesaurusGroupsCv(opts: { judgments: Judgment[]; k: number; engine: MatchingEngine; text: (code: string) => ReturnType<typeof keuzevakText> }) {
  const { judgments, k, engine, text } = opts;
  const folds = foldsByProfiel(judgments, (code) => text(code).profielCode, k);
  const selection = thesaurusPerFold({ judgments, folds, engine, text });
  console.log(`\nThesaurus per groep gekozen (${selection.groups} groepen): ${selection.helpsNone} helpen geen enkel keuzevak, ${selection.helpsOne} alleen keuzevakken van één profiel, ${selection.helpsMore} van twee of meer`);
  const full = engine.thesaurus;
  const held = folds.map((fold, fi) => {
    engine.thesaurus = selection.perFold[fi]!;
    return evaluate(fold, (kv) => engine.rankDossiers(text(kv)).map((r) => r.crebo));
  });
  engine.thesaurus = full;
  console.log(`Doorlopend met per fold gekozen thesaurusgroepen (${selection.perFold.map((t) => t.groups.length).join('/')} behouden): ${foldLine(held)}`);
}

/**
 * The groups of the thesaurus chosen per fold: a group is kept for a fold only when leaving it out lowers nDCG@10 on
 * the training folds (other profielen). Computed with the engine's current weights and analysis.
 */
function thesaurusPerFold(opts: { judgments: Judgment[]; folds: Judgment[][]; engine: MatchingEngine; text: (code: string) => ReturnType<typeof keuzevakText> }) {
  const { judgments, folds, engine, text } = opts;
  const file = THESAURUS as ThesaurusFile;
  const profielOf = (code: string) => text(code).profielCode;
  const full = new Thesaurus(file);
  const saved = { thesaurus: engine.thesaurus, expansion: engine.weights.expansion };
  engine.thesaurus = full;
  const ndcgOf = (j: Judgment) => evaluate([j], (kv) => engine.rankDossiers(text(kv)).map((r) => r.crebo)).ndcgAt10;
  const base = new Map(judgments.map((j) => [j.keuzevak, ndcgOf(j)]));
  engine.weights.expansion = 0;
  const own = new Map(judgments.map((j) => [j.keuzevak, new Set(engine.queryWeights(text(j.keuzevak)).keys())]));
  engine.weights.expansion = saved.expansion;
  const effect: number[][] = [];
  file.groepen.forEach((_, gi) => {
    const gTerms = [...full.groups[gi]!.terms];
    engine.thesaurus = new Thesaurus({ groepen: file.groepen.filter((_, i) => i !== gi) });
    effect.push(judgments.map((j) => (gTerms.some((t) => own.get(j.keuzevak)!.has(t)) ? base.get(j.keuzevak)! - ndcgOf(j) : 0)));
  });
  engine.thesaurus = saved.thesaurus;
  const helps = effect.map((e) => new Set(judgments.filter((_, ji) => e[ji]! > 1e-9).map((j) => profielOf(j.keuzevak))));
  const perFold = folds.map((_, fi) => {
    const train = new Set(folds.filter((_, i) => i !== fi).flat().map((j) => j.keuzevak));
    return new Thesaurus({ groepen: file.groepen.filter((_, gi) => judgments.reduce((sum, j, ji) => sum + (train.has(j.keuzevak) ? effect[gi]![ji]! : 0), 0) > 1e-9) });
  });
  if (process.argv.includes('--verbose')) {
    console.log(`  alleen één profiel: ${file.groepen.flatMap((g, gi) => (helps[gi]!.size === 1 ? [`${g.onderwerp} (${[...helps[gi]!][0]})`] : [])).join('; ')}`);
  }
  return {
    perFold,
    groups: file.groepen.length,
    helpsNone: helps.filter((p) => p.size === 0).length,
    helpsOne: helps.filter((p) => p.size === 1).length,
    helpsMore: helps.filter((p) => p.size >= 2).length,
  };
}

/** What the cross-validated variant runs (`--variants`, `--signals`) work on. */
interface VariantContext {
  judgments: Judgment[];
  k: number;
  dossiers: ReturnType<typeof dossierTexts>;
  allKeuzevakken: ReturnType<typeof keuzevakText>[];
  snapshot: Awaited<ReturnType<typeof snapshotOf>>;
  text: (code: string) => ReturnType<typeof keuzevakText>;
}

/**
 * `--variants` (issue 17, generalisation): each variant of the engine cross-validated by profiel twice, with the
 * thesaurus off and with its groups chosen per fold (the honest estimate for unseen keuzevakken); where a variant
 * has a weight, it is chosen per fold from a small grid on the training folds.
 */
function generalisationVariants(opts: VariantContext) {
  const { judgments, k, dossiers, allKeuzevakken, snapshot, text } = opts;
  const folds = foldsByProfiel(judgments, (code) => text(code).profielCode, k);
  type Grid = Array<Partial<MatchingWeights>>;
  const one: Grid = [{}];
  const engines = new Map<string, MatchingEngine>();
  const engineFor = (families: 'off' | 'agent' | 'all', fields: Partial<ExtraFieldWeights> = {}, textMode: 'sum' | 'bm25f' = 'sum') => {
    const key = `${families}|${JSON.stringify(fields)}|${textMode}`;
    let e = engines.get(key);
    if (!e) {
      const started = performance.now();
      e = new MatchingEngine(dossiers, snapshot, { keuzevakken: allKeuzevakken, families, fields });
      e.textMode = textMode;
      console.log(`  (engine met woordfamilies '${families}'${Object.keys(fields).length ? ` en teksten ${JSON.stringify(fields)}` : ''} gebouwd in ${(performance.now() - started).toFixed(0)} ms)`);
      engines.set(key, e);
    }
    return e;
  };
  const variants: Array<{ label: string; families: 'off' | 'agent' | 'all'; grid: Grid; fields?: Partial<ExtraFieldWeights>; textMode?: 'bm25f' }> = [
    { label: 'zonder woordfamilies (vóór deze stap)', families: 'off', grid: one },
    { label: 'woordfamilies: alleen beroepsnamen (lasser, monteur, tekenaar)', families: 'agent', grid: one },
    { label: 'woordfamilies: ook meervoud, bijvoeglijk, -atie (standaard)', families: 'all', grid: one },
    { label: '+ afgeleide associaties uit de catalogus (gewicht per fold 0/0.3/0.6)', families: 'all', grid: [0, 0.3, 0.6].map((derived) => ({ derived })) },
    { label: '+ pseudo-relevance feedback (gewicht per fold 0/0.2/0.4)', families: 'all', grid: [0, 0.2, 0.4].map((feedback) => ({ feedback })) },
    { label: '+ score-smoothing over gelijke dossiers (per fold 0/0.1/0.3)', families: 'all', grid: [0, 0.1, 0.3].map((smooth) => ({ smooth })) },
    { label: '+ naam- en domeingewicht per fold (0.8–2 × 0.4–1.1)', families: 'all', grid: [0.8, 1.2, 1.6, 2].flatMap((name) => [0.4, 0.8, 1.1].map((domein) => ({ name, domein }))) },
    { label: '+ werkproces omschrijving/resultaat/gedrag (SBB XML), gewicht 0.3', families: 'all', grid: one, fields: { werkprocesDetails: 0.3 } },
    { label: '+ keuzedelen van de kwalificaties, gewicht 0.3', families: 'all', grid: one, fields: { keuzedelen: 0.3 } },
    { label: 'BM25F: elk veld genormaliseerd op zijn eigen gemiddelde lengte', families: 'all', grid: one, textMode: 'bm25f' },
  ];
  // `--variant <text>`: only the variants whose label contains the text (and the default, for reference).
  const only = process.argv.indexOf('--variant') >= 0 ? process.argv[process.argv.indexOf('--variant') + 1]! : null;
  const selections = new Map<string, Thesaurus[]>();
  console.log('\nGeneralisatie (issue 17): varianten, elk kruisgevalideerd per profiel; thesaurus uit | thesaurusgroepen per fold gekozen');
  for (const v of variants) {
    if (only && !v.label.includes(only) && !v.label.includes('(standaard)')) continue;
    const engine = engineFor(v.families, v.fields, v.textMode);
    const defaults = { ...engine.weights };
    const selectionKey = `${v.families}|${JSON.stringify(v.fields ?? {})}|${v.textMode ?? 'sum'}`;
    let perFold = selections.get(selectionKey);
    if (!perFold) {
      perFold = thesaurusPerFold({ judgments, folds, engine, text }).perFold;
      selections.set(selectionKey, perFold);
    }
    const line: string[] = [];
    for (const mode of ['uit', 'per fold'] as const) {
      const held: QualityScores[] = [];
      const chosen: string[] = [];
      folds.forEach((fold, fi) => {
        engine.thesaurus = mode === 'uit' ? new Thesaurus({ groepen: [] }) : perFold[fi]!;
        const train = folds.filter((_, j) => j !== fi).flat();
        const rankWith = (g: Partial<MatchingWeights>) => {
          Object.assign(engine.weights, defaults, g);
          const ranked = new Map(judgments.map((j) => [j.keuzevak, engine.rankDossiers(text(j.keuzevak)).map((r) => r.crebo)]));
          return (kv: string) => ranked.get(kv)!;
        };
        let best = { g: v.grid[0]!, s: -1, rank: rankWith(v.grid[0]!) };
        for (const g of v.grid) {
          const rank = g === v.grid[0] ? best.rank : rankWith(g);
          const sc = v.grid.length > 1 ? evaluate(train, rank).ndcgAt10 : 0;
          if (sc > best.s + 1e-9) best = { g, s: sc, rank };
        }
        chosen.push(JSON.stringify(best.g));
        held.push(evaluate(fold, best.rank));
      });
      Object.assign(engine.weights, defaults);
      line.push(`  thesaurus ${mode}: ${foldLine(held)}${v.grid.length > 1 ? `  (gekozen: ${chosen.join(' ')})` : ''}`);
      if (process.argv.includes('--verbose')) line.push(`    nDCG@10 per fold: ${held.map((h) => h.ndcgAt10.toFixed(3)).join(' ')}`);
    }
    engine.thesaurus = Thesaurus.builtIn();
    console.log(`${v.label}\n${line.join('\n')}`);
  }
}

/**
 * `--signals` (also part of `--variants`; issue 17): the optional signals of the engine (pairs, titleName, reverseName, titleText) and the query
 * field weights, each cross-validated by profiel with the thesaurus off and with its groups chosen per fold; the weight
 * of a signal (and the field weights) chosen per fold on the training folds, 0 (= off) first so that a tie keeps it off.
 * Prints the mean ± sd over the held-out folds and the mean per-fold difference with the engine as it is.
 */
function signalVariants(opts: VariantContext) {
  const { judgments, k, dossiers, allKeuzevakken, snapshot, text } = opts;
  const folds = foldsByProfiel(judgments, (code) => text(code).profielCode, k);
  const engine = new MatchingEngine(dossiers, snapshot, { keuzevakken: allKeuzevakken });
  const perFold = thesaurusPerFold({ judgments, folds, engine, text }).perFold;
  const modes = process.argv.includes('--only-per-fold') ? (['per fold'] as const) : (['uit', 'per fold'] as const);
  const thesaurusFor = (mode: 'uit' | 'per fold', fi: number) => (mode === 'uit' ? new Thesaurus({ groepen: [] }) : perFold[fi]!);
  type Signals = RankedDossier['signals'];
  type Extra = { pairs?: number; pairsRel?: number; titleName?: number; reverseName?: number; titleText?: number };
  const w = engine.weights;
  const combine = (ranked: RankedDossier[], e: Extra) => {
    const maxPairs = Math.max(1e-9, ...ranked.map((r) => r.signals.pairs ?? 0));
    const sc = (s: Signals) =>
      w.text * s.text + w.name * s.name + w.domein * s.domein + (e.pairs ?? 0) * (s.pairs ?? 0) + (e.pairsRel ?? 0) * ((s.pairs ?? 0) / maxPairs) +
      (e.titleName ?? 0) * (s.titleName ?? 0) + (e.reverseName ?? 0) * (s.reverseName ?? 0) + (e.titleText ?? 0) * (s.titleText ?? 0);
    return ranked.map((r) => ({ crebo: r.crebo, s: sc(r.signals) })).sort((a, b) => b.s - a.s || a.crebo.localeCompare(b.crebo)).map((r) => r.crebo);
  };
  // Signals once per thesaurus (mode, fold).
  engine.allSignals = true;
  const started = performance.now();
  const signals = new Map<string, Map<string, RankedDossier[]>>();
  for (const mode of modes) {
    folds.forEach((_, fi) => {
      engine.thesaurus = thesaurusFor(mode, fi);
      signals.set(`${mode}|${fi}`, new Map(judgments.map((j) => [j.keuzevak, engine.rankDossiers(text(j.keuzevak))])));
    });
  }
  console.log(`\nSignalen (issue 17): elk kruisgevalideerd per profiel, gewicht per fold gekozen (0 = uit eerst); alle signalen berekend in ${((performance.now() - started) / (modes.length * folds.length * judgments.length)).toFixed(1)} ms per keuzevak`);
  const grid = (key: keyof Extra, values: number[]) => [0, ...values].map((v) => ({ [key]: v }) as Extra);
  const on = { reverseName: DEFAULT_WEIGHTS.reverseName };
  const withDefault = (g: Extra[]) => g.map((e) => ({ ...on, ...e }));
  const variants: Array<{ label: string; grid: Extra[] }> = [
    { label: 'vóór: zonder de optionele signalen', grid: [{}] },
    { label: '+ omgekeerde naamdekking: titel gedekt door de dossiernamen (gewicht per fold)', grid: grid('reverseName', [0.2, 0.4, 0.7, 1, 1.5]) },
    { label: `+ omgekeerde naamdekking ${DEFAULT_WEIGHTS.reverseName} (standaard)`, grid: [on] },
    { label: '  + paren: gemiddelde beste cosinus per eindterm/deeltaak (absoluut)', grid: withDefault(grid('pairs', [0.3, 0.6, 1, 1.5])) },
    { label: '  + paren, relatief tot het beste dossier', grid: withDefault(grid('pairsRel', [0.1, 0.2, 0.4, 0.7])) },
    { label: '  + naamdekking door de titel alleen', grid: withDefault(grid('titleName', [0.2, 0.4, 0.7, 1])) },
    { label: '  + titel gedekt door de hele dossiertekst', grid: withDefault(grid('titleText', [0.2, 0.5, 1])) },
  ];

  // Paired differences of nDCG@10 per held-out fold, against the engine before and against the default.
  const reference = { vóór: new Map<string, QualityScores[]>(), standaard: new Map<string, QualityScores[]>() };
  const delta = (held: QualityScores[], mode: string) =>
    Object.entries(reference)
      .flatMap(([name, m]) => {
        const base = m.get(mode);
        return base && base !== held ? [`  verschil met ${name} ${pm(held.map((h, i) => h.ndcgAt10 - base[i]!.ndcgAt10))}`] : [];
      })
      .join('');
  for (const [vi, v] of variants.entries()) {
    const line: string[] = [];
    for (const mode of modes) {
      const held: QualityScores[] = [];
      const chosen: string[] = [];
      folds.forEach((fold, fi) => {
        const sig = signals.get(`${mode}|${fi}`)!;
        const train = folds.filter((_, j) => j !== fi).flat();
        let best = { e: v.grid[0]!, s: -1 };
        for (const e of v.grid) {
          const sc = v.grid.length > 1 ? evaluate(train, (kv) => combine(sig.get(kv)!, e)).ndcgAt10 : 0;
          if (sc > best.s + 1e-9) best = { e, s: sc };
        }
        chosen.push(Object.values(best.e).join('/') || '-');
        held.push(evaluate(fold, (kv) => combine(sig.get(kv)!, best.e)));
      });
      if (vi === 0) reference.vóór.set(mode, held);
      if (vi === 2) reference.standaard.set(mode, held);
      line.push(`  thesaurus ${mode}: ${foldLine(held)}${delta(held, mode)}${v.grid.length > 1 ? `  (gekozen: ${chosen.join(' ')})` : ''}`);
      if (process.argv.includes('--verbose')) line.push(`    nDCG@10 per fold: ${held.map((h) => h.ndcgAt10.toFixed(3)).join(' ')}`);
    }
    console.log(`${v.label}\n${line.join('\n')}`);
  }
  engine.allSignals = false;

  // Query field weights chosen per fold: these change the text and name signals, so every setting ranks anew.
  if (!process.argv.includes('--no-fields')) {
    const fieldGrid: QueryFieldWeights[] = [{ ...DEFAULT_QUERY_FIELDS }];
    for (const title of [3, 4.5]) {
      for (const description of [1, 2, 3]) {
        for (const deeltaak of [1, 1.5]) {
          for (const eindterm of [0.5, 1]) {
            const f = { title, description, deeltaak, eindterm };
            if (JSON.stringify(f) !== JSON.stringify(DEFAULT_QUERY_FIELDS)) fieldGrid.push(f);
          }
        }
      }
    }
    const t0 = performance.now();
    const ranked = new Map<string, Map<string, string[]>>();
    for (const mode of modes) {
      folds.forEach((_, fi) => {
        engine.thesaurus = thesaurusFor(mode, fi);
        fieldGrid.forEach((f, gi) => {
          engine.queryFields = { ...f };
          ranked.set(`${mode}|${fi}|${gi}`, new Map(judgments.map((j) => [j.keuzevak, engine.rankDossiers(text(j.keuzevak)).map((r) => r.crebo)])));
        });
      });
    }
    engine.queryFields = { ...DEFAULT_QUERY_FIELDS };
    const line: string[] = [];
    for (const mode of modes) {
      const held: QualityScores[] = [];
      const chosen: string[] = [];
      folds.forEach((fold, fi) => {
        const train = folds.filter((_, j) => j !== fi).flat();
        let best = { gi: 0, s: -1 };
        fieldGrid.forEach((_, gi) => {
          const r = ranked.get(`${mode}|${fi}|${gi}`)!;
          const sc = evaluate(train, (kv) => r.get(kv)!).ndcgAt10;
          if (sc > best.s + 1e-9) best = { gi, s: sc };
        });
        const f = fieldGrid[best.gi]!;
        chosen.push(`${f.title}/${f.description}/${f.deeltaak}/${f.eindterm}`);
        const r = ranked.get(`${mode}|${fi}|${best.gi}`)!;
        held.push(evaluate(fold, (kv) => r.get(kv)!));
      });
      line.push(`  thesaurus ${mode}: ${foldLine(held)}${delta(held, mode)}  (gekozen titel/omschrijving/deeltaak/eindterm: ${chosen.join('  ')})`);
      if (process.argv.includes('--verbose')) line.push(`    nDCG@10 per fold: ${held.map((h) => h.ndcgAt10.toFixed(3)).join(' ')}`);
    }
    console.log(`  + velden van de vraag per fold (${fieldGrid.length} instellingen, ${((performance.now() - t0) / 1000).toFixed(0)} s)\n${line.join('\n')}`);
  }
  engine.thesaurus = Thesaurus.builtIn();
}

/**
 * Half of the keuzevakken' judgments as teachers' confirmations; measured on those and on the other half (issue 17).
 * The confirmed keuzevakken get their own evidence and what the others teach them; the unseen ones only the learned
 * transfer (learned-transfer.ts). `--transfer-grid`: the transfer's settings chosen per confirmed half by a split
 * WITHIN it (a quarter confirmed, measured on the other quarter, both ways), then the unseen half scored once with
 * the chosen settings: the honest estimate, never tuned on the unseen half.
 */
function transferExperiment(opts: { judgments: Judgment[]; index: MatchIndex; text: (code: string) => ReturnType<typeof keuzevakText> }) {
  const { judgments, index, text } = opts;
  const profielOf = (kv: string) => text(kv).profielCode;
  const [a, b] = halvesByProfiel(judgments, profielOf);
  const rank = (evidence?: Map<string, Map<string, Bewijs>>, o: { learned?: LearnedTransfer; transfer?: number; limit?: number } = {}) => (kv: string) => {
    const unit = index.unit('keuzevak', kv);
    if (!unit) return [];
    const evidenceWeights = o.transfer === undefined ? undefined : { transfer: o.transfer };
    return index
      .matchForward({ units: [unit] }, { soort: 'kwalificatie', limit: o.limit ?? 100, evidence, evidenceWeights, learned: o.learned })
      .flatMap((r) => (r.type === 'kwalificatie' ? [r.dossierCrebo] : []));
  };
  const confirmed = (half: Judgment[]) => {
    const ev = new Map<string, Map<string, Bewijs>>();
    for (const j of half) for (const d of j.relevant) addBewijs(ev, `keuzevak|${j.keuzevak}`, d, { bevestigd: 1 });
    return ev;
  };
  const f = (s: QualityScores) => `${s.ndcgAt10.toFixed(3)} / ${s.recallAt10.toFixed(3)}`;
  console.log('\nTransfer: de oordelen van de helft van de keuzevakken als bevestigingen (1 samenwerking per koppeling), gemeten op beide helften (nDCG@10 / recall@10)');
  console.log(`  geleerd (learned-transfer.ts): ${JSON.stringify(TRANSFER)}`);
  const gains: number[][] = [];
  for (const [label, seen, unseen] of [
    ['A bevestigd', a, b],
    ['B bevestigd', b, a],
  ] as const) {
    const ev = confirmed(seen);
    const s0 = evaluate(seen, rank());
    const sOwn = evaluate(seen, rank(ev, { transfer: 0 }));
    const s1 = evaluate(seen, rank(ev));
    const u0 = evaluate(unseen, rank());
    const u1 = evaluate(unseen, rank(ev));
    gains.push([u1.ndcgAt10 - u0.ndcgAt10, u1.recallAt10 - u0.recallAt10, s1.ndcgAt10 - sOwn.ndcgAt10]);
    // Per unseen keuzevak: how many the learned part lifts and lowers (nDCG@10), so that a mean is not one lucky case.
    const [plain, learned] = [rank(), rank(ev)];
    const per = unseen.map((j) => evaluate([j], learned).ndcgAt10 - evaluate([j], plain).ndcgAt10);
    const up = per.filter((d) => d > 1e-9).length;
    const down = per.filter((d) => d < -1e-9).length;
    console.log(`  ${label}: bevestigde keuzevakken ${f(s0)} → eigen bewijs ${f(sOwn)} → + geleerd ${f(s1)} (n=${s0.n})`);
    console.log(`  ${' '.repeat(label.length)}  ongeziene keuzevakken   ${f(u0)} → + geleerd ${f(u1)} (n=${u0.n}; ${up} hoger, ${down} lager, ${per.length - up - down} gelijk)`);
  }
  const mean = (i: number) => (gains.reduce((x, g) => x + g[i]!, 0) / gains.length).toFixed(3);
  console.log(`  gemiddelde winst ongezien: nDCG@10 +${mean(0)}, recall@10 +${mean(1)}; bevestigd (geleerd bovenop eigen bewijs): nDCG@10 +${mean(2)}`);

  // Rotation: within each profiel the keuzevakken (codes sorted) in five parts; four parts confirmed, the fifth unseen.
  const parts: Judgment[][] = [[], [], [], [], []];
  const byProfiel = new Map<string, Judgment[]>();
  for (const j of judgments) byProfiel.set(profielOf(j.keuzevak) ?? '?', [...(byProfiel.get(profielOf(j.keuzevak) ?? '?') ?? []), j]);
  for (const [, list] of [...byProfiel.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    [...list].sort((x, y) => x.keuzevak.localeCompare(y.keuzevak)).forEach((j, i) => parts[i % parts.length]!.push(j));
  }
  const rot: number[][] = [];
  let [up, down] = [0, 0];
  parts.forEach((unseen, i) => {
    const ev = confirmed(parts.filter((_, k) => k !== i).flat());
    const [plain, learned] = [rank(undefined, { limit: 10 }), rank(ev, { limit: 10 })];
    const u0 = evaluate(unseen, plain);
    const u1 = evaluate(unseen, learned);
    rot.push([u1.ndcgAt10 - u0.ndcgAt10, u1.recallAt10 - u0.recallAt10]);
    for (const j of unseen) {
      const d = evaluate([j], learned).ndcgAt10 - evaluate([j], plain).ndcgAt10;
      if (d > 1e-9) up += 1;
      if (d < -1e-9) down += 1;
    }
  });
  console.log(
    `  rotatie (per profiel in 5 delen; 4 bevestigd, 1 ongezien): winst ongezien nDCG@10 ${pm(rot.map((r) => r[0]!))}, recall@10 ${pm(rot.map((r) => r[1]!))} (per deel ${rot.map((r) => r[0]!.toFixed(3)).join(' ')}; ${up} keuzevakken hoger, ${down} lager)`,
  );

  if (process.argv.includes('--transfer-grid')) {
    // Chosen within the confirmed half only: the default first, so that a tie keeps it.
    type Choice = Partial<TransferOptions>;
    const grid: Choice[] = [{}];
    for (const weight of [0.5, 1, 2, 3]) {
      for (const minSimilarity of [0.1, 0.2, 0.3]) {
        for (const sameProfiel of [true, false]) {
          const c = { weight, minSimilarity, sameProfiel };
          if (weight !== TRANSFER.weight || minSimilarity !== TRANSFER.minSimilarity || sameProfiel !== TRANSFER.sameProfiel) grid.push(c);
        }
      }
    }
    console.log(`  Keuze binnen de bevestigde helft (${grid.length} instellingen; een kwart bevestigd, gemeten op het andere kwart, beide kanten op):`);
    for (const [label, seen, unseen] of [
      ['A bevestigd', a, b],
      ['B bevestigd', b, a],
    ] as const) {
      const [x, y] = halvesByProfiel(seen, profielOf);
      const inner = [
        { ev: confirmed(x), on: y },
        { ev: confirmed(y), on: x },
      ];
      const innerBase = inner.map((i) => evaluate(i.on, rank(undefined, { limit: 10 })).ndcgAt10);
      let best = { c: grid[0]!, s: -Infinity };
      for (const c of grid) {
        const sc = inner.reduce((sum, i, k) => sum + evaluate(i.on, rank(i.ev, { learned: index.learn(i.ev, c), limit: 10 })).ndcgAt10 - innerBase[k]!, 0) / inner.length;
        if (sc > best.s + 1e-9) best = { c, s: sc };
      }
      const ev = confirmed(seen);
      const u0 = evaluate(unseen, rank(undefined, { limit: 10 }));
      const u1 = evaluate(unseen, rank(ev, { learned: index.learn(ev, best.c), limit: 10 }));
      console.log(`    ${label}: gekozen ${JSON.stringify({ ...TRANSFER, ...best.c })} (binnen de helft +${best.s.toFixed(3)}); ongezien ${f(u0)} → ${f(u1)}`);
    }
  }
}

/** `--from-votes`: the thumbs in a database as judgments (net up = relevant), scored on that database's catalogue. */
async function fromVotes() {
  const url = process.env.DATABASE_URL;
  const db = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: path.resolve(process.env.DOORLOPEND_DATA_DIR ?? path.join(ROOT, 'data')) });
  try {
    const rows = await db.db
      .selectFrom('zoekmonitor_stem')
      .select(['vraag_soort', 'vraag_code', 'resultaat_code', (eb) => eb.fn.sum<number>('waarde').as('netto')])
      .where('resultaat_soort', '=', 'kwalificatie')
      .groupBy(['vraag_soort', 'vraag_code', 'resultaat_code'])
      .execute();
    const up = new Map<string, string[]>();
    const down = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = `${r.vraag_soort}|${r.vraag_code}`;
      if (Number(r.netto) > 0) up.set(key, [...(up.get(key) ?? []), r.resultaat_code]);
      if (Number(r.netto) < 0) down.set(key, new Set([...(down.get(key) ?? []), r.resultaat_code]));
    }
    const snapshot = await snapshotOf(db.db);
    const index = new MatchIndex({ vmbo: snapshot, mbo: snapshot.mbo, lexicon: snapshot.lexicon });
    const judged = [...new Set([...up.keys(), ...down.keys()])];
    const ranked = new Map(
      judged.map((key) => {
        const [kind, code] = key.split('|') as ['keuzevak' | 'profielmodule', string];
        const unit = index.unit(kind, code);
        const list = unit ? index.matchForward({ units: [unit] }, { soort: 'kwalificatie', limit: 100 }).flatMap((r) => (r.type === 'kwalificatie' ? [r.dossierCrebo] : [])) : [];
        return [key, list];
      }),
    );
    const js = [...up.entries()].map(([keuzevak, relevant]) => ({ keuzevak, relevant }));
    console.log(`Matchkwaliteit op de stemmen in ${db.description} (${judged.length} vragen met stemmen, ${js.length} met een netto duim omhoog)`);
    console.log(`Doorlopend (zonder de stemmen zelf): ${fmt(evaluate(js, (k) => ranked.get(k) ?? []))}`);
    let inTop = 0;
    let total = 0;
    for (const [key, set] of down) {
      total += set.size;
      const top = new Set((ranked.get(key) ?? []).slice(0, 10));
      for (const d of set) if (top.has(d)) inTop += 1;
    }
    console.log(`Afgewezen dossiers (netto duim omlaag) in de eerste 10: ${inTop} van ${total}`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
