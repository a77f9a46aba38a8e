/**
 * The assessment of the joint exam (issue 14): a session of 500 pupils × 10 criteria on a fresh embedded database
 * (the examen world: demo organisations and accounts, one keuzevak-keuzedeel route; the exam, its vastgesteld plan and
 * the registrations from test/support/beoordeling-factory.ts). Measured over HTTP in the process (app.inject: session,
 * access check, transaction with history and audit, the answer): saving one score (both assessors, alternating;
 * goal p95 < 50 ms), the list of 500 forms, vaststellen of all 500 at once, and each export of the 500 results
 * (SE grades CSV, keuzedeel results CSV and XLSX, the OOAPI associations; goal < 1 s each) and one form as PDF.
 * `smoke`: 20 pupils, a few repetitions (figures mean nothing).
 */
import { assessAll, createAssessableExam } from '../test/support/beoordeling-factory.js';
import { startExamenWorld } from '../test/support/examen-world.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1)!, n: s.length };
};
const line = (x: ReturnType<typeof stats>) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)} (${x.n} keer)`;

export interface BeoordelingBench {
  saveP95: number;
  exports: Record<string, number>;
}

export async function benchBeoordeling(opts: { smoke?: boolean } = {}): Promise<BeoordelingBench> {
  const pupils = opts.smoke ? 20 : 500;
  const w = await startExamenWorld();
  try {
    const ex = await createAssessableExam(w, { pupils, criteria: 10, linkAccounts: false });
    const timed = async (actor: Parameters<typeof w.call>[0], method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) => {
      const t = performance.now();
      const res = await w.app.inject({ method, url, headers: w.as(actor), ...(payload === undefined ? {} : { payload: payload as object }) });
      const dt = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return { dt, res };
    };
    const lijstTijd = await timed('vmbo-examinator', 'GET', `/api/examens/${ex.examenId}/beoordelingen`);
    const forms = (lijstTijd.res.json() as { formulieren: Array<{ id: string }> }).formulieren.map((f) => f.id);
    if (forms.length !== pupils) throw new Error(`expected ${pupils} forms, got ${forms.length}`);
    // Saving one score: the 1st and 2nd assessor alternately, each on their own side of a random form.
    const versie = new Map<string, { eerste: number; tweede: number }>(forms.map((id) => [id, { eerste: 1, tweede: 1 }]));
    const saves: number[] = [];
    const n = opts.smoke ? 20 : 600;
    for (let i = 0; i < n; i++) {
      const id = forms[(i * 7919) % forms.length]!;
      const kant = i % 2 === 0 ? 'eerste' : 'tweede';
      const v = versie.get(id)!;
      const { dt, res } = await timed(kant === 'eerste' ? 'vmbo-examinator' : 'mbo-beoordelaar', 'PUT', `/api/beoordelingen/${id}/kanten/${kant}`, {
        versie: v[kant],
        scores: [{ criteriumId: `c${(i % 10) + 1}`, score: (i % 9) / 2, notitie: `bench ${i}` }],
      });
      const body = res.json() as { versieEerste: number; versieTweede: number };
      versie.set(id, { eerste: body.versieEerste, tweede: body.versieTweede });
      if (i >= 20) saves.push(dt);
    }
    const save = stats(saves);
    await assessAll(w, ex.examenId);
    const vast = await timed('mbo-examencommissie', 'POST', `/api/examens/${ex.examenId}/resultaten/vaststellen`, {});
    const exports: Record<string, number> = {};
    const urls: Array<[string, Parameters<typeof w.call>[0], string]> = [
      ['SE-cijfers (CSV)', 'vmbo-examinator', `/api/examens/${ex.examenId}/resultaten/se-cijfers.csv`],
      ['keuzedeelresultaten (CSV)', 'mbo-beoordelaar', `/api/examens/${ex.examenId}/resultaten/keuzedeelresultaten.csv`],
      ['keuzedeelresultaten (XLSX)', 'mbo-beoordelaar', `/api/examens/${ex.examenId}/resultaten/keuzedeelresultaten.xlsx`],
      ['OOAPI-associations (250 per pagina, 2 pagina’s)', 'mbo-examencommissie', `/api/ooapi/v5/offerings/${ex.examenId}/associations?pageNumber=1`],
      ['één formulier (PDF)', 'mbo-examencommissie', `/api/beoordelingen/${forms[0]}/formulier.pdf`],
    ];
    for (const [naam, actor, url] of urls) {
      const runs: number[] = [];
      for (let i = 0; i < (opts.smoke ? 1 : 5); i++) {
        let dt = (await timed(actor, 'GET', url)).dt;
        if (url.includes('/offerings/')) dt += (await timed(actor, 'GET', url.replace('pageNumber=1', 'pageNumber=2'))).dt;
        runs.push(dt);
      }
      exports[naam] = Math.max(...runs);
      const s = stats(runs);
      console.log(`  ${naam}: ${line(s)}; doel < 1 s: ${s.max < 1000 ? 'gehaald' : 'NIET gehaald'}`);
    }
    console.log(
      `Beoordelen (${pupils} leerlingen × 10 criteria): een score opslaan ${line(save)} (doel p95 < 50 ms: ${save.p95 < 50 ? 'gehaald' : 'NIET gehaald'}); ` +
        `lijst van ${pupils} formulieren ${ms(lijstTijd.dt)}; ${pupils} resultaten vaststellen in één keer ${ms(vast.dt)}`,
    );
    return { saveP95: save.p95, exports };
  } finally {
    await w.close();
  }
}
