import type { Kysely } from 'kysely';
import { slugToCode, type KeuzevakDetail, type Leerweg } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { loadDeeltaken } from './load-deeltaken.js';
import { provenanceOf, summaryOf } from './mappers.js';

export async function getKeuzevak(opts: { db: Kysely<DB>; slug: string; leerweg?: Leerweg; versie?: string }): Promise<KeuzevakDetail> {
  const { db } = opts;
  const code = slugToCode(opts.slug).toUpperCase();
  const records = await repo.findByKindAndCode(db, 'keuzevak', code);
  if (records.length === 0) throw notFound(`Keuzevak ${code} bestaat niet in de catalogus.`);
  const shownFirst = [...records].sort((a, b) => Number(a.duplicate_of !== null) - Number(b.duplicate_of !== null) || Number(a.status !== 'actief') - Number(b.status !== 'actief'));
  const chosen = opts.versie ? records.find((r) => r.id === opts.versie?.toLowerCase()) : shownFirst[0];
  if (!chosen) throw notFound(`Keuzevak ${code} heeft geen versie ${opts.versie}.`);

  const [summary] = await repo.listWithCounts(db, { kind: 'keuzevak', status: 'alle', ids: [chosen.id], leerweg: undefined });
  const deeltaken = await loadDeeltaken(db, chosen, opts.leerweg);
  const releases = await repo.releasesById(db, [chosen.first_release_id, chosen.last_release_id]);
  const allDeeltaken = await repo.childrenOf(db, shownFirst.map((r) => r.id), { includeVervallen: true });
  const base = summary
    ? summaryOf(summary)
    : summaryOf({ ...chosen, profiel_title: null, aantal_deeltaken: 0, aantal_eindtermen: 0 });
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
