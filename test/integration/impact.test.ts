/**
 * Issue 16 end to end on the national data (skips without ../shared): a samenwerking whose route and crosswalk use a
 * keuzevak, an eindterm, a kwalificatie's werkproces and a keuzedeel; a second release (built in the test from the
 * real data) changes exactly those; the imports flag exactly those usages, the repair moves them to the successors
 * (with a preview first), and the route's coverage is whole again, with the old references in the history.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMboTabel } from '../../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { reviewLink } from '../../src/server/use-cases/inventory/review-crosswalk.js';
import { createRoute } from '../../src/server/use-cases/leerroutes/create-route.js';
import { getCoverage, getRoute } from '../../src/server/use-cases/leerroutes/get-route.js';
import { getHistory } from '../../src/server/use-cases/leerroutes/history.js';
import { planItems } from '../../src/server/use-cases/leerroutes/planning.js';
import { handleWijzigingen, listWijzigingen, openWijzigingen } from '../../src/server/use-cases/impact/wijzigingen.js';
import { zetImpactMail, zetVolgen } from '../../src/server/use-cases/impact/volgen.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { createSession, resolveSession, type AuthContext } from '../../src/server/use-cases/auth/session.js';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { importNationalData } from '../support/app.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';
import { buildSecondRelease, type BuiltRelease } from '../support/impact-release.js';
import { hasMboData, hasSloData } from '../support/shared-data.js';

const CREBO = '25119';
const NIEUWE_CREBO = '29119';
const KEUZEVAK = 'K/BWI/01';
const NIEUWE_KEUZEVAK = 'K/BWI/91';
const KEUZEVAK_2 = 'K/BWI/02';
const KEUZEDEEL = 'K0008';

async function authOf(db: TestDatabase['db'], userId: string): Promise<AuthContext> {
  const { token } = await createSession(db, userId);
  const auth = await resolveSession({ db, token });
  if (!auth) throw new Error('geen sessie');
  return auth;
}

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`impact of a national release and its repair (${TEST_DB})`, () => {
  let database: TestDatabase;
  let vmbo: AuthContext;
  let mbo: AuthContext;
  let watcher: AuthContext;
  let partnershipId: string;
  let route: LeerrouteDetail;
  let route2: LeerrouteDetail;
  let release: BuiltRelease;
  let eindtermId: string;
  let kvEindtermId: string;
  let werkprocesCode: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await importNationalData(db);
    const v = await createUser({ db, email: 'vmbo@impact.test', naam: 'Vera Vmbo', organisatie: 'Vmbo Impact', soort: 'vmbo-school', rol: 'ontwikkelaar' });
    const m = await createUser({ db, email: 'mbo@impact.test', naam: 'Mo Mbo', organisatie: 'Mbo Impact', soort: 'mbo-instelling', rol: 'beheerder' });
    const w = await createUser({ db, email: 'volger@impact.test', naam: 'Wim Volger', organisatie: 'Ergens', soort: 'vmbo-school', rol: 'ontwikkelaar' });
    partnershipId = await insertPartnership(db, 'Samenwerking impact', [v.organisationId, m.organisationId]);
    vmbo = await authOf(db, v.userId);
    mbo = await authOf(db, m.userId);
    watcher = await authOf(db, w.userId);
    route = await createRoute({
      db, auth: vmbo, partnershipId,
      input: { naam: 'Route bouw', type: 'doorlopend', vmbo: { profiel: 'BWI', leerweg: 'BB', profielmodulen: [], keuzevakken: [KEUZEVAK, KEUZEVAK_2] }, mbo: { kwalificatie: CREBO, keuzedelen: [KEUZEDEEL] } },
    });
    const kv2 = route.doelen.find((d) => d.soort === 'eindterm' && d.bron.code === KEUZEVAK_2)!;
    const kv1 = route.doelen.find((d) => d.soort === 'eindterm' && d.bron.code === KEUZEVAK && d.id !== kv2.id)!;
    const wp = route.doelen.find((d) => d.soort === 'werkproces' && d.id.startsWith(`${CREBO}:`))!;
    const kd = route.doelen.find((d) => d.id === `keuzedeel:${KEUZEDEEL}`)!;
    expect([kv1, kv2, wp, kd].every(Boolean)).toBe(true);
    eindtermId = kv2.id;
    kvEindtermId = kv1.id;
    werkprocesCode = wp.id.split(':')[1]!;
    route = await planItems({ db, auth: vmbo, routeId: route.id, input: { items: [eindtermId], leerjaar: 3, periode: 1 } });
    route = await planItems({ db, auth: vmbo, routeId: route.id, input: { items: [kvEindtermId], leerjaar: 3, periode: 2 } });
    route = await planItems({ db, auth: mbo, routeId: route.id, input: { items: [wp.id], leerjaar: 5, periode: 1 } });
    route = await planItems({ db, auth: mbo, routeId: route.id, input: { items: [kd.id], leerjaar: 5, periode: 2 } });
    // A second route of the same samenwerking plans the same werkproces: a repair acts on every route.
    route2 = await createRoute({ db, auth: vmbo, partnershipId, input: { naam: 'Route bouw 2', type: 'doorlopend', vmbo: { profiel: 'BWI', leerweg: 'BB', profielmodulen: [], keuzevakken: [KEUZEVAK_2] }, mbo: { kwalificatie: CREBO, keuzedelen: [] } } });
    route2 = await planItems({ db, auth: mbo, routeId: route2.id, input: { items: [wp.id], leerjaar: 5, periode: 3 } });
    await reviewLink({ db, auth: mbo, partnershipId, input: { eindtermId, werkprocesId: wp.id, actie: 'toevoegen', relatie: 'deels' } });
    await zetVolgen({ db, auth: watcher, item: `kwalificatie:${CREBO}`, volgen: true });
    // The deeltaak of the changed eindterm gets the new eindterm.
    const deeltaakId = (await db.selectFrom('vmbo_item').select('parent_id').where('id', '=', eindtermId).executeTakeFirstOrThrow()).parent_id!;
    release = buildSecondRelease({ keuzevakCode: KEUZEVAK, nieuweKeuzevakCode: NIEUWE_KEUZEVAK, eindtermId, deeltaakId, crebo: CREBO, nieuweCrebo: NIEUWE_CREBO, keuzedeelCode: KEUZEDEEL });
  }, 600_000);
  afterAll(async () => {
    release?.cleanup();
    await database?.destroy();
  });

  it('flags exactly the changed items where the samenwerking uses them, with successors, counts and one mail per person', async () => {
    const db = database.db;
    await zetImpactMail({ db, auth: vmbo, aan: false });
    const slo = await importSlo({ db, location: release.sloDir, release: '2026-01' });
    expect(slo.status).toBe('geimporteerd');
    expect(slo.impact).toMatchObject({ samenwerkingen: 1, items: 2 });
    // The report holds counts only: no names of samenwerkingen, routes or people.
    expect(JSON.stringify(slo.impact)).not.toMatch(/impact|Route bouw|Vera/);
    const kwal = await importMboTabel({ db, file: path.join(release.mboDir, 'kwalificaties.csv'), release: '2026' });
    expect(kwal.impact).toMatchObject({ samenwerkingen: 1, items: 1 });
    const wp = await importMboTabel({ db, file: path.join(release.mboDir, 'kerntaken-werkprocessen.csv'), release: '2026' });
    expect(wp.impact?.samenwerkingen).toBe(1);
    const kd = await importMboTabel({ db, file: path.join(release.mboDir, 'keuzedelen.csv'), release: '2026' });
    expect(kd.impact).toMatchObject({ samenwerkingen: 1, items: 1 });
    // The werkproces is planned in two routes: two places, one samenwerking.
    expect(wp.impact).toMatchObject({ items: 1, gebruik: 3 });

    // At the import only counts per samenwerking are written for planning; the findings of planning (one per item)
    // are written when the samenwerking's page is first read.
    const counts = await sql<{ items: number; plekken: number }>`SELECT items, plekken FROM samenwerking_impact WHERE partnership_id = ${partnershipId} ORDER BY release_id`.execute(db);
    expect(counts.rows.map((r) => [Number(r.items), Number(r.plekken)])).toEqual([[1, 1], [1, 2], [1, 1]]);
    const vooraf = await db.selectFrom('samenwerking_wijziging').select('id').where('partnership_id', '=', partnershipId).where('gebruik', '=', 'planning').execute();
    expect(vooraf).toEqual([]);

    // What changed in the catalogue: the new eindterm is recorded too, but touches no work.
    const nieuw = await db.selectFrom('catalogus_wijziging').select(['item_id', 'wijziging']).where('item_id', '=', release.nieuweEindtermId).executeTakeFirst();
    expect(nieuw?.wijziging).toBe('nieuw');

    const lijst = await listWijzigingen({ db, auth: vmbo, partnershipId });
    const per = (item: string) => lijst.wijzigingen.filter((w) => w.itemId === item);
    const wpId = `${CREBO}:${werkprocesCode}`;
    expect(new Set(lijst.wijzigingen.map((w) => w.itemId))).toEqual(new Set([`keuzevak:${KEUZEVAK}`, eindtermId, `kwalificatie:${CREBO}`, wpId, `keuzedeel:${KEUZEDEEL}`]));
    expect(per(`keuzevak:${KEUZEVAK}`).map((w) => w.gebruik)).toEqual(['route']);
    expect(per(`keuzevak:${KEUZEVAK}`)[0]!.opvolger).toEqual({ id: `keuzevak:${NIEUWE_KEUZEVAK}`, tekst: expect.stringContaining(NIEUWE_KEUZEVAK), herkomst: 'bron' });
    expect(new Set(per(eindtermId).map((w) => w.gebruik))).toEqual(new Set(['planning', 'koppeling']));
    const tekst = per(eindtermId)[0]!;
    expect(tekst.wijziging).toBe('tekst');
    expect(tekst.verschil.some((s) => s.soort === 'erbij' && s.tekst.includes('opdrachtgever'))).toBe(true);
    expect(per(`kwalificatie:${CREBO}`)[0]!.opvolger).toMatchObject({ id: `kwalificatie:${NIEUWE_CREBO}`, herkomst: 'bron' });
    expect(new Set(per(wpId).map((w) => w.gebruik))).toEqual(new Set(['planning', 'koppeling']));
    expect(per(wpId)[0]!.opvolger).toMatchObject({ id: `${NIEUWE_CREBO}:${werkprocesCode}`, herkomst: 'bron' });
    // One finding of planning per item for the whole samenwerking; its places are the regels of both routes.
    const wpPlanning = per(wpId).filter((w) => w.gebruik === 'planning');
    expect(wpPlanning).toHaveLength(1);
    expect(new Set(wpPlanning[0]!.plekken.map((p) => p.leerrouteId))).toEqual(new Set([route.id, route2.id]));
    expect(wpPlanning[0]!.omschrijving).toBe('planning van 2 leerroutes (2 planningsregels)');
    expect(per(eindtermId).find((w) => w.gebruik === 'planning')!.plekken).toEqual([{ leerrouteId: route.id, omschrijving: expect.stringContaining('leerjaar 3 periode 1') }]);
    expect(new Set(per(`keuzedeel:${KEUZEDEEL}`).map((w) => w.gebruik))).toEqual(new Set(['route', 'planning']));
    expect(per(`keuzedeel:${KEUZEDEEL}`)[0]!.opvolger?.herkomst ?? 'suggestie').toBe('suggestie');
    expect(lijst.open).toBe(lijst.wijzigingen.length);
    expect((await openWijzigingen({ db, auth: mbo })).totaal).toBe(lijst.open);

    // Before the repair the route warns about what is vervallen.
    const dekking = await getCoverage({ db, auth: vmbo, routeId: route.id });
    expect(dekking.waarschuwingen.some((w) => w.itemIds.includes(wpId))).toBe(true);

    // Mail: the mbo beheerder and the watcher, one mail each per import; the vmbo ontwikkelaar turned them off.
    const mails = await db.selectFrom('mail_outbox').select(['recipient', 'subject', 'body']).where('subject', 'like', '%landelijke gegevens%').execute();
    const to = mails.map((m) => m.recipient);
    expect(to.filter((t) => t === 'mbo@impact.test')).toHaveLength(4);
    expect(to).not.toContain('vmbo@impact.test');
    expect(to.filter((t) => t === 'volger@impact.test')).toHaveLength(1);
    expect(mails.find((m) => m.recipient === 'mbo@impact.test')!.body).toContain(`/samenwerkingen/${partnershipId}/wijzigingen`);
  });

  it('repairs within the samenwerking: preview, move to the successors, keep with a reason, remove; coverage whole again; nothing lost', async () => {
    const db = database.db;
    const lijst = await listWijzigingen({ db, auth: vmbo, partnershipId });
    const metOpvolger = lijst.wijzigingen.filter((w) => w.opvolger?.herkomst === 'bron').map((w) => w.id);
    const preview = await handleWijzigingen({ db, auth: vmbo, partnershipId, input: { ids: metOpvolger, actie: 'verplaatsen', voorbeeld: true } });
    expect(preview.verwerkt).toBe(metOpvolger.length);
    expect(preview.regels.some((r) => r.includes(NIEUWE_CREBO))).toBe(true);
    expect((await listWijzigingen({ db, auth: vmbo, partnershipId })).open).toBe(lijst.open);

    // Staff may read, but keeping needs a reason; another samenwerking's rows are not found.
    await expect(handleWijzigingen({ db, auth: vmbo, partnershipId, input: { ids: [lijst.wijzigingen[0]!.id], actie: 'behouden', voorbeeld: false } })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(listWijzigingen({ db, auth: watcher, partnershipId })).rejects.toMatchObject({ code: 'not_found' });

    const moved = await handleWijzigingen({ db, auth: vmbo, partnershipId, input: { ids: metOpvolger, actie: 'verplaatsen', voorbeeld: false } });
    expect(moved.verwerkt).toBe(metOpvolger.length);
    const tekst = lijst.wijzigingen.filter((w) => w.wijziging === 'tekst').map((w) => w.id);
    await handleWijzigingen({ db, auth: mbo, partnershipId, input: { ids: tekst, actie: 'behouden', reden: 'De nieuwe tekst past nog bij de koppeling.', voorbeeld: false } });
    const kd = lijst.wijzigingen.filter((w) => w.itemId === `keuzedeel:${KEUZEDEEL}`).map((w) => w.id);
    await handleWijzigingen({ db, auth: mbo, partnershipId, input: { ids: kd, actie: 'verwijderen', voorbeeld: false } });

    const na = await listWijzigingen({ db, auth: vmbo, partnershipId });
    expect(na.open).toBe(0);
    expect(na.wijzigingen.find((w) => w.status === 'behouden')).toMatchObject({ reden: 'De nieuwe tekst past nog bij de koppeling.', afgehandeldDoor: 'Mo Mbo' });
    expect((await openWijzigingen({ db, auth: vmbo })).totaal).toBe(0);

    const r = await getRoute({ db, auth: vmbo, routeId: route.id });
    expect(r.vmbo.keuzevakken.map((k) => k.code)).toEqual([NIEUWE_KEUZEVAK, KEUZEVAK_2]);
    expect(r.mbo.kwalificatie?.crebo).toBe(NIEUWE_CREBO);
    expect(r.mbo.keuzedelen).toEqual([]);
    const planned = r.planning.flatMap((p) => p.items);
    expect(planned).toContain(`${NIEUWE_CREBO}:${werkprocesCode}`);
    expect(planned).toContain(eindtermId);
    expect(planned).toContain(kvEindtermId);
    expect(planned).not.toContain(`keuzedeel:${KEUZEDEEL}`);
    // The second route was moved too, with its own history naming the old reference.
    const r2 = await getRoute({ db, auth: mbo, routeId: route2.id });
    expect(r2.planning.flatMap((p) => p.items)).toEqual([`${NIEUWE_CREBO}:${werkprocesCode}`]);
    expect(JSON.stringify(await getHistory({ db, auth: mbo, routeId: route2.id, limit: 100 }))).toContain(`werkproces ${werkprocesCode} (kwalificatie ${CREBO})`);
    const dekking = await getCoverage({ db, auth: vmbo, routeId: route.id });
    expect(dekking.waarschuwingen.filter((w) => w.code === 'doel-vervallen' || w.code === 'doel-hoort-niet-bij-route')).toEqual([]);

    // Nothing lost: the route history names the old reference, the crosswalk review the old pair, the audit the action.
    const historie = await getHistory({ db, auth: vmbo, routeId: route.id, limit: 100 });
    expect(JSON.stringify(historie)).toContain(`werkproces ${werkprocesCode} (kwalificatie ${CREBO})`);
    const review = await db.selectFrom('crosswalk_review').select(['werkproces_id', 'toelichting']).where('partnership_id', '=', partnershipId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(review.werkproces_id).toBe(`${NIEUWE_CREBO}:${werkprocesCode}`);
    expect(review.toelichting).toContain(`${CREBO}:${werkprocesCode}`);
    const audit = await db.selectFrom('audit_log').select('action').where('subject_id', '=', partnershipId).where('action', 'like', 'impact.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['impact.verplaatst', 'impact.behouden', 'impact.verwijderd']));
  });
});
