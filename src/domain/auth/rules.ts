/**
 * Authorization rules: pure functions, no I/O. The server asks `decide` (or `can`) before it reads or
 * changes organisation data, and its queries are scoped to the same memberships.
 *
 * Answers: 'allow'; 'forbidden' (403) when the user belongs to the organisation but the role does not
 * give the right; 'not_found' (404) when the user has nothing to do with it, so that the existence of
 * another organisation's data is never revealed.
 */

import { ROLES, type Role } from '../../shared/roles.js';

// The roles and organisation kinds are part of the API contract and live in src/shared/roles.ts (shared imports no
// domain). Re-exported here for the importers that still take them from the rules; new code imports src/shared/roles.
export { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '../../shared/roles.js';

/** Roles of the staff (everyone but leerlingen). */
export const STAFF_ROLES: readonly Role[] = ['beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar', 'examencommissie', 'decaan'];
/** Roles that design and change joint work in a samenwerking. */
export const PARTNERSHIP_WRITE_ROLES: readonly Role[] = ['beheerder', 'ontwikkelaar'];

export interface Membership {
  organisationId: string;
  rol: Role;
}

export interface Actor {
  userId: string;
  memberships: readonly Membership[];
}

export type Action =
  | 'organisation.read'
  | 'organisation.update'
  | 'members.read'
  | 'members.manage'
  | 'audit.read'
  | 'partnership.read'
  | 'partnership.write'
  | 'personal.read'
  | 'personal.write';

export type Resource =
  | { type: 'organisation'; organisationId: string }
  /** Joint work in a samenwerking: visible to the members of every partner organisation. */
  | { type: 'partnership'; memberOrganisationIds: readonly string[] }
  /** Something that belongs to one person (e.g. a leerling's programme) within an organisation. */
  | { type: 'personal'; organisationId: string; ownerUserId: string };

export type Decision = 'allow' | 'forbidden' | 'not_found';

export function rolesIn(actor: Actor | null, organisationId: string): Role[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.rol);
}

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));

/** Which rule applies to which action (on an organisation): the roles that are allowed. */
const ORGANISATION_RULES: Record<'organisation.read' | 'organisation.update' | 'members.read' | 'members.manage' | 'audit.read', readonly Role[]> = {
  'organisation.read': ROLES,
  'organisation.update': ['beheerder'],
  // Member lists hold personal data (names, e-mail addresses): only for the beheerder (AVG: minimal).
  'members.read': ['beheerder'],
  'members.manage': ['beheerder'],
  'audit.read': ['beheerder'],
};

export function decide(actor: Actor | null, action: Action, resource: Resource): Decision {
  if (!actor) return 'not_found';
  switch (resource.type) {
    case 'organisation': {
      const roles = rolesIn(actor, resource.organisationId);
      if (roles.length === 0) return 'not_found';
      if (!(action in ORGANISATION_RULES)) return 'forbidden';
      return hasAny(roles, ORGANISATION_RULES[action as keyof typeof ORGANISATION_RULES]) ? 'allow' : 'forbidden';
    }
    case 'partnership': {
      const roles = resource.memberOrganisationIds.flatMap((id) => rolesIn(actor, id));
      if (roles.length === 0) return 'not_found';
      if (action === 'partnership.read') return hasAny(roles, STAFF_ROLES) ? 'allow' : 'forbidden';
      if (action === 'partnership.write') return hasAny(roles, PARTNERSHIP_WRITE_ROLES) ? 'allow' : 'forbidden';
      return 'forbidden';
    }
    case 'personal': {
      if (action !== 'personal.read' && action !== 'personal.write') return rolesIn(actor, resource.organisationId).length > 0 ? 'forbidden' : 'not_found';
      // Only the owner sees and changes their own things; others do not learn that they exist.
      return resource.ownerUserId === actor.userId && rolesIn(actor, resource.organisationId).length > 0 ? 'allow' : 'not_found';
    }
  }
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource) === 'allow';
}

/**
 * A platform right, not an organisation's: loading tables into the national catalogue, which belongs to no
 * school. Only a platform beheerder (app_user.platform_beheerder); no role in any organisation gives it.
 */
export function mayLoadNationalCatalogue(user: (Partial<Actor> & { platformBeheerder?: boolean }) | null): boolean {
  return user?.platformBeheerder === true;
}

/**
 * A platform right: seeing the organisations that have no beheerder (the last one left and no staff member could take
 * over, see use-cases/organisations/succession.ts). Only a platform beheerder; no role in any organisation gives it.
 */
export function mayAppointBeheerders(user: (Partial<Actor> & { platformBeheerder?: boolean }) | null): boolean {
  return user?.platformBeheerder === true;
}

/** 'conflict': the organisation has a beheerder, who invites (409). */
export type AppointmentDecision = Decision | 'conflict';

/**
 * May this user invite someone with the role beheerder into this organisation as the platform? Only a platform
 * beheerder ('forbidden' for anyone else, before anything about the organisation is told), only an organisation that
 * exists ('not_found') and only while it has no beheerder ('conflict': then its own beheerder invites, and the
 * platform does not reach into an organisation that manages itself).
 */
export function decideBeheerderAppointment(
  user: (Partial<Actor> & { platformBeheerder?: boolean }) | null,
  organisation: { heeftBeheerder: boolean } | undefined,
): AppointmentDecision {
  if (!mayAppointBeheerders(user)) return 'forbidden';
  if (!organisation) return 'not_found';
  return organisation.heeftBeheerder ? 'conflict' : 'allow';
}
