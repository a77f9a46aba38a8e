/**
 * Crosswalks that travel as CASE (issue 18), over HTTP on the demo catalogue: links confirmed in samenwerking A are
 * exported as a CASE package (valid), imported into samenwerking B as proposals (dry run first: nothing stored;
 * unknown items listed with the reason; never confirmed silently), reviewed there, and exported again: the confirmed
 * links are equal. Attributed (history 'importeren' by the importer, audit), all-or-nothing, bad packages 422, walls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { Inventaris } from '../../src/shared/inventory-api.js';
import { ImportVoorbeeld, Voorstel } from '../../src/shared/case-api.js';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { caseErrors, hasCaseSchema } from '../support/case-schema.js';
import { formatImportVoorbeeld, importCrosswalkViaCli } from '../../src/server/use-cases/case/import-cli.js';

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';
const RELATIES = ['gelijk', 'deels', 'verwant'] as const;

/** The links of a package (not its structure), comparable across samenwerkingen. */
const linksOf = (pkg: CfPackage) =>
  pkg.CFAssociations.filter((a) => a.associationType !== 'isChildOf')
    .map((a) => `${a.originNodeURI.identifier}→${a.destinationNodeURI.identifier} ${a.associationType} ${a.notes ?? ''}`)
    .sort();

describe.skipIf(!databaseAvailable || !hasCaseSchema)(`CASE import of a crosswalk (${TEST_DB})`, () => {
  let t: AccountsApp;
  let a: string;
  let b: string;
  let vmboDocent: Session;
  let anderDocent: Session;
  let leerling: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    a = (await t.database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    const ander = await createUser({ db: t.database.db, email: 'docent@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'demo-wachtwoord' });
    await createUser({ db: t.database.db, email: 'beheerder@derde.demo', naam: 'Derde', organisatie: 'Derde College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    const roc = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    b = await insertPartnership(t.database.db, 'Andere samenwerking', [ander.organisationId, roc]);
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    anderDocent = await signIn(t.app, 'docent@ander.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@derde.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, session?: Session, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: { ...(session ? asUser(session) : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, payload: payload === undefined ? undefined : JSON.stringify(payload) });
    return { status: res.statusCode, body: res.body && String(res.headers['content-type']).includes('json') ? (JSON.parse(res.body) as unknown) : undefined };
  };
  const exportCase = async (id: string, session: Session) => {
    const res = await call('GET', `/api/partnerships/${id}/crosswalk/case?${SELECTIE}`, session);
    expect(res.status).toBe(200);
    expect(caseErrors(res.body)).toEqual([]);
    return res.body as CfPackage;
  };
  const importUrl = (id: string, dryRun: boolean) => `/api/partnerships/${id}/crosswalk/import/case?dryRun=${dryRun ? 'ja' : 'nee'}&bestand=crosswalk-a.json`;

  it('exports from A, previews and imports into B as proposals, reviews there, and exports the same links again', async () => {
    // A: three suggested links confirmed with a type (one with a toelichting).
    const inv = Inventaris.parse((await call('GET', `/api/partnerships/${a}/inventaris?${SELECTIE}`, vmboDocent)).body);
    const chosen = inv.links.slice(0, 3);
    expect(chosen).toHaveLength(3);
    for (const [i, l] of chosen.entries()) {
      const res = await call('PUT', `/api/partnerships/${a}/crosswalk/koppelingen`, vmboDocent, { eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, actie: 'bevestigen', relatie: RELATIES[i], ...(i === 1 ? { toelichting: 'Alleen de meting, niet het ontwerp' } : {}) });
      expect(res.status).toBe(200);
    }
    const fromA = await exportCase(a, vmboDocent);
    expect(linksOf(fromA)).toHaveLength(3);

    // Another platform's association to an item we do not know, and one between two vmbo items.
    const et = fromA.CFItems.filter((i) => i.CFItemType === 'Eindterm');
    const pkg = structuredClone(fromA);
    pkg.CFAssociations.push(
      { ...pkg.CFAssociations.at(-1)!, identifier: '11111111-1111-4111-8111-111111111111', destinationNodeURI: { title: 'x', identifier: '22222222-2222-4222-8222-222222222222', uri: 'urn:uuid:22222222-2222-4222-8222-222222222222' } },
      { ...pkg.CFAssociations.at(-1)!, identifier: '33333333-3333-4333-8333-333333333333', originNodeURI: { title: et[0]!.fullStatement, identifier: et[0]!.identifier, uri: et[0]!.uri }, destinationNodeURI: { title: et[1]!.fullStatement, identifier: et[1]!.identifier, uri: et[1]!.uri } },
    );

    // Dry run: the preview, nothing stored.
    const dry = await call('POST', importUrl(b, true), anderDocent, pkg);
    expect(dry.status).toBe(200);
    const preview = ImportVoorbeeld.parse(dry.body);
    expect(preview).toMatchObject({ toegepast: false, ongewijzigd: 0, gewijzigd: [] });
    expect(preview.nieuw.map((l) => l.relatie).sort()).toEqual(['deels', 'gelijk', 'verwant']);
    expect(preview.nieuw.find((l) => l.relatie === 'deels')!.toelichting).toBe('Alleen de meting, niet het ontwerp');
    expect(preview.nieuw[0]!.eindterm).toMatch(/\S+ \S+/);
    expect(preview.onbekend.map((o) => o.bron).sort()).toEqual(['11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333']);
    expect(preview.onbekend.find((o) => o.bron.startsWith('1'))!.reden).toMatch(/onbekend in de catalogus/);
    expect(preview.onbekend.find((o) => o.bron.startsWith('3'))!.reden).toMatch(/Beide kanten zijn vmbo/);
    expect(preview.structuur).toBeGreaterThan(0);
    expect((await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body).toEqual([]);

    // The import: proposals, never confirmed links.
    const done = ImportVoorbeeld.parse((await call('POST', importUrl(b, false), anderDocent, pkg)).body);
    expect(done.toegepast).toBe(true);
    const open = (await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body as Voorstel[];
    expect(open).toHaveLength(3);
    expect(open.every((v) => v.bron === 'case' && v.door === 'Anna Ander' && v.bronNaam === 'crosswalk-a.json')).toBe(true);
    const crosswalkB = (await call('GET', `/api/partnerships/${b}/crosswalk`, anderDocent)).body as { links: unknown[]; geschiedenis: Array<{ actie: string; door: string }> };
    expect(crosswalkB.links).toEqual([]);
    expect(crosswalkB.geschiedenis.filter((h) => h.actie === 'importeren' && h.door === 'Anna Ander')).toHaveLength(3);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'crosswalk.importeren').execute();
    expect(audit).toHaveLength(1);

    // Importing the same again changes nothing.
    const again = ImportVoorbeeld.parse((await call('POST', importUrl(b, true), anderDocent, pkg)).body);
    expect(again).toMatchObject({ nieuw: [], gewijzigd: [], ongewijzigd: 3 });

    // Review in B: confirm each with its proposed type.
    for (const v of open) {
      const res = await call('POST', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent, { eindtermId: v.eindtermId, werkprocesId: v.werkprocesId, actie: 'bevestigen' });
      expect(res.status).toBe(200);
    }
    expect((await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body).toEqual([]);
    const fromB = await exportCase(b, anderDocent);
    expect(linksOf(fromB)).toEqual(linksOf(fromA));
    // Confirmed in B, the same package is unchanged there.
    expect(ImportVoorbeeld.parse((await call('POST', importUrl(b, true), anderDocent, fromA)).body)).toMatchObject({ nieuw: [], gewijzigd: [], ongewijzigd: 3 });
  });

  it('shows a changed type as a change, and a rejected proposal becomes a rejected link', async () => {
    const fromA = await exportCase(a, vmboDocent);
    const pkg = structuredClone(fromA);
    const link = pkg.CFAssociations.find((x) => x.associationType === 'exactMatchOf')!;
    link.associationType = 'isRelatedTo';
    link.notes = 'Doorlopend-relatie: breder. Toelichting: ruimer dan gedacht';
    const preview = ImportVoorbeeld.parse((await call('POST', importUrl(b, false), anderDocent, pkg)).body);
    expect(preview.gewijzigd).toHaveLength(1);
    expect(preview.gewijzigd[0]).toMatchObject({ relatie: 'breder', toelichting: 'ruimer dan gedacht', was: { status: 'bevestigd', relatie: 'gelijk' } });
    const [v] = (await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body as Voorstel[];
    expect((await call('POST', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent, { eindtermId: v!.eindtermId, werkprocesId: v!.werkprocesId, actie: 'afwijzen' })).status).toBe(200);
    const cw = (await call('GET', `/api/partnerships/${b}/crosswalk`, anderDocent)).body as { links: Array<{ eindtermId: string; werkprocesId: string; status: string }> };
    expect(cw.links.find((l) => l.eindtermId === v!.eindtermId && l.werkprocesId === v!.werkprocesId)!.status).toBe('afgewezen');
    expect((await call('POST', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent, { eindtermId: v!.eindtermId, werkprocesId: v!.werkprocesId, actie: 'afwijzen' })).status).toBe(404);
  });

  it('imports from the command line for a named member (dry run writes nothing; a non-member is refused)', async () => {
    const pkg = await exportCase(a, vmboDocent);
    const file = Buffer.from(JSON.stringify(pkg));
    const before = ((await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body as unknown[]).length;
    const v = await importCrosswalkViaCli({ db: t.database.db, partnershipId: b, email: 'docent@ander.demo', file, bestandsnaam: 'a.json', dryRun: true });
    expect(v.toegepast).toBe(false);
    expect(formatImportVoorbeeld(v)).toMatch(/Er is niets opgeslagen\.$/);
    expect(((await call('GET', `/api/partnerships/${b}/crosswalk/voorstellen`, anderDocent)).body as unknown[]).length).toBe(before);
    await expect(importCrosswalkViaCli({ db: t.database.db, partnershipId: b, email: 'docent@vmbo.demo', file, bestandsnaam: 'a.json', dryRun: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(importCrosswalkViaCli({ db: t.database.db, partnershipId: b, email: 'niemand@x.demo', file, bestandsnaam: 'a.json', dryRun: true })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(importCrosswalkViaCli({ db: t.database.db, partnershipId: b, email: 'docent@ander.demo', file: Buffer.from('{kapot'), bestandsnaam: 'a.json', dryRun: true })).rejects.toMatchObject({ code: 'import_invalid' });
  });

  it('refuses what is not a CASE package (422, nothing stored), and keeps the walls', async () => {
    for (const body of [[1, 2], { CFAssociations: 'geen lijst' }, { CFAssociations: [{ associationType: 'exactMatchOf' }] }]) {
      const res = await call('POST', importUrl(b, false), anderDocent, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    // The authorization matrix of these routes (authz-matrix.test.ts delegates them here): every actor, every route.
    const pkg = await exportCase(a, vmboDocent);
    const proposal = { eindtermId: 'x', werkprocesId: 'y', actie: 'afwijzen' };
    const routes: Array<[string, () => string, unknown]> = [
      ['POST /api/partnerships/:id/crosswalk/import/case', () => importUrl(a, true), pkg],
      ['GET /api/partnerships/:id/crosswalk/voorstellen', () => `/api/partnerships/${a}/crosswalk/voorstellen`, undefined],
      ['POST /api/partnerships/:id/crosswalk/voorstellen', () => `/api/partnerships/${a}/crosswalk/voorstellen`, proposal],
      ['GET /api/partnerships/:id/crosswalk/xlsx', () => `/api/partnerships/${a}/crosswalk/xlsx`, undefined],
      ['POST /api/partnerships/:id/crosswalk/import/xlsx', () => `/api/partnerships/${a}/crosswalk/import/xlsx?dryRun=ja`, { geen: 'excel' }],
    ];
    // Members may (an unknown proposal is 404 after the access check), pupils 403, outsiders 404, anonymous 401.
    const expected: Record<string, [Session | undefined, number[]][]> = {
      'POST /api/partnerships/:id/crosswalk/import/case': [[vmboDocent, [200]], [leerling, [403]], [outsider, [404]], [anderDocent, [404]], [undefined, [401]]],
      'GET /api/partnerships/:id/crosswalk/voorstellen': [[vmboDocent, [200]], [leerling, [403]], [outsider, [404]], [anderDocent, [404]], [undefined, [401]]],
      'GET /api/partnerships/:id/crosswalk/xlsx': [[vmboDocent, [200]], [leerling, [403]], [outsider, [404]], [anderDocent, [404]], [undefined, [401]]],
      // A JSON body is not an Excel file: 422 for members (after the access check).
      'POST /api/partnerships/:id/crosswalk/import/xlsx': [[vmboDocent, [415, 422]], [leerling, [403, 415]], [outsider, [404, 415]], [anderDocent, [404, 415]], [undefined, [401, 415]]],
      'POST /api/partnerships/:id/crosswalk/voorstellen': [[vmboDocent, [404]], [leerling, [403]], [outsider, [404]], [anderDocent, [404]], [undefined, [401]]],
    };
    for (const [key, url, body] of routes) {
      const [method] = key.split(' ') as ['GET' | 'POST'];
      for (const [session, statuses] of expected[key]!) {
        const res = await call(method, url(), session, body);
        expect(statuses, `${key} as ${session ? 'signed in' : 'anonymous'}`).toContain(res.status);
      }
    }
  });
});
