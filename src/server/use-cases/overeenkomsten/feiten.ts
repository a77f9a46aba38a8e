/**
 * The facts of agreements as the regelbank reads them (OvereenkomstFeiten, src/domain/regels/types.ts), for its
 * RegelContext: every agreement of a samenwerking, those covering a route, or one agreement. No access check here:
 * the caller (a regelbank use case) has checked access to the samenwerking or route already.
 * A signed or ended version is judged on its frozen text; a concept on its current text.
 */
import type { Kysely } from 'kysely';
import { overeenkomstFeiten } from '../../../domain/overeenkomst/overeenkomst.js';
import type { OvereenkomstFeiten } from '../../../domain/regels/types.js';
import type { OvereenkomstSoort } from '../../../shared/overeenkomst-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/overeenkomst-repository.js';

async function feitenVan(db: Kysely<DB>, rows: readonly repo.OvereenkomstRow[]): Promise<OvereenkomstFeiten[]> {
  const ids = rows.map((r) => r.id);
  const [routes, clausules] = await Promise.all([repo.leerroutesVan(db, ids), repo.clausulesVan(db, ids)]);
  return rows.map((r) => {
    const teksten = r.bevroren
      ? new Map(r.bevroren.clausules.map((c) => [c.id, c.tekst]))
      : new Map(clausules.filter((c) => c.overeenkomstId === r.id).map((c) => [c.clausuleId, c.tekst]));
    const leerrouteIds = r.bevroren ? r.bevroren.leerroutes.map((l) => l.id) : (routes.get(r.id) ?? []).map((l) => l.id);
    return overeenkomstFeiten({ id: r.id, status: r.status, soort: r.soort as OvereenkomstSoort, leerrouteIds, teksten });
  });
}

/** Every agreement (every version) of a samenwerking. */
export async function overeenkomstFeitenVoorSamenwerking(db: Kysely<DB>, partnershipId: string): Promise<OvereenkomstFeiten[]> {
  return feitenVan(db, await repo.listOvereenkomsten(db, partnershipId));
}

/** The agreements (every version) that cover one leerroute. */
export async function overeenkomstFeitenVoorRoute(db: Kysely<DB>, routeId: string): Promise<OvereenkomstFeiten[]> {
  return feitenVan(db, await repo.overeenkomstenVanRoute(db, routeId));
}

/** One agreement; undefined when it does not exist. */
export async function overeenkomstFeitenVoorOvereenkomst(db: Kysely<DB>, id: string): Promise<OvereenkomstFeiten | undefined> {
  const row = await repo.findOvereenkomst(db, id);
  return row ? (await feitenVan(db, [row]))[0] : undefined;
}

/** The samenwerking an agreement belongs to (for the regelbank's access check on GET /api/overeenkomsten/:id/regels). */
export async function samenwerkingVanOvereenkomst(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await repo.findOvereenkomst(db, id))?.partnershipId;
}
