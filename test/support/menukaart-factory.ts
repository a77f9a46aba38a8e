/**
 * The world of the menukaart tests (issue 15): the examen world (demo organisations and catalogue, every staff role of
 * Demo Vmbo College and Demo ROC, two pupils, an unrelated school) plus the demo region's beheerder and ontwikkelaar,
 * and a second region with a school of its own (its staff are outsiders to the demo region). `module()` builds a
 * valid proposal.
 */
import type { InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { insertOrganisation } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import type { ModuleInvoer } from '../../src/shared/menukaart-api.js';
import { asUser, signIn, type Session } from './accounts.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from './examen-world.js';

export const MENUKAART_ACTORS = [...WORLD_ACTORS, 'regio-beheerder', 'regio-ontwikkelaar', 'andere-regio-beheerder', 'andere-regio-school'] as const;
export type MenukaartActor = (typeof MENUKAART_ACTORS)[number];

const EXTRA: Record<Exclude<MenukaartActor, WorldActor>, string> = {
  'regio-beheerder': 'regio@regio.demo',
  'regio-ontwikkelaar': 'ontwikkelaar@regio.demo',
  'andere-regio-beheerder': 'beheerder@andere-regio.demo',
  'andere-regio-school': 'docent@andere-school.demo',
};

export interface MenukaartWorld {
  w: ExamenWorld;
  regio: string;
  andereRegio: string;
  andereSchool: string;
  call(actor: MenukaartActor, method: InjectOptions['method'], url: string, payload?: unknown, expected?: number): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
  /** A valid proposal by the given school (default: Demo Vmbo College). */
  module(overrides?: Partial<ModuleInvoer>): ModuleInvoer;
  close(): Promise<void>;
}

export async function startMenukaartWorld(): Promise<MenukaartWorld> {
  const w = await startExamenWorld();
  const db = w.t.database.db;
  const regio = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Regio Techniek').executeTakeFirstOrThrow()).id;
  await createUser({ db, email: EXTRA['regio-beheerder'], naam: 'Ruud Regio', organisatie: 'Demo Regio Techniek', rol: 'beheerder', password: DEMO_PASSWORD });
  await createUser({ db, email: EXTRA['regio-ontwikkelaar'], naam: 'Rina Regio', organisatie: 'Demo Regio Techniek', rol: 'ontwikkelaar', password: DEMO_PASSWORD });
  const andereRegio = await insertOrganisation(db, { naam: 'Andere Regio', soort: 'regio' });
  const andereSchool = await insertOrganisation(db, { naam: 'Andere School', soort: 'vmbo-school', regioId: andereRegio });
  await createUser({ db, email: EXTRA['andere-regio-beheerder'], naam: 'Anton Anders', organisatie: 'Andere Regio', rol: 'beheerder', password: DEMO_PASSWORD });
  await createUser({ db, email: EXTRA['andere-regio-school'], naam: 'Sanne School', organisatie: 'Andere School', rol: 'ontwikkelaar', password: DEMO_PASSWORD });
  const sessions = new Map<string, Session>();
  for (const [actor, email] of Object.entries(EXTRA)) sessions.set(actor, await signIn(w.app, email));
  const headers = (actor: MenukaartActor) => (sessions.has(actor) ? asUser(sessions.get(actor)!) : w.as(actor as WorldActor));
  const call: MenukaartWorld['call'] = async (actor, method, url, payload, expected) => {
    const res = await w.app.inject({ method, url, headers: headers(actor), ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
    const body = res.headers['content-type']?.toString().includes('json') && res.body ? res.json() : res.body;
    if (expected !== undefined && res.statusCode !== expected) throw new Error(`${actor} ${method} ${url}: ${res.statusCode}, expected ${expected}: ${res.body.slice(0, 500)}`);
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  };
  let n = 0;
  const module = (o: Partial<ModuleInvoer> = {}): ModuleInvoer => ({
    titel: `Testmodule ${++n}`,
    beschrijving: 'Een module om mee te testen.',
    soort: 'kennismakend',
    omvangEenheden: 1,
    aanbiederId: w.org.vmbo,
    vestigingId: null,
    locatie: 'Centrum',
    leerjaar: 3,
    periode: 'P1',
    leerwegen: ['BB', 'KB'],
    capaciteit: 20,
    voorwaarden: [],
    keuzevakken: ['K/PIE/16'],
    profielmodulen: [],
    keuzedelen: [],
    kwalificaties: [],
    profielen: [],
    leerrouteId: null,
    ...o,
  });
  return { w, regio, andereRegio, andereSchool, call, module, close: () => w.close() };
}
