import type { Kysely } from 'kysely';
import { slugToCode, type Leerweg, type ProfielmoduleDetail } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { loadDeeltaken } from './load-deeltaken.js';
import { provenanceOf, summaryOf } from './mappers.js';

export async function getProfielmodule(opts: { db: Kysely<DB>; slug: string; leerweg?: Leerweg }): Promise<ProfielmoduleDetail> {
  const code = slugToCode(opts.slug).toUpperCase();
  const snapshot = await snapshotOf(opts.db);
  const [row] = repo.findByKindAndCode(snapshot, 'profielmodule', code);
  if (!row) throw notFound(`Profielmodule ${code} bestaat niet in de catalogus.`);
  const [summary] = repo.listWithCounts(snapshot, { kind: 'profielmodule', status: 'alle', ids: [row.id] });
  const deeltaken = loadDeeltaken(snapshot, row, opts.leerweg);
  const releases = repo.releasesById(snapshot, [row.first_release_id, row.last_release_id]);
  return {
    ...summaryOf(summary!),
    aantalDeeltaken: deeltaken.length,
    aantalEindtermen: deeltaken.reduce((n, d) => n + d.eindtermen.length, 0),
    deeltaken,
    provenance: provenanceOf(row, releases),
    leerwegFilter: opts.leerweg ?? null,
  };
}
