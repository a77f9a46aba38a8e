/**
 * Building the RegelContext of the regelbank (issue 13) from what the platform holds: the leerroute (its settings,
 * doelen, toetsen and activiteiten, through the leerroute use cases' model), the samenwerking's docentinzet for the
 * route's schooljaar, and the samenwerking's agreements (every version, as OvereenkomstFeiten from the agreement
 * module: src/server/use-cases/overeenkomsten/feiten.ts; a signed or ended version judged on its frozen text).
 */
import type { Kysely } from 'kysely';
import type { InzetFeiten, OvereenkomstFeiten, RegelContext, RouteFeiten } from '../../../domain/regels/types.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import type { RouteRow } from '../../repositories/leerroute-repository.js';
import * as repo from '../../repositories/regels-repository.js';
import { loadRouteModel, type RouteModel } from '../leerroutes/get-route.js';
import { overeenkomstFeitenVoorSamenwerking } from '../overeenkomsten/feiten.js';

/** The agreements of a samenwerking as the rules see them (which ones cover a route is in their leerrouteIds). */
export async function overeenkomstenVan(db: Kysely<DB>, partnershipId: string): Promise<OvereenkomstFeiten[]> {
  return overeenkomstFeitenVoorSamenwerking(db, partnershipId);
}

export function inzetFeiten(rows: readonly repo.InzetRow[]): InzetFeiten[] {
  return rows.map((r) => ({ id: r.id, naamOfRol: r.naamOfRol, organisatie: r.organisatie, bevoegdheid: r.bevoegdheid, onderwijsAan: r.onderwijsAan, uren: r.uren }));
}

/** The route's facts for the checks (pure, from the model the route page also uses). */
export function routeFeiten(model: RouteModel, sbuOf: (code: string) => number | null): RouteFeiten {
  const { route, doelen, bundle } = model;
  const perKeuzevak = new Map<string, string[]>();
  for (const k of doelen.selectie.vmbo.keuzevakken) perKeuzevak.set(k.code, []);
  for (const d of doelen.doelen) if (d.soort === 'eindterm' && d.bron.soort === 'keuzevak') perKeuzevak.get(d.bron.code)?.push(d.id);
  return {
    id: route.id,
    type: route.type,
    schooljaar: route.schooljaar,
    leerweg: route.vmbo.leerweg,
    profiel: route.vmbo.profiel,
    // The route's choice as stored (a code gone from the catalogue still counts as chosen).
    keuzevakken: route.vmbo.keuzevakken.map((code) => ({ code, eindtermIds: perKeuzevak.get(code) ?? [] })),
    keuzedelen: doelen.selectie.mbo.keuzedelen.map((k) => ({ code: k.code, titel: k.titel, sbu: sbuOf(k.code) })),
    kwalificatieNiveau: doelen.selectie.mbo.kwalificatie?.niveau ?? null,
    tijdpad: route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden })),
    toetsen: bundle.parts.toetsen.map((t) => ({ id: t.id, toetscode: t.toetscode, naam: t.naam, omschrijving: t.omschrijving, leerjaar: t.leerjaar, periode: t.periode, onderdeelVan: t.onderdeelVan, seWeging: t.seWeging, doelen: t.doelen })),
    activiteiten: bundle.parts.activiteiten.map((a) => ({ id: a.id, titel: a.titel, omschrijving: a.omschrijving, leerjaar: a.leerjaar, periode: a.periode, uren: a.uren })),
  };
}

/** Everything the checks need for one route whose access was checked. */
export async function routeContext(db: Kysely<DB>, route: RouteRow): Promise<RegelContext> {
  const [model, snapshot, inzet, overeenkomsten] = await Promise.all([
    loadRouteModel(db, route),
    snapshotOf(db),
    route.schooljaar ? repo.listInzet(db, route.partnershipId, route.schooljaar) : Promise.resolve(null),
    overeenkomstenVan(db, route.partnershipId),
  ]);
  return {
    route: routeFeiten(model, (code) => snapshot.mbo.keuzedelen.get(code)?.sbu ?? null),
    docentinzet: inzet ? inzetFeiten(inzet) : null,
    schooljaar: route.schooljaar,
    overeenkomsten,
  };
}
