import type { Kysely } from 'kysely';
import { slugToCode, type KeuzevakDetail, type Leerweg } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { loadDeeltaken } from './load-deeltaken.js';
import { provenanceOf, summaryOf } from './mappers.js';

export async function getKeuzevak(opts: { db: Kysely<DB>; slug: string; leerweg?: Leerweg; versie?: string }): Promise<KeuzevakDetail> {
  const snapshot = await snapshotOf(opts.db);
  const code = slugToCode(opts.slug).toUpperCase();
  const shownFirst = repo.findByKindAndCode(snapshot, 'keuzevak', code);
  if (shownFirst.length === 0) throw notFound(`Keuzevak ${code} bestaat niet in de catalogus.`);
  const chosen = opts.versie ? shownFirst.find((r) => r.id === opts.versie?.toLowerCase()) : shownFirst[0];
  if (!chosen) throw notFound(`Keuzevak ${code} heeft geen versie ${opts.versie}.`);

  const [summary] = repo.listWithCounts(snapshot, { kind: 'keuzevak', status: 'alle', ids: [chosen.id] });
  const deeltaken = loadDeeltaken(snapshot, chosen, opts.leerweg);
  const releases = repo.releasesById(snapshot, [chosen.first_release_id, chosen.last_release_id]);
  const allDeeltaken = repo.childrenOf(snapshot, shownFirst.map((r) => r.id), { includeVervallen: true });
  const base = summaryOf(summary!);
  return {
    ...base,
    aantalDeeltaken: deeltaken.length,
    aantalEindtermen: deeltaken.reduce((n, d) => n + d.eindtermen.length, 0),
    deeltaken,
    provenance: provenanceOf(chosen, releases),
    replaces: chosen.replaces,
    replacedBy: chosen.replaced_by,
    versies:
      shownFirst.length > 1
        ? shownFirst.map((r) => ({
            id: r.id,
            title: r.title,
            isGetoond: r.duplicate_of === null,
            deeltaakCodes: allDeeltaken.filter((d) => d.parent_id === r.id).map((d) => d.code),
          }))
        : [],
    leerwegFilter: opts.leerweg ?? null,
  };
}
