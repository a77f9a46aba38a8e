/**
 * Issue 17: the reviews eindterm ↔ werkproces of every real samenwerking (an accepted vmbo school and an accepted mbo
 * instelling, as crosswalk-repository `confirmationCounts` counts them) about the pairs of one selection, leaving out
 * one samenwerking (the one whose inventory is shown). SQL only; counted per samenwerking in
 * domain/matching/pair-evidence.ts. The rows carry partnership ids for that count; no caller shows them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CrosswalkOordeel } from '../../domain/matching/pair-evidence.js';
import type { DB } from '../db/schema.js';
import { ofRealSamenwerking } from './crosswalk-repository.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function pairReviewsElsewhere(
  db: Db,
  opts: { eindtermIds: readonly string[]; werkprocesIds: readonly string[]; exceptPartnershipId?: string | null },
): Promise<CrosswalkOordeel[]> {
  if (opts.eindtermIds.length === 0 || opts.werkprocesIds.length === 0) return [];
  let q = db
    .selectFrom('crosswalk_link')
    .select(['partnership_id', 'eindterm_id', 'werkproces_id', 'status'])
    .where('eindterm_id', 'in', [...opts.eindtermIds])
    .where('werkproces_id', 'in', [...opts.werkprocesIds])
    .where(ofRealSamenwerking);
  if (opts.exceptPartnershipId) q = q.where('partnership_id', '!=', opts.exceptPartnershipId);
  const rows = await q.execute();
  return rows.map((r) => ({ partnershipId: r.partnership_id, eindtermId: r.eindterm_id, werkprocesId: r.werkproces_id, status: r.status }));
}
