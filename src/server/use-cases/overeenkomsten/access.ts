/**
 * Opening an agreement through its samenwerking's access check (issue 13): read for staff of a partner, write for
 * beheerder/ontwikkelaar of a partner; an agreement of another samenwerking is a 404, like a missing one.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import * as repo from '../../repositories/overeenkomst-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { AuthContext } from '../../access/context.js';
import { actingOrganisation } from '../../access/leerroute.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';

export const OVEREENKOMST_NOT_FOUND = 'Deze overeenkomst bestaat niet of u hebt er geen toegang toe.';

export interface OvereenkomstAccess {
  row: repo.OvereenkomstRow;
  access: PartnershipAccess;
  by: { userId: string; organisationId: string | null };
}

/** `lock`: in a transaction, the agreement row is locked until it ends (changes of one agreement go one by one). */
export async function openOvereenkomst(opts: {
  db: Kysely<DB> | Transaction<DB>;
  auth: AuthContext | null;
  id: string;
  action: 'partnership.read' | 'partnership.write';
  lock?: boolean;
}): Promise<OvereenkomstAccess> {
  const auth = requireAuth(opts.auth);
  const row = opts.lock ? await repo.lockOvereenkomst(opts.db, opts.id) : await repo.findOvereenkomst(opts.db, opts.id);
  if (!row) throw notFound(OVEREENKOMST_NOT_FOUND);
  let access: PartnershipAccess;
  try {
    access = await authorizePartnership({ db: opts.db as Kysely<DB>, auth, partnershipId: row.partnershipId, action: opts.action });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(OVEREENKOMST_NOT_FOUND);
    throw e;
  }
  return { row, access, by: { userId: auth.user.id, organisationId: actingOrganisation(auth, access.memberOrganisationIds) } };
}
