/** Demo mode: an empty catalogue gets the built-in demo data, through the normal importer. */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { latestRelease } from '../repositories/vmbo-catalog-repository.js';
import { importSlo, type SloImportReport } from '../use-cases/catalog/import-slo.js';

export const DEMO_SLO_DIR = fileURLToPath(new URL('../../../demo-data/slo/', import.meta.url));

export async function seedDemoCatalogue(db: Kysely<DB>): Promise<SloImportReport | null> {
  if (await latestRelease(db)) return null;
  return importSlo({ db, location: DEMO_SLO_DIR, release: 'demo', isDemo: true });
}
