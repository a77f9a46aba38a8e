/**
 * Regional menukaart (issue 15) on the national data: a region with two schools and 500 published modules (keuzevakken
 * and profielmodulen of the national catalogue, all kinds, periods, leerwegen and five locations), read through the
 * public route without a session: GET /api/publiek/menukaart/:slug with no filter and with each filter (profiel,
 * leerweg, sector, locatie, soort, periode, and two combined), over app.inject (routing, validation, the use case, the
 * catalogue names, the filter, serialisation). Target: p95 < 30 ms. Then each export of the whole menukaart (CSV, XLSX,
 * PDF brochure) once, timed.
 */
import { buildApp } from '../src/server/http/app.js';
import type { Database } from '../src/server/db/database.js';
import { insertOrganisation } from '../src/server/repositories/account-repository.js';
import { insertMenukaart, insertModule, setModuleStatus } from '../src/server/repositories/menukaart-repository.js';
import { sectorenVan, profielVanCode } from '../src/domain/menukaart/sectoren.js';
import { MODULE_SOORTEN, PERIODEN } from '../src/shared/menukaart-api.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

export async function benchMenukaart(db: Database, aantal = 500): Promise<{ p95: number }> {
  const regio = await insertOrganisation(db.db, { naam: 'Bench Regio', soort: 'regio' });
  const scholen = [
    await insertOrganisation(db.db, { naam: 'Bench Vmbo', soort: 'vmbo-school', regioId: regio }),
    await insertOrganisation(db.db, { naam: 'Bench ROC', soort: 'mbo-instelling', regioId: regio }),
  ];
  await insertMenukaart(db.db, { regioId: regio, slug: 'bench-regio', titel: 'Menukaart Bench Regio' });
  const units = await db.db.selectFrom('vmbo_item').select(['kind', 'code']).where('kind', 'in', ['keuzevak', 'profielmodule']).where('status', '=', 'actief').orderBy('code').execute();
  const locaties = ['Centrum', 'Noord', 'Zuid', 'Campus', 'Haven'];
  const leerwegen = [['BB'], ['BB', 'KB'], ['KB', 'GL'], ['GL', 'TL'], ['BB', 'KB', 'GL', 'TL']];
  for (let i = 0; i < aantal; i++) {
    const u = units[i % units.length]!;
    const profiel = profielVanCode(u.code);
    const profielen = profiel ? [profiel] : [];
    const id = await insertModule(db.db, {
      titel: `Module ${i + 1} ${u.code}`,
      beschrijving: `Een module rond ${u.code}, om te kiezen in de regio. `.repeat(4),
      soort: MODULE_SOORTEN[i % MODULE_SOORTEN.length]!,
      omvangEenheden: 1 + (i % 4),
      aanbiederId: scholen[i % 2]!,
      vestigingId: null,
      locatie: locaties[i % locaties.length]!,
      leerjaar: 1 + (i % 4),
      periode: PERIODEN[i % PERIODEN.length]!,
      leerwegen: leerwegen[i % leerwegen.length]!,
      capaciteit: 10 + (i % 20),
      voorwaarden: [],
      keuzevakken: u.kind === 'keuzevak' ? [u.code] : [],
      profielmodulen: u.kind === 'profielmodule' ? [u.code] : [],
      keuzedelen: [],
      kwalificaties: [],
      profielen,
      sectoren: sectorenVan(profielen),
      leerrouteId: null,
      regioId: regio,
      slug: `module-${i + 1}`,
      ingediendDoor: null,
    });
    await setModuleStatus(db.db, id, 1, { status: 'gepubliceerd', reden: null, door: null });
  }
  const app = await buildApp({ db: db.db });
  try {
    const filters = ['', '?profiel=PIE', '?leerweg=BB', '?sector=techniek', '?locatie=Noord', '?soort=verdiepend', '?periode=P2', '?profiel=ZW&leerweg=KB', '?sector=economie&periode=P3'];
    const paths = filters.map((f) => `/api/publiek/menukaart/bench-regio${f}`);
    for (const p of paths) {
      const res = await app.inject({ method: 'GET', url: p });
      if (res.statusCode !== 200) throw new Error(`${p}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const eerste = JSON.parse((await app.inject({ method: 'GET', url: paths[0]! })).body) as { totaal: number };
    if (eerste.totaal !== aantal) throw new Error(`expected ${aantal} modules, got ${eerste.totaal}`);
    for (let i = 0; i < 30; i++) await app.inject({ method: 'GET', url: paths[i % paths.length]! }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 450; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: paths[i % paths.length]! });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`${res.statusCode}`);
    }
    const s = [...times].sort((a, b) => a - b);
    const p95 = percentile(s, 95);
    console.log(
      `menukaart, ${aantal} modulen, openbaar gefilterd (${filters.length} filters, app.inject): p50 ${ms(percentile(s, 50))}, p95 ${ms(p95)}, max ${ms(s.at(-1)!)} (${s.length} keer; doel p95 < 30 ms)`,
    );
    // The exports of the whole menukaart (each module with its catalogue names and 'leidt naar'), once each.
    for (const formaat of ['csv', 'xlsx', 'pdf'] as const) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/publiek/menukaart/bench-regio/export?formaat=${formaat}` });
      if (res.statusCode !== 200) throw new Error(`export ${formaat}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      console.log(`menukaart-export ${formaat.toUpperCase()}, ${aantal} modulen: ${ms(performance.now() - t)} (${(res.rawPayload.length / 1024).toFixed(0)} kB)`);
    }
    return { p95 };
  } finally {
    await app.close();
  }
}
