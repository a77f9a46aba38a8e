/**
 * The national catalogue as CASE 1.1 (issue 18), tested as a CASE consumer would on the demo catalogue: the document
 * list, a package per kind of framework (vmbo profiel, mbo dossier, keuzedelen), an item and its associations, an
 * association; every answer validates against ../shared/standards/case-v1p1-package.schema.json (a package as a whole,
 * single objects against its $defs with the binding's extra link checked apart); unknown ids give the binding's 404
 * imsx_StatusInfo; the identifiers are the crosswalk export's, so a crosswalk's associations resolve here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIdentifier } from '../../src/domain/crosswalk/case-framework.js';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { caseDefErrors, caseErrors, hasCaseSchema } from '../support/case-schema.js';

const BASE = '/ims/case/v1p1';
type Doc = Record<string, unknown> & { identifier: string; title: string; frameworkType: string; CFPackageURI: { identifier: string; uri: string; title: string } };

/** A single answer: the binding's link field checked as a LinkURI, the rest against the package schema's definition. */
function singleErrors(def: 'document' | 'item' | 'association', value: Record<string, unknown>, link: 'CFPackageURI' | 'CFDocumentURI'): string[] {
  const { [link]: uri, ...rest } = value;
  return [...caseDefErrors(def, rest), ...(uri === undefined ? [`${link} missing`] : caseDefErrors('linkUri', uri))];
}

describe.skipIf(!databaseAvailable || !hasCaseSchema)(`CASE 1.1 provider on the demo catalogue (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'demo' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, headers: res.headers, body: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : null };
  };
  const documents = async () => ((await get(`${BASE}/CFDocuments`)).body!.CFDocuments as Doc[]);

  it('lists the frameworks: one per profiel, per kwalificatiedossier, and the keuzedelen; each document validates', async () => {
    const res = await get(`${BASE}/CFDocuments`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/json');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const docs = res.body!.CFDocuments as Doc[];
    expect(new Set(docs.map((d) => d.frameworkType))).toEqual(new Set(['Examenprogramma', 'Kwalificatiedossier', 'Keuzedelen']));
    for (const d of docs) {
      expect(singleErrors('document', d, 'CFPackageURI')).toEqual([]);
      expect(d.caseVersion).toBe('1.1');
      expect(d.CFPackageURI.uri).toMatch(new RegExp(`${BASE}/CFPackages/${d.identifier}$`));
    }
    const one = await get(`${BASE}/CFDocuments/${docs[0]!.identifier}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(docs[0]);
  });

  it('serves a vmbo profiel package: valid, profielmodulen and keuzevakken with deeltaken and eindtermen, official codes, isChildOf, SLO as source', async () => {
    const doc = (await documents()).find((d) => d.frameworkType === 'Examenprogramma' && d.title.includes('(PIE,'))!;
    expect(doc).toBeDefined();
    const res = await get(`${BASE}/CFPackages/${doc.identifier}`);
    expect(res.status).toBe(200);
    expect(caseErrors(res.body)).toEqual([]);
    const pkg = res.body as unknown as CfPackage;
    expect(pkg.CFDocument).toMatchObject({ publisher: 'SLO', caseVersion: '1.1' });
    expect(pkg.CFDocument.notes).toMatch(/Bron: SLO/);
    const types = new Set(pkg.CFItems.map((i) => i.CFItemType));
    for (const type of ['Keuzevak', 'Deeltaak', 'Eindterm']) expect(types).toContain(type);
    const keuzevak = pkg.CFItems.find((i) => i.humanCodingScheme === 'K/PIE/16')!;
    expect(keuzevak.identifier).toBe(itemIdentifier('keuzevak:K/PIE/16'));
    // Every item hangs in the tree exactly once; every association's ends are in the package (or its document).
    const ids = new Set([pkg.CFDocument.identifier, ...pkg.CFItems.map((i) => i.identifier)]);
    const childOf = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
    expect(childOf.length).toBe(pkg.CFItems.length);
    for (const a of pkg.CFAssociations) {
      expect(ids.has(a.originNodeURI.identifier)).toBe(true);
      expect(ids.has(a.destinationNodeURI.identifier)).toBe(true);
    }
    const eindterm = pkg.CFItems.find((i) => i.CFItemType === 'Eindterm')!;
    expect(eindterm.educationLevel?.length).toBeGreaterThan(0);
  });

  it('serves an mbo dossier package and the keuzedelen package, both valid, with SBB as source', async () => {
    const docs = await documents();
    for (const type of ['Kwalificatiedossier', 'Keuzedelen']) {
      const doc = docs.find((d) => d.frameworkType === type)!;
      const res = await get(`${BASE}/CFPackages/${doc.identifier}`);
      expect(res.status).toBe(200);
      expect(caseErrors(res.body)).toEqual([]);
      const pkg = res.body as unknown as CfPackage;
      expect(pkg.CFDocument.publisher).toBe('SBB');
      expect(pkg.CFItems.length).toBeGreaterThan(0);
    }
    const kwalificatie = await get(`${BASE}/CFItems/${itemIdentifier('kwalificatie:25282')}`);
    const dossier = kwalificatie.body!.CFDocumentURI as { identifier: string };
    const pkg = (await get(`${BASE}/CFPackages/${dossier.identifier}`)).body as unknown as CfPackage;
    expect(new Set(pkg.CFItems.map((i) => i.CFItemType))).toEqual(new Set(['Kwalificatie', 'Kerntaak', 'Werkproces']));
  });

  it('serves an item, its associations and an association, each valid; the crosswalk identifiers resolve', async () => {
    const id = itemIdentifier('keuzevak:K/PIE/16');
    const item = await get(`${BASE}/CFItems/${id}`);
    expect(item.status).toBe(200);
    expect(singleErrors('item', item.body!, 'CFDocumentURI')).toEqual([]);
    expect(item.body).toMatchObject({ identifier: id, humanCodingScheme: 'K/PIE/16', CFItemType: 'Keuzevak' });

    const set = await get(`${BASE}/CFItemAssociations/${id}`);
    expect(set.status).toBe(200);
    expect(singleErrors('item', set.body!.CFItem as Record<string, unknown>, 'CFDocumentURI')).toEqual([]);
    const assocs = set.body!.CFAssociations as Array<Record<string, unknown> & { identifier: string; associationType: string }>;
    expect(assocs.length).toBeGreaterThan(1);
    for (const a of assocs) expect(singleErrors('association', a, 'CFDocumentURI')).toEqual([]);

    const one = await get(`${BASE}/CFAssociations/${assocs[0]!.identifier}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(assocs[0]);

    const werkproces = await get(`${BASE}/CFItems/${itemIdentifier('25282:B1-K1-W1')}`);
    expect(werkproces.status).toBe(200);
    expect(werkproces.body).toMatchObject({ CFItemType: 'Werkproces', humanCodingScheme: 'B1-K1-W1' });
    const keuzedeel = await get(`${BASE}/CFItems/${itemIdentifier('keuzedeel:K0072')}`);
    expect(keuzedeel.status).toBe(200);
  });

  it('answers unknown identifiers with the binding\'s 404 status payload, for every operation', async () => {
    for (const op of ['CFDocuments', 'CFPackages', 'CFItems', 'CFAssociations', 'CFItemAssociations']) {
      const res = await get(`${BASE}/${op}/00000000-0000-4000-8000-000000000000`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        imsx_codeMajor: 'failure',
        imsx_severity: 'error',
        imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'unknownobject' }] },
      });
      expect(typeof res.body!.imsx_description).toBe('string');
    }
  });

  it('answers 304 to a matching If-None-Match, keeps the security headers, and is not swallowed by the front end', async () => {
    const first = await get(`${BASE}/CFDocuments`);
    const again = await t.app.inject({ method: 'GET', url: `${BASE}/CFDocuments`, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const unknown = await t.app.inject({ method: 'GET', url: `${BASE}/CFRubrics/x` });
    expect(unknown.statusCode).toBe(404);
    expect(String(unknown.headers['content-type'])).not.toContain('text/html');
  });

  it('sends the "Als CASE" link of a catalogue page to its package or item', async () => {
    const profiel = await t.app.inject({ method: 'GET', url: `${BASE}/als?soort=profiel&code=PIE` });
    expect(profiel.statusCode).toBe(302);
    expect(profiel.headers.location).toMatch(new RegExp(`^${BASE}/CFPackages/[0-9a-f-]{36}$`));
    const keuzevak = await t.app.inject({ method: 'GET', url: `${BASE}/als?soort=keuzevak&code=${encodeURIComponent('K/PIE/16')}` });
    expect(keuzevak.headers.location).toBe(`${BASE}/CFItems/${itemIdentifier('keuzevak:K/PIE/16')}`);
    const missing = await t.app.inject({ method: 'GET', url: `${BASE}/als?soort=keuzedeel&code=K9999` });
    expect(missing.statusCode).toBe(404);
  });
});
