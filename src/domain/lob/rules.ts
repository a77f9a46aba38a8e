/**
 * Who may do what with a pupil's loopbaandossier (issue 15): pure, no I/O.
 *
 * - The dossier is the pupil's: only the pupil (role leerling at the school, their own account) writes it, downloads
 *   it and shares it.
 * - The decaan of the pupil's own school reads it and marks the school's LOB parts done. The mentor is not a role of
 *   its own in Doorlopend: a mentor who guides pupils' LOB gets the role decaan at the school (docs/lob.md).
 * - Nobody else: other staff of the school (beheerder, ontwikkelaar, examinator, examencommissie) 403; pupils (also of
 *   the same school), other schools and the mbo partner 404, so they learn nothing.
 * - Staff can never send a dossier to another school (`DOORSTUREN_REGEL`): only the pupil takes it along.
 */
import type { Role } from '../../shared/roles.js';
import { rolesIn, type Actor, type Decision } from '../auth/rules.js';

/** The roles of the pupil's school that read the dossier and keep the LOB programme. */
export const LOB_LEZER_ROLLEN: readonly Role[] = ['decaan'];

/** The rule and its source, in the answer to any attempt by staff to pass a dossier on. */
export const DOORSTUREN_REGEL =
  'Een loopbaandossier is eigendom van de leerling. De school mag het niet naar een andere school sturen, ook niet bij een warme overdracht; alleen de leerling neemt het zelf mee (bijvoorbeeld met een deellink). Bron: brochure ‘Wat moet en wat mag’ (vmbo–mbo), onderdeel LOB en het loopbaandossier.';

export type LobStaffAction = 'dossier.read' | 'dossier.afronden' | 'programma.read' | 'programma.write';

/** A pupil acting on their own dossier at a school: allowed when they are a leerling there. */
export function decideEigenDossier(actor: Actor | null, schoolId: string): Decision {
  if (!actor) return 'not_found';
  return rolesIn(actor, schoolId).includes('leerling') ? 'allow' : 'not_found';
}

/**
 * Staff of a school acting on the school's LOB programme or a pupil's dossier. `eigenaarIsLeerling`: the dossier's
 * owner is (still) a leerling of this school (a pupil of another school, or someone who is not a pupil: 404).
 */
export function decideLobStaff(actor: Actor | null, action: LobStaffAction, resource: { schoolId: string; eigenaarIsLeerling?: boolean }): Decision {
  if (!actor) return 'not_found';
  const staff = rolesIn(actor, resource.schoolId).filter((r) => r !== 'leerling');
  if (staff.length === 0) return 'not_found';
  if (action.startsWith('dossier.') && resource.eigenaarIsLeerling === false) return 'not_found';
  return staff.some((r) => LOB_LEZER_ROLLEN.includes(r)) ? 'allow' : 'forbidden';
}

/** The school where the actor is a leerling (their dossier's school); the first one when there are several. */
export function leerlingSchool(actor: Actor | null): string | null {
  return actor?.memberships.find((m) => m.rol === 'leerling')?.organisationId ?? null;
}
