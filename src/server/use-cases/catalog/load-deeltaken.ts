/** Deeltaken with their eindtermen below a keuzevak or profielmodule, optionally for one leerweg. */
import type { Deeltaak, ItemStatus, Leerweg } from '../../../shared/catalog-api.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { eindtermOf, groupByParent } from './mappers.js';

export function loadDeeltaken(snapshot: repo.CatalogSnapshot, parent: repo.VmboItemRow, leerweg: Leerweg | undefined): Deeltaak[] {
  const includeVervallen = parent.status === 'vervallen';
  const deeltaken = repo.childrenOf(snapshot, [parent.id], { includeVervallen });
  const eindtermen = groupByParent(repo.childrenOf(snapshot, deeltaken.map((d) => d.id), { includeVervallen }));
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
