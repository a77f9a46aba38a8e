/** Demo mode: an empty catalogue gets the built-in demo data of both sides, through the normal importers. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { tableSource } from '../../domain/mbo/catalog-records.js';
import { hasNonDemoRelease, importedSourcesByOrigin } from '../repositories/demo-repository.js';
import { importMboTabel } from '../use-cases/catalog/import-mbo-tabel.js';
import { importSlo } from '../use-cases/catalog/import-slo.js';

export const DEMO_DIR = fileURLToPath(new URL('../../../demo-data/', import.meta.url));
export const DEMO_SLO_DIR = path.join(DEMO_DIR, 'slo');
const DEMO_TABLES = ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod'] as const;
type DemoTable = (typeof DEMO_TABLES)[number];
export const DEMO_MBO_FILES = DEMO_TABLES.map((f) => path.join(DEMO_DIR, 'mbo', `${f}.csv`));

export interface DemoSeedResult {
  vmbo: boolean;
  mbo: boolean;
}

/**
 * Whether the database holds catalogue data other than the built-in demo (a national import or upload): then it
 * is a real installation, where demo accounts with their public password must never be created.
 */
export async function hasNonDemoCatalogue(db: Kysely<DB>): Promise<boolean> {
  return hasNonDemoRelease(db);
}

/**
 * Loads each side's demo data when that side has never been imported from outside the demo. The mbo side is four
 * tables, each its own import: every demo table not there yet is imported, so that an instance starting at the same
 * moment as another (which may have imported only some of them yet) returns with the whole demo catalogue committed
 * (each import waits for the import lock and then finds a table the other one made unchanged).
 */
export async function seedDemoCatalogue(db: Kysely<DB>): Promise<DemoSeedResult> {
  const sources = await importedSourcesByOrigin(db);
  const result: DemoSeedResult = { vmbo: false, mbo: false };
  if (!sources.has('slo-examenprogramma-bg')) {
    await importSlo({ db, location: DEMO_SLO_DIR, release: 'demo', isDemo: true });
    result.vmbo = true;
  }
  const realMbo = [...sources].some(([source, { real }]) => real && (source.startsWith('mbo-tabel:') || source === 'sbb-xml'));
  if (!realMbo) {
    for (const file of DEMO_MBO_FILES) {
      if (sources.has(tableSource(path.basename(file, '.csv') as DemoTable))) continue;
      await importMboTabel({ db, file, release: 'demo', isDemo: true });
      result.mbo = true;
    }
  }
  return result;
}
