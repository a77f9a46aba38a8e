/**
 * Regelbank (issue 13) on the national data: every rule on the 300-doelen route of bench/leerroute.ts (every keuzevak
 * of the largest profiel at BB and the kwalificatie with the most werkprocessen, 300 doelen planned), with 40 PTA
 * toetsen, 40 activiteiten, 30 rows of docentinzet and a signed agreement covering the route. Measured: the rules
 * themselves (evalueer on the built RegelContext; target p95 < 20 ms) and GET /api/leerroutes/:id/regels over HTTP
 * (app.inject: session, loading the route, docentinzet and marks, the rules, serialisation).
 */
import { buildApp } from '../src/server/http/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/http/auth-hooks.js';
import type { Database } from '../src/server/db/database.js';
import { evalueer } from '../src/domain/regels/regels.js';
import { CLAUSULES } from '../src/domain/regels/types.js';
import { findRoute } from '../src/server/repositories/leerroute-repository.js';
import { insertInzet } from '../src/server/repositories/regels-repository.js';
import { routeContext } from '../src/server/use-cases/regels/context.js';
import { createNationalRoute, planMany } from '../test/support/leerroute-national.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1)!, n: s.length };
};
const line = (x: ReturnType<typeof stats>) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)} (${x.n} keer)`;

export async function benchRegels(db: Database): Promise<{ regelsP95: number; httpP95: number }> {
  const nr = await createNationalRoute(db.db, 'regels');
  const { route } = await planMany(db.db, nr, 300);
  const app = await buildApp({ db: db.db });
  try {
    const headers = { cookie: `${SESSION_COOKIE}=${nr.vmboToken}`, [CSRF_HEADER]: nr.vmboAuth.csrfToken };
    const base = `/api/leerroutes/${route.id}`;
    const vmboDoelen = route.doelen.filter((d) => d.side === 'vmbo');
    for (let i = 0; i < 40; i++) {
      const j = route.tijdpad[i % 2]!;
      const res = await app.inject({
        method: 'POST', url: `${base}/toetsen`, headers,
        payload: { leerjaar: j.leerjaar, periode: (i % j.perioden) + 1, toetscode: `PTA-${i}`, naam: i === 0 ? 'LOB-dossier' : `Toets ${i}`, vorm: 'schriftelijk', soort: 'summatief', onderdeelVan: 'pta', seWeging: i === 0 ? null : 5, doelen: vmboDoelen.slice(i * 3, i * 3 + 3).map((d) => d.id) },
      });
      if (res.statusCode !== 201) throw new Error(`toets: ${res.statusCode} ${res.body}`);
      const a = await app.inject({ method: 'POST', url: `${base}/activiteiten`, headers, payload: { leerjaar: j.leerjaar, periode: 1, titel: i % 4 === 0 ? `Stage ${i}` : `Les ${i}`, uren: 20, doelen: [] } });
      if (a.statusCode !== 201) throw new Error(`activiteit: ${a.statusCode} ${a.body}`);
    }
    const orgs = nr.route.partners.map((p) => p.id);
    for (let i = 0; i < 30; i++) {
      await insertInzet(db.db, nr.route.samenwerking.id, { schooljaar: '2026-2027', naamOfRol: `Docent ${i % 20}`, organisatieId: orgs[i % orgs.length]!, bevoegdheid: (['tweedegraads', 'pedagogisch-didactisch-getuigschrift', 'gastdocent'] as const)[i % 3]!, onderwijsAan: i % 5 === 0 ? 'mbo' : 'vmbo', uren: 40 }, nr.vmboAuth.user.id);
    }
    await db.db.updateTable('leerroute').set({ schooljaar: '2026-2027' }).where('id', '=', route.id).execute();
    const row = (await findRoute(db.db, route.id))!;
    const ctx = await routeContext(db.db, row);
    // The agreement the agreement module will supply: signed, covering the route, clauses a–i filled in.
    const withAgreement = { ...ctx, overeenkomsten: [{ id: 'bench', status: 'ondertekend' as const, soort: 'doorlopende-leerroute' as const, leerrouteIds: [route.id], ingevuldeClausules: [...CLAUSULES] }] };
    for (let i = 0; i < 50; i++) evalueer(withAgreement); // warm-up
    const regels: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      evalueer(i % 2 === 0 ? withAgreement : ctx);
      regels.push(performance.now() - t);
    }
    const http: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `${base}/regels`, headers });
      http.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`regels: ${res.statusCode} ${res.body}`);
    }
    const r = stats(regels);
    const h = stats(http);
    console.log(
      `Regelbank op de route met ${route.doelen.length} doelen (${ctx.route!.toetsen.length} toetsen, ${ctx.route!.activiteiten.length} activiteiten, ${ctx.docentinzet!.length} docentinzet, met en zonder overeenkomst): ` +
        `alle regels ${line(r)} (doel p95 < 20 ms: ${r.p95 < 20 ? 'gehaald' : 'NIET gehaald'}); GET …/regels over HTTP ${line(h)}`,
    );
    return { regelsP95: r.p95, httpP95: h.p95 };
  } finally {
    await app.close();
  }
}
