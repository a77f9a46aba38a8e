/**
 * The national catalogue (SLO and SBB data from ../shared) as CASE 1.1 frameworks (issue 18): a full vmbo profiel
 * package and an mbo dossier package validate against the binding's schema with formats, identifiers resolve, and
 * every package served validates (a CASE tool crawling all frameworks is not shed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIdentifier } from '../../src/domain/crosswalk/case-framework.js';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { hasMboData, hasSloData } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { caseErrors, hasCaseSchema } from '../support/case-schema.js';
import { caseFrameworksOf } from '../../src/server/read-models/case-frameworks.js';

const BASE = '/ims/case/v1p1';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData || !hasCaseSchema)(`CASE 1.1 frameworks of the national catalogue (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) as Record<string, unknown>, size: res.body.length };
  };

  it('publishes a document per profiel (ten), per kwalificatiedossier, and the keuzedelen', async () => {
    const docs = (await get(`${BASE}/CFDocuments`)).body.CFDocuments as Array<{ frameworkType: string }>;
    expect(docs.filter((d) => d.frameworkType === 'Examenprogramma')).toHaveLength(10);
    expect(docs.filter((d) => d.frameworkType === 'Kwalificatiedossier').length).toBeGreaterThan(100);
    expect(docs.filter((d) => d.frameworkType === 'Keuzedelen')).toHaveLength(1);
  });

  it('a full vmbo profiel package validates, with official codes and the crosswalk identifiers', async () => {
    const als = await t.app.inject({ method: 'GET', url: `${BASE}/als?soort=profiel&code=PIE` });
    expect(als.statusCode).toBe(302);
    const res = await get(String(als.headers.location));
    expect(res.status).toBe(200);
    expect(caseErrors(res.body)).toEqual([]);
    const pkg = res.body as unknown as CfPackage;
    expect(pkg.CFDocument.version).toBe('2025-11');
    expect(pkg.CFItems.some((i) => i.identifier === itemIdentifier('keuzevak:K/PIE/16') && i.humanCodingScheme === 'K/PIE/16')).toBe(true);
    expect(pkg.CFItems.filter((i) => i.CFItemType === 'Eindterm').length).toBeGreaterThan(100);
    for (const i of pkg.CFItems.filter((x) => x.CFItemType === 'Eindterm')) expect(i.educationLevel?.length).toBeGreaterThan(0);
  });

  it('an mbo dossier package validates: kwalificaties, kerntaken, werkprocessen', async () => {
    const als = await t.app.inject({ method: 'GET', url: `${BASE}/als?soort=kwalificatie&code=25737` });
    expect(als.statusCode).toBe(302);
    const item = await get(String(als.headers.location));
    const doc = (item.body.CFDocumentURI as { identifier: string }).identifier;
    const res = await get(`${BASE}/CFPackages/${doc}`);
    expect(caseErrors(res.body)).toEqual([]);
    const pkg = res.body as unknown as CfPackage;
    expect(new Set(pkg.CFItems.map((i) => i.CFItemType))).toEqual(new Set(['Kwalificatie', 'Kerntaak', 'Werkproces']));
    expect(pkg.CFDocument.publisher).toBe('SBB');
  });

  it('every package of the national catalogue validates', async () => {
    const docs = (await get(`${BASE}/CFDocuments`)).body.CFDocuments as Array<{ identifier: string }>;
    let replacedBy = 0;
    let bytes = 0;
    let items = 0;
    for (const d of docs) {
      const res = await get(`${BASE}/CFPackages/${d.identifier}`);
      expect(caseErrors(res.body), d.identifier).toEqual([]);
      const pkg = res.body as unknown as CfPackage;
      replacedBy += pkg.CFAssociations.filter((a) => a.associationType === 'replacedBy').length;
      bytes += res.size;
      items += pkg.CFItems.length;
    }
    // The national data of one SLO release and the current SBB tables name no successors yet; replacedBy is unit-tested.
    const built = await caseFrameworksOf(t.database.db);
    console.info(`[case-national] ${docs.length} documents, ${items} items, ${replacedBy} replacedBy, ${(bytes / 1e6).toFixed(1)} MB of packages, frameworks built in ${Math.round(built.builtInMs)} ms`);
  }, 300_000);
});
