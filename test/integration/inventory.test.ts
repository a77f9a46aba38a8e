/**
 * The overlap inventory and the crosswalk of a samenwerking over HTTP (issue 5), on the demo catalogue and the demo
 * organisations: public inventory, review flow (confirm with type, reject, add by hand, bewust niet gekoppeld),
 * a rejected link not suggested again in that samenwerking, public counts that reveal no samenwerking, bad input,
 * walls, and the exports (CSV, XLSX parsed back with exceljs, CASE 1.1 validated against a zod schema).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/mbo/csv.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { Bevestigingen, Crosswalk, Inventaris } from '../../src/shared/inventory-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { parseCasePackage } from '../support/case-schema.js';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';

/** CASE 1.1 CFPackage: validated against the binding's JSON Schema in ../shared/standards (test/support/case-schema.ts). */
const CFPackage = { parse: parseCasePackage };

describe.skipIf(!databaseAvailable)(`overlap inventory and crosswalk (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let otherPartnership: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;
  let otherDocent: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    partnership = (await t.database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    await createUser({ db: t.database.db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    const ander = await createUser({ db: t.database.db, email: 'docent@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'demo-wachtwoord' });
    const roc = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    otherPartnership = await insertPartnership(t.database.db, 'Andere samenwerking', [ander.organisationId, roc]);
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');
    otherDocent = await signIn(t.app, 'docent@ander.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (url: string, session?: Session) => {
    const res = await t.app.inject({ method: 'GET', url, headers: session ? asUser(session) : {} });
    return { status: res.statusCode, body: res.statusCode === 200 && res.headers['content-type']?.toString().includes('json') ? (res.json() as unknown) : undefined, res };
  };
  const put = async (url: string, session: Session, payload: object) => {
    const res = await t.app.inject({ method: 'PUT', url, headers: asUser(session), payload });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const inventaris = async (session: Session, id = partnership, query = SELECTIE) => {
    const { status, body } = await get(`/api/partnerships/${id}/inventaris?${query}`, session);
    expect(status).toBe(200);
    return Inventaris.parse(body);
  };
  const review = (payload: object, session = vmboDocent, id = partnership) => put(`/api/partnerships/${id}/crosswalk/koppelingen`, session, payload);

  it('classifies every eindterm and werkproces of a public selection, with totals and coverage', async () => {
    const { status, body } = await get(`/api/inventaris?${SELECTIE}&leerweg=bb`);
    expect(status).toBe(200);
    const inv = Inventaris.parse(body);
    expect(inv.samenwerking).toBeNull();
    expect(inv.selectie.vmbo.keuzevakken.map((k) => k.code)).toEqual(['K/PIE/16']);
    expect(inv.selectie.mbo.kwalificatie?.crebo).toBe('25282');
    expect(inv.vmbo.length).toBeGreaterThan(0);
    expect(inv.mbo.map((w) => w.id)).toContain('25282:B1-K1-W1');
    // Koudetechniek and the monteur koude- en klimaatsystemen share content: the engine suggests links.
    expect(inv.links.length).toBeGreaterThan(0);
    expect(inv.links.every((l) => l.status === 'voorgesteld' && l.confidence !== 'zwak')).toBe(true);
    const linked = new Set(inv.links.flatMap((l) => [l.eindtermId, l.werkprocesId]));
    for (const i of [...inv.vmbo, ...inv.mbo]) {
      expect(i.classificatie).toBe(linked.has(i.id) ? 'beiden' : i.side === 'vmbo' ? 'alleen-vmbo' : 'alleen-mbo');
    }
    const t0 = inv.totalen;
    expect(t0.beidenVmbo + t0.alleenVmbo).toBe(inv.vmbo.length);
    expect(t0.beidenMbo + t0.alleenMbo).toBe(inv.mbo.length);
    expect(t0.dekkingVmbo).toBeCloseTo(t0.beidenVmbo / inv.vmbo.length, 3);
    expect(t0.dekkingMbo).toBeCloseTo(t0.beidenMbo / inv.mbo.length, 3);
    // Only eindtermen of the leerweg count: BB has no more eindtermen than all leerwegen together.
    const alle = Inventaris.parse((await get(`/api/inventaris?${SELECTIE}`)).body);
    expect(inv.vmbo.length).toBeLessThanOrEqual(alle.vmbo.length);
  });

  it('treats a keuzedeel as one item, and says so', async () => {
    const inv = Inventaris.parse((await get('/api/inventaris?keuzevakken=K/ZW/07&keuzedelen=K0137')).body);
    expect(inv.mbo).toEqual([expect.objectContaining({ id: 'keuzedeel:K0137', soort: 'keuzedeel' })]);
    expect(inv.opmerkingen.join(' ')).toMatch(/keuzedeel telt als één item/);
  });

  it('answers bad input with 400 and a Dutch message, and unknown or foreign samenwerkingen with 404', async () => {
    for (const q of ['kwalificatie=123&keuzevakken=K/PIE/16', 'keuzevakken=K/PIE/99&kwalificatie=25282', 'keuzevakken=K/PIE/16', 'kwalificatie=25282', 'keuzevakken=K/PIE/16&kwalificatie=25282&leerweg=XX', 'profiel=NOPE&kwalificatie=25282']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/inventaris?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.json() as { detail: string }).detail, q).toMatch(/[a-z]/);
    }
    expect((await get(`/api/partnerships/geen-uuid/inventaris?${SELECTIE}`, vmboDocent)).status).toBe(400);
    expect((await get(`/api/partnerships/00000000-0000-4000-8000-000000000000/inventaris?${SELECTIE}`, vmboDocent)).status).toBe(404);
    expect((await get(`/api/partnerships/${partnership}/inventaris?${SELECTIE}`, outsider)).status).toBe(404);
    expect((await get(`/api/partnerships/${partnership}/inventaris?${SELECTIE}`, leerling)).status).toBe(403);
    expect((await get(`/api/partnerships/${partnership}/inventaris?${SELECTIE}`)).status).toBe(401);
    const eindterm = (await inventaris(vmboDocent)).vmbo[0]!.id;
    expect((await review({ eindtermId: eindterm, werkprocesId: '25282:B9-K9-W9', actie: 'toevoegen' })).status).toBe(400);
    expect((await review({ eindtermId: eindterm, werkprocesId: 'iets', actie: 'toevoegen' })).status).toBe(400);
    expect((await review({ eindtermId: eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'afwijzen', relatie: 'gelijk' })).status).toBe(400);
    expect((await review({ eindtermId: eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen' }, leerling)).status).toBe(403);
    expect((await review({ eindtermId: eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen' }, outsider)).status).toBe(404);
    // A PUT without the CSRF header is refused.
    const noCsrf = await t.app.inject({ method: 'PUT', url: `/api/partnerships/${partnership}/crosswalk/koppelingen`, headers: { cookie: vmboDocent.cookie }, payload: { eindtermId: eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen' } });
    expect(noCsrf.statusCode).toBe(403);
    // Nothing of the above was stored.
    expect(Crosswalk.parse((await get(`/api/partnerships/${partnership}/crosswalk`, vmboDocent)).body).geschiedenis).toEqual([]);
  });

  it('reviews links: confirm with a type, reject (never suggested again here), add by hand, mark bewust niet gekoppeld', async () => {
    const before = await inventaris(vmboDocent);
    const [first, second] = before.links;
    expect(first && second, 'two suggestions to review').toBeTruthy();

    // Confirm the first with type "gelijk", as the vmbo docent.
    const confirmed = await review({ eindtermId: first!.eindtermId, werkprocesId: first!.werkprocesId, actie: 'bevestigen', relatie: 'gelijk', toelichting: 'Zelfde handeling' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'bevestigd', herkomst: 'voorgesteld', relatie: 'gelijk', toelichting: 'Zelfde handeling', door: 'Daan Docent' });

    // Reject the second.
    expect((await review({ eindtermId: second!.eindtermId, werkprocesId: second!.werkprocesId, actie: 'afwijzen', toelichting: 'Alleen hetzelfde woord' })).status).toBe(200);

    // Add a link the engine did not suggest: an eindterm and a werkproces without a suggestion between them.
    const suggested = new Set(before.links.map((l) => `${l.eindtermId}|${l.werkprocesId}`));
    const manual = before.vmbo.flatMap((e) => before.mbo.map((w) => ({ e: e.id, w: w.id }))).find((p) => !suggested.has(`${p.e}|${p.w}`))!;
    const added = await review({ eindtermId: manual.e, werkprocesId: manual.w, actie: 'toevoegen', relatie: 'deels' }, rocDocent);
    expect(added.body).toMatchObject({ status: 'bevestigd', herkomst: 'handmatig', relatie: 'deels', door: 'Roos Docent' });

    // The partner (mbo docent) sees the same crosswalk in the inventory.
    const after = await inventaris(rocDocent);
    const find = (e: string, w: string) => after.links.find((l) => l.eindtermId === e && l.werkprocesId === w);
    expect(find(first!.eindtermId, first!.werkprocesId)).toMatchObject({ status: 'bevestigd', relatie: 'gelijk', door: 'Daan Docent', score: first!.score });
    expect(find(second!.eindtermId, second!.werkprocesId)).toBeUndefined();
    expect(after.afgewezen).toEqual([expect.objectContaining({ eindtermId: second!.eindtermId, werkprocesId: second!.werkprocesId, status: 'afgewezen', toelichting: 'Alleen hetzelfde woord' })]);
    expect(find(manual.e, manual.w)).toMatchObject({ status: 'handmatig', relatie: 'deels' });
    expect(after.vmbo.find((i) => i.id === manual.e)?.classificatie).toBe('beiden');
    expect(after.totalen).toMatchObject({ bevestigd: 2, afgewezen: 1 });
    // Even with weak suggestions included, the rejected link stays away in this samenwerking…
    const zwak = await inventaris(vmboDocent, partnership, `${SELECTIE}&min=zwak`);
    expect(zwak.links.some((l) => l.eindtermId === second!.eindtermId && l.werkprocesId === second!.werkprocesId)).toBe(false);
    // …but is still suggested publicly and in another samenwerking, one band lower (issue 17: rejected elsewhere).
    const lower = { sterk: 'mogelijk', mogelijk: 'zwak', zwak: 'zwak' } as const;
    const publiek = Inventaris.parse((await get(`/api/inventaris?${SELECTIE}&min=zwak`)).body);
    expect(publiek.links.find((l) => l.eindtermId === second!.eindtermId && l.werkprocesId === second!.werkprocesId)).toMatchObject({ status: 'voorgesteld', confidence: lower[second!.confidence!] });
    const ander = await inventaris(otherDocent, otherPartnership, `${SELECTIE}&min=zwak`);
    expect(ander.links.find((l) => l.eindtermId === second!.eindtermId && l.werkprocesId === second!.werkprocesId)).toMatchObject({ status: 'voorgesteld', confidence: lower[second!.confidence!] });
    expect(ander.links.every((l) => l.status === 'voorgesteld')).toBe(true);

    // Retype the confirmed link: the newest review counts.
    expect((await review({ eindtermId: first!.eindtermId, werkprocesId: first!.werkprocesId, actie: 'bevestigen', relatie: 'breder' }, rocDocent)).body).toMatchObject({ relatie: 'breder', door: 'Roos Docent', herkomst: 'voorgesteld' });

    // Mark the werkproces of the manual link as bewust niet gekoppeld: it is Alleen mbo, its link is set aside.
    const marked = await put(`/api/partnerships/${partnership}/crosswalk/niet-gekoppeld`, vmboDocent, { itemId: manual.w, bewustNietGekoppeld: true, toelichting: 'Komt in het mbo pas later' });
    expect(marked.status).toBe(200);
    const withMark = await inventaris(vmboDocent);
    const w = withMark.mbo.find((i) => i.id === manual.w)!;
    expect(w).toMatchObject({ classificatie: 'alleen-mbo', bewustNietGekoppeld: true, toelichtingNietGekoppeld: 'Komt in het mbo pas later' });
    expect(withMark.genegeerd.some((l) => l.eindtermId === manual.e && l.werkprocesId === manual.w)).toBe(true);

    // History: every action with who and why, newest first; and the audit log of the reviewer's organisation.
    const cw = Crosswalk.parse((await get(`/api/partnerships/${partnership}/crosswalk`, rocDocent)).body);
    expect(cw.geschiedenis.map((h) => [h.actie, h.door])).toEqual([
      ['niet-koppelen', 'Daan Docent'],
      ['bevestigen', 'Roos Docent'],
      ['toevoegen', 'Roos Docent'],
      ['afwijzen', 'Daan Docent'],
      ['bevestigen', 'Daan Docent'],
    ]);
    expect(cw.nietGekoppeld).toEqual([expect.objectContaining({ itemId: manual.w, door: 'Daan Docent' })]);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'crosswalk.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['crosswalk.bevestigen', 'crosswalk.afwijzen', 'crosswalk.toevoegen', 'crosswalk.bevestigen', 'crosswalk.niet-koppelen']);
    expect(new Set(audit.map((a) => a.subject_id))).toEqual(new Set([partnership]));
    // The history cannot be changed.
    await expect(t.database.db.deleteFrom('crosswalk_review').execute()).rejects.toThrow(/append-only/);
  });

  it('counts confirmations per link publicly without revealing which samenwerking', async () => {
    const inv = await inventaris(vmboDocent);
    const link = inv.links.find((l) => l.status === 'bevestigd')!;
    const one = Bevestigingen.parse((await get(`/api/crosswalk/bevestigingen?eindterm=${link.eindtermId}`)).body);
    expect(one.links.filter((l) => l.werkprocesId === link.werkprocesId)).toEqual([
      {
        eindtermId: link.eindtermId,
        eindtermCode: expect.stringMatching(/^K\/PIE\/16\//),
        eindterm: expect.any(String),
        werkprocesId: link.werkprocesId,
        werkprocesCode: link.werkprocesId.split(':')[1],
        werkproces: expect.any(String),
        werkprocesContext: expect.stringMatching(/^25282 /),
        aantalSamenwerkingen: 1,
      },
    ]);
    // A second samenwerking confirms the same link: the count goes up.
    expect((await review({ eindtermId: link.eindtermId, werkprocesId: link.werkprocesId, actie: 'bevestigen' }, otherDocent, otherPartnership)).status).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/crosswalk/bevestigingen?werkproces=${encodeURIComponent(link.werkprocesId)}` });
    const two = Bevestigingen.parse(res.json());
    expect(two.links.find((l) => l.eindtermId === link.eindtermId)?.aantalSamenwerkingen).toBe(2);
    for (const secret of [partnership, otherPartnership, 'Demo doorlopende leerroute', 'Andere samenwerking', 'Daan', 'Roos', 'Anna']) expect(res.body).not.toContain(secret);
    const perKeuzevak = Bevestigingen.parse((await get('/api/crosswalk/bevestigingen?keuzevak=K-PIE-16')).body);
    expect(perKeuzevak.links.map((l) => l.aantalSamenwerkingen).sort()).toEqual([1, 2]);
    // Rejected and unconfirmed links are not counted; bad queries are 400, an unknown keuzevak 404.
    expect((await get('/api/crosswalk/bevestigingen?keuzevak=K/PIE/16&eindterm=' + link.eindtermId)).status).toBe(400);
    expect((await get('/api/crosswalk/bevestigingen')).status).toBe(400);
    expect((await get('/api/crosswalk/bevestigingen?eindterm=nee')).status).toBe(400);
    expect((await get('/api/crosswalk/bevestigingen?keuzevak=K/XX/99')).status).toBe(404);
  });

  it('exports the inventory as CSV and XLSX, and the crosswalk as a CASE 1.1 package', async () => {
    const inv = await inventaris(vmboDocent);
    const csvRes = await t.app.inject({ method: 'GET', url: `/api/partnerships/${partnership}/inventaris/export?${SELECTIE}&formaat=csv`, headers: asUser(vmboDocent) });
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
    expect(csvRes.headers['content-disposition']).toMatch(/attachment; filename="inventaris-K-PIE-16-25282\.csv"/);
    const csv = parseCsv(csvRes.body, 'export.csv', { delimiter: ';' }).rows;
    expect(csv[0]).toEqual(['Kolom', 'Kant', 'Soort', 'Code', 'Titel', 'Onderdeel', 'Gekoppeld met', 'Bewust niet gekoppeld', 'Toelichting']);
    // Codes and titles, never internal ids (issue 12): no SLO UUID, no crebo:code item id in any cell.
    const INTERNAL_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b\d{5}:[A-Z]\d/i;
    expect(csv.flat().filter((c) => INTERNAL_ID.test(c))).toEqual([]);
    const itemRows = csv.slice(1, 1 + inv.vmbo.length + inv.mbo.length);
    expect(itemRows.filter((r) => r[0] === 'Beiden').length).toBe(inv.totalen.beidenVmbo + inv.totalen.beidenMbo);
    expect(itemRows.filter((r) => r[0] === 'Alleen vmbo').length).toBe(inv.totalen.alleenVmbo);
    expect(itemRows.filter((r) => r[0] === 'Alleen mbo').length).toBe(inv.totalen.alleenMbo);
    expect(csv.find((r) => r[0] === 'Items')).toEqual(['Items', String(inv.vmbo.length), String(inv.mbo.length)]);

    const xlsxRes = await t.app.inject({ method: 'GET', url: `/api/inventaris/export?${SELECTIE}&formaat=xlsx` });
    expect(xlsxRes.statusCode).toBe(200);
    expect(xlsxRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inventaris', 'Koppelingen', 'Totalen']);
    const sheet = wb.getWorksheet('Inventaris')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Kolom');
    expect(sheet.rowCount).toBe(1 + inv.vmbo.length + inv.mbo.length);
    const publiek = Inventaris.parse((await get(`/api/inventaris?${SELECTIE}`)).body);
    expect(wb.getWorksheet('Koppelingen')!.rowCount).toBe(1 + publiek.links.length);
    expect(wb.getWorksheet('Totalen')!.getRow(2).values).toEqual([undefined, 'Items', inv.vmbo.length, inv.mbo.length]);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => expect(String(cell.value), `${ws.name}: ${String(cell.value)}`).not.toMatch(INTERNAL_ID)));
    }

    const caseUrl = `/api/partnerships/${partnership}/crosswalk/case?${SELECTIE}`;
    const caseRes = await t.app.inject({ method: 'GET', url: caseUrl, headers: asUser(rocDocent) });
    expect(caseRes.statusCode).toBe(200);
    const pkg = CFPackage.parse(caseRes.json());
    const itemIds = new Set(pkg.CFItems.map((i) => i.identifier));
    expect(itemIds.size).toBe(pkg.CFItems.length);
    // Every association points at items of the package (or the document), and every item is under the document.
    for (const a of pkg.CFAssociations) {
      expect(itemIds.has(a.originNodeURI.identifier)).toBe(true);
      expect(itemIds.has(a.destinationNodeURI.identifier) || a.destinationNodeURI.identifier === pkg.CFDocument.identifier).toBe(true);
    }
    expect(pkg.CFDocument.caseVersion).toBe('1.1');
    const crosswalkLinks = pkg.CFAssociations.filter((a) => a.associationType !== 'isChildOf');
    const confirmed = inv.links.filter((l) => l.status === 'bevestigd' || l.status === 'handmatig');
    expect(crosswalkLinks.length).toBe(confirmed.length);
    expect(crosswalkLinks.every((a) => a.notes?.startsWith('Doorlopend-relatie: '))).toBe(true);
    expect(crosswalkLinks.find((a) => a.notes?.includes('breder'))?.associationType).toBe('isRelatedTo');
    // Retype to gelijk: exactMatchOf. Same identifiers on every export.
    const breder = confirmed.find((l) => l.relatie === 'breder')!;
    await review({ eindtermId: breder.eindtermId, werkprocesId: breder.werkprocesId, actie: 'bevestigen', relatie: 'gelijk' });
    const again = CFPackage.parse((await t.app.inject({ method: 'GET', url: caseUrl, headers: asUser(vmboDocent) })).json());
    expect(again.CFAssociations.filter((a) => a.associationType === 'exactMatchOf').length).toBe(1);
    expect(again.CFAssociations.map((a) => a.identifier)).toEqual(pkg.CFAssociations.map((a) => a.identifier));
    expect(again.CFDocument.identifier).toBe(pkg.CFDocument.identifier);
    // Without a selection: the whole crosswalk, with only the items its links touch (same item identifiers).
    const whole = CFPackage.parse((await t.app.inject({ method: 'GET', url: `/api/partnerships/${partnership}/crosswalk/case`, headers: asUser(vmboDocent) })).json());
    const pairs = (p: CfPackage) =>
      p.CFAssociations.filter((a) => a.associationType !== 'isChildOf')
        .map((a) => `${a.originNodeURI.identifier}>${a.destinationNodeURI.identifier}:${a.associationType}`)
        .sort();
    expect(pairs(whole)).toEqual(pairs(again));
    expect(whole.CFItems.length).toBeLessThan(again.CFItems.length);
    expect(whole.CFDocument.identifier).not.toBe(again.CFDocument.identifier);
    const wholeIds = new Set(whole.CFItems.map((i) => i.identifier));
    expect(whole.CFAssociations.every((a) => wholeIds.has(a.originNodeURI.identifier))).toBe(true);
    // Not for outsiders.
    expect((await t.app.inject({ method: 'GET', url: caseUrl, headers: asUser(outsider) })).statusCode).toBe(404);
  });

  it('keeps the crosswalk when a reviewer deletes their account, without the name (AVG)', async () => {
    const before = Crosswalk.parse((await get(`/api/partnerships/${otherPartnership}/crosswalk`, rocDocent)).body);
    expect(before.links.map((l) => l.door)).toEqual(['Anna Ander']);
    const res = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(otherDocent), payload: { wachtwoord: 'demo-wachtwoord' } });
    expect(res.statusCode).toBe(204);
    const after = Crosswalk.parse((await get(`/api/partnerships/${otherPartnership}/crosswalk`, rocDocent)).body);
    expect(after.links).toEqual([{ ...before.links[0], door: null, aangemaaktDoor: null }]);
    expect(after.geschiedenis.map((h) => h.door)).toEqual([null]);
    // The confirmation still counts publicly.
    const counts = Bevestigingen.parse((await get(`/api/crosswalk/bevestigingen?werkproces=${encodeURIComponent(before.links[0]!.werkprocesId)}`)).body);
    expect(counts.links.find((l) => l.eindtermId === before.links[0]!.eindtermId)?.aantalSamenwerkingen).toBe(2);
  });

  it('keeps who first reviewed a link when someone else retypes it, restores a rejected link, and asks a reason for bewust niet gekoppeld (issue 12)', async () => {
    const inv = await inventaris(vmboDocent);
    const suggestion = inv.links.find((l) => l.status === 'voorgesteld')!;
    expect(suggestion, 'a suggestion to review').toBeTruthy();
    const pair = { eindtermId: suggestion.eindtermId, werkprocesId: suggestion.werkprocesId };

    // Daan confirms, Roos retypes: Daan stays the one who first reviewed it, Roos is who changed it last.
    expect((await review({ ...pair, actie: 'bevestigen', relatie: 'gelijk' }, vmboDocent)).status).toBe(200);
    const retyped = await review({ ...pair, actie: 'bevestigen', relatie: 'deels' }, rocDocent);
    expect(retyped.body).toMatchObject({ relatie: 'deels', door: 'Roos Docent', aangemaaktDoor: 'Daan Docent' });
    const shown = (await inventaris(rocDocent)).links.find((l) => l.eindtermId === pair.eindtermId && l.werkprocesId === pair.werkprocesId);
    expect(shown).toMatchObject({ status: 'bevestigd', door: 'Roos Docent', aangemaaktDoor: 'Daan Docent' });

    // Rejected: listed under afgewezen, with who rejected it; restored: a suggestion again, the history keeps both.
    expect((await review({ ...pair, actie: 'afwijzen', toelichting: 'Toch niet' }, rocDocent)).body).toMatchObject({ status: 'afgewezen', door: 'Roos Docent', aangemaaktDoor: 'Daan Docent' });
    expect((await inventaris(vmboDocent)).afgewezen).toContainEqual(expect.objectContaining({ ...pair, status: 'afgewezen', door: 'Roos Docent', toelichting: 'Toch niet' }));
    const restored = await review({ ...pair, actie: 'herstellen' }, vmboDocent);
    expect(restored.status).toBe(200);
    expect(restored.body).toBeNull();
    const after = await inventaris(vmboDocent);
    expect(after.afgewezen.some((l) => l.eindtermId === pair.eindtermId && l.werkprocesId === pair.werkprocesId)).toBe(false);
    expect(after.links.find((l) => l.eindtermId === pair.eindtermId && l.werkprocesId === pair.werkprocesId)).toMatchObject({ status: 'voorgesteld', door: null });
    const cw = Crosswalk.parse((await get(`/api/partnerships/${partnership}/crosswalk`, vmboDocent)).body);
    expect(cw.geschiedenis.slice(0, 4).map((h) => [h.actie, h.door])).toEqual([
      ['herstellen', 'Daan Docent'],
      ['afwijzen', 'Roos Docent'],
      ['bevestigen', 'Roos Docent'],
      ['bevestigen', 'Daan Docent'],
    ]);

    // Restoring what is not rejected, and bewust niet gekoppeld without a reason: a Dutch 400 that changes nothing.
    const historyBefore = cw.geschiedenis.length;
    const notRejected = await review({ ...pair, actie: 'herstellen' }, vmboDocent);
    expect(notRejected.status).toBe(400);
    expect(String(notRejected.body.detail)).toMatch(/niet afgewezen/);
    for (const toelichting of [undefined, '', '   ']) {
      const res = await put(`/api/partnerships/${partnership}/crosswalk/niet-gekoppeld`, vmboDocent, { itemId: pair.werkprocesId, bewustNietGekoppeld: true, ...(toelichting === undefined ? {} : { toelichting }) });
      expect(res.status).toBe(400);
      expect(String(res.body.detail)).toMatch(/Geef een toelichting/);
    }
    const cwAfter = Crosswalk.parse((await get(`/api/partnerships/${partnership}/crosswalk`, vmboDocent)).body);
    expect(cwAfter.geschiedenis).toHaveLength(historyBefore);
    expect(cwAfter.nietGekoppeld.some((n) => n.itemId === pair.werkprocesId)).toBe(false);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
