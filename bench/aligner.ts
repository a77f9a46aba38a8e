/**
 * npm run bench:aligner — how well the eindterm ↔ werkproces aligner proposes the links teachers would confirm.
 *
 * The judged set is test/fixtures/aligner-judged.tsv: a few keuzevak × kwalificatie combinations from different
 * sectors, each judged as a whole (every eindterm of the keuzevak against every werkproces of the kwalificatie);
 * the file lists the relevant pairs and the not-relevant pairs that were looked at closely, and a pair of a listed
 * combination that is not in the file counts as not relevant. Codes only: the texts stay in ../shared.
 *
 * Imports the national data of both sides (as bench/quality.ts), then asks the inventory exactly as the page does
 * (`computeInventory`: the selection resolved against the catalogue, the aligner of the match index) and prints
 * precision, recall and F1 per band (sterk, mogelijk = the default, zwak) and per score cut-off, over all combinations
 * and per combination. `--details` also prints the missed and the wrongly proposed pairs at the default band.
 * `--transfer` (issue 17, pair level): half of the judged pairs of every combination are fed in as if one other
 * samenwerking had reviewed them (relevant = confirmed, not relevant = rejected), and the default band is scored on
 * that half (remembering) and on the other pairs (transfer), before and after; plus an experiment not in the product:
 * transfer from reviewed pairs (e′, w) to (e, w) when e reads like e′ (`pairTransfer`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../src/server/use-cases/catalog/import-sbb-xml.js';
import { snapshotOf, type CatalogSnapshot } from '../src/server/repositories/catalog-snapshot.js';
import { computeInventory } from '../src/server/use-cases/inventory/get-inventory.js';
import { alignerOf } from '../src/server/use-cases/inventory/aligner.js';
import { resolveSelection } from '../src/server/use-cases/inventory/selection.js';
import type { Confidence } from '../src/domain/matching/alignment.js';
import { seedDemoCatalogue } from '../src/server/demo/seed-demo.js';
import { paarSleutel, verschovenBand, type PaarOordeel } from '../src/domain/matching/pair-evidence.js';
import { transferStrengths, type Bewijs } from '../src/domain/matching/evidence.js';
import { cosine } from '../src/domain/matching/term-space.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
const MBO_DIR = path.join(SHARED, 'data', 'mbo', 'catalog');
export const JUDGED_FILE = path.join(ROOT, 'test', 'fixtures', 'aligner-judged.tsv');

export interface JudgedPair {
  keuzevak: string;
  eindterm: string;
  crebo: string;
  werkproces: string;
  relevant: boolean;
}

/** Lines `keuzevak<TAB>eindterm<TAB>crebo<TAB>werkproces<TAB>1|0`; `#` starts a comment; the header line is skipped. */
export function parseJudged(text: string): JudgedPair[] {
  const out: JudgedPair[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line || line.startsWith('keuzevak\t')) continue;
    const cols = line.split('\t').map((c) => c.trim());
    if (cols.length < 5 || !/^[01]$/.test(cols[4]!)) throw new Error(`${JUDGED_FILE}:${i + 1}: verwacht keuzevak, eindterm, crebo, werkproces, 1|0`);
    out.push({ keuzevak: cols[0]!, eindterm: cols[1]!, crebo: cols[2]!, werkproces: cols[3]!, relevant: cols[4] === '1' });
  }
  return out;
}

const key = (eindterm: string, crebo: string, werkproces: string) => `${eindterm}|${crebo}:${werkproces}`;

export interface Scores {
  proposed: number;
  correct: number;
  relevant: number;
  precision: number;
  recall: number;
  f1: number;
}

function scores(proposed: ReadonlySet<string>, relevant: ReadonlySet<string>): Scores {
  let correct = 0;
  for (const p of proposed) if (relevant.has(p)) correct += 1;
  const precision = proposed.size === 0 ? 0 : correct / proposed.size;
  const recall = relevant.size === 0 ? 0 : correct / relevant.size;
  return { proposed: proposed.size, correct, relevant: relevant.size, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

interface Combination {
  keuzevak: string;
  crebo: string;
  relevant: Set<string>;
  /** Per band, the proposed pairs (key as above). */
  bands: Record<Confidence, Set<string>>;
  /** Every proposal of the aligner (top 3 per eindterm, any band) with its score. */
  scored: Array<{ key: string; score: number }>;
  texts: Map<string, string>;
}

/** The proposals for every judged combination, asked as the inventory page asks them. */
export function proposalsFor(snapshot: CatalogSnapshot, judged: readonly JudgedPair[]): Combination[] {
  const combos = new Map<string, Combination>();
  for (const j of judged) {
    const id = `${j.keuzevak}|${j.crebo}`;
    let c = combos.get(id);
    if (!c) {
      c = { keuzevak: j.keuzevak, crebo: j.crebo, relevant: new Set(), bands: { sterk: new Set(), mogelijk: new Set(), zwak: new Set() }, scored: [], texts: new Map() };
      combos.set(id, c);
    }
    if (j.relevant) c.relevant.add(key(j.eindterm, j.crebo, j.werkproces));
  }
  for (const c of combos.values()) {
    const query = { keuzevakken: [c.keuzevak], kwalificatie: c.crebo };
    const resolved = resolveSelection(snapshot, query);
    const code = new Map(resolved.eindtermen.map((e) => [e.id, e.code]));
    for (const e of resolved.eindtermen) c.texts.set(e.code, e.titel);
    for (const w of resolved.mboItems) c.texts.set(w.id, w.titel);
    const pairKey = (eindtermId: string, werkprocesId: string) => `${code.get(eindtermId)}|${werkprocesId}`;
    for (const min of ['sterk', 'mogelijk', 'zwak'] as const) {
      const { inventory } = computeInventory(snapshot, { ...query, min });
      for (const l of inventory.links) c.bands[min].add(pairKey(l.eindtermId, l.werkprocesId));
    }
    for (const l of alignerOf(snapshot).align(resolved.eindtermTexts, resolved.mboTexts, { perEindterm: 3, min: 'zwak' })) c.scored.push({ key: pairKey(l.eindtermId, l.werkprocesId), score: l.score });
  }
  return [...combos.values()];
}

const union = (sets: Iterable<ReadonlySet<string>>) => new Set([...sets].flatMap((s) => [...s]));
const fmt = (s: Scores) => `precisie ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  (${s.correct} goed van ${s.proposed} voorgesteld, ${s.relevant} relevant)`;

export function report(combos: readonly Combination[], opts: { details?: boolean } = {}): string[] {
  const lines: string[] = [];
  const relevant = union(combos.map((c) => c.relevant));
  lines.push(`Uitlijning op ${path.relative(ROOT, JUDGED_FILE)}: ${combos.length} combinaties, ${relevant.size} relevante paren`);
  for (const band of ['sterk', 'mogelijk', 'zwak'] as const) {
    lines.push(`  vanaf ${band.padEnd(8)}${band === 'mogelijk' ? '(standaard)' : '           '} ${fmt(scores(union(combos.map((c) => c.bands[band])), relevant))}`);
  }
  lines.push('  per score-drempel (voorstellen van elke sterkte, hooguit 3 per eindterm):');
  for (const cut of [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    const proposed = new Set(combos.flatMap((c) => c.scored.filter((s) => s.score >= cut).map((s) => s.key)));
    lines.push(`    score ≥ ${cut.toFixed(2)}  ${fmt(scores(proposed, relevant))}`);
  }
  lines.push('  per combinatie (standaard, vanaf mogelijk):');
  for (const c of combos) {
    lines.push(`    ${c.keuzevak} × ${c.crebo}: ${fmt(scores(c.bands.mogelijk, c.relevant))}`);
    if (!opts.details) continue;
    const label = (k: string) => {
      const [e, w] = k.split('|') as [string, string];
      return `${e} ${c.texts.get(e) ?? '?'}  ↔  ${w} ${c.texts.get(w) ?? '?'}`;
    };
    for (const k of c.relevant) if (!c.bands.mogelijk.has(k)) lines.push(`      gemist:      ${label(k)}`);
    for (const k of c.bands.mogelijk) if (!c.relevant.has(k)) lines.push(`      ten onrechte: ${label(k)}`);
  }
  return lines;
}

/**
 * Issue 17 at pair level: per combination the judged pairs (sorted by eindterm and werkproces) are split alternately
 * in halves A and B; one half is given as reviews of one other samenwerking. Scored at the default band (mogelijk):
 * on the reviewed half's pairs, and on every other pair of the combination (judged or not: an unlisted pair is not
 * relevant), before and after.
 */
/**
 * The experiment of transfer at pair level (not in the product: it did not help, see BENCHMARKS.md): a pair (e, w)
 * without reviews of its own learns from reviewed pairs (e′, w) of the same werkproces whose eindterm reads alike, as
 * evidence.ts `transferStrengths` does for keuzevakken (similarity-weighted, damped mean of the neighbours' strengths).
 */
function pairTransfer(eindtermIds: readonly string[], elders: ReadonlyMap<string, PaarOordeel>, similarity: (a: string, b: string) => number): Map<string, number> {
  const perEindterm = new Map<string, Map<string, Bewijs>>();
  for (const [k, o] of elders) {
    const [e, w] = k.split('\u0000') as [string, string];
    let m = perEindterm.get(e);
    if (!m) perEindterm.set(e, (m = new Map()));
    m.set(w, { bevestigd: o.bevestigd, afgewezen: o.afgewezen, voor: 0, tegen: 0 });
  }
  const out = new Map<string, number>();
  for (const e of eindtermIds) {
    const neighbours = [...perEindterm].filter(([other]) => other !== e).map(([other, evidence]) => ({ similarity: similarity(e, other), evidence }));
    for (const [w, t] of transferStrengths(neighbours)) if (!elders.has(paarSleutel(e, w))) out.set(paarSleutel(e, w), t);
  }
  return out;
}

const TRANSFER_VARIANTS = [
  { name: 'overdracht ≥ 0,1 (op en neer)', threshold: 0.1, down: true },
  { name: 'overdracht ≥ 0,2 (op en neer)', threshold: 0.2, down: true },
  { name: 'overdracht ≥ 0,1 (alleen op)', threshold: 0.1, down: false },
] as const;

export function transferReport(snapshot: CatalogSnapshot, judged: readonly JudgedPair[]): string[] {
  const lines: string[] = ['Overdracht op paarniveau (issue 17): de helft van de beoordeelde paren als oordeel van één andere samenwerking'];
  const combos = [...new Set(judged.map((j) => `${j.keuzevak}|${j.crebo}`))];
  for (const half of [0, 1]) {
    const tally = { seen: { before: new Set<string>(), after: new Set<string>(), relevant: new Set<string>() }, unseen: { before: new Set<string>(), after: new Set<string>(), relevant: new Set<string>() } };
    const variants = TRANSFER_VARIANTS.map(() => new Set<string>());
    const aligner = alignerOf(snapshot);
    for (const combo of combos) {
      const [keuzevak, crebo] = combo.split('|') as [string, string];
      const pairs = judged.filter((j) => j.keuzevak === keuzevak && j.crebo === crebo).sort((a, b) => a.eindterm.localeCompare(b.eindterm) || a.werkproces.localeCompare(b.werkproces));
      const reviewed = pairs.filter((_, i) => i % 2 === half);
      const query = { keuzevakken: [keuzevak], kwalificatie: crebo };
      const resolved = resolveSelection(snapshot, query);
      const idOf = new Map(resolved.eindtermen.map((e) => [e.code, e.id]));
      const codeOf = new Map(resolved.eindtermen.map((e) => [e.id, e.code]));
      const elders = new Map<string, PaarOordeel>();
      for (const j of reviewed) {
        const id = idOf.get(j.eindterm);
        if (id) elders.set(paarSleutel(id, `${crebo}:${j.werkproces}`), j.relevant ? { bevestigd: 1, afgewezen: 0 } : { bevestigd: 0, afgewezen: 1 });
      }
      const seenKeys = new Set(reviewed.map((j) => key(j.eindterm, crebo, j.werkproces)));
      const bucket = (k: string) => (seenKeys.has(k) ? tally.seen : tally.unseen);
      const keysOf = (links: ReadonlyArray<{ eindtermId: string; werkprocesId: string }>) => links.map((l) => `${codeOf.get(l.eindtermId)}|${l.werkprocesId}`);
      for (const k of keysOf(computeInventory(snapshot, query).inventory.links)) bucket(k).before.add(k);
      for (const k of keysOf(computeInventory(snapshot, query, undefined, elders).inventory.links)) bucket(k).after.add(k);
      // The experiment: the weak suggestions too, moved one band by the transfer from similar reviewed eindtermen.
      const vectors = new Map(resolved.eindtermTexts.map((e) => [e.id, aligner.vector(e.text)]));
      const transfer = pairTransfer(resolved.eindtermen.map((e) => e.id), elders, (a, b) => cosine(vectors.get(a)!, vectors.get(b)!));
      for (const l of computeInventory(snapshot, { ...query, min: 'zwak' }, undefined, elders).inventory.links) {
        const k = `${codeOf.get(l.eindtermId)}|${l.werkprocesId}`;
        if (seenKeys.has(k)) continue;
        const t = transfer.get(paarSleutel(l.eindtermId, l.werkprocesId)) ?? 0;
        TRANSFER_VARIANTS.forEach((v, i) => {
          const shift = t >= v.threshold ? { bevestigd: 1, afgewezen: 0 } : v.down && t <= -v.threshold ? { bevestigd: 0, afgewezen: 1 } : undefined;
          if (verschovenBand(l.confidence, shift) !== 'zwak') variants[i]!.add(k);
        });
      }
      for (const j of pairs) if (j.relevant) bucket(key(j.eindterm, crebo, j.werkproces)).relevant.add(key(j.eindterm, crebo, j.werkproces));
    }
    const name = half === 0 ? 'A' : 'B';
    lines.push(`  helft ${name} beoordeeld:`);
    lines.push(`    beoordeelde paren, voor:  ${fmt(scores(tally.seen.before, tally.seen.relevant))}`);
    lines.push(`    beoordeelde paren, na:    ${fmt(scores(tally.seen.after, tally.seen.relevant))}`);
    lines.push(`    overige paren, voor:      ${fmt(scores(tally.unseen.before, tally.unseen.relevant))}`);
    lines.push(`    overige paren, na:        ${fmt(scores(tally.unseen.after, tally.unseen.relevant))}`);
    TRANSFER_VARIANTS.forEach((v, i) => lines.push(`    overige paren, ${v.name}: ${fmt(scores(variants[i]!, tally.unseen.relevant))}`));
  }
  return lines;
}

/**
 * `--smoke` (or BENCH_SMOKE=1): one tiny run on the built-in demo data, one combination (the demo's first keuzevak
 * and first kwalificatie, nothing judged): the code paths run, the figures mean nothing. For CI
 * (test/integration/scripts.test.ts), so the script cannot rot unnoticed.
 */
const SMOKE = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';

async function main() {
  let judged = parseJudged(fs.readFileSync(JUDGED_FILE, 'utf8'));
  const db = await openDatabase({ kind: 'pglite-memory' });
  try {
    if (SMOKE) {
      await seedDemoCatalogue(db.db);
    } else {
      await importSlo({ db: db.db, location: path.join(SHARED, 'data', 'slo'), release: '2025-11' });
      for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) {
        await importMboTabel({ db: db.db, file: path.join(MBO_DIR, `${f}.csv`), release: 'bench' });
      }
      await importSbbXml({ db: db.db, location: path.join(MBO_DIR, 'sbb-xml'), release: '2016' });
    }
    const snapshot = await snapshotOf(db.db);
    if (SMOKE) {
      const keuzevak = [...snapshot.byKindCode.keys()].find((k) => k.startsWith('keuzevak|'))?.slice('keuzevak|'.length);
      const crebo = [...snapshot.mbo.kwalificaties.keys()][0];
      if (!keuzevak || !crebo) throw new Error('De demodata hebben geen keuzevak of kwalificatie.');
      judged = [{ keuzevak, eindterm: '-', crebo, werkproces: '-', relevant: false }];
    }
    const combos = proposalsFor(snapshot, judged);
    for (const line of report(combos, { details: process.argv.includes('--details') })) console.log(line);
    if (process.argv.includes('--transfer')) for (const line of transferReport(snapshot, judged)) console.log(line);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/aligner.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
