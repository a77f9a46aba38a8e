/**
 * The pupil's programme (issue 15), on both databases: a pupil chooses published modules of the region's menukaart
 * within the school's settings; refusals (capacity, missing prerequisite, after the deadline, more than allowed per
 * period) answer with clear Dutch messages; the decaan approves (the pupil lands in a cohort of the module's
 * leerroute) or sends back with a reason; other schools and other pupils get 404; the pupil's page shows the
 * programme, deadlines and the extra admission requirements an mbo instelling entered. The provider of a module sees
 * the pupils with an approved choice on its enrolment list, with the places used and left, as CSV and XLSX, every
 * read and export in the audit log; a school that does not provide the module does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/domain/mbo/xlsx.js';
import { Keuze, MijnProgramma, SchoolKeuzes } from '../../src/shared/keuze-api.js';
import { MenukaartBeheer, ModuleDetail, ModuleInschrijvingen } from '../../src/shared/menukaart-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startMenukaartWorld, type MenukaartWorld } from '../support/menukaart-factory.js';

const SJ = '2030-2031';

describe.skipIf(!databaseAvailable)(`Modules kiezen en goedkeuren (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  let base: string;
  const publiceer = async (o: Parameters<MenukaartWorld['module']>[0]) => {
    const d = (await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module(o), 201)).body as ModuleDetail;
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: d.versie }, 200);
    return d;
  };
  const kies = (actor: 'leerling' | 'andere-leerling', moduleId: string, expected: number, schooljaar = SJ) => m.call(actor, 'POST', '/api/keuze/mijn', { moduleId, schooljaar }, expected);

  beforeAll(async () => {
    m = await startMenukaartWorld();
    base = `/api/regios/${m.regio}/menukaart`;
  });
  afterAll(() => m?.close());

  it('refuses a full module, a missing prerequisite, a choice after the deadline and one too many per period, each with a clear message', async () => {
    const klein = await publiceer({ titel: 'Kleine groep', capaciteit: 1, periode: 'P1' });
    Keuze.parse((await kies('andere-leerling', klein.id, 201)).body);
    const vol = await kies('leerling', klein.id, 409);
    expect(vol.headers['content-type']).toContain('application/problem+json');
    expect(vol.body.detail).toBe(`‘Kleine groep’ is vol: alle 1 plaatsen voor periode 1 van ${SJ} zijn al gekozen. Kies een andere module.`);

    const kennis = await publiceer({ titel: 'Kennismaken met techniek', soort: 'kennismakend', periode: 'P2' });
    const verdiep = await publiceer({ titel: 'Verdiepen in techniek', soort: 'verdiepend', periode: 'P3', voorwaarden: [kennis.id] });
    const mist = await kies('leerling', verdiep.id, 400);
    expect(mist.body.detail).toBe('Voor ‘Verdiepen in techniek’ moet je eerst ‘Kennismaken met techniek’ volgen. Kies die eerst voor een eerdere periode.');
    expect(mist.body.errors[0].path).toBe('moduleId');
    await kies('leerling', kennis.id, 201);
    await kies('leerling', verdiep.id, 201);
    // Chosen twice: refused.
    expect((await kies('leerling', verdiep.id, 409)).body.detail).toBe(`Je hebt ‘Verdiepen in techniek’ voor ${SJ} al gekozen.`);

    // The school's deadline for P4 of this schooljaar has passed.
    const inst = (await m.call('vmbo-decaan', 'GET', `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, undefined, 200)).body;
    expect(inst).toMatchObject({ modulesPerPeriode: 2, versie: 0 });
    await m.call('vmbo-decaan', 'PUT', `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, { modulesPerPeriode: 1, deadlines: { [`${SJ}/P4`]: '2020-01-15' }, versie: 0 }, 200);
    await m.call('vmbo-decaan', 'PUT', `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, { modulesPerPeriode: 1, deadlines: {}, versie: 0 }, 409);
    const laat = await publiceer({ titel: 'Laat in het jaar', periode: 'P4' });
    expect((await kies('leerling', laat.id, 409)).body.detail).toBe(`Kiezen voor periode 4 van ${SJ} kon tot en met 15 januari 2020. Die datum is voorbij; vraag je decaan of mentor wat je nu kunt doen.`);

    // One module per period now: a second P2 module is refused.
    const ook = await publiceer({ titel: 'Nog een in periode 2', periode: 'P2' });
    expect((await kies('leerling', ook.id, 409)).body.detail).toBe(`Je kiest op jouw school hoogstens 1 module per periode, en voor periode 2 van ${SJ} heb je er al 1.`);
    await m.call('vmbo-beheerder', 'PUT', `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, { modulesPerPeriode: 2, deadlines: {}, versie: 1 }, 200);

    // A module that is not published, or of another region: 404.
    const voorstel = (await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Nog niet gepubliceerd' }), 201)).body as ModuleDetail;
    await kies('leerling', voorstel.id, 404);
    // Staff are not pupils.
    await m.call('vmbo-decaan', 'POST', '/api/keuze/mijn', { moduleId: ook.id, schooljaar: SJ }, 404);
  });

  it('the decaan approves (the pupil lands in a cohort of the leerroute) or sends back with a reason; versie; other schools and pupils 404', async () => {
    const route = await publiceer({ titel: 'Route naar het mbo', periode: 'jaar', leerrouteId: m.w.route, capaciteit: 30 });
    const gewoon = await publiceer({ titel: 'Zonder route', periode: 'P1', capaciteit: 30 });
    const k1 = Keuze.parse((await kies('leerling', route.id, 201, '2031-2032')).body);
    const k2 = Keuze.parse((await kies('leerling', gewoon.id, 201, '2031-2032')).body);
    expect(k1).toMatchObject({ status: 'aangevraagd', periode: 'jaar', schooljaar: '2031-2032', deadline: '2031-08-18' });

    const lijst = SchoolKeuzes.parse((await m.call('vmbo-decaan', 'GET', `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes`, undefined, 200)).body);
    expect(lijst.keuzes.map((k) => k.id)).toEqual(expect.arrayContaining([k1.id, k2.id]));
    const db = m.w.t.database.db;
    const gelezen = await db.selectFrom('audit_log').select('action').where('action', '=', 'keuze.leerlingen.bekeken').where('organisation_id', '=', m.w.org.vmbo).execute();
    expect(gelezen.length).toBeGreaterThan(0);

    // Other school's decaan, the mbo partner: 404; other staff of the school: 403; pupils 404.
    const besluit = `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${k1.id}/besluit`;
    await m.call('foreign', 'POST', besluit, { besluit: 'goedkeuren', versie: 1 }, 404);
    await m.call('foreign', 'POST', `/api/keuze/organisaties/${m.w.org.foreign}/keuzes/${k1.id}/besluit`, { besluit: 'goedkeuren', versie: 1 }, 404);
    await m.call('mbo-beheerder', 'POST', besluit, { besluit: 'goedkeuren', versie: 1 }, 404);
    await m.call('vmbo-examinator', 'POST', besluit, { besluit: 'goedkeuren', versie: 1 }, 403);
    await m.call('leerling', 'POST', besluit, { besluit: 'goedkeuren', versie: 1 }, 404);
    await m.call('vmbo-decaan', 'POST', besluit, { besluit: 'goedkeuren', versie: 2 }, 409);

    const goed = Keuze.parse((await m.call('vmbo-decaan', 'POST', besluit, { besluit: 'goedkeuren', versie: 1 }, 200)).body);
    expect(goed.status).toBe('goedgekeurd');
    expect(goed.cohort?.naam).toBe('Keuzevak en keuzedeel samen 2031-2032');
    const cohort = await db.selectFrom('cohort').selectAll().where('id', '=', goed.cohort!.id).executeTakeFirstOrThrow();
    expect(cohort).toMatchObject({ organisation_id: m.w.org.vmbo, leerroute_id: m.w.route, schooljaar: '2031-2032', leerjaar: 3 });
    const leerling = await db.selectFrom('leerling').selectAll().where('cohort_id', '=', cohort.id).execute();
    expect(leerling).toHaveLength(1);
    expect(leerling[0]!.account_id).toBe(m.w.userId.leerling);
    await m.call('vmbo-decaan', 'POST', besluit, { besluit: 'goedkeuren', versie: 2 }, 409);

    // Sending back needs a reason; the pupil sees it.
    const terug = `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${k2.id}/besluit`;
    expect((await m.call('vmbo-decaan', 'POST', terug, { besluit: 'terugsturen', versie: 1 }, 400)).body.errors[0].path).toContain('reden');
    await m.call('vmbo-decaan', 'POST', terug, { besluit: 'terugsturen', reden: 'Kies liever iets bij je profiel; we bespreken het maandag.', versie: 1 }, 200);

    // A second approval for the same route and schooljaar finds the cohort instead of making one.
    const k3 = Keuze.parse((await kies('andere-leerling', route.id, 201, '2031-2032')).body);
    const goed3 = Keuze.parse((await m.call('vmbo-decaan', 'POST', `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${k3.id}/besluit`, { besluit: 'goedkeuren', versie: 1 }, 200)).body);
    expect(goed3.cohort?.id).toBe(cohort.id);
    expect(await db.selectFrom('leerling').select('id').where('cohort_id', '=', cohort.id).execute()).toHaveLength(2);

    // The pupil's own: another pupil cannot withdraw it (404); an approved one cannot be withdrawn (409).
    await m.call('andere-leerling', 'POST', `/api/keuze/mijn/${k2.id}/intrekken`, undefined, 404);
    await m.call('leerling', 'POST', `/api/keuze/mijn/${k1.id}/intrekken`, undefined, 409);
    await m.call('leerling', 'POST', `/api/keuze/mijn/${k2.id}/intrekken`, undefined, 200);

    const mijn = MijnProgramma.parse((await m.call('leerling', 'GET', '/api/keuze/mijn', undefined, 200)).body);
    expect(mijn.keuzes.find((k) => k.id === k1.id)).toMatchObject({ status: 'goedgekeurd', cohort: { id: cohort.id } });
    expect(mijn.keuzes.find((k) => k.id === k2.id)).toBeUndefined();
    expect(mijn.deadlines.some((d) => d.wat.startsWith('Aanmelden bij het mbo vóór 1 april'))).toBe(true);
    const andere = MijnProgramma.parse((await m.call('andere-leerling', 'GET', '/api/keuze/mijn', undefined, 200)).body);
    expect(andere.keuzes.some((k) => k.id === k1.id)).toBe(false);
  });

  it('an mbo beheerder enters extra admission requirements per kwalificatie; the pupil sees those of the modules they chose', async () => {
    const crebo = '25282';
    const url = `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen/${crebo}`;
    await m.call('mbo-ontwikkelaar', 'PUT', url, { tekst: 'Een gesprek.', versie: 0 }, 403);
    await m.call('vmbo-beheerder', 'PUT', `/api/keuze/organisaties/${m.w.org.vmbo}/toelatingseisen/${crebo}`, { tekst: 'Een gesprek.', versie: 0 }, 404);
    await m.call('mbo-beheerder', 'PUT', `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen/99999`, { tekst: 'Onbekend.', versie: 0 }, 400);
    const eis = (await m.call('mbo-beheerder', 'PUT', url, { tekst: 'Een intakegesprek en een werkstuk over techniek.', versie: 0 }, 200)).body;
    expect(eis).toMatchObject({ crebo, versie: 1, instellingNaam: 'Demo ROC' });
    await m.call('mbo-beheerder', 'PUT', url, { tekst: 'Oud.', versie: 0 }, 409);
    const mod = await publiceer({ titel: 'Op weg naar de opleiding', periode: 'P2', kwalificaties: [crebo], capaciteit: 30 });
    await kies('andere-leerling', mod.id, 201, '2032-2033');
    const mijn = MijnProgramma.parse((await m.call('andere-leerling', 'GET', '/api/keuze/mijn', undefined, 200)).body);
    expect(mijn.toelatingseisen).toEqual([expect.objectContaining({ crebo, tekst: 'Een intakegesprek en een werkstuk over techniek.', instellingNaam: 'Demo ROC' })]);
  });

  it('gives the provider an enrolment list of the approved choices with the places per period, as CSV and XLSX, every read and export audited', async () => {
    const SJ2 = '2034-2035';
    const mod = await publiceer({ titel: 'Inschrijven = plannen', periode: 'P2', capaciteit: 3 });
    const route = await publiceer({ titel: 'Met een groep', periode: 'P3', capaciteit: 5, leerrouteId: m.w.route });
    const anna = Keuze.parse((await kies('andere-leerling', mod.id, 201, SJ2)).body);
    const wacht = Keuze.parse((await kies('leerling', mod.id, 201, SJ2)).body);
    const geplaatst = Keuze.parse((await kies('leerling', route.id, 201, SJ2)).body);
    const besluit = (k: Keuze) => m.call('vmbo-decaan', 'POST', `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${k.id}/besluit`, { besluit: 'goedkeuren', versie: k.versie }, 200);
    await besluit(anna);
    await besluit(geplaatst);

    const url = `/api/menukaart/modulen/${mod.id}/inschrijvingen`;
    const lijst = ModuleInschrijvingen.parse((await m.call('vmbo-examinator', 'GET', url, undefined, 200)).body);
    // Only the approved choice, with only what the provider needs (no leerlingnummer, birth date or contact data).
    expect(lijst.leerlingen).toEqual([{ naam: 'Anna Anders', school: 'Demo Vmbo College', leerweg: null, leerjaar: 3, schooljaar: SJ2, periode: 'P2' }]);
    expect(lijst.plaatsen.find((p) => p.schooljaar === SJ2)).toEqual({ schooljaar: SJ2, periode: 'P2', capaciteit: 3, goedgekeurd: 1, aangevraagd: 1, vrij: 1 });
    expect(lijst.schooljaren).toContain(SJ2);
    expect(wacht.status).toBe('aangevraagd');
    // One schooljaar only.
    const leeg = ModuleInschrijvingen.parse((await m.call('regio-beheerder', 'GET', `${url}?schooljaar=2035-2036`, undefined, 200)).body);
    expect(leeg).toMatchObject({ schooljaar: '2035-2036', leerlingen: [], plaatsen: [{ schooljaar: '2035-2036', goedgekeurd: 0, aangevraagd: 0, vrij: 3 }] });
    expect((await m.call('regio-beheerder', 'GET', `${url}?schooljaar=2035`, undefined, 400)).body.errors[0].path).toContain('schooljaar');

    // A placed pupil: the leerling record of the cohort gives the name and the cohort's leerjaar.
    const metGroep = ModuleInschrijvingen.parse((await m.call('vmbo-decaan', 'GET', `/api/menukaart/modulen/${route.id}/inschrijvingen?schooljaar=${SJ2}`, undefined, 200)).body);
    expect(metGroep.leerlingen).toHaveLength(1);
    expect(metGroep.leerlingen[0]).toMatchObject({ school: 'Demo Vmbo College', leerjaar: 3, periode: 'P3' });
    expect(metGroep.plaatsen).toEqual([{ schooljaar: SJ2, periode: 'P3', capaciteit: 5, goedgekeurd: 1, aangevraagd: 0, vrij: 4 }]);

    // Ontwikkelaars and the examencommissie of the provider, the other school of the region: 403; pupils 403.
    for (const a of ['vmbo-ontwikkelaar', 'vmbo-examencommissie', 'mbo-beoordelaar', 'leerling'] as const) await m.call(a, 'GET', url, undefined, 403);
    await m.call('foreign', 'GET', url, undefined, 404);

    // CSV: semicolons, BOM, the same columns; XLSX read back with the project's reader.
    const csv = await m.call('vmbo-beheerder', 'GET', `${url}/export?formaat=csv&schooljaar=${SJ2}`, undefined, 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain(`inschrijvingen-inschrijven-plannen-${SJ2}.csv`);
    const regels = csv.raw.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(regels).toEqual(['Leerling;School;Leerweg;Leerjaar;Schooljaar;Periode', `Anna Anders;Demo Vmbo College;onbekend;3;${SJ2};Periode 2`]);
    const xlsx = await m.call('regio-beheerder', 'GET', `${url}/export?formaat=xlsx`, undefined, 200);
    const rows = await readXlsxTable(xlsx.raw);
    expect(rows[0]).toEqual(['Leerling', 'School', 'Leerweg', 'Leerjaar', 'Schooljaar', 'Periode']);
    expect(rows.slice(1)).toEqual([['Anna Anders', 'Demo Vmbo College', 'onbekend', '3', SJ2, 'Periode 2']]);
    await m.call('vmbo-ontwikkelaar', 'GET', `${url}/export?formaat=csv`, undefined, 403);
    await m.call('vmbo-beheerder', 'GET', `${url}/export?formaat=pdf`, undefined, 400);

    // Every read and export is in the audit log, for the organisation the reader acts for.
    const db = m.w.t.database.db;
    const log = await db.selectFrom('audit_log').select(['action', 'organisation_id', 'details']).where('subject_id', '=', mod.id).where('action', 'like', 'menukaart.inschrijvingen%').orderBy('id').execute();
    expect(log.map((r) => [r.action, r.organisation_id])).toEqual([
      ['menukaart.inschrijvingen_bekeken', m.w.org.vmbo],
      ['menukaart.inschrijvingen_bekeken', m.regio],
      ['menukaart.inschrijvingen_geexporteerd', m.w.org.vmbo],
      ['menukaart.inschrijvingen_geexporteerd', m.regio],
    ]);
    expect(log[2]!.details).toMatchObject({ titel: 'Inschrijven = plannen', schooljaar: SJ2, aantal: 1, formaat: 'csv' });

    // A pupil not placed in a cohort by this module: the leerweg and names of their newest record at the school.
    await db.updateTable('leerling').set({ leerweg: 'KB', roepnaam: 'Anna', tussenvoegsel: 'van', achternaam: 'Anders' }).where('account_id', '=', m.w.userId['andere-leerling']).execute();
    const bekend = ModuleInschrijvingen.parse((await m.call('vmbo-examinator', 'GET', `${url}?schooljaar=${SJ2}`, undefined, 200)).body);
    expect(bekend.leerlingen).toEqual([expect.objectContaining({ naam: 'Anna van Anders', leerweg: 'KB', leerjaar: 3 })]);
  });

  it('a module of the mbo instelling: its beoordelaar sees the enrolment list, the sending school\'s decaan does not (it sees its own pupils\' choices)', async () => {
    const SJ3 = '2036-2037';
    const d = ModuleDetail.parse((await m.call('mbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Meedraaien op het ROC', aanbiederId: m.w.org.mbo, periode: 'P1', capaciteit: 10 }), 201)).body);
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: d.versie }, 200);
    const k = Keuze.parse((await kies('andere-leerling', d.id, 201, SJ3)).body);
    await m.call('vmbo-decaan', 'POST', `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${k.id}/besluit`, { besluit: 'goedkeuren', versie: k.versie }, 200);
    const lijst = ModuleInschrijvingen.parse((await m.call('mbo-beoordelaar', 'GET', `/api/menukaart/modulen/${d.id}/inschrijvingen?schooljaar=${SJ3}`, undefined, 200)).body);
    expect(lijst.leerlingen.map((l) => l.school)).toEqual(['Demo Vmbo College']);
    expect(lijst.leerlingen[0]!.naam).toMatch(/^Anna (van )?Anders$/);
    await m.call('vmbo-decaan', 'GET', `/api/menukaart/modulen/${d.id}/inschrijvingen`, undefined, 403);
    // The provider's menukaart view says which lists it may open.
    const beheer = MenukaartBeheer.parse((await m.call('mbo-beheerder', 'GET', base, undefined, 200)).body);
    expect(beheer.modulen.find((x) => x.id === d.id)?.mag).toEqual({ wijzigen: true, intrekken: false, inschrijvingen: true });
    expect(beheer.modulen.find((x) => x.aanbieder.id === m.w.org.vmbo && x.status === 'gepubliceerd')?.mag.inschrijvingen).toBe(false);
    expect(ModuleDetail.parse((await m.call('mbo-beoordelaar', 'GET', `/api/menukaart/modulen/${d.id}`, undefined, 200)).body).mag).toMatchObject({ wijzigen: false, inschrijvingen: true });
  });
});
