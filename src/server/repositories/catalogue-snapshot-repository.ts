/**
 * The reads the in-memory catalogue snapshot is built from (read-models/catalogue-snapshot.ts): the catalogue
 * version, every vmbo item, every release and the mbo tables. Public data: no tenant scope.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { MboRows } from '../../domain/mbo/read-model.js';
import type { DB, SourceReleaseTable, VmboItemTable } from '../db/schema.js';

export type VmboItemRow = Selectable<VmboItemTable>;
export type ReleaseRow = Selectable<SourceReleaseTable>;

/** `<releases>:<last release id>`: changes with every import that changed something. */
export async function catalogueVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('source_release')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(max(id), 0)::int`.as('m')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.m}`;
}

/** Every vmbo item (in SLO's order under each parent) and every release. */
export async function loadVmboItemsAndReleases(db: Kysely<DB>): Promise<{ items: VmboItemRow[]; releases: ReleaseRow[] }> {
  const [items, releases] = await Promise.all([
    db.selectFrom('vmbo_item').selectAll().orderBy('parent_id').orderBy('position').orderBy('code').execute(),
    db.selectFrom('source_release').selectAll().orderBy('id').execute(),
  ]);
  return { items, releases };
}

/** Every row of the mbo tables, for the mbo read model (domain/mbo/read-model.ts). */
export async function loadMboTables(db: Kysely<DB>): Promise<Omit<MboRows, 'koppelingenGeladen'>> {
  const [dossiers, kwalificaties, kerntaken, werkprocessen, kennis, keuzedelen, aanbod, koppelingen] = await Promise.all([
    db.selectFrom('mbo_kwalificatiedossier').selectAll().execute(),
    db.selectFrom('mbo_kwalificatie').selectAll().execute(),
    db.selectFrom('mbo_kerntaak').selectAll().execute(),
    db.selectFrom('mbo_werkproces').selectAll().execute(),
    db.selectFrom('mbo_kennis_vaardigheid').selectAll().execute(),
    db.selectFrom('mbo_keuzedeel').selectAll().execute(),
    db.selectFrom('mbo_keuzedeel_aanbod').selectAll().execute(),
    db.selectFrom('mbo_keuzedeel_koppeling').selectAll().execute(),
  ]);
  return { dossiers, kwalificaties, kerntaken, werkprocessen, kennis, keuzedelen, aanbod, koppelingen };
}
