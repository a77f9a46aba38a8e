/**
 * Opening a loopbaandossier (issue 15): the pupil's own (role leerling at the school), or a pupil's dossier and the
 * school's LOB programme for staff. The pure rules of src/domain/lob/rules.ts decide; 404 for whoever has nothing to
 * do with it (another school, another pupil, the mbo partner), 403 for staff of the school without the decaan role.
 */
import type { Kysely, Transaction } from 'kysely';
import { decideEigenDossier, decideLobStaff, leerlingSchool, type LobStaffAction } from '../../../domain/lob/rules.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../errors.js';
import * as repo from '../../repositories/lob-repository.js';
import type { AuthContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';

export const DOSSIER_NOT_FOUND = 'Dit loopbaandossier bestaat niet of u hebt er geen toegang toe.';
export const GEEN_LEERLING = 'Een loopbaandossier is er alleen voor leerlingen. Je account is geen leerling van een school.';
export const ALLEEN_DECAAN = 'Loopbaandossiers en het LOB-programma zijn alleen voor de decaan (of mentor) van de school.';

export interface EigenDossier {
  auth: AuthContext;
  eigenaar: repo.Eigenaar;
  /** False for a pupil who left the school: the dossier was handed to them; the school no longer reads it. */
  opSchool: boolean;
}

/**
 * The signed-in pupil's own dossier, at the school where they are a leerling. A pupil who left the school keeps their
 * dossier (handed to them, docs/lob.md): they still read, download and share it until their account is deleted, while
 * nobody at the school can open it any more.
 */
export async function openEigenDossier(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null }): Promise<EigenDossier> {
  const auth = requireAuth(opts.auth);
  const school = leerlingSchool(auth.actor);
  if (school && decideEigenDossier(auth.actor, school) === 'allow') return { auth, eigenaar: { accountId: auth.user.id, organisationId: school }, opSchool: true };
  const vorige = await repo.dossierScholen(opts.db, auth.user.id);
  if (vorige.length === 0) throw notFound(GEEN_LEERLING);
  return { auth, eigenaar: { accountId: auth.user.id, organisationId: vorige[0]! }, opSchool: false };
}

export interface SchoolLob {
  auth: AuthContext;
  schoolId: string;
  /** Set when a pupil's dossier was opened. */
  eigenaar: repo.Eigenaar | null;
}

/** The school's LOB programme, or (with `gebruikerId`) one pupil's dossier, for the school's staff. */
export async function openSchoolLob(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; organisatieId: string; action: LobStaffAction; gebruikerId?: string }): Promise<SchoolLob> {
  const auth = requireAuth(opts.auth);
  const eigenaarIsLeerling = opts.gebruikerId ? await repo.isLeerlingAt(opts.db, opts.gebruikerId, opts.organisatieId) : undefined;
  const decision = decideLobStaff(auth.actor, opts.action, { schoolId: opts.organisatieId, eigenaarIsLeerling });
  if (decision === 'not_found') throw notFound(DOSSIER_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden(ALLEEN_DECAAN);
  return { auth, schoolId: opts.organisatieId, eigenaar: opts.gebruikerId ? { accountId: opts.gebruikerId, organisationId: opts.organisatieId } : null };
}
