/** Reading a leerroute: the whole route with its coverage (LeerrouteDetail), the coverage alone, and the list per samenwerking. */
import type { Kysely } from 'kysely';
import { decide } from '../../../domain/auth/rules.js';
import { computeCoverage } from '../../../domain/leerroute/coverage.js';
import { diplomasOf, leidtTot } from '../../../domain/leerroute/shape.js';
import type { AnderDoel, Dekking, LeerrouteDetail, LeerrouteLijst } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { openRoute } from '../../access/leerroute.js';
import type { RouteDoelen } from '../../read-models/leerroute-doelen.js';
import { andereDoelen, routeDoelen } from './context.js';

export interface RouteModel {
  route: repo.RouteRow;
  doelen: RouteDoelen;
  bundle: repo.RouteBundle;
  /** Items the route names that are not its doelen, named as the catalogue (still) knows them. */
  andere: AnderDoel[];
}

/** Everything the page and the coverage check need, in one query besides the route row. */
export async function loadRouteModel(db: Kysely<DB>, route: repo.RouteRow): Promise<RouteModel> {
  const [snapshot, bundle] = await Promise.all([snapshotOf(db), repo.loadBundle(db, route)]);
  const doelen = routeDoelen(snapshot, route);
  const { planning, toetsen, activiteiten } = bundle.parts;
  const genoemd = [...planning.flatMap((p) => p.items), ...toetsen.flatMap((t) => t.doelen), ...activiteiten.flatMap((a) => a.doelen)];
  return { route, doelen, bundle, andere: andereDoelen(snapshot, doelen, genoemd) };
}

export function coverageOf(m: RouteModel): Dekking {
  const { parts, links } = m.bundle;
  return computeCoverage({
    type: m.route.type,
    doelen: m.doelen.doelen,
    tijdpad: m.route.tijdpad,
    planning: parts.planning,
    toetsen: parts.toetsen,
    activiteiten: parts.activiteiten,
    materialen: parts.materialen,
    links,
    andereDoelen: m.andere,
  });
}

export async function getRoute(opts: UseCaseContext & { routeId: string }): Promise<LeerrouteDetail> {
  const { route, access } = await openRoute({ ...opts, action: 'partnership.read' });
  return routeDetail(opts.db, route, access);
}

/** The whole route for someone whose access was checked. */
export async function routeDetail(db: Kysely<DB>, route: repo.RouteRow, access: PartnershipAccess): Promise<LeerrouteDetail> {
  const model = await loadRouteModel(db, route);
  const { parts, users, organisations } = model.bundle;
  const wie = (s: repo.Stamp) => ({
    gebruiker: s.userId ? { id: s.userId, naam: users.get(s.userId) ?? '(onbekend)' } : { id: '', naam: '(verwijderd account)' },
    organisatie: s.organisationId ? { id: s.organisationId, naam: organisations.get(s.organisationId) ?? '' } : null,
    op: s.at,
  });
  const sideById = new Map(model.doelen.doelen.map((d) => [d.id, d.side]));

  return {
    id: route.id,
    naam: route.naam,
    type: route.type,
    schooljaar: route.schooljaar,
    versie: route.versie,
    samenwerking: { id: route.partnershipId, naam: model.bundle.samenwerkingNaam },
    partners: model.bundle.partners,
    diplomas: diplomasOf(route.type),
    leidtTot: leidtTot(route.type),
    vmbo: model.doelen.selectie.vmbo,
    mbo: model.doelen.selectie.mbo,
    tijdpad: route.tijdpad.map((j) => ({
      leerjaar: j.leerjaar,
      fase: j.fase,
      perioden: j.perioden,
      organisatie: j.organisatieId ? { id: j.organisatieId, naam: organisations.get(j.organisatieId) ?? '' } : null,
    })),
    doelen: model.doelen.doelen,
    andereDoelen: model.andere,
    planning: parts.planning.map((p) => {
      const sides = new Set(p.items.map((id) => sideById.get(id) ?? (id.includes(':') ? 'mbo' : 'vmbo')));
      return { id: p.id, versie: p.versie, items: p.items, beiden: sides.size === 2, leerjaar: p.leerjaar, periode: p.periode, gewijzigd: wie(p.gewijzigd) };
    }),
    toetsen: parts.toetsen.map((t) => ({ ...t, gewijzigd: wie(t.gewijzigd) })),
    activiteiten: parts.activiteiten.map((a) => ({ ...a, gewijzigd: wie(a.gewijzigd) })),
    materialen: parts.materialen.map((m) => ({ ...m, gewijzigd: wie(m.gewijzigd) })),
    dekking: coverageOf(model),
    mijnRechten: { wijzigen: decide(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds }) === 'allow' },
    aangemaakt: wie(route.aangemaakt),
    gewijzigd: wie(route.gewijzigd),
    opmerkingen: model.doelen.opmerkingen,
  };
}

export async function getCoverage(opts: UseCaseContext & { routeId: string }): Promise<Dekking> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  return coverageOf(await loadRouteModel(opts.db, route));
}

export async function listRoutes(opts: UseCaseContext & { partnershipId: string }): Promise<LeerrouteLijst> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const routes = await repo.listRoutes(opts.db, opts.partnershipId);
  const stamps = routes.flatMap((r) => [r.aangemaakt, r.gewijzigd]);
  const names = await repo.namesOf(opts.db, [...new Set(stamps.flatMap((s) => (s.userId ? [s.userId] : [])))], [...new Set(stamps.flatMap((s) => (s.organisationId ? [s.organisationId] : [])))]);
  const wie = (s: repo.Stamp) => ({
    gebruiker: s.userId ? { id: s.userId, naam: names.users.get(s.userId) ?? '(onbekend)' } : { id: '', naam: '(verwijderd account)' },
    organisatie: s.organisationId ? { id: s.organisationId, naam: names.organisations.get(s.organisationId) ?? '' } : null,
    op: s.at,
  });
  return {
    leerroutes: routes.map((r) => ({ id: r.id, naam: r.naam, type: r.type, samenwerkingId: r.partnershipId, schooljaar: r.schooljaar, versie: r.versie, aangemaakt: wie(r.aangemaakt), gewijzigd: wie(r.gewijzigd) })),
  };
}
