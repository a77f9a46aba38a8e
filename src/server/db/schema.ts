/** Kysely table types; kept in step with the SQL migrations by hand. */
import type { ColumnType, Generated } from 'kysely';

export interface SourceReleaseTable {
  id: Generated<number>;
  source: string;
  release: string;
  location: string;
  checksum: string;
  is_demo: Generated<boolean>;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  report: ColumnType<unknown, string, string>;
}

export interface VmboLeerwegTable {
  code: string;
  naam: string;
  volgorde: number;
}

export interface VmboItemTable {
  id: string;
  kind: string;
  code: string;
  title: string;
  description: string | null;
  parent_id: string | null;
  position: number;
  leerwegen: string[];
  profiel_code: string | null;
  replaces: string[];
  replaced_by: string | null;
  duplicate_of: string | null;
  status: string;
  content_hash: string;
  first_release_id: number;
  last_release_id: number;
  changed_release_id: number;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface DB {
  source_release: SourceReleaseTable;
  vmbo_leerweg: VmboLeerwegTable;
  vmbo_item: VmboItemTable;
  schema_migration: SchemaMigrationTable;
}
