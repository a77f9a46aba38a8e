/**
 * API contract of samenwerkingen (partnerships) and the organisation directory (issue 4), shared by
 * server and client. A samenwerking grows by proposal: a beheerder of a member organisation proposes a
 * partner, whose beheerder accepts or declines; until then it is not a member.
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { OrganisatieSoort, Rol } from './auth-api.js';

export const PartnerStatus = z.enum(['voorgesteld', 'lid']).describe("'voorgesteld': wacht op de beheerder van de organisatie; 'lid': doet mee");
export type PartnerStatus = z.infer<typeof PartnerStatus>;

const Naam = tekst().trim().min(1, 'vul een naam in').max(200, 'hooguit 200 tekens');

export const SamenwerkingParams = z.object({ id: z.uuid('onbekende samenwerking') });
export const SamenwerkingOrganisatieParams = z.object({ id: z.uuid('onbekende samenwerking'), orgId: z.uuid('onbekende organisatie') });

/** Public facts of an organisation (no members): enough to find a partner to propose. */
export const GidsOrganisatie = z.object({ id: z.string(), naam: z.string(), soort: OrganisatieSoort, brin: z.string().nullable() });
export type GidsOrganisatie = z.infer<typeof GidsOrganisatie>;
export const GidsQuery = z.object({ q: tekst().trim().max(100, 'hooguit 100 tekens').optional().describe('Deel van de naam of het BRIN-nummer') });

export const Partner = z.object({
  id: z.string(),
  naam: z.string(),
  soort: OrganisatieSoort,
  brin: z.string().nullable(),
  status: PartnerStatus,
  voorgesteldDoor: z.string().nullable().describe('Naam van de organisatie die haar voorstelde; null voor de oprichters'),
});
export type Partner = z.infer<typeof Partner>;

/** A samenwerking in my list: one I take part in ('lid'), or an open proposal for an organisation I am beheerder of ('voorgesteld'). */
export const SamenwerkingInLijst = z.object({
  id: z.string(),
  naam: z.string(),
  status: PartnerStatus,
  mijnOrganisaties: z.array(z.object({ id: z.string(), naam: z.string() })).describe('Mijn organisaties die lid zijn, of (bij een voorstel) die zijn voorgesteld'),
  partners: z.array(Partner),
});
export type SamenwerkingInLijst = z.infer<typeof SamenwerkingInLijst>;

/** Someone who works in the samenwerking: only name, organisation and roles (AVG: no e-mail address). */
export const Deelnemer = z.object({ naam: z.string(), organisatie: z.object({ id: z.string(), naam: z.string() }), rollen: z.array(Rol) });
export type Deelnemer = z.infer<typeof Deelnemer>;

export const SamenwerkingDetail = z.object({
  id: z.string(),
  naam: z.string(),
  aangemaaktOp: z.string().describe('ISO 8601'),
  partners: z.array(Partner),
  mensen: z.array(Deelnemer),
  mijnRechten: z.object({
    wijzigen: z.boolean().describe('De naam wijzigen (beheerder of ontwikkelaar van een partner)'),
    partnersVoorstellen: z.boolean().describe('Beheerder van een organisatie die lid is'),
    vertrekkenNamens: z.array(z.string()).describe('De partners waarvan ik beheerder ben: die kan ik uit de samenwerking halen'),
  }),
});
export type SamenwerkingDetail = z.infer<typeof SamenwerkingDetail>;

export const SamenwerkingAanmaken = z.object({
  naam: Naam,
  organisatieId: z.uuid('onbekende organisatie').describe('Mijn organisatie (vmbo-school of mbo-instelling) waarvan ik beheerder ben'),
  partners: z.array(z.uuid('onbekende organisatie')).max(20, 'hooguit 20 partners tegelijk').default([]).describe('Organisaties om meteen voor te stellen'),
});
export type SamenwerkingAanmaken = z.input<typeof SamenwerkingAanmaken>;

export const SamenwerkingWijzigen = z.object({ naam: Naam });
export type SamenwerkingWijzigen = z.infer<typeof SamenwerkingWijzigen>;

export const PartnerVoorstellen = z.object({ organisatieId: z.uuid('onbekende organisatie') });
export type PartnerVoorstellen = z.infer<typeof PartnerVoorstellen>;
