/**
 * The pupil's programme (issue 15), on both databases: a pupil chooses published modules of the region's menukaart
 * within the school's settings; refusals (capacity, missing prerequisite, after the deadline, more than allowed per
 * period) answer with clear Dutch messages; the decaan approves (the pupil lands in a cohort of the module's
 * leerroute) or sends back with a reason; other schools and other pupils get 404; the pupil's page shows the
 * programme, deadlines and the extra admission requirements an mbo instelling entered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keuze, MijnProgramma, SchoolKeuzes } from '../../src/shared/keuze-api.js';
import type { ModuleDetail } from '../../src/shared/menukaart-api.js';
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
});
