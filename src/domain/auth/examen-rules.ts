/**
 * Access rules for pupils' data and the joint exam (issue 14): pure, no I/O. Pupils are minors, so every right here
 * names the roles that need it, and nothing more:
 *
 * - A cohort and its pupils belong to the vmbo school (`vmboOrganisationId`). Its beheerder, decaan and examinator
 *   manage them; its examencommissie reads them. The mbo partner of an exam (`mboOrganisationId`) sees the pupils
 *   registered for that exam: its beoordelaar, examencommissie and beheerder (the student administration's export).
 * - The exam plan is written by the designers and assessors of both schools; the mbo examencommissie vaststelt it
 *   (and accepts open coverage gaps with a reason).
 * - 1st assessment: a vmbo examinator; 2nd assessment and the keuzedeel result: an mbo beoordelaar. When the plan
 *   names the assessors (`examinatorId`, `beoordelaarId`), only those accounts assess.
 * - The results are vastgesteld (and corrected, with a reason) by the mbo examencommissie: the keuzedeel exam leads.
 * - A vrijstelling request is decided by the examencommissie of the receiving mbo instelling.
 * - Ontwikkelaars (teachers who design) see no pupil data: 403 in their own organisations.
 *
 * Answers as in rules.ts: 'allow', 'forbidden' (403: the user belongs to a party but the role lacks the right) or
 * 'not_found' (404: the user has nothing to do with it; a third school learns nothing).
 */
import type { Role } from '../../shared/roles.js';
import { rolesIn, type Actor, type Decision } from './rules.js';

export type ExamenAction =
  | 'leerlingen.read'
  | 'leerlingen.manage'
  | 'examenplan.read'
  | 'examenplan.write'
  | 'examenplan.vaststellen'
  | 'inschrijving.aanmelden'
  | 'inschrijving.inschrijven'
  | 'beoordeling.read'
  | 'beoordeling.eerste'
  | 'beoordeling.tweede'
  | 'resultaten.vaststellen'
  | 'resultaten.export.vmbo'
  | 'resultaten.export.mbo';

/** The parties of a cohort or exam. For a cohort without an exam, `mboOrganisationId` is the route's mbo partner or null. */
export interface ExamenResource {
  vmboOrganisationId: string;
  mboOrganisationId: string | null;
  /** The assessors the plan names (null: any account with the role may assess). */
  examinatorId?: string | null;
  beoordelaarId?: string | null;
}

type Side = 'vmbo' | 'mbo';
const RULES: Record<ExamenAction, Partial<Record<Side, readonly Role[]>>> = {
  'leerlingen.read': { vmbo: ['beheerder', 'decaan', 'examinator', 'examencommissie'], mbo: ['beheerder', 'beoordelaar', 'examencommissie'] },
  'leerlingen.manage': { vmbo: ['beheerder', 'decaan', 'examinator'] },
  'examenplan.read': { vmbo: ['beheerder', 'ontwikkelaar', 'examinator', 'examencommissie', 'decaan'], mbo: ['beheerder', 'ontwikkelaar', 'beoordelaar', 'examinator', 'examencommissie'] },
  'examenplan.write': { vmbo: ['beheerder', 'ontwikkelaar', 'examinator'], mbo: ['beheerder', 'ontwikkelaar', 'beoordelaar', 'examinator'] },
  'examenplan.vaststellen': { mbo: ['examencommissie'] },
  'inschrijving.aanmelden': { vmbo: ['beheerder', 'decaan', 'examinator'] },
  'inschrijving.inschrijven': { mbo: ['beheerder', 'examencommissie'] },
  'beoordeling.read': { vmbo: ['examinator', 'examencommissie'], mbo: ['beoordelaar', 'examencommissie'] },
  'beoordeling.eerste': { vmbo: ['examinator'] },
  'beoordeling.tweede': { mbo: ['beoordelaar'] },
  'resultaten.vaststellen': { mbo: ['examencommissie'] },
  'resultaten.export.vmbo': { vmbo: ['beheerder', 'examinator', 'examencommissie'] },
  'resultaten.export.mbo': { mbo: ['beheerder', 'beoordelaar', 'examencommissie'] },
};

export function decideExamen(actor: Actor | null, action: ExamenAction, resource: ExamenResource): Decision {
  if (!actor) return 'not_found';
  const vmboRoles = rolesIn(actor, resource.vmboOrganisationId);
  const mboRoles = resource.mboOrganisationId ? rolesIn(actor, resource.mboOrganisationId) : [];
  const staffVmbo = vmboRoles.filter((r) => r !== 'leerling');
  const staffMbo = mboRoles.filter((r) => r !== 'leerling');
  // Pupils and outsiders learn nothing about other pupils or the exam's administration.
  if (staffVmbo.length === 0 && staffMbo.length === 0) return 'not_found';
  const rule = RULES[action];
  const allowed = staffVmbo.some((r) => rule.vmbo?.includes(r)) || staffMbo.some((r) => rule.mbo?.includes(r));
  if (!allowed) return 'forbidden';
  if (action === 'beoordeling.eerste' && resource.examinatorId && resource.examinatorId !== actor.userId) return 'forbidden';
  if (action === 'beoordeling.tweede' && resource.beoordelaarId && resource.beoordelaarId !== actor.userId) return 'forbidden';
  return 'allow';
}

/** Deciding on a vrijstelling request: the examencommissie of the receiving instelling; others in it 403, the rest 404. */
export function decideVrijstellingBesluit(actor: Actor | null, receivingOrganisationId: string): Decision {
  const roles = rolesIn(actor, receivingOrganisationId).filter((r) => r !== 'leerling');
  if (roles.length === 0) return 'not_found';
  return roles.includes('examencommissie') ? 'allow' : 'forbidden';
}
