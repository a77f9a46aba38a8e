/**
 * Access to pupils' data and the joint exam (issue 14): the cohort of a vmbo school, and an exam with its two
 * parties. The pure rules of src/domain/auth/examen-rules.ts decide; 404 for whoever has nothing to do with it (a
 * third school, a pupil looking at other pupils), 403 for a party's role without the right (an ontwikkelaar).
 */
import type { Kysely, Transaction } from 'kysely';
import { decideExamen, type ExamenAction } from '../../domain/auth/examen-rules.js';
import type { DB } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { findCohortAccessRow, findExamenAccessRow, type CohortAccessRow, type ExamenAccessRow } from '../repositories/examen-access-repository.js';
import type { AuthContext } from './context.js';
import { requireAuth } from './require-auth.js';

export const COHORT_NOT_FOUND = 'Deze groep leerlingen bestaat niet of u hebt er geen toegang toe.';
export const EXAMEN_NOT_FOUND = 'Dit examen bestaat niet of u hebt er geen toegang toe.';

export interface CohortAccess {
  auth: AuthContext;
  cohort: CohortAccessRow;
}

/** A cohort and its pupils: only the vmbo school that owns them (the mbo sees pupils through an exam's registration). */
export async function openCohort(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; cohortId: string; action: 'leerlingen.read' | 'leerlingen.manage' }): Promise<CohortAccess> {
  const auth = requireAuth(opts.auth);
  const cohort = await findCohortAccessRow(opts.db, opts.cohortId);
  if (!cohort) throw notFound(COHORT_NOT_FOUND);
  const decision = decideExamen(auth.actor, opts.action, { vmboOrganisationId: cohort.organisationId, mboOrganisationId: null });
  if (decision === 'not_found') throw notFound(COHORT_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden('Leerlinggegevens zijn alleen voor de beheerder, decaan, examinator en examencommissie van de school.');
  return { auth, cohort };
}

export interface ExamenAccess {
  auth: AuthContext;
  examen: ExamenAccessRow;
  /** The side of the user in this exam (a user in both: vmbo first). */
  kant: 'vmbo' | 'mbo';
}

/** An exam: its vmbo and mbo party, with the roles the action needs (see examen-rules). */
export async function openExamen(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; examenId: string; action: ExamenAction }): Promise<ExamenAccess> {
  const auth = requireAuth(opts.auth);
  const examen = await findExamenAccessRow(opts.db, opts.examenId);
  if (!examen) throw notFound(EXAMEN_NOT_FOUND);
  const decision = decideExamen(auth.actor, opts.action, {
    vmboOrganisationId: examen.vmboOrganisationId,
    mboOrganisationId: examen.mboOrganisationId,
    examinatorId: examen.examinatorId,
    beoordelaarId: examen.beoordelaarId,
  });
  if (decision === 'not_found') throw notFound(EXAMEN_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden();
  const inVmbo = auth.memberships.some((m) => m.organisationId === examen.vmboOrganisationId && m.rol !== 'leerling');
  return { auth, examen, kant: inVmbo ? 'vmbo' : 'mbo' };
}
