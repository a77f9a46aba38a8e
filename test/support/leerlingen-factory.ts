/**
 * Factories for issue 14's tests: a cohort of the world's route with pupils, and a pupil's account linked to a pupil
 * record, all through the API (the cohort and pupils as the vmbo beheerder; the link through the real invitation:
 * invite the actor's address, take the token from the mail, accept with the demo password).
 */
import type { CohortAanmaken, CohortDetail, LeerlingInvoerIn } from '../../src/shared/leerlingen-api.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { linkTokenOf } from './accounts.js';
import { WORLD_EMAIL, type ExamenWorld, type WorldActor } from './examen-world.js';

let volgnummer = 0;

/** A cohort of the world's keuzevak-keuzedeel route, owned by the vmbo school (default: 2026-2027, leerjaar 3). */
export async function createCohort(w: ExamenWorld, opts: Partial<CohortAanmaken> & { actor?: WorldActor; routeId?: string } = {}): Promise<CohortDetail> {
  const { actor = 'vmbo-beheerder', routeId = w.route, ...input } = opts;
  const body: CohortAanmaken = { naam: `Groep ${++volgnummer}`, schooljaar: '2026-2027', leerjaar: 3, ...input };
  return (await w.call(actor, 'POST', `/api/leerroutes/${routeId}/cohorten`, body, 201)).body as CohortDetail;
}

/** The pupil `i` of a generated set (leerlingnummer 100000 + i). */
export function pupil(i: number, extra: Partial<LeerlingInvoerIn> = {}): LeerlingInvoerIn {
  const klassen = ['3A', '3B'];
  return { leerlingnummer: String(100000 + i), roepnaam: `Leerling${i}`, tussenvoegsel: i % 3 === 0 ? 'van' : '', achternaam: `Achternaam${i}`, klas: klassen[i % 2]!, leerweg: 'BB', ...extra };
}

/** Adds `n` pupils by hand (as the vmbo beheerder); gives the cohort as it is afterwards (pupils by klas and name). */
export async function addPupils(w: ExamenWorld, cohortId: string, n: number, opts: { actor?: WorldActor; start?: number } = {}): Promise<CohortDetail> {
  let detail: CohortDetail | undefined;
  const start = opts.start ?? 1;
  for (let i = start; i < start + n; i++) detail = (await w.call(opts.actor ?? 'vmbo-beheerder', 'POST', `/api/cohorten/${cohortId}/leerlingen`, pupil(i), 201)).body as CohortDetail;
  return detail ?? ((await w.call('vmbo-beheerder', 'GET', `/api/cohorten/${cohortId}`, undefined, 200)).body as CohortDetail);
}

/**
 * Links the account of `actor` ('leerling' = leerling@vmbo.demo, 'andere-leerling' = leerling2@vmbo.demo) to a pupil
 * record, through the invitation flow: the vmbo beheerder invites the actor's address for this pupil, the link's token
 * is read from the mail, and the invitation is accepted with the account's password. The world's session of the actor
 * stays valid (its memberships are read per request).
 */
export async function linkPupilAccount(w: ExamenWorld, leerlingId: string, actor: 'leerling' | 'andere-leerling'): Promise<void> {
  const cohort = (await w.t.database.db.selectFrom('leerling').select('cohort_id').where('id', '=', leerlingId).executeTakeFirstOrThrow()).cohort_id;
  const email = WORLD_EMAIL[actor];
  const before = (await w.t.outbox()).length;
  await w.call('vmbo-beheerder', 'POST', `/api/cohorten/${cohort}/leerlingen/${leerlingId}/uitnodiging`, { email }, 202);
  const mails = (await w.t.outbox()).slice(before).filter((m) => m.to === email);
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no invitation mail to ${email}`);
  const token = linkTokenOf(mail, '/uitnodiging-accepteren');
  const res = await w.app.inject({ method: 'POST', url: '/api/auth/uitnodiging-accepteren', payload: { token, wachtwoord: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`accepting the pupil invitation: ${res.statusCode} ${res.body.slice(0, 300)}`);
}
