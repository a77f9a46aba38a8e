/**
 * Issue 14, pupils and cohorts, on a real database (PGlite and PostgreSQL): cohorts of a route; the import of a
 * Magister/Somtoday export all or nothing with line numbers (422, nothing written), the dry run that writes nothing,
 * the column mapping step, a re-import that updates by leerlingnummer, a BSN column never stored; pupils by hand with
 * versie (409); every read and export of pupils audited; the retention job (pupils gone, counts kept, a cohort not yet
 * due untouched, idempotent); the pupil invitation that links the account; a pupil sees no cohort (404).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import { BewaartermijnJob } from '../../src/server/jobs/bewaartermijn-job.js';
import { schoonLeerlingenOp } from '../../src/server/use-cases/leerlingen/opschonen.js';
import type { CohortDetail, CohortLijst, LeerlingImportRapport } from '../../src/shared/leerlingen-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { addPupils, createCohort, linkPupilAccount } from '../support/leerlingen-factory.js';

const MAGISTER = ['Stamnr;Roepnaam;Tussenv.;Achternaam;Klas;Leerweg;BSN', '2001;Sam;;Jansen;3A;BB;123456782', '2002;Noor;van;Dijk;3A;KB;111222333', '2003;Lucas;;Visser;3B;basis;999888777'].join('\r\n');

describe.skipIf(!databaseAvailable)(`pupils and cohorts (${TEST_DB})`, () => {
  let w: ExamenWorld;
  const auditCount = async (action: string, cohortId: string) =>
    Number((await w.t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('subject_id', '=', cohortId).executeTakeFirstOrThrow()).n);
  const pupilsIn = async (cohortId: string) => w.t.database.db.selectFrom('leerling').selectAll().where('cohort_id', '=', cohortId).orderBy('leerlingnummer').execute();
  const upload = async (actor: WorldActor, cohortId: string, content: string | Buffer, query: string, expected?: number) => {
    const res = await w.app.inject({ method: 'POST', url: `/api/cohorten/${cohortId}/leerlingen/import?${query}`, headers: { ...w.as(actor), 'content-type': 'text/csv' }, payload: content });
    if (expected !== undefined && res.statusCode !== expected) throw new Error(`${res.statusCode}: ${res.body}`);
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    w = await startExamenWorld();
  }, 120_000);
  afterAll(async () => w?.close());

  describe('cohorts', () => {
    it('a vmbo school creates a cohort with defaults; the list shows it with the retention date', async () => {
      const c = await createCohort(w, { naam: '3 BB 2026', schooljaar: '2026-2027', leerjaar: 3 });
      expect(c).toMatchObject({ naam: '3 BB 2026', einddatum: '2027-07-31', bewaartermijnMaanden: 24, verwijderdOp: '2029-07-31', organisationId: w.org.vmbo, magBeheren: true, leerlingen: [] });
      const lijst = (await w.call('vmbo-examencommissie', 'GET', `/api/leerroutes/${w.route}/cohorten`, undefined, 200)).body as CohortLijst;
      expect(lijst.cohorten.map((x) => x.id)).toContain(c.id);
      expect(lijst.cohorten.find((x) => x.id === c.id)!.magBeheren).toBe(false);
      expect(lijst.scholen).toEqual([]);
      expect(((await w.call('vmbo-decaan', 'GET', `/api/leerroutes/${w.route}/cohorten`, undefined, 200)).body as CohortLijst).scholen).toEqual([{ id: w.org.vmbo, naam: 'Demo Vmbo College' }]);
    });

    it('refuses a bad schooljaar (400) and another school (400)', async () => {
      const bad = await w.call('vmbo-beheerder', 'POST', `/api/leerroutes/${w.route}/cohorten`, { naam: 'x', schooljaar: '2026-2028', leerjaar: 3 }, 400);
      expect(bad.body.errors[0].path).toContain('schooljaar');
      await w.call('vmbo-beheerder', 'POST', `/api/leerroutes/${w.route}/cohorten`, { naam: 'x', schooljaar: '2026-2027', leerjaar: 3, organisationId: w.org.mbo }, 400);
    });

    it('changes settings with versie; a stale versie is 409', async () => {
      const c = await createCohort(w);
      const changed = (await w.call('vmbo-examinator', 'PATCH', `/api/cohorten/${c.id}`, { versie: c.versie, einddatum: '2027-06-30', bewaartermijnMaanden: 12 }, 200)).body as CohortDetail;
      expect(changed).toMatchObject({ einddatum: '2027-06-30', bewaartermijnMaanden: 12, verwijderdOp: '2028-06-30', versie: c.versie + 1 });
      const stale = await w.call('vmbo-beheerder', 'PATCH', `/api/cohorten/${c.id}`, { versie: c.versie, naam: 'Te laat' }, 409);
      expect(stale.body.detail).toContain('intussen');
      expect(await auditCount('cohort.gewijzigd', c.id)).toBe(1);
    });
  });

  describe('import', () => {
    it('a real import with errors is 422 with every line, and writes nothing', async () => {
      const c = await createCohort(w);
      const bad = ['Leerlingnummer;Roepnaam;Achternaam;Leerweg', '3001;Sam;Jansen;BB', '3002;;Bakker;KB', '3003;Lucas;Visser;havo', '3001;Sam;Jansen;BB'].join('\n');
      const res = await upload('vmbo-beheerder', c.id, bad, 'bestandsnaam=fout.csv&dryRun=false', 422);
      expect(res.body.code).toBe('import_invalid');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['regel 3, roepnaam', 'regel 4, leerweg', 'regel 5, leerlingnummer']);
      expect(await pupilsIn(c.id)).toEqual([]);
      expect(await auditCount('leerlingen.geimporteerd', c.id)).toBe(0);
    });

    it('a dry run reports what would be added and writes nothing; the import then adds; BSN is never stored', async () => {
      const c = await createCohort(w);
      const dry = (await upload('vmbo-decaan', c.id, MAGISTER, 'bestandsnaam=magister.csv', 200)).body as LeerlingImportRapport;
      expect(dry).toMatchObject({ status: 'proef', regels: 3, toegevoegd: 3, gewijzigd: 0, fouten: [] });
      expect(dry.toewijzing).toMatchObject({ leerlingnummer: 'Stamnr', tussenvoegsel: 'Tussenv.', leerweg: 'Leerweg' });
      expect(dry.nietGelezen).toEqual([{ kop: 'BSN', reden: expect.stringContaining('nooit') }]);
      expect(dry.melding).toContain('‘BSN’ is niet gelezen');
      expect(await pupilsIn(c.id)).toEqual([]);
      const done = (await upload('vmbo-decaan', c.id, MAGISTER, 'bestandsnaam=magister.csv&dryRun=false', 200)).body as LeerlingImportRapport;
      expect(done).toMatchObject({ status: 'geimporteerd', toegevoegd: 3 });
      const rows = await pupilsIn(c.id);
      expect(rows.map((r) => [r.leerlingnummer, r.tussenvoegsel, r.leerweg])).toEqual([['2001', '', 'BB'], ['2002', 'van', 'KB'], ['2003', '', 'BB']]);
      expect(JSON.stringify(rows)).not.toMatch(/123456782|111222333|999888777/);
      const audit = await w.t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'leerlingen.geimporteerd').where('subject_id', '=', c.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.details)).not.toMatch(/123456782|Jansen/);
    });

    it('a re-import of the same file updates by leerlingnummer and never duplicates', async () => {
      const c = await createCohort(w);
      await upload('vmbo-beheerder', c.id, MAGISTER, 'bestandsnaam=magister.csv&dryRun=false', 200);
      const again = (await upload('vmbo-beheerder', c.id, MAGISTER, 'bestandsnaam=magister.csv&dryRun=false', 200)).body as LeerlingImportRapport;
      expect(again).toMatchObject({ toegevoegd: 0, gewijzigd: 0, ongewijzigd: 3 });
      const changed = MAGISTER.replace('2002;Noor;van;Dijk;3A;KB', '2002;Noor;van;Dijk;3B;KB') + '\r\n2004;Eva;;Smit;3B;GL;1';
      const dry = (await upload('vmbo-beheerder', c.id, changed, 'bestandsnaam=magister.csv', 200)).body as LeerlingImportRapport;
      expect(dry).toMatchObject({ toegevoegd: 1, gewijzigd: 1, ongewijzigd: 2 });
      await upload('vmbo-beheerder', c.id, changed, 'bestandsnaam=magister.csv&dryRun=false', 200);
      const rows = await pupilsIn(c.id);
      expect(rows).toHaveLength(4);
      expect(rows.find((r) => r.leerlingnummer === '2002')!.klas).toBe('3B');
    });

    it('the mapping step: unknown headers are reported with the header row, then imported with kolommen', async () => {
      const c = await createCohort(w);
      const other = ['Nr.;Voornaam;Familienaam;Groep;Onderwijsnummer', '4001;Sara;Bos;3C;123'].join('\n');
      const first = (await upload('vmbo-beheerder', c.id, other, 'bestandsnaam=eigen.csv', 200)).body as LeerlingImportRapport;
      expect(first.status).toBe('kolommen-ontbreken');
      expect(first.kopregel).toEqual(['Nr.', 'Voornaam', 'Familienaam', 'Groep', 'Onderwijsnummer']);
      expect(first.ontbrekend).toEqual(['leerlingnummer']);
      expect(first.fouten[0]).toMatchObject({ path: 'kolommen.leerlingnummer' });
      const kolommen = encodeURIComponent(JSON.stringify({ leerlingnummer: 'Nr.', achternaam: 'Familienaam' }));
      const proef = (await upload('vmbo-beheerder', c.id, other, `bestandsnaam=eigen.csv&kolommen=${kolommen}`, 200)).body as LeerlingImportRapport;
      expect(proef).toMatchObject({ status: 'proef', toegevoegd: 1 });
      expect(proef.nietGelezen.find((n) => n.kop === 'Onderwijsnummer')?.reden).toContain('nooit');
      const mapToOwn = encodeURIComponent(JSON.stringify({ leerlingnummer: 'Onderwijsnummer', achternaam: 'Familienaam' }));
      const refused = await upload('vmbo-beheerder', c.id, other, `bestandsnaam=eigen.csv&dryRun=false&kolommen=${mapToOwn}`, 422);
      expect(refused.body.errors[0].message).toContain('BSN of onderwijsnummer');
      await upload('vmbo-beheerder', c.id, other, `bestandsnaam=eigen.csv&dryRun=false&kolommen=${kolommen}`, 200);
      expect((await pupilsIn(c.id)).map((r) => [r.leerlingnummer, r.roepnaam, r.achternaam, r.klas])).toEqual([['4001', 'Sara', 'Bos', '3C']]);
    });

    it('imports an XLSX export', async () => {
      const c = await createCohort(w);
      const wb = new ExcelJS.Workbook();
      const s = wb.addWorksheet('Leerlingen');
      s.addRow(['Leerlingnummer', 'Roepnaam', 'Voorvoegsel', 'Achternaam', 'Stamgroep', 'Niveau', 'Geboortedatum']);
      s.addRow(['5001', 'Mila', 'de', 'Vries', '3A', 'vmbo-k', '15-03-2011']);
      const res = await w.app.inject({
        method: 'POST',
        url: `/api/cohorten/${c.id}/leerlingen/import?bestandsnaam=somtoday.xlsx&dryRun=false`,
        headers: { ...w.as('vmbo-beheerder'), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: Buffer.from(await wb.xlsx.writeBuffer()),
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = (await w.call('vmbo-beheerder', 'GET', `/api/cohorten/${c.id}`, undefined, 200)).body as CohortDetail;
      expect(d.leerlingen[0]).toMatchObject({ leerlingnummer: '5001', tussenvoegsel: 'de', klas: '3A', leerweg: 'KB', geboortedatum: '2011-03-15' });
    });
  });

  describe('pupils by hand, reads and exports audited', () => {
    it('adds, changes with versie (409 when stale), refuses a duplicate number, removes', async () => {
      const c = await createCohort(w);
      const d = await addPupils(w, c.id, 2);
      const [a, b] = d.leerlingen;
      await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${c.id}/leerlingen`, { leerlingnummer: a!.leerlingnummer, roepnaam: 'X', achternaam: 'Y' }, 400);
      const changed = (await w.call('vmbo-examinator', 'PATCH', `/api/cohorten/${c.id}/leerlingen/${a!.id}`, { versie: a!.versie, klas: '3C', leerweg: 'GL' }, 200)).body as CohortDetail;
      expect(changed.leerlingen.find((l) => l.id === a!.id)).toMatchObject({ klas: '3C', leerweg: 'GL', versie: a!.versie + 1 });
      await w.call('vmbo-beheerder', 'PATCH', `/api/cohorten/${c.id}/leerlingen/${a!.id}`, { versie: a!.versie, klas: '3D' }, 409);
      const after = (await w.call('vmbo-beheerder', 'DELETE', `/api/cohorten/${c.id}/leerlingen/${b!.id}`, undefined, 200)).body as CohortDetail;
      expect(after.leerlingen.map((l) => l.id)).toEqual([a!.id]);
      await w.call('vmbo-beheerder', 'DELETE', `/api/cohorten/${c.id}/leerlingen/${b!.id}`, undefined, 404);
      expect(await auditCount('leerling.toegevoegd', c.id)).toBe(2);
      expect(await auditCount('leerling.gewijzigd', c.id)).toBe(1);
      expect(await auditCount('leerling.verwijderd', c.id)).toBe(1);
    });

    it('every staff read of the pupils and every export is in the audit log', async () => {
      const c = await createCohort(w, { naam: 'Audit groep' });
      await addPupils(w, c.id, 2);
      await w.call('vmbo-examencommissie', 'GET', `/api/cohorten/${c.id}`, undefined, 200);
      await w.call('vmbo-beheerder', 'GET', `/api/cohorten/${c.id}`, undefined, 200);
      expect(await auditCount('leerlingen.bekeken', c.id)).toBe(2);
      const res = await w.app.inject({ method: 'GET', url: `/api/cohorten/${c.id}/leerlingen.csv`, headers: w.as('vmbo-decaan') });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('leerlingen-Audit-groep-2026-2027.csv');
      expect(res.headers['cache-control']).toContain('no-store');
      const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Leerweg;Geboortedatum;ECK iD');
      expect(lines).toHaveLength(3);
      expect(await auditCount('leerlingen.geexporteerd', c.id)).toBe(1);
      const entry = await w.t.database.db.selectFrom('audit_log').select(['actor_user_id', 'organisation_id']).where('action', '=', 'leerlingen.geexporteerd').where('subject_id', '=', c.id).executeTakeFirstOrThrow();
      expect(entry).toEqual({ actor_user_id: w.userId['vmbo-decaan'], organisation_id: w.org.vmbo });
      // A refused read is not a read: nothing logged.
      await w.call('vmbo-ontwikkelaar', 'GET', `/api/cohorten/${c.id}`, undefined, 403);
      expect(await auditCount('leerlingen.bekeken', c.id)).toBe(2);
    });
  });

  describe('pupil accounts', () => {
    it('the invitation links the account; the pupil sees no cohort (404), the other pupil neither', async () => {
      const c = await createCohort(w);
      const d = await addPupils(w, c.id, 2, { start: 50 });
      await linkPupilAccount(w, d.leerlingen[0]!.id, 'leerling');
      const row = await w.t.database.db.selectFrom('leerling').select('account_id').where('id', '=', d.leerlingen[0]!.id).executeTakeFirstOrThrow();
      expect(row.account_id).toBe(w.userId.leerling);
      const detail = (await w.call('vmbo-beheerder', 'GET', `/api/cohorten/${c.id}`, undefined, 200)).body as CohortDetail;
      expect(detail.leerlingen.find((l) => l.id === d.leerlingen[0]!.id)!.heeftAccount).toBe(true);
      // No e-mail address on the pupil record, and a second invitation for a linked pupil is refused.
      expect(JSON.stringify(await pupilsIn(c.id))).not.toContain('@');
      await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${c.id}/leerlingen/${d.leerlingen[0]!.id}/uitnodiging`, { email: 'iemand@example.nl' }, 409);
      for (const actor of ['leerling', 'andere-leerling'] as const) {
        await w.call(actor, 'GET', `/api/cohorten/${c.id}`, undefined, 404);
        await w.call(actor, 'GET', `/api/leerroutes/${w.route}/cohorten`, undefined, 404);
      }
      expect(await auditCount('leerling.account_gekoppeld', c.id)).toBe(1);
    });
  });

  describe('retention', () => {
    it('the job removes the pupils of a cohort that is due, keeps the counts, leaves the others alone, once', async () => {
      const db = w.t.database.db;
      const due = await createCohort(w, { naam: 'Oud', schooljaar: '2020-2021', leerjaar: 3, bewaartermijnMaanden: 24 });
      const notYet = await createCohort(w, { naam: 'Nieuw', schooljaar: '2026-2027', leerjaar: 3 });
      const dueDetail = await addPupils(w, due.id, 3, { start: 70 });
      await addPupils(w, notYet.id, 2, { start: 80 });
      // One pupil registered for an exam and assessed (behaald), to show the counts.
      const examen = await db
        .insertInto('examen')
        .values({ partnership_id: w.partnership, leerroute_id: w.route, cohort_id: due.id, vmbo_organisation_id: w.org.vmbo, mbo_organisation_id: w.org.mbo, keuzedeel_code: 'K0072', grondslag: 'extraneus' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const plan = await db.insertInto('examenplan').values({ examen_id: examen.id, versienummer: 1, inhoud: JSON.stringify({}) }).returning('id').executeTakeFirstOrThrow();
      const leerling = dueDetail.leerlingen[0]!.id;
      await db.insertInto('examen_inschrijving').values({ examen_id: examen.id, leerling_id: leerling }).execute();
      await db.insertInto('beoordeling').values({ examen_id: examen.id, examenplan_id: plan.id, leerling_id: leerling, keuzedeel_resultaat: 'behaald' }).execute();

      // Before the removal day (2021-07-31 + 24 months = 2023-07-31): nothing happens.
      expect((await schoonLeerlingenOp({ db, peildatum: '2023-07-30' })).cohorten).toEqual([]);
      const job = new BewaartermijnJob({ db, now: () => new Date('2023-07-31T08:00:00Z') });
      const run = await job.run();
      await job.stop();
      expect(run?.cohorten.map((x) => x.id)).toEqual([due.id]);
      expect(await pupilsIn(due.id)).toEqual([]);
      expect(await db.selectFrom('beoordeling').select('id').where('examen_id', '=', examen.id).execute()).toEqual([]);
      const kept = (await w.call('vmbo-beheerder', 'GET', `/api/cohorten/${due.id}`, undefined, 200)).body as CohortDetail;
      expect(kept).toMatchObject({ leerlingen: [], aantalLeerlingen: 0, opgeschoond: { leerlingen: 3, inschrijvingen: 1, beoordelingen: 1, behaald: 1 }, magBeheren: false });
      expect(kept.opgeschoondAt).not.toBeNull();
      expect(await pupilsIn(notYet.id)).toHaveLength(2);
      expect(await auditCount('cohort.opgeschoond', due.id)).toBe(1);
      // Idempotent: a second run (another instance, the next hour) finds nothing; the cohort takes no new pupils.
      expect((await schoonLeerlingenOp({ db, peildatum: '2030-01-01' })).cohorten.map((x) => x.id)).not.toContain(due.id);
      expect(await auditCount('cohort.opgeschoond', due.id)).toBe(1);
      await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${due.id}/leerlingen`, { leerlingnummer: '1', roepnaam: 'A', achternaam: 'B' }, 409);
    });

    it('runs in the server: an app started with the job cleans a due cohort at start and stops the job when it closes', async () => {
      const db = w.t.database.db;
      const due = await createCohort(w, { naam: 'Oud in de server', schooljaar: '2019-2020', leerjaar: 3, bewaartermijnMaanden: 12 });
      await addPupils(w, due.id, 2, { start: 90 });
      const server = await buildApp({ db, bewaartermijnJob: true, mailSending: false, logLevel: 'silent' });
      await server.ready();
      // close() waits for the run that started when the app was ready.
      await server.close();
      expect(await pupilsIn(due.id)).toEqual([]);
      const row = await db.selectFrom('cohort').select(['opgeschoond', 'opgeschoond_at']).where('id', '=', due.id).executeTakeFirstOrThrow();
      expect(row.opgeschoond_at).not.toBeNull();
      expect(typeof row.opgeschoond === 'string' ? JSON.parse(row.opgeschoond) : row.opgeschoond).toEqual({ leerlingen: 2, inschrijvingen: 0, beoordelingen: 0, behaald: 0 });
    });
  });
});
