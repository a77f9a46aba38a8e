/** Data access for the mbo catalogue (the mbo_* tables of migrations 0002 and 0003). The catalogue is public: no tenant scope. */
import type { Kysely, Transaction } from 'kysely';
import { MBO_RECORD_KINDS, mboContentHash, type MboRecord, type MboRecordKind, type StoredMboState } from '../../domain/mbo/catalog-records.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const MBO_TABLES = {
  kwalificatiedossier: 'mbo_kwalificatiedossier',
  kwalificatie: 'mbo_kwalificatie',
  kerntaak: 'mbo_kerntaak',
  werkproces: 'mbo_werkproces',
  'kennis-vaardigheid': 'mbo_kennis_vaardigheid',
  keuzedeel: 'mbo_keuzedeel',
  'keuzedeel-aanbod': 'mbo_keuzedeel_aanbod',
  'keuzedeel-koppeling': 'mbo_keuzedeel_koppeling',
} as const satisfies Record<MboRecordKind, keyof DB>;

// All mbo tables share the columns used here (MboRowBase); one of them stands in for the type.
type AnyMboTable = 'mbo_keuzedeel';
const table = (kind: MboRecordKind): AnyMboTable => MBO_TABLES[kind] as AnyMboTable;
const CHUNK = 300;

function groupByKind<T extends { kind: MboRecordKind }>(items: readonly T[]): Array<[MboRecordKind, T[]]> {
  return MBO_RECORD_KINDS.map((k) => [k, items.filter((i) => i.kind === k)] as [MboRecordKind, T[]]).filter(([, list]) => list.length > 0);
}

/** Every stored row of one source (all scopes). */
export async function loadMboStates(db: Db, source: string): Promise<StoredMboState[]> {
  const states: StoredMboState[] = [];
  for (const kind of MBO_RECORD_KINDS) {
    const rows = await db.selectFrom(table(kind)).select(['key', 'scope', 'content_hash', 'status']).where('source', '=', source).execute();
    for (const r of rows) states.push({ kind, key: r.key, scope: r.scope, contentHash: r.content_hash, status: r.status as 'actief' | 'vervallen' });
  }
  return states;
}

function toRow(source: string, r: MboRecord, releaseId: number): Record<string, unknown> {
  return {
    source,
    key: r.key,
    scope: r.scope,
    ...r.columns,
    details: JSON.stringify(r.details),
    bron: JSON.stringify(r.bron),
    status: 'actief',
    content_hash: mboContentHash(r),
    first_release_id: releaseId,
    last_release_id: releaseId,
    changed_release_id: releaseId,
  };
}

export async function insertMboRecords(db: Db, source: string, records: readonly MboRecord[], releaseId: number): Promise<void> {
  for (const [kind, list] of groupByKind(records)) {
    for (let i = 0; i < list.length; i += CHUNK) {
      await db
        .insertInto(table(kind))
        .values(list.slice(i, i + CHUNK).map((r) => toRow(source, r, releaseId)) as never)
        .execute();
    }
  }
}

export async function updateMboRecords(db: Db, source: string, records: readonly MboRecord[], releaseId: number): Promise<void> {
  for (const r of records) {
    const { source: _s, key, first_release_id: _f, ...rest } = toRow(source, r, releaseId);
    await db
      .updateTable(table(r.kind))
      .set(rest as never)
      .where('source', '=', source)
      .where('key', '=', key as string)
      .execute();
  }
}

export async function touchMboRecords(db: Db, source: string, records: ReadonlyArray<{ kind: MboRecordKind; key: string }>, releaseId: number): Promise<void> {
  for (const [kind, list] of groupByKind(records)) {
    for (let i = 0; i < list.length; i += 2000) {
      await db
        .updateTable(table(kind))
        .set({ last_release_id: releaseId })
        .where('source', '=', source)
        .where('key', 'in', list.slice(i, i + 2000).map((r) => r.key))
        .execute();
    }
  }
}

export async function markMboVervallen(db: Db, source: string, states: readonly StoredMboState[], releaseId: number): Promise<void> {
  for (const [kind, list] of groupByKind(states)) {
    for (let i = 0; i < list.length; i += 2000) {
      await db
        .updateTable(table(kind))
        .set({ status: 'vervallen', changed_release_id: releaseId })
        .where('source', '=', source)
        .where('key', 'in', list.slice(i, i + 2000).map((r) => r.key))
        .execute();
    }
  }
}

/** Removes the demo rows and demo releases of one source before the first real import of it. */
export async function deleteDemoRows(db: Db, source: string): Promise<void> {
  for (const kind of MBO_RECORD_KINDS) await db.deleteFrom(table(kind)).where('source', '=', source).execute();
  await db.deleteFrom('source_release').where('source', '=', source).where('is_demo', '=', true).execute();
}
