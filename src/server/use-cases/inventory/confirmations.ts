/**
 * Public: how many samenwerkingen confirmed each link of an eindterm, a werkproces, the eindtermen of a keuzevak or
 * profielmodule, or the werkprocessen of a kwalificatie.
 * Counts only: the answer never says which samenwerkingen. Only samenwerkingen with an accepted vmbo school and an
 * accepted mbo instelling count (repositories/crosswalk-repository `confirmationCounts`).
 */
import type { Kysely } from 'kysely';
import { parseMboItemId, werkprocesId } from '../../../domain/inventory/ids.js';
import type { Bevestigingen } from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { confirmationCounts } from '../../repositories/crosswalk-repository.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { mboItemIn } from './review-crosswalk.js';

type Query = { eindterm?: string; werkproces?: string; keuzevak?: string; profielmodule?: string; kwalificatie?: string };

/** The eindtermen (all statuses) of a keuzevak or profielmodule; 404 for an unknown code. */
function eindtermenOf(snapshot: CatalogSnapshot, kind: 'keuzevak' | 'profielmodule', code: string): string[] {
  const onderdeel = repo.findByKindAndCode(snapshot, kind, code)[0];
  if (!onderdeel) throw notFound(`${kind === 'keuzevak' ? 'Keuzevak' : 'Profielmodule'} ${code} bestaat niet in de catalogus.`);
  const deeltaken = repo.childrenOf(snapshot, [onderdeel.id], { includeVervallen: true });
  return repo.childrenOf(snapshot, deeltaken.map((d) => d.id), { includeVervallen: true }).map((e) => e.id);
}

/** The item ids (`crebo:code`) of the werkprocessen of a kwalificatie; 404 for an unknown crebo. */
function werkprocessenOf(snapshot: CatalogSnapshot, crebo: string): string[] {
  const kwalificatie = snapshot.mbo.kwalificaties.get(crebo);
  if (!kwalificatie) throw notFound(`Kwalificatie ${crebo} bestaat niet in de catalogus.`);
  return snapshot.mbo.kerntakenOf(kwalificatie).kerntaken.flatMap((k) => k.werkprocessen.map((w) => werkprocesId(crebo, w.code)));
}

/** Where an mbo item belongs, in words a teacher reads: "25282 Monteur …" or "keuzedeel" (never the item id). */
function contextOf(snapshot: CatalogSnapshot, id: string): string | null {
  const ref = parseMboItemId(id);
  if (!ref) return null;
  if (ref.soort === 'keuzedeel') return 'keuzedeel';
  const k = snapshot.mbo.kwalificaties.get(ref.crebo);
  return k ? `${k.crebo} ${k.naam}` : ref.crebo;
}

export async function getConfirmations(opts: { db: Kysely<DB>; query: Query }): Promise<Bevestigingen> {
  const { query } = opts;
  const snapshot = await snapshotOf(opts.db);
  let counts: Awaited<ReturnType<typeof confirmationCounts>>;
  if (query.keuzevak) counts = await confirmationCounts(opts.db, 'eindterm', eindtermenOf(snapshot, 'keuzevak', query.keuzevak));
  else if (query.profielmodule) counts = await confirmationCounts(opts.db, 'eindterm', eindtermenOf(snapshot, 'profielmodule', query.profielmodule));
  else if (query.kwalificatie) counts = await confirmationCounts(opts.db, 'mbo', werkprocessenOf(snapshot, query.kwalificatie));
  else if (query.eindterm) counts = await confirmationCounts(opts.db, 'eindterm', [query.eindterm]);
  else counts = await confirmationCounts(opts.db, 'mbo', [query.werkproces!]);
  return {
    links: counts.map((c) => {
      const eindterm = snapshot.byId.get(c.eindtermId);
      const mbo = mboItemIn(snapshot, c.werkprocesId);
      return {
        eindtermId: c.eindtermId,
        eindtermCode: eindterm?.code ?? null,
        eindterm: eindterm?.title ?? null,
        werkprocesId: c.werkprocesId,
        werkprocesCode: mbo?.code ?? null,
        werkproces: mbo?.titel ?? null,
        werkprocesContext: mbo ? contextOf(snapshot, c.werkprocesId) : null,
        aantalSamenwerkingen: c.aantal,
      };
    }),
  };
}
