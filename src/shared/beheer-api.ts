/**
 * API contract of platform beheer of organisations (issue 10, finding 2): the organisations that have no beheerder,
 * and inviting someone with the role beheerder into one of them. Shared by server and client.
 */
import { z } from 'zod';
import { Email, OrganisatieSoort } from './auth-api.js';

export const OrganisatieZonderBeheerder = z.object({
  id: z.string(),
  naam: z.string(),
  soort: OrganisatieSoort,
  brin: z.string().nullable(),
  /** Members left (leerlingen, or nobody): a count, no names (AVG: the platform beheerder is no member). */
  aantalLeden: z.number().int().nonnegative(),
  /** The latest open invitation with the role beheerder, if any: until when it can be accepted. */
  uitnodigingGeldigTot: z.string().nullable(),
});
export type OrganisatieZonderBeheerder = z.infer<typeof OrganisatieZonderBeheerder>;

export const OrganisatieZonderBeheerderParams = z.object({ id: z.uuid('onbekende organisatie') });

/** The role is always beheerder: the platform appoints nothing else. */
export const BeheerderUitnodigen = z.object({ email: Email });
export type BeheerderUitnodigen = z.infer<typeof BeheerderUitnodigen>;
