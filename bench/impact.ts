/**
 * Issue 16, the impact of an import: a full SLO release (the national data with 1 in 20 eindterm texts changed and
 * 1 in 50 eindtermen replaced by a new id through `replaces`) imported over the national data while 200
 * samenwerkingen have 50 routes each with 300 planned doelen (eindtermen; 3 million planned items, bulk-inserted in
 * SQL). Measured: the whole import and the impact step inside it (finding the usages, storing the findings, mails).
 * Target: the impact step adds < 2 s.
 *
 * Run alone: `npx tsx bench/impact.ts` (a fresh embedded database), or with `BENCH_PG=1` in a fresh PostgreSQL
 * database (created and dropped on TEST_POSTGRES_URL's server, default postgres@127.0.0.1:5432).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/database.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { planningPlekken, uitwerken } from '../src/server/repositories/impact-repository.js';

const ms = (n: number) => `${n.toFixed(0)} ms`;

function secondRelease(sloDir: string): { dir: string; changed: number; replaced: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-bench-impact-'));
  fs.cpSync(sloDir, dir, { recursive: true });
  const bg = path.join(dir, 'examenprogramma-bg');
  const file = path.join(bg, 'globale_eindterm.json');
  const eindtermen = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  let changed = 0;
  const swaps = new Map<string, string>();
  eindtermen.forEach((e, i) => {
    if (i % 50 === 7) {
      const next = randomUUID();
      swaps.set(String(e.id), next);
      e.replaces = [String(e.id)];
      e.id = next;
    } else if (i % 20 === 3) {
      e.title = `${String(e.title)} (herzien)`;
      changed++;
    }
  });
  fs.writeFileSync(file, JSON.stringify(eindtermen));
  for (const name of ['deeltaak.json', 'kerndeel.json', 'moduletaak.json', 'keuzevaktaak.json']) {
    const p = path.join(bg, name);
    if (!fs.existsSync(p)) continue;
    let text = fs.readFileSync(p, 'utf8');
    for (const [from, to] of swaps) if (text.includes(from)) text = text.split(from).join(to);
    fs.writeFileSync(p, text);
  }
  return { dir, changed, replaced: swaps.size };
}

export async function benchImpact(db: Database, sloDir: string, opts: { samenwerkingen?: number; routes?: number; doelen?: number } = {}): Promise<{ impactMs: number; importMs: number }> {
  const samenwerkingen = opts.samenwerkingen ?? 200;
  const routes = opts.routes ?? 50;
  const doelen = opts.doelen ?? 300;
  const perRegel = 15;
  const t0 = performance.now();
  await sql`INSERT INTO partnership (naam) SELECT 'Bench impact ' || g FROM generate_series(1, ${samenwerkingen}::int) g`.execute(db.db);
  await sql`
    INSERT INTO leerroute (partnership_id, naam, type, vmbo, mbo, tijdpad)
    SELECT p.id, 'Route ' || g, 'doorlopend', '{"profiel":null,"leerweg":"BB","profielmodulen":[],"keuzevakken":[]}'::jsonb,
           '{"kwalificatie":null,"keuzedelen":[]}'::jsonb, '[{"leerjaar":3,"fase":"vmbo","perioden":4,"organisatieId":null}]'::jsonb
      FROM partnership p, generate_series(1, ${routes}::int) g WHERE p.naam LIKE 'Bench impact %'`.execute(db.db);
  // 300 different eindtermen per route (a window over the catalogue that shifts per route), 15 per planningsregel.
  await sql`
    WITH pool AS (SELECT array_agg(id::text ORDER BY id) AS a, count(*)::int AS n FROM vmbo_item WHERE kind = 'eindterm' AND status = 'actief'),
         r AS (SELECT l.id, (row_number() OVER (ORDER BY l.id))::int AS rn FROM leerroute l JOIN partnership p ON p.id = l.partnership_id WHERE p.naam LIKE 'Bench impact %')
    INSERT INTO leerroute_planning (leerroute_id, items, leerjaar, periode)
    SELECT r.id, (SELECT jsonb_agg(pool.a[1 + ((r.rn * 37 + g * ${perRegel}::int + k) % pool.n)]) FROM generate_series(0, ${perRegel - 1}::int) k), 3, 1 + (g % 4)
      FROM r, pool, generate_series(0, ${Math.ceil(doelen / perRegel) - 1}::int) g`.execute(db.db);
  await sql`
    INSERT INTO leerroute_planning_item (leerroute_id, item_id, planning_id)
    SELECT p.leerroute_id, i.item, p.id FROM leerroute_planning p, jsonb_array_elements_text(p.items) AS i(item)
    ON CONFLICT DO NOTHING`.execute(db.db);
  const planned = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM leerroute_planning_item`.execute(db.db)).rows[0]!.n);
  console.log(`Impact: ${samenwerkingen} samenwerkingen × ${routes} routes × ${doelen} doelen klaargezet (${planned.toLocaleString('nl-NL')} geplande items) in ${ms(performance.now() - t0)}`);

  const release = secondRelease(sloDir);
  try {
    const t = performance.now();
    const report = await importSlo({ db: db.db, location: release.dir, release: 'bench-impact' });
    const importMs = performance.now() - t;
    const impact = report.impact!;
    console.log(
      `Impact van een volledige SLO-release (${release.changed} teksten gewijzigd, ${release.replaced} eindtermen vervangen): import ${ms(importMs)}, ` +
        `waarvan impactstap ${ms(impact.durationMs)} (doel < 2000 ms); ${impact.items} onderdelen in gebruik bij ${impact.samenwerkingen} samenwerkingen op ${impact.gebruik.toLocaleString('nl-NL')} plekken`,
    );
    console.log(`Impact per fase: ${Object.entries(impact.phases ?? {}).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    // The repair page of one samenwerking, first read after the import: its findings of planning written
    // (one per item), then the places of all of them read.
    const one = (await sql<{ id: string }>`SELECT id FROM partnership WHERE naam = 'Bench impact 7'`.execute(db.db)).rows[0]!.id;
    const tp = performance.now();
    await uitwerken(db.db, [one]);
    const tu = performance.now() - tp;
    const items = await db.db.selectFrom('samenwerking_wijziging').select('item_id').where('partnership_id', '=', one).where('gebruik', '=', 'planning').execute();
    const tq = performance.now();
    const plekken = await planningPlekken(db.db, one, items.map((i) => i.item_id));
    console.log(
      `Herstelpagina van één samenwerking, eerste keer na de import: bevindingen van de planning schrijven ${ms(tu)} (${items.length} onderdelen), ` +
        `de plekken lezen ${ms(performance.now() - tq)} (${plekken.length} planningsregels)`,
    );
    return { impactMs: impact.durationMs, importMs };
  } finally {
    fs.rmSync(release.dir, { recursive: true, force: true });
  }
}

/** Alone: the national data (SLO and the mbo tables) in a fresh database, then the bench above. */
async function main(): Promise<void> {
  const shared = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(import.meta.dirname, '..', '..', 'shared'));
  const sloDir = path.join(shared, 'data', 'slo');
  const mboDir = path.join(shared, 'data', 'mbo', 'catalog');
  const onPg = process.env.BENCH_PG === '1';
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `doorlopend_bench_impact_${process.pid}`;
  const dir = onPg ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-bench-impact-db-'));
  let db: Database;
  if (onPg) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgres', url: url.toString() });
  } else {
    db = await openDatabase({ kind: 'pglite', dataDir: dir! });
  }
  console.log(`Impact-bench op ${onPg ? 'PostgreSQL' : 'PGlite'} — ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    await importSlo({ db: db.db, location: sloDir, release: '2025-11' });
    for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) await importMboTabel({ db: db.db, file: path.join(mboDir, `${f}.csv`), release: 'bench' });
    await benchImpact(db, sloDir);
  } finally {
    await db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (onPg) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      // Not WITH (FORCE): the pool's sockets may still be closing; wait until they are gone.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (e) {
          if (attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      await admin.end();
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
