import type { Kysely } from 'kysely';
import { codeToSlug, slugToCode, type ItemStatus, type Leerweg, type ProfielDetail, type ProfielSummary } from '../../../shared/catalog-api.js';
import { profielRef } from '../../../domain/vmbo/profiel-names.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { eindtermOf, groupByParent, provenanceOf, summaryOf } from './mappers.js';

export async function listProfielen(opts: { db: Kysely<DB>; leerweg?: Leerweg }): Promise<ProfielSummary[]> {
  const rows = repo.listProfielen(await snapshotOf(opts.db), opts.leerweg);
  return rows.map((r) => ({
    ...profielRef(r.code, r.title),
    id: r.id,
    slug: codeToSlug(r.code),
    title: r.title,
    status: r.status as ItemStatus,
    aantalProfielmodulen: r.aantal_modules,
    aantalKeuzevakken: r.aantal_keuzevakken,
  }));
}

export async function getProfiel(opts: { db: Kysely<DB>; slug: string; leerweg?: Leerweg }): Promise<ProfielDetail> {
  const { db, leerweg } = opts;
  const snapshot = await snapshotOf(db);
  const code = slugToCode(opts.slug).toUpperCase();
  const [row] = repo.findByKindAndCode(snapshot, 'profiel', code);
  if (!row) throw notFound(`Profiel ${code} bestaat niet in de catalogus.`);
  const [kern] = repo.childrenOf(snapshot, [row.id], { includeVervallen: false }).filter((c) => c.kind === 'kern');
  const kerndelen = kern ? repo.childrenOf(snapshot, [kern.id], { includeVervallen: false }) : [];
  const eindtermen = groupByParent(repo.childrenOf(snapshot, kerndelen.map((k) => k.id), { includeVervallen: false }));
  const modules = repo.listWithCounts(snapshot, { kind: 'profielmodule', profiel: code, status: 'actief', leerweg });
  const keuzevakken = repo.listWithCounts(snapshot, { kind: 'keuzevak', profiel: code, status: 'actief', leerweg });
  const releases = repo.releasesById(snapshot, [row.first_release_id, row.last_release_id]);
  const summary = (await listProfielen({ db, leerweg })).find((p) => p.id === row.id)!;
  return {
    ...summary,
    description: row.description,
    kern: kern
      ? {
          code: kern.code,
          title: kern.title,
          kerndelen: kerndelen.map((kd) => ({
            id: kd.id,
            code: kd.code,
            title: kd.title,
            description: kd.description,
            eindtermen: (eindtermen.get(kd.id) ?? []).filter((e) => !leerweg || e.leerwegen.includes(leerweg)).map(eindtermOf),
          })),
        }
      : null,
    profielmodulen: modules.map(summaryOf),
    keuzevakken: keuzevakken.map(summaryOf),
    provenance: provenanceOf(row, releases),
    leerwegFilter: leerweg ?? null,
  };
}
