/**
 * Issue 16: a second national release built from the real data in ../shared (copied to a temp folder and changed
 * there; nothing is committed): a keuzevak vervallen with a successor named through `replaces` (new id, new code),
 * an eindterm whose text changed, a new eindterm, a kwalificatie whose crebo expires with a successor (same dossier,
 * name and niveau under a new crebo, its werkprocessen with it), and a keuzedeel that expires.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MBO_DIR, SLO_DIR } from './shared-data.js';

export interface ReleasePlan {
  /** Keuzevak code that vervalt; its successor gets `nieuweKeuzevakCode`. */
  keuzevakCode: string;
  nieuweKeuzevakCode: string;
  /** Eindterm id whose title changes. */
  eindtermId: string;
  /** A deeltaak that gets a new eindterm. */
  deeltaakId: string;
  /** The mbo side (left out: only the SLO data is copied and changed). */
  crebo?: string;
  nieuweCrebo?: string;
  keuzedeelCode?: string;
  /** Where the data comes from: the national data in ../shared (default) or e.g. the built-in demo data. */
  sloBron?: string;
  mboBron?: string;
}

export interface BuiltRelease {
  dir: string;
  sloDir: string;
  mboDir: string;
  nieuweKeuzevakId: string;
  oudeKeuzevakId: string;
  nieuweEindtermId: string;
  nieuweEindtermTitel: string;
  gewijzigdeTitel: string;
  cleanup(): void;
}

type Row = Record<string, unknown>;
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as Row[];
const writeJson = (p: string, v: unknown) => fs.writeFileSync(p, JSON.stringify(v, null, 1));

/** A CSV line split on commas outside quotes (enough for the catalogue tables). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function buildSecondRelease(plan: ReleasePlan): BuiltRelease {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-impact-'));
  const sloDir = path.join(dir, 'slo');
  const mboDir = path.join(dir, 'mbo');
  fs.cpSync(plan.sloBron ?? SLO_DIR, sloDir, { recursive: true });
  fs.mkdirSync(mboDir);
  if (plan.crebo) for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen']) fs.copyFileSync(path.join(plan.mboBron ?? MBO_DIR, `${f}.csv`), path.join(mboDir, `${f}.csv`));

  const bg = path.join(sloDir, 'examenprogramma-bg');
  // The keuzevak: a new id and code that replaces the old one; every reference to the old id follows.
  const keuzevakken = readJson(path.join(bg, 'keuzevak.json'));
  const kv = keuzevakken.find((k) => k.prefix === plan.keuzevakCode);
  if (!kv) throw new Error(`keuzevak ${plan.keuzevakCode} niet gevonden`);
  const oudeKeuzevakId = String(kv.id);
  const nieuweKeuzevakId = randomUUID();
  for (const name of fs.readdirSync(bg)) {
    if (name === 'keuzevak.json') continue;
    const p = path.join(bg, name);
    const text = fs.readFileSync(p, 'utf8');
    if (text.includes(oudeKeuzevakId)) fs.writeFileSync(p, text.split(oudeKeuzevakId).join(nieuweKeuzevakId));
  }
  kv.id = nieuweKeuzevakId;
  kv.prefix = plan.nieuweKeuzevakCode;
  kv.replaces = [oudeKeuzevakId];
  writeJson(path.join(bg, 'keuzevak.json'), keuzevakken);

  // The eindterm with a changed text, and a new eindterm in a deeltaak.
  const eindtermen = readJson(path.join(bg, 'globale_eindterm.json'));
  const et = eindtermen.find((e) => e.id === plan.eindtermId);
  if (!et) throw new Error(`eindterm ${plan.eindtermId} niet gevonden`);
  const gewijzigdeTitel = `${String(et.title).replace(/\.$/, '')} en dit toelichten aan een opdrachtgever`;
  et.title = gewijzigdeTitel;
  const nieuweEindtermId = randomUUID();
  const nieuweEindtermTitel = 'De kandidaat kan duurzame materialen kiezen en die keuze onderbouwen';
  eindtermen.push({ ...et, id: nieuweEindtermId, prefix: `${String(et.prefix)}-N`, title: nieuweEindtermTitel });
  writeJson(path.join(bg, 'globale_eindterm.json'), eindtermen);
  const deeltaken = readJson(path.join(bg, 'deeltaak.json'));
  const dt = deeltaken.find((d) => d.id === plan.deeltaakId);
  if (!dt) throw new Error(`deeltaak ${plan.deeltaakId} niet gevonden`);
  dt.examenprogramma_bg_globale_eindterm_id = [...(dt.examenprogramma_bg_globale_eindterm_id as string[]), nieuweEindtermId];
  writeJson(path.join(bg, 'deeltaak.json'), deeltaken);

  // mbo: the crebo expires, its successor (same dossier, name, niveau) takes its werkprocessen; the keuzedeel expires.
  const rewrite = (file: string, fn: (line: string, i: number) => string | null) => {
    const p = path.join(mboDir, file);
    const lines = fs.readFileSync(p, 'utf8').split('\n');
    fs.writeFileSync(p, lines.map(fn).filter((l): l is string => l !== null).join('\n'));
  };
  if (plan.crebo && plan.nieuweCrebo && plan.keuzedeelCode) {
    const { crebo, nieuweCrebo, keuzedeelCode } = plan;
    rewrite('kwalificaties.csv', (l, i) => (i > 0 && cells(l)[0] === crebo ? [nieuweCrebo, ...cells(l).slice(1)].join(',') : l));
    rewrite('kerntaken-werkprocessen.csv', (l, i) => (i > 0 && cells(l)[0] === crebo ? [nieuweCrebo, ...cells(l).slice(1)].join(',') : l));
    rewrite('keuzedelen.csv', (l, i) => (i > 0 && cells(l)[0] === keuzedeelCode ? null : l));
  }

  return { dir, sloDir, mboDir, nieuweKeuzevakId, oudeKeuzevakId, nieuweEindtermId, nieuweEindtermTitel, gewijzigdeTitel, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
