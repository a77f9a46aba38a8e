/**
 * Server-side paging of the long catalogue lists (issue 12: the 1,037 kwalificaties took 3.7 s to show):
 * ?pagina=&perPagina= on /api/mbo/kwalificaties, /api/mbo/keuzedelen, /api/vmbo/keuzevakken and /api/vmbo/profielmodulen.
 * The body is the asked page, the header X-Total-Count the number of all matching items; the pages together are the
 * whole list in the same order; without paging parameters the whole list as before. Bad paging input gets a Dutch
 * 400 problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PER_PAGINA, STANDAARD_PER_PAGINA } from '../../src/shared/catalog-api.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { hasMboData, hasSloData } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`catalogue lists paged on the server, national data (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    const total = res.headers['x-total-count'];
    return { status: res.statusCode, type: String(res.headers['content-type']), total: total === undefined ? null : Number(total), body: res.json() as unknown };
  };
  const keys = (body: unknown, key: string) => (body as Array<Record<string, unknown>>).map((r) => r[key]);

  it('pages the 1,037 kwalificaties: 50 a page by default, the total in X-Total-Count, pages together are the whole list', async () => {
    const all = await get('/api/mbo/kwalificaties');
    expect(all.status).toBe(200);
    const crebos = keys(all.body, 'crebo');
    expect(crebos.length).toBe(1037);
    expect(all.total).toBe(1037);

    const first = await get('/api/mbo/kwalificaties?pagina=1');
    expect(first.total).toBe(1037);
    expect(keys(first.body, 'crebo')).toEqual(crebos.slice(0, STANDAARD_PER_PAGINA));

    const joined: unknown[] = [];
    for (let p = 1; p <= Math.ceil(1037 / MAX_PER_PAGINA); p++) {
      const page = await get(`/api/mbo/kwalificaties?pagina=${p}&perPagina=${MAX_PER_PAGINA}`);
      expect(page.total).toBe(1037);
      joined.push(...keys(page.body, 'crebo'));
    }
    expect(joined).toEqual(crebos);
    expect((await get('/api/mbo/kwalificaties?pagina=6&perPagina=200')).body).toHaveLength(37);

    // Past the end: an empty page that still tells how many there are.
    const past = await get('/api/mbo/kwalificaties?pagina=99');
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
    expect(past.total).toBe(1037);
  });

  it('pages after filtering: the total is that of the filtered list', async () => {
    const niveau4 = await get('/api/mbo/kwalificaties?niveau=4');
    const n = (niveau4.body as unknown[]).length;
    expect(n).toBeGreaterThan(STANDAARD_PER_PAGINA);
    const page2 = await get('/api/mbo/kwalificaties?niveau=4&pagina=2&perPagina=20');
    expect(page2.total).toBe(n);
    expect(keys(page2.body, 'crebo')).toEqual(keys(niveau4.body, 'crebo').slice(20, 40));
  });

  it('pages the keuzedelen, keuzevakken and profielmodulen the same way', async () => {
    for (const url of ['/api/mbo/keuzedelen', '/api/vmbo/keuzevakken', '/api/vmbo/profielmodulen']) {
      const all = await get(url);
      const key = url.includes('keuzedelen') ? 'code' : 'id';
      const list = keys(all.body, key);
      expect(all.total, url).toBe(list.length);
      const perPagina = Math.max(1, Math.ceil(list.length / 3));
      const joined: unknown[] = [];
      for (let p = 1; p <= 3; p++) {
        const page = await get(`${url}?pagina=${p}&perPagina=${perPagina}`);
        expect(page.total, url).toBe(list.length);
        joined.push(...keys(page.body, key));
      }
      expect(joined, url).toEqual(list);
    }
  });

  it.each([
    ['pagina=0', 'querystring.pagina', 'de eerste pagina is 1'],
    ['pagina=-3', 'querystring.pagina', 'de eerste pagina is 1'],
    ['pagina=1.5', 'querystring.pagina', 'een paginanummer is een heel getal'],
    ['pagina=twee', 'querystring.pagina', 'een paginanummer is een getal'],
    ['perPagina=0', 'querystring.perPagina', 'minstens 1 per pagina'],
    [`perPagina=${MAX_PER_PAGINA + 1}`, 'querystring.perPagina', `hooguit ${MAX_PER_PAGINA} per pagina`],
  ])('refuses %s with a Dutch 400 problem+json, on every paged list', async (qs, path, message) => {
    for (const url of ['/api/mbo/kwalificaties', '/api/mbo/keuzedelen', '/api/vmbo/keuzevakken', '/api/vmbo/profielmodulen']) {
      const res = await get(`${url}?${qs}`);
      expect(res.status, url).toBe(400);
      expect(res.type).toMatch(/application\/problem\+json/);
      const problem = res.body as { code: string; errors?: Array<{ path: string; message: string }> };
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors).toContainEqual({ path, message });
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
