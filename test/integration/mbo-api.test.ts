import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, SearchResult } from '../../src/shared/catalog-api.js';
import { DossierDetail, KeuzedeelDetail, KeuzedeelSummary, KwalificatieDetail, KwalificatieSummary, OpleidingsdomeinSummary } from '../../src/shared/mbo-api.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { hasMboData, hasSloData, SKIP_NO_SLO } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`mbo catalogue API on the national data (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() as unknown, text: res.body };
  };

  it('counts both sides in the catalogue status', async () => {
    const { body } = await get('/api/catalog/status');
    const status = body as { mbo: { counts: Record<string, number>; current: unknown[] } };
    expect(status.mbo.counts.kwalificaties).toBe(1037);
    expect(status.mbo.counts.keuzedelen).toBe(92);
    expect(status.mbo.counts.kerntaken).toBeGreaterThan(400);
    expect(status.mbo.current.length).toBeGreaterThanOrEqual(5);
  });

  it('browses opleidingsdomein → dossier → kwalificatie', async () => {
    const domeinen = OpleidingsdomeinSummary.array().parse((await get('/api/mbo/opleidingsdomeinen')).body);
    const zorg = domeinen.find((d) => d.naam === 'Zorg en welzijn')!;
    expect(zorg.aantalDossiers).toBeGreaterThan(3);
    const dossiers = (await get(`/api/mbo/dossiers?domein=${zorg.slug}`)).body as Array<{ crebo: string; titel: string }>;
    expect(dossiers.map((d) => d.titel)).toContain('Pedagogisch werk');
    const pw = DossierDetail.parse((await get(`/api/mbo/dossiers/${dossiers.find((d) => d.titel === 'Pedagogisch werk')!.crebo}`)).body);
    expect(pw.kwalificaties.map((k) => k.naam)).toContain('Pedagogisch medewerker kinderopvang');
    // The SBB XML gives the validity of its dossiers; the tables do not (null, not invented).
    const all = DossierDetail.omit({ kwalificaties: true, bronnen: true }).array().parse((await get('/api/mbo/dossiers')).body);
    expect(all.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.geldigheid.geldigVanaf ?? ''))).toBe(true);
    expect(pw.geldigheid.geldigVanaf).toBeNull();
  });

  it('shows a kwalificatie with kerntaken and werkprocessen from the SBB dossier, its versions and keuzedelen', async () => {
    const pw = KwalificatieSummary.array().parse((await get('/api/mbo/kwalificaties?q=pedagogisch%20medewerker%20kinderopvang')).body);
    expect(pw.length).toBeGreaterThan(0);
    // Find a crebo that the SBB XML covers: its werkprocessen carry an omschrijving.
    let withXml: KwalificatieDetail | undefined;
    for (const k of pw) {
      const d = KwalificatieDetail.parse((await get(`/api/mbo/kwalificaties/${k.crebo}`)).body);
      if (d.kerntaken.some((kt) => kt.werkprocessen.some((w) => w.omschrijving))) withXml = d;
    }
    expect(withXml, 'a kinderopvang crebo with SBB XML content').toBeDefined();
    expect(withXml!.kerntaken.map((kt) => kt.code)).toContain('B1-K1');
    expect(withXml!.bronnen.some((b) => /SBB/.test(b.source))).toBe(true);
    expect(withXml!.versies.filter((v) => v.isDeze)).toHaveLength(1);
  });

  it('says what is missing instead of inventing it', async () => {
    const list = KwalificatieSummary.array().parse((await get('/api/mbo/kwalificaties')).body);
    expect(list).toHaveLength(1037);
    const bare = list.find((k) => !k.heeftKerntaken)!;
    const d = KwalificatieDetail.parse((await get(`/api/mbo/kwalificaties/${bare.crebo}`)).body);
    expect(d.kerntaken).toEqual([]);
    expect(d.ontbreekt.join(' ')).toMatch(/kerntaken en werkprocessen/);
    const kd = KeuzedeelSummary.array().parse((await get('/api/mbo/keuzedelen')).body).find((k) => k.sbu === null)!;
    const detail = KeuzedeelDetail.parse((await get(`/api/mbo/keuzedelen/${kd.code}`)).body);
    expect(detail.sbu).toBeNull();
    expect(detail.ontbreekt.join(' ')).toMatch(/SBU/);
  });

  it('groups successive crebos of one kwalificatie as a lineage', async () => {
    const d = KwalificatieDetail.parse((await get('/api/mbo/kwalificaties/25014')).body); // Uitvoerder, three crebos
    expect(d.versies.map((v) => v.crebo)).toEqual(['25947', '25773', '25014']);
  });

  it('filters keuzedelen on SBU and on the kwalificatie they are offered with', async () => {
    const k480 = KeuzedeelSummary.array().parse((await get('/api/mbo/keuzedelen?sbu=480')).body);
    expect(k480.length).toBe(4);
    expect(k480.every((k) => k.sbu === 480)).toBe(true);
    const offered = KeuzedeelSummary.array().parse((await get('/api/mbo/keuzedelen?kwalificatie=23366')).body);
    expect(offered.length).toBeGreaterThan(0);
  });

  it('searches both sides and says which side a hit belongs to', async () => {
    const r = SearchResult.parse((await get('/api/search?q=kinderopvang&limit=50')).body);
    expect(r.hits.some((h) => h.side === 'mbo' && h.kind === 'kwalificatie')).toBe(true);
    const mboOnly = SearchResult.parse((await get('/api/search?q=verzorgen&side=mbo')).body);
    expect(mboOnly.hits.every((h) => h.side === 'mbo')).toBe(true);
    const byCrebo = SearchResult.parse((await get('/api/search?q=25486')).body);
    expect(byCrebo.hits[0]).toMatchObject({ code: '25486', kind: 'kwalificatie', url: '/mbo/kwalificaties/25486' });
  });

  it('answers unknown crebos and codes with 404 and malformed ones with 400', async () => {
    expect((await get('/api/mbo/kwalificaties/99999')).status).toBe(404);
    expect((await get('/api/mbo/keuzedelen/K9999')).status).toBe(404);
    const bad = await get('/api/mbo/kwalificaties/abc');
    expect(bad.status).toBe(400);
    expect(Problem.parse(bad.body).code).toBe('validation_failed');
    expect((await get('/api/mbo/keuzedelen?sbu=-1')).status).toBe(400);
  });

  it('offers a CSV template per table', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/mbo/sjablonen/kwalificaties.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.trim()).toBe('crebo,naam,niveau,soort,leerwegen,opleidingsdomein,dossier_crebo,dossier_naam,sectorkamer');
    expect((await get('/api/mbo/sjablonen/onbekend.csv')).status).toBe(404);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
if (!hasSloData || !hasMboData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
