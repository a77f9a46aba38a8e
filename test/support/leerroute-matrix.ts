/**
 * The leerroute rows of the authorization matrix (test/integration/authz-matrix.test.ts) and their setup: a route of
 * the demo samenwerking with one planningsregel, toets, activiteit and materiaal per actor that may change them (each
 * changes its own, with versie 1, so the order of the cells does not matter), and routes to re-configure and delete.
 */
import type { FastifyInstance } from 'fastify';
import { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { asUser, signIn } from './accounts.js';

type Actor = 'beheerder' | 'ontwikkelaar' | 'leerling' | 'partner' | 'foreign' | 'anonymous';
const WRITERS = ['beheerder', 'ontwikkelaar', 'partner'] as const;
type Writer = (typeof WRITERS)[number];
const WRITER_EMAIL: Record<Writer, string> = { beheerder: 'beheerder@vmbo.demo', ontwikkelaar: 'docent@vmbo.demo', partner: 'docent@roc.demo' };

export interface LeerrouteMatrixIds {
  route: string;
  doel: string;
  /** A doel nobody planned yet, per writer (a doel is planned once: issue 12). */
  vrijDoel: Record<Writer, string>;
  regel: Record<Writer, string>;
  toets: Record<Writer, string>;
  activiteit: Record<Writer, string>;
  materiaal: Record<Writer, string>;
  /** Routes whose settings each writer changes, and routes each writer deletes. */
  settingsRoute: Record<Writer, string>;
  deleteRoute: Record<Writer, string>;
}

export interface LeerrouteRow {
  method: string;
  url: string;
  request: (ctx: { actor: Actor; lr: LeerrouteMatrixIds; partnership: string }) => { url?: string; payload?: unknown };
  expect: Record<Actor, number>;
}

const SETTINGS = { type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } };

/** Needs the demo catalogue and the demo organisations (Demo Vmbo College and Demo ROC in one samenwerking). */
export async function leerrouteMatrixSetup(app: FastifyInstance, partnership: string): Promise<LeerrouteMatrixIds> {
  const session = await signIn(app, WRITER_EMAIL.ontwikkelaar);
  const send = async (method: 'POST', url: string, payload: object) => {
    const res = await app.inject({ method, url, headers: asUser(session), payload });
    if (res.statusCode !== 201) throw new Error(`setup ${url}: ${res.statusCode} ${res.body}`);
    return LeerrouteDetail.parse(res.json());
  };
  const newRoute = (naam: string) => send('POST', `/api/partnerships/${partnership}/leerroutes`, { naam, ...SETTINGS });
  let route = await newRoute('Matrix: leerroute');
  const doel = route.doelen[0]!.id;
  // A doel is planned once (issue 12): each writer's regel plans its own doel, and the POST row each writer's own free one.
  const geplandDoel = Object.fromEntries(WRITERS.map((w, i) => [w, route.doelen[i]!.id])) as Record<Writer, string>;
  const vrijDoel = Object.fromEntries(WRITERS.map((w, i) => [w, route.doelen[WRITERS.length + i]!.id])) as Record<Writer, string>;
  const base = `/api/leerroutes/${route.id}`;
  const per = async (make: (w: Writer) => Promise<string>) => Object.fromEntries(await Promise.all(WRITERS.map(async (w) => [w, await make(w)] as const))) as Record<Writer, string>;
  const newest = <T extends { id: string }>(list: T[], before: Set<string>) => list.find((x) => !before.has(x.id))!.id;
  const seq = async (make: (w: Writer) => Promise<string>) => {
    const out: Partial<Record<Writer, string>> = {};
    for (const w of WRITERS) out[w] = await make(w);
    return out as Record<Writer, string>;
  };
  const regel = await seq(async (w) => {
    const before = new Set(route.planning.map((p) => p.id));
    route = await send('POST', `${base}/planning`, { items: [geplandDoel[w]], leerjaar: 3, periode: 1 });
    return newest(route.planning, before);
  });
  const toets = await seq(async (w) => {
    const before = new Set(route.toetsen.map((p) => p.id));
    route = await send('POST', `${base}/toetsen`, { leerjaar: 3, periode: 2, toetscode: `M-${w}`, naam: 'Matrixtoets', vorm: 'schriftelijk', soort: 'formatief', doelen: [doel] });
    return newest(route.toetsen, before);
  });
  const activiteit = await seq(async (w) => {
    const before = new Set(route.activiteiten.map((p) => p.id));
    route = await send('POST', `${base}/activiteiten`, { leerjaar: 3, periode: 1, titel: `Matrixles ${w}`, doelen: [doel] });
    return newest(route.activiteiten, before);
  });
  const materiaal = await seq(async (w) => {
    const before = new Set(route.materialen.map((p) => p.id));
    route = await send('POST', `${base}/materialen`, { leerjaar: 3, periode: 1, titel: `Matrixmateriaal ${w}`, soort: 'methode' });
    return newest(route.materialen, before);
  });
  const settingsRoute = await per(async (w) => (await newRoute(`Matrix: instellingen ${w}`)).id);
  const deleteRoute = await per(async (w) => (await newRoute(`Matrix: verwijderen ${w}`)).id);
  return { route: route.id, doel, vrijDoel, regel, toets, activiteit, materiaal, settingsRoute, deleteRoute };
}

const READ = { beheerder: 200, ontwikkelaar: 200, leerling: 403, partner: 200, foreign: 404, anonymous: 401 };
const WRITE = (ok: number) => ({ beheerder: ok, ontwikkelaar: ok, leerling: 403, partner: ok, foreign: 404, anonymous: 401 });
/** The writer whose entity an actor uses: its own, or (for those who may not write) the beheerder's. */
const own = (actor: Actor): Writer => ((WRITERS as readonly string[]).includes(actor) ? (actor as Writer) : 'beheerder');

export const LEERROUTE_MATRIX_ROWS: LeerrouteRow[] = [
  { method: 'GET', url: '/api/partnerships/:id/leerroutes', request: ({ partnership }) => ({ url: `/api/partnerships/${partnership}/leerroutes` }), expect: READ },
  {
    method: 'POST',
    url: '/api/partnerships/:id/leerroutes',
    request: ({ partnership, actor }) => ({ url: `/api/partnerships/${partnership}/leerroutes`, payload: { naam: `Matrix: nieuw ${actor}`, ...SETTINGS } }),
    expect: WRITE(201),
  },
  ...(['', '/dekking', '/inventaris', '/historie'] as const).map(
    (suffix): LeerrouteRow => ({ method: 'GET', url: `/api/leerroutes/:routeId${suffix}`, request: ({ lr }) => ({ url: `/api/leerroutes/${lr.route}${suffix}` }), expect: READ }),
  ),
  {
    method: 'PUT',
    url: '/api/leerroutes/:routeId',
    request: ({ lr, actor }) => ({
      url: `/api/leerroutes/${lr.settingsRoute[own(actor)]}`,
      payload: { versie: 1, naam: 'Matrix: gewijzigd', ...SETTINGS, vmbo: { ...SETTINGS.vmbo, profielmodulen: [] }, mbo: { ...SETTINGS.mbo, keuzedelen: [] }, tijdpad: [{ leerjaar: 3, fase: 'vmbo' }, { leerjaar: 4, fase: 'mbo' }] },
    }),
    expect: WRITE(200),
  },
  {
    method: 'DELETE',
    url: '/api/leerroutes/:routeId',
    // Writers delete their own route; the others try the shared one (which must stay for the later rows).
    request: ({ lr, actor }) => ({ url: `/api/leerroutes/${own(actor) === actor ? lr.deleteRoute[own(actor)] : lr.route}?versie=1` }),
    expect: WRITE(204),
  },
  {
    method: 'POST',
    url: '/api/leerroutes/:routeId/planning',
    request: ({ lr, actor }) => ({ url: `/api/leerroutes/${lr.route}/planning`, payload: { items: [lr.vrijDoel[own(actor)]], leerjaar: 4, periode: 1 } }),
    expect: WRITE(201),
  },
  {
    method: 'PATCH',
    url: '/api/leerroutes/:routeId/planning/:regelId',
    request: ({ lr, actor }) => ({ url: `/api/leerroutes/${lr.route}/planning/${lr.regel[own(actor)]}`, payload: { versie: 1, leerjaar: 3, periode: 3 } }),
    expect: WRITE(200),
  },
  {
    method: 'DELETE',
    url: '/api/leerroutes/:routeId/planning/:regelId',
    // Runs after the PATCH row, which made each writer's regel versie 2.
    request: ({ lr, actor }) => ({ url: `/api/leerroutes/${lr.route}/planning/${lr.regel[own(actor)]}?versie=2` }),
    expect: WRITE(200),
  },
  ...(
    [
      ['toetsen', 'toetsId', 'toets', { leerjaar: 3, periode: 1, toetscode: 'M-X', naam: 'Matrixtoets', vorm: 'portfolio', soort: 'summatief' }],
      ['activiteiten', 'activiteitId', 'activiteit', { leerjaar: 3, periode: 1, titel: 'Matrixles' }],
      ['materialen', 'materiaalId', 'materiaal', { leerjaar: 3, periode: 1, titel: 'Matrixmateriaal', soort: 'digitaal' }],
    ] as const
  ).flatMap(([path, param, key, body]): LeerrouteRow[] => [
    { method: 'POST', url: `/api/leerroutes/:routeId/${path}`, request: ({ lr }) => ({ url: `/api/leerroutes/${lr.route}/${path}`, payload: body }), expect: WRITE(201) },
    {
      method: 'PUT',
      url: `/api/leerroutes/:routeId/${path}/:${param}`,
      request: ({ lr, actor }) => ({ url: `/api/leerroutes/${lr.route}/${path}/${lr[key][own(actor)]}`, payload: { ...body, versie: 1 } }),
      expect: WRITE(200),
    },
    {
      method: 'DELETE',
      url: `/api/leerroutes/:routeId/${path}/:${param}`,
      // Runs after the PUT row (versie 2).
      request: ({ lr, actor }) => ({ url: `/api/leerroutes/${lr.route}/${path}/${lr[key][own(actor)]}?versie=2` }),
      expect: WRITE(200),
    },
  ]),
];
