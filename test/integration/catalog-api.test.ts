import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeuzevakDetail, KeuzevakSummary, Problem, ProfielDetail, SearchResult } from '../../src/shared/catalog-api.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { hasSloData, SKIP_NO_SLO } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';

const marked = (parts: Array<{ text: string; mark: boolean }>) => parts.filter((p) => p.mark).map((p) => p.text.toLowerCase());

describe.skipIf(!databaseAvailable || !hasSloData)(`catalogue API on the national data (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() as unknown };
  };

  it('reports the catalogue status with release and counts', async () => {
    const { status, body } = await get('/api/catalog/status');
    expect(status).toBe(200);
    expect(body).toMatchObject({ isDemo: false, vmbo: { current: { release: '2025-11' }, counts: { profielen: 10, profielmodulen: 40, keuzevakken: 155, deeltaken: 677, eindtermen: 3473 } } });
  });

  it('lists the ten profielen with their usual abbreviations', async () => {
    const { body } = await get('/api/vmbo/profielen');
    const list = body as Array<{ code: string; afkorting: string; aantalKeuzevakken: number }>;
    expect(list.map((p) => p.afkorting).sort()).toEqual(['BWI', 'D&P', 'E&O', 'Groen', 'HBR', 'M&T', 'MVI', 'MaT', 'PIE', 'Z&W']);
    expect(list.find((p) => p.code === 'EO')!.aantalKeuzevakken).toBe(11);
    // With a leerweg, the counts are those of that leerweg.
    const bb = (await get('/api/vmbo/profielen?leerweg=BB')).body as Array<{ code: string; aantalKeuzevakken: number }>;
    expect(bb.find((p) => p.code === 'EO')!.aantalKeuzevakken).toBeLessThan(11);
  });

  it('shows a profiel with kern, profielmodulen and keuzevakken', async () => {
    const { status, body } = await get('/api/vmbo/profielen/PIE');
    expect(status).toBe(200);
    const p = ProfielDetail.parse(body);
    expect(p.profielmodulen).toHaveLength(4);
    expect(p.keuzevakken.length).toBe(26);
    expect(p.kern?.kerndelen.length).toBeGreaterThan(0);
    expect(p.provenance.release).toBe('2025-11');
  });

  it('filters keuzevakken by profiel, leerweg and text', async () => {
    const all = (await get('/api/vmbo/keuzevakken')).body as KeuzevakSummary[];
    expect(all).toHaveLength(155);
    const pie = (await get('/api/vmbo/keuzevakken?profiel=pie')).body as KeuzevakSummary[];
    expect(pie.every((k) => k.profiel.code === 'PIE')).toBe(true);
    expect(pie).toHaveLength(26);
    const eoBb = (await get('/api/vmbo/keuzevakken?profiel=EO&leerweg=bb')).body as KeuzevakSummary[];
    expect(eoBb.every((k) => k.leerwegen.includes('BB'))).toBe(true);
    expect(eoBb.length).toBeLessThan(11);
    const lassen = (await get('/api/vmbo/keuzevakken?q=lassen')).body as KeuzevakSummary[];
    expect(lassen.map((k) => k.code)).toEqual(expect.arrayContaining(['K/PIE/08']));
  });

  it('shows a keuzevak with its deeltaken and eindtermen under a stable URL code', async () => {
    const { status, body } = await get('/api/vmbo/keuzevakken/K-PIE-16');
    expect(status).toBe(200);
    const k = KeuzevakDetail.parse(body);
    expect(k.code).toBe('K/PIE/16');
    expect(k.title).toBe('Koudetechniek');
    expect(k.deeltaken.map((d) => d.code)).toEqual(['K/PIE/16/01', 'K/PIE/16/02', 'K/PIE/16/03', 'K/PIE/16/04']);
    expect(k.deeltaken.every((d) => d.eindtermen.length > 0)).toBe(true);
    expect(k.provenance).toMatchObject({ source: 'SLO examenprogramma beroepsgericht', release: '2025-11' });
    expect(k.versies).toEqual([]);
  });

  it('filters the eindtermen of a keuzevak by leerweg', async () => {
    const all = KeuzevakDetail.parse((await get('/api/vmbo/keuzevakken/K-EO-09')).body);
    const gl = KeuzevakDetail.parse((await get('/api/vmbo/keuzevakken/K-EO-09?leerweg=GL')).body);
    expect(gl.leerwegFilter).toBe('GL');
    for (const d of gl.deeltaken) for (const e of d.eindtermen) expect(e.leerwegen).toContain('GL');
    expect(gl.aantalEindtermen).toBeLessThanOrEqual(all.aantalEindtermen);
  });

  it('shows one keuzevak per duplicated SLO code and offers the other version', async () => {
    const shown = KeuzevakDetail.parse((await get('/api/vmbo/keuzevakken/K-EO-11')).body);
    expect(shown.versies).toHaveLength(2);
    expect(shown.versies[0]).toMatchObject({ id: shown.id, isGetoond: true });
    const other = shown.versies[1]!;
    const second = KeuzevakDetail.parse((await get(`/api/vmbo/keuzevakken/K-EO-11?versie=${other.id}`)).body);
    expect(second.id).toBe(other.id);
    expect(second.deeltaken.length).toBeGreaterThan(0);
  });

  it('answers unknown codes with 404 problem+json', async () => {
    const { status, type, body } = await get('/api/vmbo/keuzevakken/K-PIE-99');
    expect(status).toBe(404);
    expect(type).toContain('application/problem+json');
    expect(Problem.parse(body)).toMatchObject({ status: 404, code: 'not_found' });
    expect((await get('/api/vmbo/profielen/XYZ')).status).toBe(404);
    expect((await get('/api/vmbo/profielmodulen/P-PIE-99')).status).toBe(404);
    expect((await get('/api/bestaat-niet')).status).toBe(404);
  });

  it('answers invalid parameters with 400 problem+json naming the parameter', async () => {
    for (const url of ['/api/vmbo/keuzevakken?leerweg=XX', '/api/search?q=', '/api/search?q=lassen&limit=1000', '/api/vmbo/keuzevakken/K-PIE-16?versie=geen-uuid', '/api/search?q=x&kind=onzin']) {
      const { status, type, body } = await get(url);
      expect(status, url).toBe(400);
      expect(type).toContain('application/problem+json');
      const problem = Problem.parse(body);
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
  });

  it('searches in Dutch: stemming, case and accents, ranked, with highlights', async () => {
    const lassen = SearchResult.parse((await get('/api/search?q=Lassen')).body);
    expect(lassen.total).toBeGreaterThan(5);
    expect(lassen.hits.slice(0, 5).some((h) => h.kind === 'keuzevak' && /las/i.test(h.title))).toBe(true);
    const allMarks = lassen.hits.flatMap((h) => [...marked(h.titleHighlight), ...marked(h.snippet)]);
    expect(allMarks.length).toBeGreaterThan(0);
    expect(allMarks.every((m) => m.includes('lass'))).toBe(true);

    // Compounds: "booglassen" is found for "lassen".
    expect(lassen.hits.some((h) => /booglassen/i.test(h.title + h.snippet.map((p) => p.text).join('')))).toBe(true);

    const klant = SearchResult.parse((await get('/api/search?q=klantgericht')).body);
    expect(klant.total).toBeGreaterThan(0);
    expect(klant.strategy).toBe('woorden');
    // "kinderopvang" does not occur in the SLO texts: the search says so and looks for its parts.
    const kinderopvang = SearchResult.parse((await get('/api/search?q=KINDEROPVANG&side=vmbo')).body);
    expect(kinderopvang.total).toBeGreaterThan(0);
    expect(kinderopvang.strategy).toBe('delen');
    expect(kinderopvang.note).toMatch(/kinderopvang/i);
    expect(kinderopvang.hits[0]!.url).toMatch(/^\/vmbo\//);
    // Accent folding: "coördineren" and "coordineren" find the same.
    const a = SearchResult.parse((await get('/api/search?q=co%C3%B6rdineren')).body);
    const b = SearchResult.parse((await get('/api/search?q=coordineren')).body);
    expect(a.total).toBe(b.total);
  });

  it('finds an item by its code first and links to its page', async () => {
    const r = SearchResult.parse((await get('/api/search?q=K/PIE/16')).body);
    expect(r.hits[0]).toMatchObject({ code: 'K/PIE/16', kind: 'keuzevak', url: '/vmbo/keuzevakken/K-PIE-16' });
    const e = SearchResult.parse((await get('/api/search?q=lassen&kind=eindterm')).body);
    expect(e.total).toBeGreaterThan(0);
    expect(e.hits.every((h) => h.kind === 'eindterm')).toBe(true);
    expect(e.hits[0]?.url).toMatch(/#/);
  });

  it('falls back to word beginnings for incomplete words', async () => {
    const r = SearchResult.parse((await get('/api/search?q=booglasp')).body);
    expect(r.total).toBeGreaterThan(0);
    expect(r.strategy).toBe('begin');
  });

  it('publishes an OpenAPI document generated from the schemas, browsable at /api/docs', async () => {
    const doc = (await get('/api/docs/json')).body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/vmbo/keuzevakken/{slug}', '/api/search', '/api/vmbo/profielen']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('answers a missing asset with 404 instead of the app page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/bestaat-niet-123.js' });
    expect(res.statusCode).toBe(404);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe.skipIf(!databaseAvailable)(`demo catalogue (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'demo' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says it is demo data and how to load the national data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/status' });
    const body = res.json();
    expect(body.isDemo).toBe(true);
    expect(body.importInstructions).toMatch(/npm run import -- slo/);
    expect(body.vmbo.counts.keuzevakken).toBeGreaterThanOrEqual(6);
  });

  it('serves demo keuzevakken with real codes and searches them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vmbo/keuzevakken/K-PIE-16' });
    expect(res.statusCode).toBe(200);
    expect(res.json().provenance.source).toMatch(/demodata/);
    const s = await t.app.inject({ method: 'GET', url: '/api/search?q=kinderopvang' });
    expect(s.json().total).toBeGreaterThan(0);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
if (!hasSloData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
