/**
 * Public: how many samenwerkingen confirmed each link of an eindterm, a werkproces, or the eindtermen of a keuzevak.
 * Counts only: the answer never says which samenwerkingen.
 */
import type { Kysely } from 'kysely';
import type { Bevestigingen } from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { snapshotOf } from '../../repositories/catalog-snapshot.js';
import { confirmationCounts } from '../../repositories/crosswalk-repository.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { mboItemIn } from './review-crosswalk.js';

export async function getConfirmations(opts: { db: Kysely<DB>; query: { eindterm?: string; werkproces?: string; keuzevak?: string } }): Promise<Bevestigingen> {
  const snapshot = await snapshotOf(opts.db);
  let counts: Awaited<ReturnType<typeof confirmationCounts>>;
  if (opts.query.keuzevak) {
    const kv = repo.findByKindAndCode(snapshot, 'keuzevak', opts.query.keuzevak)[0];
    if (!kv) throw notFound(`Keuzevak ${opts.query.keuzevak} bestaat niet in de catalogus.`);
    const deeltaken = repo.childrenOf(snapshot, [kv.id], { includeVervallen: true });
    const eindtermen = repo.childrenOf(snapshot, deeltaken.map((d) => d.id), { includeVervallen: true });
    counts = await confirmationCounts(opts.db, 'eindterm', eindtermen.map((e) => e.id));
  } else if (opts.query.eindterm) {
    counts = await confirmationCounts(opts.db, 'eindterm', [opts.query.eindterm]);
  } else {
    counts = await confirmationCounts(opts.db, 'mbo', [opts.query.werkproces!]);
  }
  return {
    links: counts.map((c) => ({ eindtermId: c.eindtermId, werkprocesId: c.werkprocesId, werkproces: mboItemIn(snapshot, c.werkprocesId)?.titel ?? null, aantalSamenwerkingen: c.aantal })),
  };
}
