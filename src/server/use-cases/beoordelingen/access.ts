/**
 * Opening an assessment form through its exam's access check (issue 14): the form's exam is found first and
 * `openExamen` decides (404 for a third school and for pupils, 403 for a party's role without the right); a missing
 * form is the same 404.
 */
import type { Kysely, Transaction } from 'kysely';
import { decideExamen, type ExamenAction } from '../../../domain/auth/examen-rules.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { AuthContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import { requireAuth } from '../../access/require-auth.js';
import * as repo from '../../repositories/beoordeling-repository.js';

export const BEOORDELING_NOT_FOUND = 'Dit beoordelingsformulier bestaat niet of u hebt er geen toegang toe.';

export interface BeoordelingAccess extends ExamenAccess {
  form: repo.FormRow;
}

export async function openBeoordeling(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; beoordelingId: string; action: ExamenAction; lock?: boolean }): Promise<BeoordelingAccess> {
  requireAuth(opts.auth);
  const examenId = await repo.examenOfForm(opts.db, opts.beoordelingId);
  if (!examenId) throw notFound(BEOORDELING_NOT_FOUND);
  let access: ExamenAccess;
  try {
    access = await openExamen({ db: opts.db, auth: opts.auth, examenId, action: opts.action });
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(BEOORDELING_NOT_FOUND);
    throw e;
  }
  const form = await repo.findForm(opts.db, opts.beoordelingId, { lock: opts.lock ?? false });
  if (!form) throw notFound(BEOORDELING_NOT_FOUND);
  return { ...access, form };
}

/** Whether the signed-in user may do `action` in this exam (for the rights shown in the answers). */
export function mag(access: ExamenAccess, action: ExamenAction): boolean {
  return (
    decideExamen(access.auth.actor, action, {
      vmboOrganisationId: access.examen.vmboOrganisationId,
      mboOrganisationId: access.examen.mboOrganisationId,
      examinatorId: access.examen.examinatorId,
      beoordelaarId: access.examen.beoordelaarId,
    }) === 'allow'
  );
}
