/** A change of a leerroute: in a transaction, attributed in its history, answered with the whole route (ADR 8). */
import type { Transaction } from 'kysely';
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { notFound } from '../../errors.js';
import { openRoute, ROUTE_NOT_FOUND, type RouteAccess } from '../../access/leerroute.js';
import type { RouteDoelen } from '../../read-models/leerroute-doelen.js';
import { routeDoelen } from './context.js';
import { routeDetail } from './get-route.js';

export interface ChangeContext extends RouteAccess {
  trx: Transaction<DB>;
  snapshot: CatalogSnapshot;
  doelen: RouteDoelen;
  doelIds: ReadonlySet<string>;
  label: (id: string) => string;
  history: (e: Omit<repo.HistoryEntry, 'routeId' | 'userId' | 'organisationId'>) => Promise<void>;
}

export async function changeRoute(
  opts: UseCaseContext & { routeId: string },
  change: (ctx: ChangeContext) => Promise<void>,
): Promise<LeerrouteDetail> {
  const snapshot = await snapshotOf(opts.db);
  const changed = await opts.db.transaction().execute(async (trx) => {
    const opened = await openRoute({ db: trx, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
    const doelen = routeDoelen(snapshot, opened.route);
    const byId = new Map(doelen.doelen.map((d) => [d.id, d]));
    await change({
      ...opened,
      trx,
      snapshot,
      doelen,
      doelIds: new Set(byId.keys()),
      label: (id) => byId.get(id)?.code ?? id,
      history: (e) => repo.appendHistory(trx, { ...e, routeId: opened.route.id, userId: opened.by.userId, organisationId: opened.by.organisationId }),
    });
    const route = await repo.touchRoute(trx, opened.route.id, opened.by);
    if (!route) throw notFound(ROUTE_NOT_FOUND);
    return { route, access: opened.access };
  });
  // The rest is read after the commit; access was checked in the transaction.
  return routeDetail(opts.db, changed.route, changed.access);
}

