/** API contract of accounts, sessions and organisations (issue 4), shared by server and client. */
import { z } from 'zod';
import { tekst, httpUrl } from './text.js';
import { ORGANISATION_KINDS, ROLES } from './roles.js';

export const Rol = z.enum(ROLES).describe('Rol in een organisatie');
export const OrganisatieSoort = z.enum(ORGANISATION_KINDS);

/** An e-mail address, trimmed and lower-cased. */
export const Email = tekst().trim().max(254).toLowerCase().pipe(z.email('geen geldig e-mailadres'));

export const LoginRequest = z.object({
  email: Email,
  wachtwoord: tekst().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Lidmaatschap = z.object({
  organisatieId: z.string(),
  organisatieNaam: z.string(),
  soort: OrganisatieSoort,
  rol: Rol,
});
export type Lidmaatschap = z.infer<typeof Lidmaatschap>;

export const Gebruiker = z.object({ id: z.string(), email: z.string(), naam: z.string() });

export const Me = z.object({
  gebruiker: Gebruiker,
  lidmaatschappen: z.array(Lidmaatschap),
  csrfToken: z.string().describe('Meesturen in de header x-csrf-token bij elk POST-, PUT-, PATCH- en DELETE-verzoek'),
  platformBeheerder: z.boolean().optional().describe('Mag tabellen in de landelijke catalogus laden (/beheer/import)'),
});
export type Me = z.infer<typeof Me>;

export const Organisatie = z.object({
  id: z.string(),
  naam: z.string(),
  soort: OrganisatieSoort,
  brin: z.string().nullable(),
  vestigingen: z.array(z.object({ naam: z.string(), brinVestiging: z.string().nullable() })),
  mijnRollen: z.array(Rol),
  heeftBeheerder: z.boolean().describe('Of de organisatie minstens één beheerder heeft (zonder beheerder kan niemand uitnodigen of gegevens wijzigen)'),
});
export type Organisatie = z.infer<typeof Organisatie>;

export const OrganisatieParams = z.object({ id: z.uuid('onbekende organisatie') });

export const Lid = z.object({ gebruikerId: z.string(), naam: z.string(), email: z.string(), rollen: z.array(Rol) });
export type Lid = z.infer<typeof Lid>;

export const AuditRegel = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601'),
  actor: z.object({ id: z.string(), naam: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  zin: z.string().describe('Wat er gebeurde, als Nederlandse zin met namen (een verwijderd account heet "een verwijderd account")'),
});
export type AuditRegel = z.infer<typeof AuditRegel>;

/** Minimum length of a new password (the server checks it too). */
export const MIN_WACHTWOORD_LENGTE = 12;
const NieuwWachtwoord = tekst().min(MIN_WACHTWOORD_LENGTE, `minstens ${MIN_WACHTWOORD_LENGTE} tekens`).max(1024);
/** A token from a link in an e-mail (random, base64url). */
const LinkToken = tekst().min(1).max(200);

export const Bericht = z.object({ bericht: z.string() });
export type Bericht = z.infer<typeof Bericht>;

export const WachtwoordVergeten = z.object({ email: Email });
export type WachtwoordVergeten = z.infer<typeof WachtwoordVergeten>;

export const WachtwoordHerstellen = z.object({ token: LinkToken, wachtwoord: NieuwWachtwoord });
export type WachtwoordHerstellen = z.infer<typeof WachtwoordHerstellen>;

export const Uitnodigen = z.object({ email: Email, rol: Rol });
export type Uitnodigen = z.infer<typeof Uitnodigen>;

/**
 * The answer to an invitation (202): the same status and shape whether or not the address has an account,
 * so it never reveals that; nobody becomes a member until the invitee accepts.
 */
export const Uitnodiging = z.object({
  bericht: z.string(),
  email: z.string(),
  rol: Rol,
  verlooptOp: z.string().describe('ISO 8601'),
});
export type Uitnodiging = z.infer<typeof Uitnodiging>;

/** A signed-in user accepts an invitation to their own e-mail address (no password: the session proves who it is). */
export const UitnodigingAannemen = z.object({ token: LinkToken });
export type UitnodigingAannemen = z.infer<typeof UitnodigingAannemen>;

/** The answer when one leaves an organisation: who became beheerder when the last one left (or that there is none). */
export const OrganisatieVerlaten = z.object({
  bericht: z.string(),
  nieuweBeheerder: z.object({ gebruikerId: z.string(), naam: z.string() }).nullable().describe('Wie beheerder werd omdat de laatste beheerder vertrok'),
  zonderBeheerder: z.boolean().describe('De organisatie heeft nu geen beheerder (er was geen medewerker om het over te nemen)'),
});
export type OrganisatieVerlaten = z.infer<typeof OrganisatieVerlaten>;

export const UitnodigingAccepteren = z.object({
  token: LinkToken,
  naam: tekst().trim().min(1).max(200).optional().describe('Nodig voor een nieuw account; genegeerd bij een bestaand account'),
  wachtwoord: tekst().min(1).max(1024).describe(`Nieuw account: het nieuwe wachtwoord (minstens ${MIN_WACHTWOORD_LENGTE} tekens); bestaand account: het huidige wachtwoord`),
});
export type UitnodigingAccepteren = z.infer<typeof UitnodigingAccepteren>;

/** Single sign-on (OpenID Connect) of an organisation, as a beheerder sees it: never with the client secret. */
export const SsoInstelling = z.object({
  ingesteld: z.boolean().describe('Of er een configuratie is opgeslagen'),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  scopes: z.string(),
  emailClaim: z.string(),
  enabled: z.boolean(),
  clientSecretIngesteld: z.boolean().describe('Het client secret zelf wordt nooit teruggegeven'),
});
export type SsoInstelling = z.infer<typeof SsoInstelling>;

export const SsoInstellen = z.object({
  issuer: httpUrl(500).describe('De issuer van de provider, precies zoals in zijn discovery-document (https)'),
  clientId: tekst().trim().min(1).max(500),
  clientSecret: tekst().min(1).max(1000).optional().describe('Weglaten om het opgeslagen secret te houden'),
  scopes: tekst()
    .trim()
    .max(500)
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'scopes gescheiden door spaties')
    .refine((s) => s.split(' ').includes('openid'), 'moet openid bevatten')
    .default('openid email'),
  emailClaim: tekst().trim().min(1).max(100).default('email'),
  enabled: z.boolean(),
});
export type SsoInstellen = z.infer<typeof SsoInstellen>;

export const SsoStartParams = z.object({ organisationId: z.uuid('onbekende organisatie') });
export const SsoStartQuery = z.object({ return_to: tekst().max(500).optional().describe('Pad op deze site om na het inloggen naartoe te gaan (standaard /)') });

/* Organisation management (issue 4): organisation data, vestigingen, removing roles and members. */

/** A BRIN number: two digits and two letters (12AB); letters are upper-cased. */
export const Brin = tekst().trim().toUpperCase().regex(/^[0-9]{2}[A-Z]{2}$/, 'een BRIN-nummer is twee cijfers en twee letters, zoals 12AB');
/** BRIN number plus vestigingsnummer: 12AB00. */
export const BrinVestiging = tekst().trim().toUpperCase().regex(/^[0-9]{2}[A-Z]{2}[0-9]{2}$/, 'een vestigingsnummer is het BRIN-nummer met twee cijfers, zoals 12AB00');

export const OrganisatieWijzigen = z
  .object({
    naam: tekst().trim().min(1, 'vul een naam in').max(200, 'hooguit 200 tekens').optional(),
    brin: Brin.nullable().optional().describe('null: geen BRIN-nummer'),
  })
  .refine((v) => v.naam !== undefined || v.brin !== undefined, 'geef een naam of een BRIN-nummer');
export type OrganisatieWijzigen = z.infer<typeof OrganisatieWijzigen>;

export const Vestiging = z.object({ id: z.string(), naam: z.string(), brinVestiging: z.string().nullable() });
export type Vestiging = z.infer<typeof Vestiging>;
export const VestigingParams = z.object({ id: z.uuid('onbekende organisatie'), vestigingId: z.uuid('onbekende vestiging') });
export const VestigingInvoer = z.object({
  naam: tekst().trim().min(1, 'vul een naam in').max(200, 'hooguit 200 tekens'),
  brinVestiging: BrinVestiging.nullable().optional(),
});
export type VestigingInvoer = z.infer<typeof VestigingInvoer>;
export const VestigingWijzigen = VestigingInvoer.partial().refine((v) => v.naam !== undefined || v.brinVestiging !== undefined, 'geef een naam of een vestigingsnummer');
export type VestigingWijzigen = z.infer<typeof VestigingWijzigen>;

export const LidParams = z.object({ id: z.uuid('onbekende organisatie'), gebruikerId: z.uuid('onbekend lid') });
export const LidRolParams = LidParams.extend({ rol: Rol });
