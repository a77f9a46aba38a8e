/**
 * Who may do what with the pupil's programme (issue 15): pure, no I/O.
 *
 * - A pupil (role leerling at a vmbo school, their own account) chooses and withdraws their own choices; another
 *   pupil's choice is a 404 (also at the same school).
 * - The decaan (or mentor, who gets the role decaan: docs/lob.md) of the pupil's school reads the school's choices
 *   and approves or sends them back; other staff of the school 403; everyone else 404.
 * - The school's settings (modules per period, deadlines): decaan and beheerder of the school write, its staff read.
 * - Extra admission requirements per kwalificatie: the beheerder of an mbo instelling writes; its staff read.
 */
import type { Role } from '../../shared/roles.js';
import { rolesIn, type Actor, type Decision } from '../auth/rules.js';

export type SchoolKeuzeAction = 'keuzes.read' | 'keuzes.besluit' | 'instellingen.read' | 'instellingen.write';

const staffRoles = (actor: Actor | null, orgId: string): Role[] => rolesIn(actor, orgId).filter((r) => r !== 'leerling');

/** The school where the actor is a leerling (the first one when there are several). */
export function keuzeSchool(actor: Actor | null): string | null {
  return actor?.memberships.find((m) => m.rol === 'leerling')?.organisationId ?? null;
}

export function decideSchoolKeuzes(actor: Actor | null, action: SchoolKeuzeAction, schoolId: string): Decision {
  const staff = staffRoles(actor, schoolId);
  if (staff.length === 0) return 'not_found';
  if (staff.includes('decaan')) return 'allow';
  if (action === 'instellingen.read') return 'allow';
  if (action === 'instellingen.write' && staff.includes('beheerder')) return 'allow';
  return 'forbidden';
}

/** `isInstelling`: the organisation is an mbo instelling (a school or region: 404). */
export function decideToelatingseisen(actor: Actor | null, action: 'read' | 'write', instellingId: string, isInstelling: boolean): Decision {
  const staff = staffRoles(actor, instellingId);
  if (staff.length === 0 || !isInstelling) return 'not_found';
  if (action === 'read') return 'allow';
  return staff.includes('beheerder') ? 'allow' : 'forbidden';
}
