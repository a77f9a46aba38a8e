/**
 * API contract of single sign-on on the sign-in page, of a user's own data (AVG: export and deletion)
 * and of the platform's catalogue upload (issue 4), shared by server and client.
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { TEKENCODERINGEN } from './tekencoderingen.js';
import { MijnLeerlingGegevens } from './mijn-api.js';
import { LobDossier } from './lob-api.js';

/** An organisation whose members can sign in through its own identity provider (only id and name: public). */
export const SsoOrganisatie = z.object({ id: z.string(), naam: z.string() });
export type SsoOrganisatie = z.infer<typeof SsoOrganisatie>;

/**
 * Why a sign-in through SSO did not succeed, as the browser is told on /inloggen?sso-fout=…
 * (a fixed list: the sign-in page shows its own Dutch text, never text from the URL).
 */
export const SSO_FOUTEN = ['verlopen', 'afgebroken', 'mislukt', 'geen-email', 'geen-account', 'wachtwoord-nodig', 'niet-ingesteld', 'onbereikbaar', 'ongeldig'] as const;
export const SsoFout = z.enum(SSO_FOUTEN);
export type SsoFout = z.infer<typeof SsoFout>;

/** Everything Doorlopend holds about the signed-in user (GET /api/account/gegevens). */
export const MijnGegevens = z.object({
  exportVan: z.string().describe('ISO 8601: wanneer deze export is gemaakt'),
  account: z.object({
    id: z.string(),
    email: z.string(),
    naam: z.string(),
    aangemaaktOp: z.string(),
    wachtwoordIngesteld: z.boolean().describe('Alleen of er een wachtwoord is; de hash wordt nooit gegeven'),
    platformBeheerder: z.boolean(),
  }),
  lidmaatschappen: z.array(z.object({ organisatieId: z.string(), organisatieNaam: z.string(), rol: z.string(), sinds: z.string() })),
  sessies: z.array(z.object({ aangemaaktOp: z.string(), verlooptOp: z.string(), laatstGezienOp: z.string(), dezeSessie: z.boolean() })),
  auditlog: z.array(
    z.object({
      at: z.string(),
      organisatieId: z.string().nullable(),
      actie: z.string(),
      doorMij: z.boolean(),
      overMij: z.boolean(),
      onderwerpType: z.string(),
      onderwerpId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  uitnodigingen: z.array(
    z.object({
      organisatieId: z.string(),
      organisatieNaam: z.string(),
      email: z.string(),
      rol: z.string(),
      aanMij: z.boolean(),
      doorMij: z.boolean(),
      aangemaaktOp: z.string(),
      verlooptOp: z.string(),
      aangenomenOp: z.string().nullable(),
    }),
  ),
  wachtwoordHerstelAanvragen: z.array(z.object({ aangemaaktOp: z.string(), verlooptOp: z.string(), gebruiktOp: z.string().nullable() })),
  koppelingBeoordelingen: z
    .array(
      z.object({
        samenwerkingId: z.string(),
        samenwerkingNaam: z.string(),
        op: z.string(),
        actie: z.string(),
        eindtermId: z.string().nullable(),
        werkprocesId: z.string().nullable(),
        itemId: z.string().nullable(),
        relatie: z.string().nullable(),
        toelichting: z.string().nullable(),
      }),
    )
    .describe('Mijn beoordelingen in de crosswalk van een samenwerking (bevestigen, afwijzen, toevoegen, niet-koppelen, wel-koppelen), oudste eerst'),
  koppelingenLaatstDoorMij: z
    .array(
      z.object({
        samenwerkingId: z.string(),
        samenwerkingNaam: z.string(),
        eindtermId: z.string(),
        werkprocesId: z.string(),
        status: z.string(),
        relatie: z.string().nullable(),
        toelichting: z.string().nullable(),
        beoordeeldOp: z.string(),
      }),
    )
    .describe('Koppelingen waarvan ik de laatste beoordelaar ben (de huidige stand)'),
  bewustNietGekoppeldDoorMij: z
    .array(z.object({ samenwerkingId: z.string(), samenwerkingNaam: z.string(), itemId: z.string(), toelichting: z.string().nullable(), gemarkeerdOp: z.string() }))
    .describe('Items die ik als bewust niet gekoppeld markeerde (de huidige stand)'),
  leerrouteHistorie: z
    .array(
      z.object({
        samenwerkingId: z.string(),
        samenwerkingNaam: z.string(),
        leerrouteId: z.string(),
        leerrouteNaam: z.string(),
        op: z.string(),
        organisatie: z.object({ id: z.string(), naam: z.string() }).nullable().describe('Namens welke partnerorganisatie'),
        actie: z.string(),
        omschrijving: z.string(),
        entiteit: z.object({ soort: z.string(), id: z.string() }),
        details: z.record(z.string(), z.unknown()),
      }),
    )
    .describe('Mijn wijzigingen in leerroutes, oudste eerst'),
  leerling: MijnLeerlingGegevens.describe('Als leerling: mijn leerlinggegevens, inschrijvingen voor examens, resultaten en verzoeken om vrijstelling (leeg voor wie geen leerling is)'),
  loopbaandossiers: z.array(LobDossier).describe('Als leerling (issue 15): mijn loopbaandossier per school, met activiteiten, oplegger en deellinks (leeg voor wie er geen heeft)'),
});
export type MijnGegevens = z.infer<typeof MijnGegevens>;

/** Deleting one's own account: the current password, or (an account without password, SSO only) the e-mail address typed out. */
export const AccountVerwijderen = z.object({
  wachtwoord: tekst().min(1).max(1024).optional(),
  bevestiging: tekst().trim().max(254).optional().describe('Alleen voor een account zonder wachtwoord: het eigen e-mailadres, ter bevestiging'),
});
export type AccountVerwijderen = z.infer<typeof AccountVerwijderen>;

/** The kinds of mbo table a platform beheerder can upload (as `doorlopend import tabel --soort`). */
export const TABEL_SOORTEN = ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod', 'keuzedeel-koppelingen'] as const;
export const TabelSoort = z.enum(TABEL_SOORTEN);

export const TabelUploadQuery = z.object({
  bestandsnaam: tekst()
    .trim()
    .min(5)
    .max(200)
    .regex(/^[^/\\]+\.(csv|xlsx)$/i, 'een bestandsnaam op .csv of .xlsx')
    .describe('Naam van het bestand (voor meldingen; .csv of .xlsx bepaalt hoe het wordt gelezen)'),
  soort: TabelSoort.optional().describe('Soort tabel; zonder: afgeleid uit de kopregel'),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (standaard): alleen het rapport, niets opslaan; false: importeren'),
  release: tekst().trim().max(100).optional().describe('Label van de release, zoals 2026-01'),
  encoding: z
    .enum(TEKENCODERINGEN, { error: `kies een tekencodering: ${TEKENCODERINGEN.join(', ')}` })
    .optional()
    .describe('Tekencodering van een CSV-bestand: utf-8 (standaard, moet dan geldig zijn; een BOM mag), latin1 of windows-1252'),
});
export type TabelUploadQuery = z.infer<typeof TabelUploadQuery>;

const PerSoort = z.record(z.string(), z.number().int());
/** The report of an upload: what would change (proefimport) or what changed (geimporteerd / ongewijzigd). */
export const ImportRapport = z.object({
  bron: z.string().describe("'mbo-tabel:<soort>'"),
  bestand: z.string(),
  release: z.string(),
  status: z.enum(['geimporteerd', 'ongewijzigd', 'proefimport']),
  aantallen: PerSoort,
  toegevoegd: PerSoort,
  gewijzigd: PerSoort,
  vervallen: PerSoort,
  ongewijzigd: z.number().int(),
  afgeleideKerntaken: z.number().int(),
  waarschuwingen: z.array(z.string()),
  /** Issue 16: what the changes touch in the work of samenwerkingen; counts only, never names. */
  impact: z
    .object({ gewijzigd: z.number().int(), items: z.number().int(), samenwerkingen: z.number().int(), gebruik: z.number().int(), mails: z.number().int() })
    .optional()
    .describe('Gewijzigde onderdelen, waarvan in gebruik, aantal geraakte samenwerkingen en plekken, verstuurde mails'),
});
export type ImportRapport = z.infer<typeof ImportRapport>;
