/**
 * Issue 15, LOB and the loopbaandossier on a real database: the pupil writes activities with reflections and the
 * oplegger (stale versie 409); the decaan of the pupil's school reads the dossier (each read in the audit log) and
 * marks the school's LOB parts done; another school, the mbo partner and another pupil get 404, other staff 403; the
 * share link shows only what the pupil chose, expires and can be revoked (then 404); staff forwarding a dossier is
 * refused with the rule and its source; the downloads are opened (JSON parsed, PDF text read with pdfjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GedeeldDossier, LobDossier } from '../../src/shared/lob-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';
import { readPdf } from '../support/export-files.js';
import { activiteit, maakActiviteit, maakDeellink, maakOnderdeel, oplegger, overDagen } from '../support/lob-factory.js';

describe.skipIf(!databaseAvailable)(`LOB en loopbaandossier (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let eerste: { id: string; versie: number };
  let tweede: { id: string; versie: number };
  let onderdeelId: string;

  beforeAll(async () => {
    w = await startExamenWorld();
    onderdeelId = (await maakOnderdeel(w)).id;
    eerste = await maakActiviteit(w, 'leerling', { onderdeelId });
    tweede = await maakActiviteit(w, 'leerling', { soort: 'open-dag', titel: 'Open dag ROC', reflecties: { motievenreflectie: 'Ik vind samenwerken belangrijk.' } });
  });
  afterAll(async () => w?.close());

  const auditCount = async (action: string) =>
    Number((await w.t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

  it('the pupil writes activities and sees them in their own dossier, with the school programme', async () => {
    const d = LobDossier.parse((await w.call('leerling', 'GET', '/api/lob/mijn-dossier', undefined, 200)).body);
    expect(d.leerling.id).toBe(w.userId.leerling);
    expect(d.activiteiten.map((a) => a.titel).sort()).toEqual(['Meeloopdag Installatietechniek bij het ROC', 'Open dag ROC']);
    expect(d.activiteiten.find((a) => a.id === eerste.id)!.reflecties.werkexploratie).toContain('werkplaats');
    expect(d.programma).toHaveLength(1);
    expect(d.programma[0]).toMatchObject({ titel: 'Beroepenmarkt', activiteiten: 1, afgerond: null });
    // Another pupil of the same school has an empty dossier of their own.
    const ander = LobDossier.parse((await w.call('andere-leerling', 'GET', '/api/lob/mijn-dossier', undefined, 200)).body);
    expect(ander.activiteiten).toEqual([]);
  });

  it('refuses bad input with field errors and a stale versie with 409', async () => {
    const leeg = await w.call('leerling', 'POST', '/api/lob/mijn-dossier/activiteiten', activiteit({ reflecties: {} }), 400);
    expect(JSON.stringify(leeg.body)).toContain('loopbaancompetentie');
    await w.call('leerling', 'POST', '/api/lob/mijn-dossier/activiteiten', activiteit({ soort: 'feest' as never }), 400);
    await w.call('leerling', 'POST', '/api/lob/mijn-dossier/activiteiten', activiteit({ datum: '2026-02-30' }), 400);
    const gewijzigd = (await w.call('leerling', 'PUT', `/api/lob/mijn-dossier/activiteiten/${tweede.id}`, { ...activiteit({ titel: 'Open dag ROC (2)' }), versie: tweede.versie }, 200)).body;
    expect(gewijzigd.versie).toBe(tweede.versie + 1);
    const stale = await w.call('leerling', 'PUT', `/api/lob/mijn-dossier/activiteiten/${tweede.id}`, { ...activiteit({ titel: 'Oud tabblad' }), versie: tweede.versie }, 409);
    expect(stale.body.code).toBe('conflict');
    tweede = gewijzigd;
    // Another pupil cannot change or delete this pupil's activity: it does not exist for them.
    await w.call('andere-leerling', 'PUT', `/api/lob/mijn-dossier/activiteiten/${tweede.id}`, { ...activiteit(), versie: tweede.versie }, 404);
    await w.call('andere-leerling', 'DELETE', `/api/lob/mijn-dossier/activiteiten/${tweede.id}`, undefined, 404);
  });

  it('the oplegger: the pupil fills it in with the admission dates; stale versie 409; foreign activities 400', async () => {
    const o = (await w.call('leerling', 'PUT', '/api/lob/mijn-dossier/oplegger', oplegger([eerste.id]), 200)).body;
    expect(o.datums).toEqual({ aanmeldenVoor: '2027-04-01', aanvullendeEisenBekendVoor: '2027-02-01' });
    expect(o.versie).toBe(1);
    await w.call('leerling', 'PUT', '/api/lob/mijn-dossier/oplegger', oplegger([eerste.id]), 409);
    const ander = await maakActiviteit(w, 'andere-leerling');
    await w.call('leerling', 'PUT', '/api/lob/mijn-dossier/oplegger', oplegger([ander.id], {}, 1), 400);
    const o2 = (await w.call('leerling', 'PUT', '/api/lob/mijn-dossier/oplegger', oplegger([eerste.id, tweede.id], { startjaar: 2028 }, 1), 200)).body;
    expect(o2.datums.aanmeldenVoor).toBe('2028-04-01');
  });

  it('the decaan of the school reads the dossier, each read in the audit log, and marks a part done', async () => {
    const voor = await auditCount('lob.dossier.gelezen');
    const d = LobDossier.parse((await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}`, undefined, 200)).body);
    expect(d.activiteiten).toHaveLength(2);
    expect(d.deellinks).toEqual([]);
    expect(await auditCount('lob.dossier.gelezen')).toBe(voor + 1);
    const entry = await w.t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'lob.dossier.gelezen').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: w.userId['vmbo-decaan'], organisation_id: w.org.vmbo, subject_id: w.userId.leerling });

    const lijst = (await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/leerlingen`, undefined, 200)).body;
    expect(lijst.leerlingen.find((l: { gebruikerId: string }) => l.gebruikerId === w.userId.leerling)).toMatchObject({ activiteiten: 2, opleggerIngevuld: true, onderdelen: 1 });
    expect(await auditCount('lob.leerlingen.bekeken')).toBeGreaterThan(0);

    const na = LobDossier.parse((await w.call('vmbo-decaan', 'PUT', `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}/onderdelen/${onderdeelId}`, { afgerond: true }, 200)).body);
    expect(na.programma[0]!.afgerond?.door).toBe('Dirk Decaan');
    const eigen = LobDossier.parse((await w.call('leerling', 'GET', '/api/lob/mijn-dossier', undefined, 200)).body);
    expect(eigen.programma[0]!.afgerond).not.toBeNull();
  });

  it('nobody else reads it: other school, mbo partner and other pupils 404, other staff of the school 403', async () => {
    const url = `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}`;
    for (const actor of ['foreign', 'mbo-beheerder', 'mbo-beoordelaar', 'andere-leerling', 'leerling'] as const) await w.call(actor, 'GET', url, undefined, 404);
    for (const actor of ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-examencommissie'] as const) await w.call(actor, 'GET', url, undefined, 403);
    await w.call('anonymous', 'GET', url, undefined, 401);
    // The foreign school's decaan cannot reach the pupil through their own school either.
    await w.call('foreign', 'GET', `/api/lob/organisaties/${w.org.foreign}/leerlingen/${w.userId.leerling}`, undefined, 404);
    // Staff have no dossier of their own.
    await w.call('vmbo-decaan', 'GET', '/api/lob/mijn-dossier', undefined, 404);
  });

  it('staff can never send a dossier to another school: 403 naming the rule and its source', async () => {
    const url = `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}/doorsturen`;
    for (const actor of ['vmbo-decaan', 'vmbo-beheerder'] as const) {
      const res = await w.call(actor, 'POST', url, undefined, 403);
      expect(res.body.code).toBe('forbidden');
      expect(res.body.detail).toContain('eigendom van de leerling');
      expect(res.body.detail).toContain('Bron:');
    }
    await w.call('foreign', 'POST', url, undefined, 404);
    expect(await auditCount('lob.doorsturen.geweigerd')).toBe(2);
  });

  it('a share link shows only what the pupil chose, counts its openings, and stops after revoking', async () => {
    const { token, deellink } = await maakDeellink(w, { activiteitIds: [eerste.id], oplegger: true, programma: false });
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const stored = await w.t.database.db.selectFrom('lob_deellink').selectAll().where('id', '=', deellink.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const g = GedeeldDossier.parse((await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token }, 200)).body);
    expect(g.activiteiten.map((a) => a.id)).toEqual([eerste.id]);
    expect(g.oplegger?.inhoud.activiteitIds).toEqual([eerste.id]);
    expect(g.programma).toBeNull();
    expect(g.leerling.naam).toBeTruthy();
    // A signed-in mbo intake opens it the same way.
    await w.call('mbo-beheerder', 'POST', '/api/lob/gedeeld', { token }, 200);

    const wie = (await w.call('leerling', 'GET', '/api/lob/mijn-dossier/wie-ziet', undefined, 200)).body;
    expect(wie.lezers).toEqual([{ naam: 'Dirk Decaan', rol: 'decaan' }]);
    expect(wie.deellinks.find((l: { id: string }) => l.id === deellink.id)).toMatchObject({ status: 'actief', keerGeopend: 2 });

    await w.call('andere-leerling', 'POST', `/api/lob/mijn-dossier/deellinks/${deellink.id}/intrekken`, undefined, 404);
    const ingetrokken = (await w.call('leerling', 'POST', `/api/lob/mijn-dossier/deellinks/${deellink.id}/intrekken`, undefined, 200)).body;
    expect(ingetrokken.status).toBe('ingetrokken');
    const weg = await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token }, 404);
    expect(weg.body.detail).toContain('ingetrokken');
    expect((await w.call('leerling', 'GET', '/api/lob/mijn-dossier/wie-ziet', undefined, 200)).body.deellinks.some((l: { id: string }) => l.id === deellink.id)).toBe(false);
  });

  it('an expired link answers 404 like an unknown one; bad expiry dates and empty shares are refused', async () => {
    const { token, deellink } = await maakDeellink(w);
    await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token }, 200);
    await w.t.database.db.updateTable('lob_deellink').set({ verloopt_at: new Date(Date.now() - 1000) }).where('id', '=', deellink.id).execute();
    await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token }, 404);
    await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token: 'x'.repeat(43) }, 404);
    await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token: 'kort' }, 400);
    await w.call('leerling', 'POST', '/api/lob/mijn-dossier/deellinks', { ontvanger: 'Intake', verlooptOp: overDagen(-2), oplegger: true }, 400);
    await w.call('leerling', 'POST', '/api/lob/mijn-dossier/deellinks', { ontvanger: 'Intake', verlooptOp: overDagen(400), oplegger: true }, 400);
    await w.call('leerling', 'POST', '/api/lob/mijn-dossier/deellinks', { ontvanger: 'Intake', verlooptOp: overDagen(5) }, 400);
    // Only pupils share: staff have no dossier to share.
    await w.call('vmbo-decaan', 'POST', '/api/lob/mijn-dossier/deellinks', { ontvanger: 'Intake', verlooptOp: overDagen(5), oplegger: true }, 404);
  });

  it('the pupil downloads the whole dossier as JSON and as an accessible PDF', async () => {
    const json = await w.t.app.inject({ method: 'GET', url: '/api/lob/mijn-dossier/loopbaandossier.json', headers: w.as('leerling') });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('loopbaandossier-');
    const parsed = JSON.parse(json.body);
    expect(parsed.soort).toBe('loopbaandossier');
    const d = LobDossier.parse(parsed.dossier);
    expect(d.activiteiten).toHaveLength(2);
    expect(d.oplegger?.inhoud.opleiding).toContain('monteur');

    const pdf = await w.t.app.inject({ method: 'GET', url: '/api/lob/mijn-dossier/loopbaandossier.pdf', headers: w.as('leerling') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.text).toContain('Loopbaandossier');
    expect(read.text).toContain('Meeloopdag Installatietechniek');
    expect(read.text).toContain('Werkexploratie');
    expect(read.text).toContain('Aanmelden vóór');
    expect(read.structRoles).toContain('H1');

    for (const actor of ['vmbo-decaan', 'foreign'] as const) {
      const res = await w.t.app.inject({ method: 'GET', url: '/api/lob/mijn-dossier/loopbaandossier.pdf', headers: w.as(actor) });
      expect(res.statusCode).toBe(404);
    }
  });

  it('the dossier is part of what the pupil downloads as their own data (AVG), and nobody else\'s export holds it', async () => {
    const own = await w.call('leerling', 'GET', '/api/account/gegevens', undefined, 200);
    expect(own.body.loopbaandossiers).toHaveLength(1);
    const d = LobDossier.parse(own.body.loopbaandossiers[0]);
    expect(d.activiteiten).toHaveLength(2);
    const decaan = await w.call('vmbo-decaan', 'GET', '/api/account/gegevens', undefined, 200);
    expect(decaan.body.loopbaandossiers).toEqual([]);
  });

  it('the decaan keeps the programme (stale versie 409); other staff 403, other schools 404', async () => {
    const p = (await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/programma`, undefined, 200)).body;
    const o = p.onderdelen[0];
    const gewijzigd = (await w.call('vmbo-decaan', 'PUT', `/api/lob/organisaties/${w.org.vmbo}/programma/${o.id}`, { ...o, periode: 'december', versie: o.versie }, 200)).body;
    expect(gewijzigd.periode).toBe('december');
    await w.call('vmbo-decaan', 'PUT', `/api/lob/organisaties/${w.org.vmbo}/programma/${o.id}`, { ...o, versie: o.versie }, 409);
    await w.call('vmbo-ontwikkelaar', 'POST', `/api/lob/organisaties/${w.org.vmbo}/programma`, { leerjaar: 3, titel: 'x' }, 403);
    await w.call('foreign', 'GET', `/api/lob/organisaties/${w.org.vmbo}/programma`, undefined, 404);
    await w.call('vmbo-decaan', 'POST', `/api/lob/organisaties/${w.org.vmbo}/programma`, { leerjaar: 9, titel: 'x' }, 400);
  });

  it('a pupil who leaves the school keeps the dossier (handed to them); the school no longer reads it', async () => {
    const a = await maakActiviteit(w, 'andere-leerling', { titel: 'Snuffelstage bakkerij' });
    await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId['andere-leerling']}`, undefined, 200);
    await w.t.database.db.deleteFrom('membership').where('user_id', '=', w.userId['andere-leerling']).where('rol', '=', 'leerling').execute();
    await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId['andere-leerling']}`, undefined, 404);
    const lijst = (await w.call('vmbo-decaan', 'GET', `/api/lob/organisaties/${w.org.vmbo}/leerlingen`, undefined, 200)).body;
    expect(lijst.leerlingen.some((l: { gebruikerId: string }) => l.gebruikerId === w.userId['andere-leerling'])).toBe(false);
    const eigen = LobDossier.parse((await w.call('andere-leerling', 'GET', '/api/lob/mijn-dossier', undefined, 200)).body);
    expect(eigen.activiteiten.map((x) => x.id)).toContain(a.id);
    const wie = (await w.call('andere-leerling', 'GET', '/api/lob/mijn-dossier/wie-ziet', undefined, 200)).body;
    expect(wie).toMatchObject({ opSchool: false, lezers: [] });
    const pdf = await w.t.app.inject({ method: 'GET', url: '/api/lob/mijn-dossier/loopbaandossier.pdf', headers: w.as('andere-leerling') });
    expect(pdf.statusCode).toBe(200);
    const { token } = await maakDeellink(w, { activiteitIds: [a.id], oplegger: false }, 'andere-leerling');
    expect(GedeeldDossier.parse((await w.call('anonymous', 'POST', '/api/lob/gedeeld', { token }, 200)).body).activiteiten[0]!.titel).toBe('Snuffelstage bakkerij');
  });

  it('deleting the pupil account removes the whole dossier (it hangs on the account)', async () => {
    await maakActiviteit(w, 'andere-leerling');
    const db = w.t.database.db;
    const n = async () => Number((await db.selectFrom('lob_activiteit').select((eb) => eb.fn.countAll().as('n')).where('account_id', '=', w.userId['andere-leerling']).executeTakeFirstOrThrow()).n);
    expect(await n()).toBeGreaterThan(0);
    await db.deleteFrom('session').where('user_id', '=', w.userId['andere-leerling']).execute();
    await db.deleteFrom('app_user').where('id', '=', w.userId['andere-leerling']).execute();
    expect(await n()).toBe(0);
  });
});
