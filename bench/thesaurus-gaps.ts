/**
 * npx tsx bench/thesaurus-gaps.ts — the vocabulary gap between the two sides (issue 17): for every keuzevak of the
 * national catalogue (dev set and others alike), which salient words of its title, description and deeltaken reach no
 * word of the mbo side (a dossier or kwalificatie name, a kerntaak or werkproces), directly or through the domain
 * thesaurus; and which words of the dossier and kwalificatie names no keuzevak reaches. Texts only: the judgments of
 * the dev set are used to split the figures (dev / other keuzevakken), never to choose a word.
 *
 * Analysis as the engine does it (`MatchingEngine`): our Dutch analyser with compound parts, then the derivation
 * families; a word is salient when few keuzevakken use it (the engine's vmbo specificity ≥ 0.5).
 *
 * Options: `--thesaurus <file.json>` (default: src/domain/matching/thesaurus.json; `--thesaurus none` = empty),
 * `--list N` (the N most frequent gaps of the vmbo side), `--mbo` (the unreached words of the dossier names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../src/server/use-cases/catalog/import-sbb-xml.js';
import { snapshotOf } from '../src/server/repositories/catalog-snapshot.js';
import { parseJudgments } from '../src/domain/matching/metrics.js';
import { dossierTexts, keuzevakText, type KeuzevakText } from '../src/domain/matching/texts.js';
import { DerivationFamilies } from '../src/domain/matching/engine.js';
import { Thesaurus, type ThesaurusFile } from '../src/domain/matching/thesaurus.js';
import THESAURUS from '../src/domain/matching/thesaurus.json' with { type: 'json' };
import { termsWithCompounds, tokenize } from '../src/domain/text/analyzer.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
const MBO_DIR = path.join(SHARED, 'data', 'mbo', 'catalog');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  const thesaurusArg = arg('--thesaurus');
  const file: ThesaurusFile =
    thesaurusArg === 'none' ? { groepen: [] } : thesaurusArg ? (JSON.parse(fs.readFileSync(thesaurusArg, 'utf8')) as ThesaurusFile) : (THESAURUS as ThesaurusFile);
  const thesaurus = new Thesaurus(file);
  const goldFile = path.join(SHARED, 'eval', 'dev-gold.tsv');
  const dev = new Set(fs.existsSync(goldFile) ? parseJudgments(fs.readFileSync(goldFile, 'utf8')).map((j) => j.keuzevak) : []);

  const db = await openDatabase({ kind: 'pglite-memory' });
  await importSlo({ db: db.db, location: path.join(SHARED, 'data', 'slo'), release: '2025-11' });
  for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) {
    await importMboTabel({ db: db.db, file: path.join(MBO_DIR, `${f}.csv`), release: 'eval' });
  }
  await importSbbXml({ db: db.db, location: path.join(MBO_DIR, 'sbb-xml'), release: '2016' });
  const snapshot = await snapshotOf(db.db);
  await db.close();
  const dossiers = dossierTexts(snapshot.mbo);
  const keuzevakken: KeuzevakText[] = [...snapshot.byKindCode.keys()].filter((k) => k.startsWith('keuzevak|')).map((k) => keuzevakText(snapshot, k.slice('keuzevak|'.length)));

  // The engine's analysis: compound parts, then derivation families over the vocabulary of both sides.
  const raw = (text: string) => termsWithCompounds(text, snapshot.lexicon, { strictHeads: true });
  const vocabulary = new Set<string>();
  for (const d of dossiers) for (const t of [d.titel, ...d.kwalificaties, ...d.kerntaken, ...d.werkprocessen]) for (const x of raw(t)) vocabulary.add(x);
  for (const k of keuzevakken) for (const t of [k.title, k.description, ...k.deeltaken, ...k.eindtermen]) for (const x of raw(t)) vocabulary.add(x);
  const families = new DerivationFamilies(vocabulary);
  const terms = (text: string) => raw(text).map((t) => families.familyOf(t));

  // Salience as the engine's vmbo specificity: words in nearly every keuzevak ("keuzevak", "kandidaat") say nothing.
  const vmboDf = new Map<string, number>();
  for (const k of keuzevakken) for (const t of new Set([k.title, k.description, ...k.deeltaken, ...k.eindtermen].flatMap(terms))) vmboDf.set(t, (vmboDf.get(t) ?? 0) + 1);
  const n = keuzevakken.length;
  const common = Math.min(10, n / 10);
  const specificity = (t: string) => Math.max(0, Math.min(1, Math.log((n + 1) / ((vmboDf.get(t) ?? 0) + 0.5)) / Math.log((n + 1) / (common + 0.5))));
  const salient = (t: string) => t.length >= 3 && !/\d/.test(t) && specificity(t) >= 0.5;

  const mbo = new Set<string>();
  const mboNames = new Set<string>();
  for (const d of dossiers) {
    for (const t of [d.titel, ...d.kwalificaties].flatMap(terms)) {
      mbo.add(t);
      mboNames.add(t);
    }
    for (const t of [...d.kerntaken, ...d.werkprocessen].flatMap(terms)) mbo.add(t);
  }
  const viaThesaurus = (t: string, target: ReadonlySet<string>) =>
    thesaurus.groupsOf(t).some((g) => [...thesaurus.groups[g]!.terms].some((r) => target.has(families.familyOf(r))));
  const reaches = (t: string, target: ReadonlySet<string>) => target.has(t) || viaThesaurus(t, target);

  type Side = { n: number; title: number[]; titleNames: number[]; head: number[] };
  const sides: Record<'dev' | 'overig', Side> = { dev: { n: 0, title: [], titleNames: [], head: [] }, overig: { n: 0, title: [], titleNames: [], head: [] } };
  const gaps = new Map<string, { keuzevakken: number; inTitle: number }>();
  for (const k of keuzevakken) {
    const side = sides[dev.has(k.code) ? 'dev' : 'overig'];
    side.n += 1;
    const title = [...new Set(terms(k.title))].filter(salient);
    const head = [...new Set([k.title, k.description, ...k.deeltaken].flatMap(terms))].filter(salient);
    if (title.length > 0) {
      side.title.push(title.filter((t) => reaches(t, mbo)).length / title.length);
      side.titleNames.push(title.filter((t) => reaches(t, mboNames)).length / title.length);
    }
    if (head.length > 0) side.head.push(head.filter((t) => reaches(t, mbo)).length / head.length);
    for (const t of head) {
      if (reaches(t, mbo)) continue;
      const g = gaps.get(t) ?? { keuzevakken: 0, inTitle: 0 };
      g.keuzevakken += 1;
      if (title.includes(t)) g.inTitle += 1;
      gaps.set(t, g);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  console.log(`Thesaurus: ${thesaurusArg ?? 'src/domain/matching/thesaurus.json'} (${file.groepen.length} groepen); ${keuzevakken.length} keuzevakken, ${dossiers.length} dossiers`);
  console.log('Aandeel opvallende woorden van een keuzevak dat de mbo-kant bereikt (direct of via de thesaurus), gemiddeld per keuzevak:');
  for (const [label, s] of Object.entries(sides)) {
    console.log(
      `  ${label.padEnd(6)} (n=${s.n}): titel → mbo-woorden ${mean(s.title).toFixed(3)}; titel → dossier-/kwalificatienamen ${mean(s.titleNames).toFixed(3)}; titel, omschrijving en deeltaken → mbo-woorden ${mean(s.head).toFixed(3)}`,
    );
  }

  const list = Number(arg('--list') ?? 0);
  if (list > 0) {
    const forms = new Map<string, Map<string, number>>();
    for (const k of keuzevakken) {
      for (const text of [k.title, k.description, ...k.deeltaken]) {
        for (const tok of tokenize(text)) {
          if (tok.stop) continue;
          const t = families.familyOf(tok.term);
          const m = forms.get(t) ?? new Map<string, number>();
          m.set(tok.folded, (m.get(tok.folded) ?? 0) + 1);
          forms.set(t, m);
        }
      }
    }
    console.log(`\nDe ${list} vaakst voorkomende gaten (term, woordvormen, in hoeveel titels / keuzevakken):`);
    const rows = [...gaps.entries()].sort((a, b) => b[1].inTitle - a[1].inTitle || b[1].keuzevakken - a[1].keuzevakken || a[0].localeCompare(b[0])).slice(0, list);
    for (const [t, g] of rows) {
      const written = [...(forms.get(t) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w);
      console.log(`  ${t}\t${written.join('/') || '(deel van een samenstelling)'}\t${g.inTitle} / ${g.keuzevakken}`);
    }
  }

  // The other way: the words of the dossier and kwalificatie names, reached by any keuzevak's text.
  const vmbo = new Set<string>();
  for (const k of keuzevakken) for (const t of [k.title, k.description, ...k.deeltaken, ...k.eindtermen].flatMap(terms)) vmbo.add(t);
  const reached = new Set(vmbo);
  for (const t of vmbo) for (const g of thesaurus.groupsOf(t)) for (const r of thesaurus.groups[g]!.terms) reached.add(families.familyOf(r));
  let total = 0;
  let hit = 0;
  const unreached: string[] = [];
  for (const d of dossiers) {
    const nameTerms = [...new Set([d.titel, ...d.kwalificaties].flatMap(terms))].filter((t) => t.length >= 3 && !/\d/.test(t));
    const missing = nameTerms.filter((t) => !reached.has(t));
    total += nameTerms.length;
    hit += nameTerms.length - missing.length;
    if (missing.length > 0) unreached.push(`  ${d.titel} [${d.opleidingsdomein ?? '-'}]: ${missing.join(', ')}`);
  }
  console.log(`\nWoorden van dossier- en kwalificatienamen die een keuzevak bereikt (direct of via de thesaurus): ${(hit / Math.max(1, total)).toFixed(3)} (${hit} van ${total})`);
  if (process.argv.includes('--mbo')) console.log(unreached.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
