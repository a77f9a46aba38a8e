/**
 * The organisation kinds and the roles in an organisation: part of the API contract (client and server) and the
 * vocabulary of the authorization rules (src/domain/auth/rules.ts imports them from here; shared imports no domain).
 */

export const ORGANISATION_KINDS = ['vmbo-school', 'mbo-instelling', 'regio'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar', 'examencommissie', 'decaan', 'leerling'] as const;
export type Role = (typeof ROLES)[number];
