/** The vmbo leerwegen (basis, kader, gemengd, theoretisch), in their usual order. Public. */
import type { Kysely } from 'kysely';
import type { LeerwegInfo } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';

export async function listLeerwegen(opts: { db: Kysely<DB> }): Promise<LeerwegInfo[]> {
  return repo.listLeerwegen(opts.db);
}
