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

/** Columns every mbo catalogue table has (migration 0002): key, scope, versioning and provenance. */
export interface MboRowBase {
  source: string;
  key: string;
  scope: string;
  details: ColumnType<unknown, string | undefined, string>;
  bron: ColumnType<unknown, string, string>;
  status: string;
  content_hash: string;
  first_release_id: number;
  last_release_id: number;
  changed_release_id: number;
}

/** ISO dates (YYYY-MM-DD) in, what the driver returns out. */
type DateColumn = ColumnType<Date | string | null, string | null, string | null>;

export interface MboKwalificatiedossierTable extends MboRowBase {
  dossier_crebo: string;
  titel: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  geldig_vanaf: DateColumn;
  einde_instroom: DateColumn;
  einde_opleiding: DateColumn;
}

export interface MboKwalificatieTable extends MboRowBase {
  crebo: string;
  naam: string;
  niveau: number;
  soort: string | null;
  leerwegen: string[] | null;
  dossier_crebo: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  profiel_code: string | null;
  studiebelasting_sbu: number | null;
  geldig_vanaf: DateColumn;
  einde_instroom: DateColumn;
  einde_opleiding: DateColumn;
}

export interface MboKerntaakTable extends MboRowBase {
  code: string;
  crebo: string | null;
  dossier_crebo: string | null;
  profiel_code: string | null;
  titel: string | null;
  complexiteit: string | null;
  verantwoordelijkheid: string | null;
  position: number;
}

export interface MboWerkprocesTable extends MboRowBase {
  kerntaak_key: string;
  code: string;
  titel: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  position: number;
}

export interface MboKennisVaardigheidTable extends MboRowBase {
  dossier_crebo: string;
  sbb_nr: string;
  tekst: string;
  kerntaak_codes: string[];
  position: number;
}

export interface MboKeuzedeelTable extends MboRowBase {
  code: string;
  titel: string;
  sbu: number | null;
  niveau: number | null;
  omschrijving: string | null;
}

export interface MboKeuzedeelAanbodTable extends MboRowBase {
  crebo: string;
  keuzedeel_code: string;
  instellingen: string[] | null;
}

/** Migration 0003: the official SBB koppeling keuzedeel ↔ kwalificatie. */
export interface MboKeuzedeelKoppelingTable extends MboRowBase {
  crebo: string;
  keuzedeel_code: string;
  geldig_vanaf: DateColumn;
  geldig_tot: DateColumn;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface DB {
  source_release: SourceReleaseTable;
  vmbo_leerweg: VmboLeerwegTable;
  vmbo_item: VmboItemTable;
  mbo_kwalificatiedossier: MboKwalificatiedossierTable;
  mbo_kwalificatie: MboKwalificatieTable;
  mbo_kerntaak: MboKerntaakTable;
  mbo_werkproces: MboWerkprocesTable;
  mbo_kennis_vaardigheid: MboKennisVaardigheidTable;
  mbo_keuzedeel: MboKeuzedeelTable;
  mbo_keuzedeel_aanbod: MboKeuzedeelAanbodTable;
  mbo_keuzedeel_koppeling: MboKeuzedeelKoppelingTable;
  schema_migration: SchemaMigrationTable;
}
