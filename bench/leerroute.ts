/**
 * Leerroute-ontwerper (issue 6) on the national data: a route with 300 planned doelen (every keuzevak of the largest
 * profiel at BB and the kwalificatie with the most werkprocessen), then over HTTP on the server (app.inject: routing,
 * session, CSRF, zod validation and serialisation of the whole route): 100 planning actions (moves, and adding and
 * removing a regel) by two users, and 100 coverage checks and route reads. Target: each under 100 ms.
 */
import { buildApp } from '../src/server/http/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/http/auth-hooks.js';
import type { Database } from '../src/server/db/database.js';
import type { LeerrouteDetail } from '../src/shared/leerroute-api.js';
import { createNationalRoute, planMany, someDoelen } from '../test/support/leerroute-national.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 50))}, p95 ${ms(percentile(s, 95))}, max ${ms(s.at(-1)!)} (${s.length} keer)`;
};

export async function benchLeerroute(db: Database): Promise<void> {
  const nr = await createNationalRoute(db.db, 'bench');
  const built = await planMany(db.db, nr, 300);
  let route = built.route;
  const app = await buildApp({ db: db.db });
  try {
    const users = [
      { cookie: `${SESSION_COOKIE}=${nr.vmboToken}`, [CSRF_HEADER]: nr.vmboAuth.csrfToken },
      { cookie: `${SESSION_COOKIE}=${nr.mboToken}`, [CSRF_HEADER]: nr.mboAuth.csrfToken },
    ];
    const call = async (i: number, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const t = performance.now();
      const res = await app.inject({ method, url, headers: users[i % 2], ...(payload ? { payload } : {}) });
      const took = performance.now() - t;
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return { took, body: res.json() as unknown };
    };
    const base = `/api/leerroutes/${route.id}`;
    const actions: number[] = [];
    // 50 moves of planned regels to the next period of their year.
    for (let i = 0; i < 50; i++) {
      const regel = route.planning[(i * 7) % route.planning.length]!;
      const jaar = route.tijdpad.find((j) => j.leerjaar === regel.leerjaar)!;
      const r = await call(i, 'PATCH', `${base}/planning/${regel.id}`, { versie: regel.versie, leerjaar: regel.leerjaar, periode: (regel.periode % jaar.perioden) + 1 });
      actions.push(r.took);
      route = r.body as LeerrouteDetail;
    }
    // 25 times: plan one more doel, then take it out again (the route stays at 300 planned doelen).
    const extra = someDoelen(nr.route, 325).slice(300);
    for (let i = 0; i < 25; i++) {
      const doel = extra[i % extra.length]!;
      const added = await call(i, 'POST', `${base}/planning`, { items: [doel.id], leerjaar: route.tijdpad.at(-1)!.leerjaar, periode: 1 });
      route = added.body as LeerrouteDetail;
      const regel = route.planning.find((p) => p.items[0] === doel.id)!;
      const removed = await call(i + 1, 'DELETE', `${base}/planning/${regel.id}?versie=${regel.versie}`);
      route = removed.body as LeerrouteDetail;
      actions.push(added.took, removed.took);
    }
    const coverage: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < 100; i++) {
      coverage.push((await call(i, 'GET', `${base}/dekking`)).took);
      reads.push((await call(i, 'GET', base)).took);
    }
    const bytes = JSON.stringify(route).length;
    console.log(
      `Leerroute ${route.doelen.length} doelen, ${route.planning.length} gepland (${route.tijdpad.length} leerjaren): opbouw via de use cases ${summary(built.ms)}; ` +
        `planningsacties over HTTP (verplaatsen, toevoegen, weghalen; antwoord = hele route, ${(bytes / 1024).toFixed(0)} kB) ${summary(actions)}; ` +
        `dekkingscontrole ${summary(coverage)}; hele route lezen ${summary(reads)}`,
    );
  } finally {
    await app.close();
  }
}
