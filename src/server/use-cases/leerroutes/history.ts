/** The history of a leerroute: every change, attributed (user, organisation, time), newest first. */
import { historieZin } from '../../../domain/audit/sentences.js';
import type { Historie } from '../../../shared/leerroute-api.js';
import { listHistory, namesOf } from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openRoute } from '../../access/leerroute.js';

export async function getHistory(opts: UseCaseContext & { routeId: string; limit: number }): Promise<Historie> {
  const { route } = await openRoute({ ...opts, action: 'partnership.read' });
  const regels = await listHistory(opts.db, route.id, opts.limit);
  // The history keeps ids only (migration 0011): a user who is gone reads as "een verwijderd account".
  const { users } = await namesOf(opts.db, [...new Set(regels.map((r) => r.gebruiker.id))], []);
  return {
    regels: regels.map((r) => ({
      ...r,
      zin: historieZin({ gebruiker: users.get(r.gebruiker.id) ?? null, organisatie: r.organisatie?.naam || null, omschrijving: r.omschrijving }),
    })),
  };
}
