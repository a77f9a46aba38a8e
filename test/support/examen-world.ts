/**
 * The world of issue 14's tests (pupils and the joint exam): the demo organisations and catalogue, a
 * keuzevak-keuzedeel leerroute in the demo samenwerking (Demo Vmbo College + Demo ROC), one signed-in account for
 * every role that matters on both sides, two pupils' accounts, and an unrelated school. Each feature's tests build
 * their cohorts, exams and forms on top of this through the API (factories in their own support files).
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { insertMembership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type AccountsAppOptions, type Session } from './accounts.js';

export const WORLD_ACTORS = [
  'vmbo-beheerder',
  'vmbo-ontwikkelaar',
  'vmbo-examinator',
  'vmbo-decaan',
  'vmbo-examencommissie',
  'mbo-beheerder',
  'mbo-ontwikkelaar',
  'mbo-beoordelaar',
  'mbo-examencommissie',
  'leerling',
  'andere-leerling',
  'foreign',
  'anonymous',
] as const;
export type WorldActor = (typeof WORLD_ACTORS)[number];

export const WORLD_EMAIL: Record<Exclude<WorldActor, 'anonymous'>, string> = {
  'vmbo-beheerder': 'beheerder@vmbo.demo',
  'vmbo-ontwikkelaar': 'docent@vmbo.demo',
  'vmbo-examinator': 'examinator@vmbo.demo',
  'vmbo-decaan': 'decaan@vmbo.demo',
  'vmbo-examencommissie': 'examencommissie@vmbo.demo',
  'mbo-beheerder': 'beheerder@roc.demo',
  'mbo-ontwikkelaar': 'docent@roc.demo',
  'mbo-beoordelaar': 'beoordelaar@roc.demo',
  'mbo-examencommissie': 'examencommissie@roc.demo',
  leerling: 'leerling@vmbo.demo',
  'andere-leerling': 'leerling2@vmbo.demo',
  foreign: 'beheerder@ander.demo',
};

export interface ExamenWorld {
  t: AccountsApp;
  app: FastifyInstance;
  org: { vmbo: string; mbo: string; foreign: string };
  partnership: string;
  /** A keuzevak-keuzedeel leerroute of the demo samenwerking: keuzevak K/PIE/16, keuzedeel K0072. */
  route: string;
  keuzevak: string;
  keuzedeel: string;
  /** Account ids. */
  userId: Record<Exclude<WorldActor, 'anonymous'>, string>;
  /** Headers of a request as this actor (cookie and CSRF token; none for anonymous). */
  as(actor: WorldActor): Record<string, string>;
  /** app.inject as this actor; throws with the body when the status is not `expected` (when given). */
  call(actor: WorldActor, method: InjectOptions['method'], url: string, payload?: unknown, expected?: number): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startExamenWorld(opts: AccountsAppOptions = {}): Promise<ExamenWorld> {
  const t = await startAccountsApp(opts);
  const db = t.database.db;
  await seedDemoCatalogue(db);
  const orgId = async (naam: string) => (await db.selectFrom('organisation').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
  const vmbo = await orgId('Demo Vmbo College');
  const mbo = await orgId('Demo ROC');
  const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
  const extra: Array<{ actor: Exclude<WorldActor, 'anonymous'>; naam: string; organisatie: string; rol: 'decaan' | 'examencommissie' | 'leerling' }> = [
    { actor: 'vmbo-decaan', naam: 'Dirk Decaan', organisatie: 'Demo Vmbo College', rol: 'decaan' },
    { actor: 'vmbo-examencommissie', naam: 'Vera Examencommissie', organisatie: 'Demo Vmbo College', rol: 'examencommissie' },
    { actor: 'andere-leerling', naam: 'Anna Anders', organisatie: 'Demo Vmbo College', rol: 'leerling' },
  ];
  for (const u of extra) await createUser({ db, email: WORLD_EMAIL[u.actor], naam: u.naam, organisatie: u.organisatie, rol: u.rol, password: DEMO_PASSWORD });
  const foreign = await createUser({ db, email: WORLD_EMAIL.foreign, naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: DEMO_PASSWORD });
  // The foreign school has every role, so a 404 there is about the organisation, not the role.
  for (const rol of ['examinator', 'examencommissie', 'decaan'] as const) await insertMembership(db, { userId: foreign.userId, organisationId: foreign.organisationId, rol });
  const sessions = new Map<WorldActor, Session>();
  const userId = {} as Record<Exclude<WorldActor, 'anonymous'>, string>;
  for (const [actor, email] of Object.entries(WORLD_EMAIL) as Array<[Exclude<WorldActor, 'anonymous'>, string]>) {
    userId[actor] = (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    sessions.set(actor, await signIn(t.app, email));
  }
  const as = (actor: WorldActor): Record<string, string> => (actor === 'anonymous' ? {} : asUser(sessions.get(actor)!));
  const call: ExamenWorld['call'] = async (actor, method, url, payload, expected) => {
    const res = await t.app.inject({ method, url, headers: as(actor), ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
    const body = res.headers['content-type']?.toString().includes('json') && res.body ? res.json() : res.body;
    if (expected !== undefined && res.statusCode !== expected) throw new Error(`${actor} ${method} ${url}: ${res.statusCode}, expected ${expected}: ${res.body.slice(0, 500)}`);
    return { status: res.statusCode, body };
  };
  const keuzevak = 'K/PIE/16';
  const keuzedeel = 'K0072';
  const route = (
    await call('vmbo-ontwikkelaar', 'POST', `/api/partnerships/${partnership}/leerroutes`, { naam: 'Keuzevak en keuzedeel samen', type: 'keuzevak-keuzedeel', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: [keuzevak] }, mbo: { keuzedelen: [keuzedeel] } }, 201)
  ).body.id as string;
  return { t, app: t.app, org: { vmbo, mbo, foreign: foreign.organisationId }, partnership, route, keuzevak, keuzedeel, userId, as, call, close: () => t.close() };
}
