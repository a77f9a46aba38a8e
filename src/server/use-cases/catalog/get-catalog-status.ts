import type { Kysely } from 'kysely';
import type { CatalogStatus } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';

export const IMPORT_INSTRUCTIONS =
  'Laad de volledige landelijke SLO-gegevens met: npm run import -- slo <map-of-url> --release <release>, ' +
  'bijvoorbeeld: npm run import -- slo ../shared/data/slo --release 2025-11. ' +
  'De map of URL bevat examenprogramma-bg/*.json en basis/niveaus.json, zoals SLO ze publiceert. Stop de app eerst als die de ingebouwde database gebruikt.';

export async function getCatalogStatus(opts: { db: Kysely<DB> }): Promise<CatalogStatus> {
  const [release, counts] = await Promise.all([repo.latestRelease(opts.db), repo.countActive(opts.db)]);
  const shownKeuzevakken = await opts.db
    .selectFrom('vmbo_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'keuzevak')
    .where('status', '=', 'actief')
    .where('duplicate_of', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    vmbo: {
      current: release
        ? {
            id: release.id,
            source: 'SLO examenprogramma beroepsgericht',
            release: release.release,
            importedAt: release.imported_at.toISOString(),
            location: release.is_demo ? 'ingebouwde demodata' : release.location,
            isDemo: release.is_demo,
            counts: (release.report as { counts?: Record<string, number> }).counts ?? {},
          }
        : null,
      counts: {
        profielen: counts.profiel,
        profielmodulen: counts.profielmodule,
        keuzevakken: Number(shownKeuzevakken.n),
        deeltaken: counts.deeltaak,
        eindtermen: counts.eindterm,
      },
    },
    isDemo: !release || release.is_demo,
    importInstructions: IMPORT_INSTRUCTIONS,
  };
}
