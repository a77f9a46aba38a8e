/** Deeltaken with their eindtermen below a keuzevak or profielmodule, optionally for one leerweg. */
import type { Deeltaak, ItemStatus, Leerweg } from '../../../shared/catalog-api.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { eindtermOf, groupByParent } from './mappers.js';

export async function loadDeeltaken(db: Kysely<DB>, parent: repo.VmboItemRow, leerweg: Leerweg | undefined): Promise<Deeltaak[]> {
  const includeVervallen = parent.status === 'vervallen';
  const deeltaken = await repo.childrenOf(db, [parent.id], { includeVervallen });
  const eindtermen = groupByParent(await repo.childrenOf(db, deeltaken.map((d) => d.id), { includeVervallen }));
  return deeltaken
    .map((d) => ({
      id: d.id,
      code: d.code,
      title: d.title,
      description: d.description,
      leerwegen: d.leerwegen as Leerweg[],
      status: d.status as ItemStatus,
      eindtermen: (eindtermen.get(d.id) ?? []).filter((e) => !leerweg || e.leerwegen.includes(leerweg)).map(eindtermOf),
    }))
    .filter((d) => !leerweg || d.eindtermen.length > 0);
}
