import type { Kysely } from 'kysely';
import type { CatalogStatus } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { mboSourceLabel } from './mbo-mappers.js';

export const IMPORT_INSTRUCTIONS =
  'Laad de volledige landelijke SLO-gegevens met: npm run import -- slo <map-of-url> --release <release>, ' +
  'bijvoorbeeld: npm run import -- slo ../shared/data/slo --release 2025-11. ' +
  'De mbo-kant laadt u met npm run import -- sbb-xml <bestand-of-map> en npm run import -- tabel <bestand.csv|xlsx> (zie de README). ' +
  'De map of URL bevat examenprogramma-bg/*.json en basis/niveaus.json, zoals SLO ze publiceert. Stop de app eerst als die de ingebouwde database gebruikt.';

export async function getCatalogStatus(opts: { db: Kysely<DB> }): Promise<CatalogStatus> {
  const snapshot = await snapshotOf(opts.db);
  const release = snapshot.latest.get(repo.SLO_SOURCE);
  const counts = repo.countActive(snapshot);
  const shownKeuzevakken = snapshot.items.filter((r) => r.kind === 'keuzevak' && r.status === 'actief' && r.duplicate_of === null).length;
  const mbo = snapshot.mbo;
  const mboReleases = [...snapshot.latest.values()].filter((r) => r.source !== repo.SLO_SOURCE);
  let kerntaken = 0;
  let werkprocessen = 0;
  for (const k of mbo.kwalificaties.values()) {
    if (k.status !== 'actief') continue;
    for (const kt of mbo.kerntakenOf(k).kerntaken) {
      kerntaken += 1;
      werkprocessen += kt.werkprocessen.length;
    }
  }
  return {
    mbo: {
      current: mboReleases.map((r) => ({
        id: r.id,
        source: mboSourceLabel(r.source),
        release: r.release,
        importedAt: r.imported_at.toISOString(),
        location: r.is_demo ? 'ingebouwde demodata' : r.location,
        isDemo: r.is_demo,
        counts: ((r.report as { counts?: Record<string, number> }).counts ?? {}) as Record<string, number>,
      })),
      counts: {
        opleidingsdomeinen: mbo.opleidingsdomeinen().length,
        dossiers: [...mbo.dossiers.values()].filter((d) => d.status === 'actief').length,
        kwalificaties: [...mbo.kwalificaties.values()].filter((k) => k.status === 'actief').length,
        kerntaken,
        werkprocessen,
        keuzedelen: [...mbo.keuzedelen.values()].filter((k) => k.status === 'actief').length,
      },
    },
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
        keuzevakken: shownKeuzevakken,
        deeltaken: counts.deeltaak,
        eindtermen: counts.eindterm,
      },
    },
    isDemo: !release || release.is_demo,
    importInstructions: IMPORT_INSTRUCTIONS,
  };
}
