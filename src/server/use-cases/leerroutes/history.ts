/** The history of a leerroute: every change, attributed (user, organisation, time), newest first. */
import type { Kysely } from 'kysely';
import type { Historie } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { listHistory } from '../../repositories/leerroute-repository.js';
import type { AuthContext } from '../../access/context.js';
import { openRoute } from '../../access/leerroute.js';

export async function getHistory(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; limit: number }): Promise<Historie> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  return { regels: await listHistory(opts.db, route.id, opts.limit) };
}
