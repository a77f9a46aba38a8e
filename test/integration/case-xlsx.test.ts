/**
 * Crosswalks that travel as XLSX (issue 18), over HTTP on the demo catalogue: export the crosswalk of samenwerking A,
 * edit relation types and toelichtingen and delete a row in a spreadsheet (exceljs), import with a preview of what
 * changes (changed, removed; dry run writes nothing), all-or-nothing (422 with row numbers), attributed; then the
 * round trip A → B: import, review (confirm) in B, export again: the confirmed links are equal.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/domain/mbo/xlsx.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { Inventaris } from '../../src/shared/inventory-api.js';
import { ImportVoorbeeld, Voorstel } from '../../src/shared/case-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!databaseAvailable)(`crosswalk XLSX round trip (${TEST_DB})`, () => {
  let t: AccountsApp;
  let a: string;
  let b: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let anderDocent: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    a = (await t.database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    const ander = await createUser({ db: t.database.db, email: 'docent@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'demo-wachtwoord' });
    const roc = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    b = await insertPartnership(t.database.db, 'Andere samenwerking', [ander.organisationId, roc]);
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    anderDocent = await signIn(t.app, 'docent@ander.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const json = async (method: 'GET' | 'POST' | 'PUT', url: string, session: Session, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: { ...asUser(session), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, payload: payload === undefined ? undefined : JSON.stringify(payload) });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  };
  const download = async (id: string, session: Session) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/partnerships/${id}/crosswalk/xlsx`, headers: asUser(session) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    return res.rawPayload;
  };
  const upload = async (id: string, session: Session, file: Buffer, dryRun: boolean) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/partnerships/${id}/crosswalk/import/xlsx?dryRun=${dryRun ? 'ja' : 'nee'}&bestand=crosswalk.xlsx`, headers: { ...asUser(session), 'content-type': XLSX }, payload: file });
    return { status: res.statusCode, body: JSON.parse(res.body) as unknown };
  };
  /** Edits the downloaded workbook as a spreadsheet user would. */
  const edit = async (file: Buffer, change: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    change(wb.getWorksheet('Crosswalk')!);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  /** The confirmed links of a file, without the samenwerking column. */
  const linksIn = async (file: Buffer) => (await readXlsxTable(file)).slice(1).map((r) => r.slice(0, 8).join('|')).sort();
  const confirmAll = async (id: string, session: Session) => {
    for (const v of (await json('GET', `/api/partnerships/${id}/crosswalk/voorstellen`, session)).body as Voorstel[]) {
      expect((await json('POST', `/api/partnerships/${id}/crosswalk/voorstellen`, session, { eindtermId: v.eindtermId, werkprocesId: v.werkprocesId, actie: 'bevestigen' })).status).toBe(200);
    }
  };

  it('exports with stable ids, previews and imports an edited file (changed and removed), attributed', async () => {
    const inv = Inventaris.parse((await json('GET', `/api/partnerships/${a}/inventaris?${SELECTIE}`, vmboDocent)).body);
    for (const [i, l] of inv.links.slice(0, 3).entries()) {
      expect((await json('PUT', `/api/partnerships/${a}/crosswalk/koppelingen`, vmboDocent, { eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, actie: 'bevestigen', relatie: (['gelijk', 'deels', 'verwant'] as const)[i] })).status).toBe(200);
    }
    const file = await download(a, vmboDocent);
    const table = await readXlsxTable(file);
    expect(table[0]).toEqual(['Eindterm-id', 'Eindterm', 'Eindterm titel', 'Werkproces-id', 'Werkproces', 'Werkproces titel', 'Relatie', 'Toelichting', 'Samenwerking-id']);
    expect(table).toHaveLength(4);

    const edited = await edit(file, (ws) => {
      ws.getCell('G2').value = 'breder';
      ws.getCell('H3').value = 'Alleen bij de meting';
      ws.spliceRows(4, 1);
    });
    const dry = ImportVoorbeeld.parse((await upload(a, rocDocent, edited, true)).body);
    expect(dry).toMatchObject({ toegepast: false, nieuw: [], ongewijzigd: 0 });
    expect(dry.gewijzigd.map((g) => [g.relatie, g.toelichting, g.was.relatie])).toEqual(expect.arrayContaining([['breder', null, expect.any(String)], [expect.any(String), 'Alleen bij de meting', expect.any(String)]]));
    expect(dry.verwijderd).toHaveLength(1);
    expect((await json('GET', `/api/partnerships/${a}/crosswalk/voorstellen`, rocDocent)).body).toEqual([]);

    const done = ImportVoorbeeld.parse((await upload(a, rocDocent, edited, false)).body);
    expect(done.toegepast).toBe(true);
    const open = (await json('GET', `/api/partnerships/${a}/crosswalk/voorstellen`, rocDocent)).body as Voorstel[];
    expect(open).toHaveLength(2);
    expect(open.every((v) => v.bron === 'xlsx' && v.door === 'Roos Docent')).toBe(true);
    const cw = (await json('GET', `/api/partnerships/${a}/crosswalk`, rocDocent)).body as { links: Array<{ status: string; door: string }>; geschiedenis: Array<{ actie: string; door: string }> };
    expect(cw.links.filter((l) => l.status === 'afgewezen')).toEqual([expect.objectContaining({ door: 'Roos Docent' })]);
    expect(cw.geschiedenis.filter((h) => h.actie === 'importeren' && h.door === 'Roos Docent')).toHaveLength(2);
    const audit = await t.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'crosswalk.importeren').execute();
    expect(audit).toHaveLength(1);
    await confirmAll(a, vmboDocent);
    const after = await readXlsxTable(await download(a, vmboDocent));
    expect(after).toHaveLength(3);
    expect(after.some((r) => r[6] === 'breder')).toBe(true);
  });

  it('refuses a file with bad rows as a whole: 422 with row numbers, nothing written', async () => {
    const file = await edit(await download(a, vmboDocent), (ws) => {
      ws.getCell('G2').value = 'ongeveer';
      ws.addRow(['00000000-0000-4000-8000-000000000000', 'X', 'x', '25282:B9-K9-W9', 'Y', 'y', 'gelijk', '', a]);
    });
    const before = await t.database.db.selectFrom('crosswalk_review').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await upload(a, vmboDocent, file, false);
    expect(res.status).toBe(422);
    const problem = res.body as { errors: Array<{ path: string; message: string }> };
    expect(problem.errors.map((e) => e.path)).toEqual(['rij 2', 'rij 4']);
    expect(problem.errors[1]!.message).toMatch(/staat niet in de catalogus/);
    const after = await t.database.db.selectFrom('crosswalk_review').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await upload(a, vmboDocent, Buffer.from('geen excel'), true)).status).toBe(422);
  });

  it('travels A → B: import as proposals (nothing removed in B), confirm, export: the same links', async () => {
    const fromA = await download(a, vmboDocent);
    const preview = ImportVoorbeeld.parse((await upload(b, anderDocent, fromA, false)).body);
    expect(preview.nieuw).toHaveLength(2);
    expect(preview.verwijderd).toEqual([]);
    await confirmAll(b, anderDocent);
    const fromB = await download(b, anderDocent);
    expect(await linksIn(fromB)).toEqual(await linksIn(fromA));
  });
});
