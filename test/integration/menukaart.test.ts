/**
 * The regional menukaart (issue 15) end to end through the API, on both databases: a school proposes, the region's
 * beheerder returns with a reason and publishes, a stale versie is a 409, the public menukaart is read without a
 * session and filtered, each module has a stable address, "leidt naar" shows confirmed links before suggestions, the
 * lifecycle and the dashboard, the audit sentences, and the exports opened again (CSV, XLSX with the project's reader,
 * PDF text with pdfjs-dist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/domain/mbo/xlsx.js';
import { MenukaartBeheer, MenukaartDashboard, ModuleDetail, PubliekeMenukaart } from '../../src/shared/menukaart-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { readPdf } from '../support/export-files.js';
import { startMenukaartWorld, type MenukaartWorld } from '../support/menukaart-factory.js';

describe.skipIf(!databaseAvailable)(`regional menukaart (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  let base: string;
  const PUBLIEK = '/api/publiek/menukaart/demo-regio-techniek';

  beforeAll(async () => {
    m = await startMenukaartWorld();
    base = `/api/regios/${m.regio}/menukaart`;
  }, 120_000);
  afterAll(async () => {
    await m?.close();
  });

  it('shows the demo menukaart publicly without a session: published modules only, with filter options', async () => {
    const res = await m.call('anonymous', 'GET', PUBLIEK, undefined, 200);
    const kaart = PubliekeMenukaart.parse(res.body);
    expect(kaart.regio).toMatchObject({ naam: 'Demo Regio Techniek', slug: 'demo-regio-techniek' });
    expect(kaart.modulen.map((x) => x.titel)).toContain('Kennismaken met installatietechniek');
    // The demo proposal waits for the region: not public.
    expect(kaart.modulen.map((x) => x.titel)).not.toContain('Slimme gebouwen');
    expect(kaart.modulen.every((x) => x.status === 'gepubliceerd')).toBe(true);
    expect(kaart.opties.soorten.map((s) => s.code)).toEqual(expect.arrayContaining(['kennismakend', 'verdiepend']));
    expect(kaart.opties.sectoren.map((s) => s.code)).toEqual(expect.arrayContaining(['techniek', 'economie']));
    await m.call('anonymous', 'GET', '/api/publiek/menukaart/bestaat-niet', undefined, 404);
  });

  it('lets a school propose, the region return with a reason, the school change it and the region publish it; a stale versie is a 409', async () => {
    const voorstel = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Lassen voor beginners', keuzevakken: ['K/PIE/16'] }), 201)).body);
    expect(voorstel).toMatchObject({ status: 'voorgesteld', slug: 'lassen-voor-beginners', profielen: [{ code: 'PIE' }], sectoren: ['techniek'], versie: 1 });
    // The ontwikkelaar of the provider may change and withdraw it, but sees no enrolment list (no pupil data).
    expect(voorstel.mag).toEqual({ wijzigen: true, besluiten: false, levenscyclus: false, examensVastleggen: true, intrekken: true, inschrijvingen: false });
    // Not public yet.
    await m.call('anonymous', 'GET', `${PUBLIEK}/modulen/lassen-voor-beginners`, undefined, 404);
    // The ROC sees another school's proposal only once published; the region sees it.
    await m.call('mbo-ontwikkelaar', 'GET', `/api/menukaart/modulen/${voorstel.id}`, undefined, 404);
    const beheer = MenukaartBeheer.parse((await m.call('regio-beheerder', 'GET', base, undefined, 200)).body);
    expect(beheer.magBeheren).toBe(true);
    expect(beheer.modulen.find((x) => x.id === voorstel.id)?.status).toBe('voorgesteld');

    // Returning needs a reason.
    const zonder = await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${voorstel.id}/besluit`, { actie: 'terugsturen', versie: 1 }, 400);
    expect(zonder.body.errors[0].path).toContain('reden');
    const terug = ModuleDetail.parse((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${voorstel.id}/besluit`, { actie: 'terugsturen', versie: 1, reden: 'Noem de benodigde veiligheidsinstructie.' }, 200)).body);
    expect(terug).toMatchObject({ status: 'teruggestuurd', redenTeruggestuurd: 'Noem de benodigde veiligheidsinstructie.', versie: 2 });

    // The school changes it (back to voorgesteld); someone else's stale versie is refused and nothing changes.
    const gewijzigd = ModuleDetail.parse(
      (await m.call('vmbo-ontwikkelaar', 'PUT', `/api/menukaart/modulen/${voorstel.id}`, { ...m.module({ titel: 'Lassen voor beginners', beschrijving: 'Met veiligheidsinstructie vooraf.' }), versie: 2 }, 200)).body,
    );
    expect(gewijzigd).toMatchObject({ status: 'voorgesteld', versie: 3, beschrijving: 'Met veiligheidsinstructie vooraf.' });
    const stale = await m.call('vmbo-beheerder', 'PUT', `/api/menukaart/modulen/${voorstel.id}`, { ...m.module({ titel: 'Oude titel' }), versie: 2 }, 409);
    expect(stale.body.detail).toMatch(/intussen door iemand anders gewijzigd/);
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${voorstel.id}/besluit`, { actie: 'publiceren', versie: 2 }, 409);

    const gepubliceerd = ModuleDetail.parse((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${voorstel.id}/besluit`, { actie: 'publiceren', versie: 3 }, 200)).body);
    expect(gepubliceerd).toMatchObject({ status: 'gepubliceerd', versie: 4 });
    expect(gepubliceerd.gepubliceerdOp).not.toBeNull();
    // Published twice: a 409 that says so.
    expect((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${voorstel.id}/besluit`, { actie: 'publiceren', versie: 4 }, 409)).body.detail).toBe('Deze module is al gepubliceerd.');

    // Stable public address, by slug and by id, without a session; no lifecycle and no rights in the public answer.
    const publiek = ModuleDetail.parse((await m.call('anonymous', 'GET', `${PUBLIEK}/modulen/lassen-voor-beginners`, undefined, 200)).body);
    expect(publiek).toMatchObject({ id: voorstel.id, titel: 'Lassen voor beginners', levenscyclus: null, redenTeruggestuurd: null });
    expect(publiek.mag).toEqual({ wijzigen: false, besluiten: false, levenscyclus: false, examensVastleggen: false, intrekken: false, inschrijvingen: false });
    expect((await m.call('anonymous', 'GET', `${PUBLIEK}/modulen/${voorstel.id}`, undefined, 200)).body.slug).toBe('lassen-voor-beginners');

    // The audit log of the region has the decisions as sentences.
    const audit = await m.w.t.database.db.selectFrom('audit_log').select(['action', 'organisation_id']).where('subject_id', '=', voorstel.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['menukaart.module_voorgesteld', 'menukaart.module_teruggestuurd', 'menukaart.module_gewijzigd', 'menukaart.module_gepubliceerd']);
  });

  it('lets the providing school withdraw its own proposal while it waits or was returned, not once published; the region can still publish it', async () => {
    const d = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Toch niet' }), 201)).body);
    const terug = ModuleDetail.parse((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'terugsturen', versie: d.versie, reden: 'Te kort beschreven.' }, 200)).body);
    // The region decides with its own actions; withdrawing is the school's.
    expect(terug.mag.intrekken).toBe(false);
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: terug.versie }, 403);
    const eigen = ModuleDetail.parse((await m.call('vmbo-beheerder', 'GET', `/api/menukaart/modulen/${d.id}`, undefined, 200)).body);
    expect(eigen.mag).toMatchObject({ wijzigen: true, intrekken: true, inschrijvingen: true });
    // Another school's staff and other roles of the school may not; a stale versie is a 409.
    await m.call('vmbo-decaan', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: terug.versie }, 403);
    await m.call('mbo-ontwikkelaar', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: terug.versie }, 403);
    await m.call('vmbo-ontwikkelaar', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: d.versie }, 409);
    const weg = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: terug.versie }, 200)).body);
    expect(weg).toMatchObject({ status: 'ingetrokken', redenTeruggestuurd: null });
    expect(weg.mag).toMatchObject({ intrekken: false });
    expect((await m.call('vmbo-ontwikkelaar', 'POST', `/api/menukaart/modulen/${d.id}/intrekken`, { versie: weg.versie }, 409)).body.detail).toBe('Deze module is al ingetrokken.');
    const beheer = MenukaartBeheer.parse((await m.call('vmbo-ontwikkelaar', 'GET', base, undefined, 200)).body);
    expect(beheer.modulen.find((x) => x.id === d.id)).toMatchObject({ status: 'ingetrokken', mag: { wijzigen: false, intrekken: false, inschrijvingen: false } });

    // A published module is taken off by the region, not withdrawn by the school.
    const p = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Al gepubliceerd' }), 201)).body);
    const pub = ModuleDetail.parse((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${p.id}/besluit`, { actie: 'publiceren', versie: p.versie }, 200)).body);
    expect((await m.call('vmbo-ontwikkelaar', 'POST', `/api/menukaart/modulen/${p.id}/intrekken`, { versie: pub.versie }, 409)).body.detail).toMatch(/Vraag de beheerder van de regio/);
    // The region may still publish a withdrawn proposal.
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: weg.versie }, 200);
    const audit = await m.w.t.database.db.selectFrom('audit_log').select(['action', 'organisation_id']).where('subject_id', '=', d.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toContain('menukaart.voorstel_ingetrokken');
    expect(audit.find((a) => a.action === 'menukaart.voorstel_ingetrokken')?.organisation_id).toBe(m.w.org.vmbo);
  });

  it('refuses bad input with Dutch field errors: unknown catalogue codes, a provider outside the region, a prerequisite that is not on the menukaart', async () => {
    const res = await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ keuzevakken: ['K/PIE/99'], keuzedelen: ['K9999'], kwalificaties: ['99999'] }), 400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.keuzevakken', 'body.keuzedelen', 'body.kwalificaties']);
    expect(res.body.detail).toBe('K/PIE/99 is geen keuzevak in de catalogus.');
    expect((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ aanbiederId: m.andereSchool }), 400)).body.errors[0].path).toBe('body.aanbiederId');
    expect((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ voorwaarden: ['00000000-0000-4000-8000-000000000000'] }), 400)).body.errors[0].path).toBe('body.voorwaarden');
    // Proposing on behalf of a school where you have no role.
    expect((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ aanbiederId: m.w.org.mbo }), 400)).body.errors[0].path).toBe('body.aanbiederId');
    await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, { ...m.module(), omvangEenheden: 5 }, 400);
  });

  it('filters the public menukaart by profiel, leerweg, sector, location, kind and period (a whole-year module runs in every period)', async () => {
    const ids: string[] = [];
    const maak = async (o: Parameters<MenukaartWorld['module']>[0]) => {
      const d = (await m.call('mbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ aanbiederId: m.w.org.mbo, ...o }), 201)).body as ModuleDetail;
      await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: d.versie }, 200);
      ids.push(d.id);
      return d;
    };
    const zorg = await maak({ titel: 'Filter zorg', keuzevakken: ['K/ZW/05'], leerwegen: ['GL', 'TL'], locatie: 'Filterstad', soort: 'verdiepend', periode: 'P4' });
    const jaar = await maak({ titel: 'Filter economie jaar', keuzevakken: ['K/EO/06'], leerwegen: ['TL'], locatie: 'Filterstad', soort: 'orienterend', periode: 'jaar' });
    const lijst = async (q: string) => PubliekeMenukaart.parse((await m.call('anonymous', 'GET', `${PUBLIEK}?${q}`, undefined, 200)).body).modulen.map((x) => x.id);
    expect(await lijst('locatie=filterstad')).toEqual(expect.arrayContaining([zorg.id, jaar.id]));
    expect((await lijst('locatie=Filterstad')).length).toBe(2);
    expect(await lijst('locatie=Filterstad&profiel=ZW')).toEqual([zorg.id]);
    expect(await lijst('locatie=Filterstad&sector=economie')).toEqual([jaar.id]);
    expect(await lijst('locatie=Filterstad&leerweg=GL')).toEqual([zorg.id]);
    expect(await lijst('locatie=Filterstad&soort=orienterend')).toEqual([jaar.id]);
    expect((await lijst('locatie=Filterstad&periode=P4')).sort()).toEqual([zorg.id, jaar.id].sort());
    expect(await lijst('locatie=Filterstad&periode=P2')).toEqual([jaar.id]);
    expect(await lijst('q=filter%20zorg')).toEqual([zorg.id]);
    expect(await lijst('profiel=XX')).toEqual([]);
    // Withdrawn: gone from the public menukaart at once (the cached answer follows the database), its page a 404.
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${zorg.id}/besluit`, { actie: 'intrekken', versie: zorg.versie + 1 }, 200);
    expect(await lijst('locatie=Filterstad')).toEqual([jaar.id]);
    await m.call('anonymous', 'GET', `${PUBLIEK}/modulen/${zorg.slug}`, undefined, 404);
  });

  it('shows where a module leads: the kwalificatie it names as confirmed, the zoekmonitor’s suggestions marked apart', async () => {
    const d = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Leidt naar', keuzevakken: ['K/PIE/16'], kwalificaties: ['25282'] }), 201)).body);
    expect(d.leidtNaar.bevestigd).toContainEqual(expect.objectContaining({ crebo: '25282', bron: 'module' }));
    expect(d.leidtNaar.suggesties.length).toBeGreaterThan(0);
    expect(d.leidtNaar.suggesties.map((s) => s.crebo)).not.toContain('25282');
    expect(d.leidtNaar.toelichting).toMatch(/Suggesties komen van de zoekmonitor/);
    expect(d.kwalificaties).toEqual([{ code: '25282', naam: 'Monteur koude- en klimaatsystemen' }]);
  });

  it('keeps the lifecycle: review and revision by the region (deadline within a year), exams by the provider, and the dashboard', async () => {
    const d = ModuleDetail.parse((await m.call('vmbo-ontwikkelaar', 'POST', `${base}/modulen`, m.module({ titel: 'Levenscyclus' }), 201)).body);
    const pub = ModuleDetail.parse((await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: 1 }, 200)).body);
    expect(pub.levenscyclus).toMatchObject({ laatsteReview: null, reviewVerlopen: false, herziening: null, voorstelVerwijderen: false });
    // Only the region's beheerder: the school 403, an outsider 404.
    await m.call('vmbo-beheerder', 'PUT', `/api/menukaart/modulen/${d.id}/levenscyclus`, { versie: 2, laatsteReview: '2020-01-01' }, 403);
    await m.call('foreign', 'PUT', `/api/menukaart/modulen/${d.id}/levenscyclus`, { versie: 2, laatsteReview: '2020-01-01' }, 404);
    const teLaat = await m.call('regio-beheerder', 'PUT', `/api/menukaart/modulen/${d.id}/levenscyclus`, { versie: 2, herziening: { opdracht: 'Nieuwe normen', deadline: '2099-01-01' } }, 400);
    expect(teLaat.body.detail).toMatch(/binnen een jaar/);
    await m.call('regio-beheerder', 'PUT', `/api/menukaart/modulen/${d.id}/levenscyclus`, { versie: 2, laatsteReview: '2099-01-01' }, 400);
    const deadline = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    const l = ModuleDetail.parse((await m.call('regio-beheerder', 'PUT', `/api/menukaart/modulen/${d.id}/levenscyclus`, { versie: 2, laatsteReview: '2020-03-01', herziening: { opdracht: 'Nieuwe normen', deadline } }, 200)).body);
    expect(l.levenscyclus).toMatchObject({ laatsteReview: '2020-03-01', volgendeReview: '2025-03-01', reviewVerlopen: true, herziening: { opdracht: 'Nieuwe normen', deadline, verlopen: false } });
    // Exams: the provider records them per schooljaar and school; a school outside the region is refused.
    await m.call('vmbo-examencommissie', 'PUT', `/api/menukaart/modulen/${d.id}/examens`, { schooljaar: '2025-2026', schoolId: m.w.org.vmbo, aantal: 12 }, 200);
    await m.call('vmbo-examencommissie', 'PUT', `/api/menukaart/modulen/${d.id}/examens`, { schooljaar: '2025-2026', schoolId: m.andereSchool, aantal: 1 }, 400);
    await m.call('mbo-ontwikkelaar', 'PUT', `/api/menukaart/modulen/${d.id}/examens`, { schooljaar: '2025-2026', schoolId: m.w.org.mbo, aantal: 1 }, 403);
    const met = ModuleDetail.parse((await m.call('regio-beheerder', 'GET', `/api/menukaart/modulen/${d.id}`, undefined, 200)).body);
    expect(met.levenscyclus!.examens).toEqual([{ schooljaar: '2025-2026', aantal: 12, bron: 'vastgelegd' }]);

    const dash = MenukaartDashboard.parse((await m.call('regio-beheerder', 'GET', `${base}/dashboard`, undefined, 200)).body);
    expect(dash.reviewsNodig.map((r) => r.id)).toContain(d.id);
    expect(dash.deelname).toContainEqual({ moduleId: d.id, titel: 'Levenscyclus', school: 'Demo Vmbo College', schooljaar: '2025-2026', aantal: 12 });
    expect(dash.wachtOpBesluit).toBeGreaterThanOrEqual(1);
    await m.call('vmbo-beheerder', 'GET', `${base}/dashboard`, undefined, 403);
  });

  it('exports the filtered public menukaart as CSV, XLSX and an accessible PDF brochure, each opened again', async () => {
    const csv = await m.call('anonymous', 'GET', `${PUBLIEK}/export?formaat=csv&profiel=PIE`, undefined, 200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="menukaart-demo-regio-techniek.csv"');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(';').slice(0, 3)).toEqual(['Titel', 'Soort', 'Omvang (eenheden)']);
    expect(lines.some((l) => l.startsWith('Kennismaken met installatietechniek;Kennismakende module;1;Demo Vmbo College'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Ondernemend aan de slag'))).toBe(false);

    const xlsx = await m.call('anonymous', 'GET', `${PUBLIEK}/export?formaat=xlsx`, undefined, 200);
    const rows = await readXlsxTable(xlsx.raw);
    expect(rows[0]![0]).toBe('Titel');
    const ondernemend = rows.find((r) => r[0] === 'Ondernemend aan de slag')!;
    expect(ondernemend.slice(1, 4)).toEqual(['Keuzevak-keuzedeelarrangement', '2', 'Demo ROC']);
    expect(ondernemend.at(-1)).toMatch(/\/regio\/demo-regio-techniek\/menukaart\/ondernemend-aan-de-slag$/);

    const pdf = await m.call('anonymous', 'GET', `${PUBLIEK}/export?formaat=pdf&sector=techniek`, undefined, 200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.raw);
    expect(read.text).toContain('Menukaart Demo Regio Techniek');
    expect(read.text).toContain('Kennismaken met installatietechniek');
    expect(read.text).not.toContain('Ondernemend aan de slag');
    expect(read.structRoles).toEqual(expect.arrayContaining(['H1', 'H2', 'Table']));
    await m.call('anonymous', 'GET', `${PUBLIEK}/export?formaat=doc`, undefined, 400);
  });
});
