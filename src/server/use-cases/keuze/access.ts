/**
 * Opening the pupil's programme (issue 15): the pupil's own choices, the school's choices and settings for its staff,
 * an mbo instelling's admission requirements. The pure rules of src/domain/menukaart/keuze-rules.ts decide.
 */
import { decideSchoolKeuzes, decideToelatingseisen, keuzeSchool, type SchoolKeuzeAction } from '../../../domain/menukaart/keuze-rules.js';
import { forbidden, notFound } from '../../errors.js';
import * as repo from '../../repositories/keuze-repository.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';

export const GEEN_LEERLING = 'Modules kiezen kan alleen een leerling van een school. Je account is geen leerling.';
export const KEUZE_NOT_FOUND = 'Deze keuze bestaat niet of je hebt er geen toegang toe.';
export const SCHOOL_NOT_FOUND = 'Deze school bestaat niet of u hebt er geen toegang toe.';
export const ALLEEN_DECAAN = 'De keuzes van leerlingen zijn alleen voor de decaan (of mentor) van de school.';
export const ALLEEN_DECAAN_BEHEERDER = 'De instellingen voor het kiezen wijzigt de decaan of de beheerder van de school.';
export const INSTELLING_NOT_FOUND = 'Deze mbo-instelling bestaat niet of u hebt er geen toegang toe.';
export const ALLEEN_BEHEERDER = 'Aanvullende toelatingseisen legt de beheerder van de mbo-instelling vast.';

export interface EigenKeuzes {
  auth: AuthContext;
  schoolId: string;
}

/** The signed-in pupil and their school. */
export function openEigenKeuzes(opts: UseCaseContext): EigenKeuzes {
  const auth = requireAuth(opts.auth);
  const schoolId = keuzeSchool(auth.actor);
  if (!schoolId) throw notFound(GEEN_LEERLING);
  return { auth, schoolId };
}

export function openSchoolKeuzes(opts: UseCaseContext & { organisatieId: string; action: SchoolKeuzeAction }): { auth: AuthContext } {
  const auth = requireAuth(opts.auth);
  const d = decideSchoolKeuzes(auth.actor, opts.action, opts.organisatieId);
  if (d === 'not_found') throw notFound(SCHOOL_NOT_FOUND);
  if (d === 'forbidden') throw forbidden(opts.action.startsWith('instellingen') ? ALLEEN_DECAAN_BEHEERDER : ALLEEN_DECAAN);
  return { auth };
}

export async function openToelatingseisen(opts: UseCaseContext & { organisatieId: string; action: 'read' | 'write' }): Promise<{ auth: AuthContext; naam: string }> {
  const auth = requireAuth(opts.auth);
  const org = await repo.organisation(opts.db, opts.organisatieId);
  const d = decideToelatingseisen(auth.actor, opts.action, opts.organisatieId, org?.soort === 'mbo-instelling');
  if (d === 'not_found') throw notFound(INSTELLING_NOT_FOUND);
  if (d === 'forbidden') throw forbidden(ALLEEN_BEHEERDER);
  return { auth, naam: org!.naam };
}
