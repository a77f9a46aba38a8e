import type { Kysely } from 'kysely';
import { slugToCode, type Leerweg, type ProfielmoduleDetail } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { loadDeeltaken } from './load-deeltaken.js';
import { provenanceOf, summaryOf } from './mappers.js';

export async function getProfielmodule(opts: { db: Kysely<DB>; slug: string; leerweg?: Leerweg }): Promise<ProfielmoduleDetail> {
  const code = slugToCode(opts.slug).toUpperCase();
  const [row] = await repo.findByKindAndCode(opts.db, 'profielmodule', code);
  if (!row) throw notFound(`Profielmodule ${code} bestaat niet in de catalogus.`);
  const [summary] = await repo.listWithCounts(opts.db, { kind: 'profielmodule', status: 'alle', ids: [row.id] });
  const deeltaken = await loadDeeltaken(opts.db, row, opts.leerweg);
  const releases = await repo.releasesById(opts.db, [row.first_release_id, row.last_release_id]);
  return {
    ...summaryOf(summary!),
    aantalDeeltaken: deeltaken.length,
    aantalEindtermen: deeltaken.reduce((n, d) => n + d.eindtermen.length, 0),
    deeltaken,
    provenance: provenanceOf(row, releases),
    leerwegFilter: opts.leerweg ?? null,
  };
}
