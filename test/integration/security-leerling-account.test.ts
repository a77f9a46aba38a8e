/**
 * Security review (attacker helper): a pupil record belongs to one account.
 *
 * The school refuses a second invitation for a pupil that already has an account (409), but two invitations sent
 * before either was accepted (the first to a mistyped address, say, then one to the right address) are both live. The
 * second one accepted must not move the record to another account: that account would then see the pupil's exam
 * results, statements and vrijstellingen, and the pupil would lose them. Accepting it is refused, changes nothing, and
 * the record stays with the account that accepted first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { linkTokenOf } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_EMAIL, type ExamenWorld } from '../support/examen-world.js';
import { addPupils, createCohort } from '../support/leerlingen-factory.js';

describe.skipIf(!databaseAvailable)(`a pupil record belongs to one account (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let w: ExamenWorld;

  beforeAll(async () => {
    w = await startExamenWorld();
  });
  afterAll(async () => {
    await w?.t.close();
  });

  async function invite(cohortId: string, leerlingId: string, email: string): Promise<string> {
    const before = (await w.t.outbox()).length;
    await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${cohortId}/leerlingen/${leerlingId}/uitnodiging`, { email }, 202);
    const mail = (await w.t.outbox()).slice(before).find((m) => m.to === email);
    if (!mail) throw new Error(`no invitation mail to ${email}`);
    return linkTokenOf(mail, '/uitnodiging-accepteren');
  }

  const accountOf = async (leerlingId: string) => (await w.t.database.db.selectFrom('leerling').select('account_id').where('id', '=', leerlingId).executeTakeFirstOrThrow()).account_id;

  it('a second live invitation for a pupil who already has an account is refused when accepted; the record stays linked', async () => {
    const c = await createCohort(w, { naam: 'Twee uitnodigingen' });
    const d = await addPupils(w, c.id, 1, { start: 700 });
    const leerlingId = d.leerlingen[0]!.id;
    const vreemd = 'iemand-anders@elders.example';
    const eerste = await invite(c.id, leerlingId, WORLD_EMAIL.leerling);
    const tweede = await invite(c.id, leerlingId, vreemd);

    const ok = await w.app.inject({ method: 'POST', url: '/api/auth/uitnodiging-accepteren', payload: { token: eerste, wachtwoord: DEMO_PASSWORD } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await accountOf(leerlingId)).toBe(w.userId.leerling);

    const res = await w.app.inject({ method: 'POST', url: '/api/auth/uitnodiging-accepteren', payload: { token: tweede, naam: 'Iemand Anders', wachtwoord: 'een-lang-wachtwoord-2026' } });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.cookies.find((k) => k.name.endsWith('doorlopend_sessie'))?.value ?? '').toBe('');
    // Nothing changed: the record is the first account's, and no account was made for the other address.
    expect(await accountOf(leerlingId)).toBe(w.userId.leerling);
    expect(await w.t.database.db.selectFrom('app_user').select('id').where('email', '=', vreemd).executeTakeFirst()).toBeUndefined();
    // The pupil still sees their own results page (no other account took it over).
    expect((await w.call('leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body.leerlingen).toHaveLength(1);
  });

  it('the same for an existing account that accepts while signed in', async () => {
    const c = await createCohort(w, { naam: 'Twee uitnodigingen, ingelogd' });
    const d = await addPupils(w, c.id, 1, { start: 710 });
    const leerlingId = d.leerlingen[0]!.id;
    const eerste = await invite(c.id, leerlingId, WORLD_EMAIL['andere-leerling']);
    const tweede = await invite(c.id, leerlingId, WORLD_EMAIL.foreign);
    await w.call('andere-leerling', 'POST', '/api/account/uitnodiging-aannemen', { token: eerste }, 200);
    expect(await accountOf(leerlingId)).toBe(w.userId['andere-leerling']);

    const res = await w.call('foreign', 'POST', '/api/account/uitnodiging-aannemen', { token: tweede });
    expect(res.status).toBe(409);
    expect(await accountOf(leerlingId)).toBe(w.userId['andere-leerling']);
    // The other account did not become a member of the school either (the whole acceptance was undone).
    const rollen = await w.t.database.db.selectFrom('membership').select('rol').where('user_id', '=', w.userId.foreign).where('organisation_id', '=', w.org.vmbo).execute();
    expect(rollen).toEqual([]);
  });
});
