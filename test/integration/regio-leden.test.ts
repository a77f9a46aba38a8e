/**
 * The member schools of a region (issue 15), on both databases: the region's beheerder sees its schools with what
 * ties them to the menukaart, searches schools to add (those of another region marked and refused: never taken over),
 * adds and removes them; a school's beheerder sees its region and takes the school out under the same rules. Removal
 * is refused (409, saying what to do first) while the school has published modules or pupils' choices are open or
 * approved; its waiting proposals are withdrawn when it leaves. Audited in the logs of both. The demo region has its
 * own demo beheerder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { RegioKandidaat, RegioLeden, RegioLid, RegioVertrek, SchoolRegio } from '../../src/shared/regio-api.js';
import { z } from 'zod';
import { asUser, signIn } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { startMenukaartWorld, type MenukaartWorld } from '../support/menukaart-factory.js';

describe.skipIf(!databaseAvailable)(`member schools of a region (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  const db = () => m.w.t.database.db;
  const leden = (regio = m.regio) => `/api/regios/${regio}/leden`;
  const regioVan = async (id: string) => (await db().selectFrom('organisation').select('regio_id').where('id', '=', id).executeTakeFirstOrThrow()).regio_id;
  const audit = async (action: string) =>
    db().selectFrom('audit_log').select(['organisation_id', 'actor_user_id', 'subject_id', 'details']).where('action', '=', action).orderBy('id').execute();
  const moduleId = async (slug: string) => (await db().selectFrom('menukaart_module').select('id').where('slug', '=', slug).where('regio_id', '=', m.regio).executeTakeFirstOrThrow()).id;
  const intrekken = async (slug: string) => {
    const id = await moduleId(slug);
    const { versie } = await db().selectFrom('menukaart_module').select('versie').where('id', '=', id).executeTakeFirstOrThrow();
    await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${id}/besluit`, { actie: 'intrekken', versie }, 200);
  };
  const problem = (res: { status: number; headers: Record<string, unknown>; body: any }, status: number): string => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
    return res.body.detail as string;
  };

  beforeAll(async () => {
    m = await startMenukaartWorld();
  });
  afterAll(async () => {
    await m?.close();
  });

  it('gives the demo region its own beheerder account, who sees both demo schools with what ties them to the menukaart', async () => {
    const session = await signIn(m.w.app, 'beheerder@regio.demo', DEMO_PASSWORD);
    const res = await m.w.app.inject({ method: 'GET', url: leden(), headers: asUser(session) });
    expect(res.statusCode, res.body).toBe(200);
    const body = RegioLeden.parse(res.json());
    expect(body.regio).toEqual({ id: m.regio, naam: 'Demo Regio Techniek' });
    expect(body.magBeheren).toBe(true);
    expect(body.leden.map((l) => [l.naam, l.soort, l.brin, l.gepubliceerdeModules, l.openVoorstellen])).toEqual([
      ['Demo ROC', 'mbo-instelling', '99YY', 2, 0],
      ['Demo Vmbo College', 'vmbo-school', '99XX', 2, 1],
    ]);
    // Both offer published modules: neither can be removed now, and the list says why.
    for (const l of body.leden) expect(l.belemmeringen[0]).toMatch(/^De school biedt nog 2 gepubliceerde modules aan op de menukaart/);
    // The region's other staff read without managing.
    expect(RegioLeden.parse((await m.call('regio-ontwikkelaar', 'GET', leden(), undefined, 200)).body).magBeheren).toBe(false);
  });

  it('finds schools to add by name or BRIN: members left out, another region’s school marked with its region', async () => {
    const found = z.array(RegioKandidaat).parse((await m.call('regio-beheerder', 'GET', `${leden().replace('/leden', '/kandidaten')}?q=ander`, undefined, 200)).body);
    expect(found.map((k) => [k.naam, k.regio?.naam ?? null])).toEqual([
      ['Ander College', null],
      ['Andere School', 'Andere Regio'],
    ]);
    const demo = z.array(RegioKandidaat).parse((await m.call('regio-beheerder', 'GET', `/api/regios/${m.regio}/kandidaten?q=99X`, undefined, 200)).body);
    expect(demo).toEqual([]);
  });

  it('never takes over a school of another region, refuses a member twice and a region as a member; nothing changes', async () => {
    const auditBefore = (await audit('regio.school_toegevoegd')).length;
    expect(problem(await m.call('regio-beheerder', 'POST', leden(), { organisatieId: m.andereSchool }), 409)).toBe(
      'Andere School hoort al bij regio Andere Regio. Een school hoort bij één regio: de beheerder van Andere Regio haalt Andere School eerst uit die regio, of de beheerder van Andere School meldt de school daar af. Daarna kunt u Andere School toevoegen.',
    );
    expect(await regioVan(m.andereSchool)).toBe(m.andereRegio);
    expect(problem(await m.call('regio-beheerder', 'POST', leden(), { organisatieId: m.w.org.vmbo }), 409)).toBe('Demo Vmbo College is al lid van regio Demo Regio Techniek.');
    expect(problem(await m.call('regio-beheerder', 'POST', leden(), { organisatieId: m.andereRegio }), 400)).toMatch(/Alleen een vmbo-school of mbo-instelling/);
    expect(problem(await m.call('regio-beheerder', 'POST', leden(), { organisatieId: '00000000-0000-4000-8000-000000000000' }), 404)).toBe('Deze school of instelling bestaat niet.');
    expect(problem(await m.call('regio-beheerder', 'POST', leden(), { organisatieId: 'geen-id' }), 400)).toBeTruthy();
    // Other staff of the region: 403 with who can; outsiders do not learn the region exists.
    expect(problem(await m.call('regio-ontwikkelaar', 'POST', leden(), { organisatieId: m.w.org.foreign }), 403)).toBe('Alleen de beheerder van Demo Regio Techniek voegt scholen toe en haalt ze weg.');
    problem(await m.call('andere-regio-beheerder', 'POST', leden(), { organisatieId: m.w.org.foreign }), 404);
    problem(await m.call('vmbo-beheerder', 'GET', leden()), 404);
    expect((await audit('regio.school_toegevoegd')).length).toBe(auditBefore);
    expect(await regioVan(m.w.org.foreign)).toBeNull();
  });

  it('adds a school in no region (audited in both logs); it sees its region and proposes; removing it withdraws that proposal', async () => {
    const lid = RegioLid.parse((await m.call('regio-beheerder', 'POST', leden(), { organisatieId: m.w.org.foreign }, 201)).body);
    expect(lid).toMatchObject({ id: m.w.org.foreign, naam: 'Ander College', gepubliceerdeModules: 0, openVoorstellen: 0, belemmeringen: [] });
    expect(await regioVan(m.w.org.foreign)).toBe(m.regio);
    const added = await audit('regio.school_toegevoegd');
    expect(added.map((a) => a.organisation_id).sort()).toEqual([m.regio, m.w.org.foreign].sort());
    expect(added[0]!.details).toMatchObject({ school: 'Ander College', regio: 'Demo Regio Techniek' });

    // The school's beheerder sees the region and may take it out; the region is now open to it.
    const eigen = SchoolRegio.parse((await m.call('foreign', 'GET', `/api/organisaties/${m.w.org.foreign}/regio`, undefined, 200)).body);
    expect(eigen).toEqual({ regio: { id: m.regio, naam: 'Demo Regio Techniek', menukaartSlug: 'demo-regio-techniek' }, magVerlaten: true, belemmeringen: [] });
    const voorstel = (await m.call('foreign', 'POST', `/api/regios/${m.regio}/menukaart/modulen`, m.module({ aanbiederId: m.w.org.foreign, titel: 'Kennismaken bij Ander College' }), 201)).body;

    const weg = RegioVertrek.parse((await m.call('regio-beheerder', 'DELETE', `${leden()}/${m.w.org.foreign}`, undefined, 200)).body);
    expect(weg).toEqual({ bericht: 'Ander College is geen lid meer van regio Demo Regio Techniek. 1 open voorstel voor de menukaart is ingetrokken.', voorstellenIngetrokken: 1 });
    expect(await regioVan(m.w.org.foreign)).toBeNull();
    expect((await db().selectFrom('menukaart_module').select('status').where('id', '=', voorstel.id).executeTakeFirstOrThrow()).status).toBe('ingetrokken');
    const removed = await audit('regio.school_verwijderd');
    expect(removed.map((a) => a.organisation_id).sort()).toEqual([m.regio, m.w.org.foreign].sort());
    expect(removed[0]!.details).toMatchObject({ voorstellenIngetrokken: 1 });
    // As sentences in both audit logs (the school's own beheerder reads it in theirs).
    const zinnen = async (actor: 'regio-beheerder' | 'foreign', org: string) =>
      ((await m.call(actor, 'GET', `/api/organisaties/${org}/audit`, undefined, 200)).body as Array<{ zin: string }>).map((r) => r.zin);
    for (const [actor, org] of [['regio-beheerder', m.regio], ['foreign', m.w.org.foreign]] as const) {
      expect(await zinnen(actor, org)).toEqual(
        expect.arrayContaining([
          'Ruud Regio nam Ander College op als lid van regio Demo Regio Techniek.',
          'Ruud Regio haalde Ander College uit regio Demo Regio Techniek; 1 open voorstel voor de menukaart is ingetrokken.',
        ]),
      );
    }
    expect((await audit('menukaart.module_ingetrokken')).some((a) => a.subject_id === voorstel.id)).toBe(true);
    // No longer a member: 404 for removing again, and its page shows no region.
    expect(problem(await m.call('regio-beheerder', 'DELETE', `${leden()}/${m.w.org.foreign}`), 404)).toBe('Deze school is geen lid van deze regio.');
    expect(SchoolRegio.parse((await m.call('foreign', 'GET', `/api/organisaties/${m.w.org.foreign}/regio`, undefined, 200)).body).regio).toBeNull();
  });

  it('refuses a school’s leaving while it has published modules or pupils’ choices wait, saying what to do first; then it leaves', async () => {
    // A pupil of Demo Vmbo College chooses a module of Demo ROC: that choice ties both schools.
    const keuze = (await m.call('leerling', 'POST', '/api/keuze/mijn', { moduleId: await moduleId('zorg-en-technologie-verkennen') })).body;
    expect(keuze.status, JSON.stringify(keuze)).toBe('aangevraagd');
    const vmbo = `/api/organisaties/${m.w.org.vmbo}/regio`;
    const zicht = SchoolRegio.parse((await m.call('vmbo-beheerder', 'GET', vmbo, undefined, 200)).body);
    expect(zicht.magVerlaten).toBe(true);
    expect(zicht.belemmeringen).toEqual([
      'De school biedt nog 2 gepubliceerde modules aan op de menukaart (‘Duurzame energie in de praktijk’ en ‘Kennismaken met installatietechniek’). Vraag de beheerder van de regio die eerst in te trekken.',
      'Er wacht nog 1 keuze van leerlingen op een besluit. De decaan keurt die eerst goed of stuurt ze terug, of de leerlingen trekken ze in.',
    ]);
    // Other members see the region, without the reasons; only the beheerder may take the school out.
    expect(SchoolRegio.parse((await m.call('leerling', 'GET', vmbo, undefined, 200)).body)).toMatchObject({ magVerlaten: false, belemmeringen: [] });
    problem(await m.call('vmbo-ontwikkelaar', 'POST', `${vmbo}/verlaten`), 403);
    problem(await m.call('mbo-beheerder', 'POST', `${vmbo}/verlaten`), 404);

    const geweigerd = problem(await m.call('vmbo-beheerder', 'POST', `${vmbo}/verlaten`), 409);
    expect(geweigerd).toMatch(/^Demo Vmbo College kan nu niet uit regio Demo Regio Techniek\. De school biedt nog 2 gepubliceerde modules/);
    expect(geweigerd).toContain('Er wacht nog 1 keuze van leerlingen op een besluit.');
    // The ROC is tied by the same choice (on its module).
    expect(problem(await m.call('regio-beheerder', 'DELETE', `${leden()}/${m.w.org.mbo}`), 409)).toContain('Er wacht nog 1 keuze van leerlingen op een besluit.');
    expect(await regioVan(m.w.org.vmbo)).toBe(m.regio);

    // What the message says: the pupil withdraws the choice, the region withdraws the published modules.
    await m.call('leerling', 'POST', `/api/keuze/mijn/${keuze.id}/intrekken`, undefined, 200);
    expect(problem(await m.call('vmbo-beheerder', 'POST', `${vmbo}/verlaten`), 409)).not.toContain('keuze');
    await intrekken('kennismaken-met-installatietechniek');
    await intrekken('duurzame-energie-in-de-praktijk');
    const weg = RegioVertrek.parse((await m.call('vmbo-beheerder', 'POST', `${vmbo}/verlaten`, undefined, 200)).body);
    expect(weg).toEqual({ bericht: 'Demo Vmbo College is geen lid meer van regio Demo Regio Techniek. 1 open voorstel voor de menukaart is ingetrokken.', voorstellenIngetrokken: 1 });
    expect(await regioVan(m.w.org.vmbo)).toBeNull();
    expect((await db().selectFrom('menukaart_module').select('status').where('slug', '=', 'slimme-gebouwen').executeTakeFirstOrThrow()).status).toBe('ingetrokken');
    const left = await audit('regio.verlaten');
    expect(left.map((a) => a.organisation_id).sort()).toEqual([m.regio, m.w.org.vmbo].sort());
    expect(left[0]!.actor_user_id).toBe(m.w.userId['vmbo-beheerder']);
    // Leaving again: it is in no region.
    expect(problem(await m.call('vmbo-beheerder', 'POST', `${vmbo}/verlaten`), 404)).toBe('Deze school hoort bij geen enkele regio.');
    // And the region can take it back.
    RegioLid.parse((await m.call('regio-beheerder', 'POST', leden(), { organisatieId: m.w.org.vmbo }, 201)).body);
    expect(await regioVan(m.w.org.vmbo)).toBe(m.regio);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
