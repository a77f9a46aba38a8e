/** Kysely table types; kept in step with the SQL migrations by hand. */
import type { ColumnType, Generated } from 'kysely';

export interface SourceReleaseTable {
  id: Generated<number>;
  source: string;
  release: string;
  location: string;
  checksum: string;
  is_demo: Generated<boolean>;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  report: ColumnType<unknown, string, string>;
}

export interface VmboLeerwegTable {
  code: string;
  naam: string;
  volgorde: number;
}

export interface VmboItemTable {
  id: string;
  kind: string;
  code: string;
  title: string;
  description: string | null;
  parent_id: string | null;
  position: number;
  leerwegen: string[];
  profiel_code: string | null;
  replaces: string[];
  replaced_by: string | null;
  duplicate_of: string | null;
  status: string;
  content_hash: string;
  first_release_id: number;
  last_release_id: number;
  changed_release_id: number;
}

/** Columns every mbo catalogue table has (migration 0002): key, scope, versioning and provenance. */
export interface MboRowBase {
  source: string;
  key: string;
  scope: string;
  details: ColumnType<unknown, string | undefined, string>;
  bron: ColumnType<unknown, string, string>;
  status: string;
  content_hash: string;
  first_release_id: number;
  last_release_id: number;
  changed_release_id: number;
}

/** ISO dates (YYYY-MM-DD) in, what the driver returns out. */
type DateColumn = ColumnType<Date | string | null, string | null, string | null>;

export interface MboKwalificatiedossierTable extends MboRowBase {
  dossier_crebo: string;
  titel: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  geldig_vanaf: DateColumn;
  einde_instroom: DateColumn;
  einde_opleiding: DateColumn;
}

export interface MboKwalificatieTable extends MboRowBase {
  crebo: string;
  naam: string;
  niveau: number;
  soort: string | null;
  leerwegen: string[] | null;
  dossier_crebo: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  profiel_code: string | null;
  studiebelasting_sbu: number | null;
  geldig_vanaf: DateColumn;
  einde_instroom: DateColumn;
  einde_opleiding: DateColumn;
}

export interface MboKerntaakTable extends MboRowBase {
  code: string;
  crebo: string | null;
  dossier_crebo: string | null;
  profiel_code: string | null;
  titel: string | null;
  complexiteit: string | null;
  verantwoordelijkheid: string | null;
  position: number;
}

export interface MboWerkprocesTable extends MboRowBase {
  kerntaak_key: string;
  code: string;
  titel: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  position: number;
}

export interface MboKennisVaardigheidTable extends MboRowBase {
  dossier_crebo: string;
  sbb_nr: string;
  tekst: string;
  kerntaak_codes: string[];
  position: number;
}

export interface MboKeuzedeelTable extends MboRowBase {
  code: string;
  titel: string;
  sbu: number | null;
  niveau: number | null;
  omschrijving: string | null;
}

export interface MboKeuzedeelAanbodTable extends MboRowBase {
  crebo: string;
  keuzedeel_code: string;
  instellingen: string[] | null;
}

/** Migration 0003: the official SBB koppeling keuzedeel ↔ kwalificatie. */
export interface MboKeuzedeelKoppelingTable extends MboRowBase {
  crebo: string;
  keuzedeel_code: string;
  geldig_vanaf: DateColumn;
  geldig_tot: DateColumn;
}

/** Migration 0004: organisations, partnerships, accounts, sessions, audit log. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationTable {
  id: Generated<string>;
  soort: 'vmbo-school' | 'mbo-instelling' | 'regio';
  naam: string;
  brin: string | null;
  regio_id: string | null;
  created_at: CreatedAt;
}

export interface VestigingTable {
  id: Generated<string>;
  organisation_id: string;
  naam: string;
  brin_vestiging: string | null;
}

export interface PartnershipTable {
  id: Generated<string>;
  naam: string;
  created_at: CreatedAt;
}

export interface PartnershipMemberTable {
  partnership_id: string;
  organisation_id: string;
  /** Migration 0007: 'voorgesteld' until the organisation's beheerder accepts; only 'lid' counts for access. */
  status: ColumnType<'voorgesteld' | 'lid', 'voorgesteld' | 'lid' | undefined, 'voorgesteld' | 'lid'>;
  voorgesteld_door: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  naam: string;
  password_hash: string | null;
  created_at: CreatedAt;
  /** Migration 0009: may upload tables into the national catalogue (a platform right, not an organisation's). */
  platform_beheerder: ColumnType<boolean, boolean | undefined, boolean>;
  /** Migration 0028: mails about changed national data (issue 16); a person can turn them off. */
  impact_mail: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  rol: 'beheerder' | 'ontwikkelaar' | 'examinator' | 'beoordelaar' | 'examencommissie' | 'decaan' | 'leerling';
  created_at: CreatedAt;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token_hash: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Append-only: inserts only (the database refuses UPDATE, DELETE and TRUNCATE). */
export interface AuditLogTable {
  id: ColumnType<number | string | bigint, never, never>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_user_id: ColumnType<string | null, string | null | undefined, never>;
  organisation_id: ColumnType<string | null, string | null | undefined, never>;
  action: ColumnType<string, string, never>;
  subject_type: ColumnType<string, string, never>;
  subject_id: ColumnType<string | null, string | null | undefined, never>;
  details: ColumnType<unknown, string | undefined, never>;
}

/** Migration 0005: password reset and invitations (token hashes only). */
export interface PasswordResetTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface InvitationTable {
  id: Generated<string>;
  token_hash: string;
  organisation_id: string;
  email: string;
  rol: MembershipTable['rol'];
  /** Null once the account that sent it is deleted (migration 0009). */
  invited_by: ColumnType<string | null, string, string | null>;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  accepted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0020: the pupil record an invitation (role leerling) links the account to. */
  leerling_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0006: OIDC single sign-on per organisation, and pending sign-ins (single use). */
export interface OrganisationSsoTable {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: ColumnType<string, string | undefined, string>;
  email_claim: ColumnType<string, string | undefined, string>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SsoLoginStateTable {
  state_hash: string;
  browser_hash: string;
  organisation_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** Migration 0008 (issue 5): the current state of each reviewed eindterm ↔ werkproces pair of a samenwerking. */
export interface CrosswalkLinkTable {
  partnership_id: string;
  eindterm_id: string;
  werkproces_id: string;
  status: 'bevestigd' | 'afgewezen';
  herkomst: 'voorgesteld' | 'handmatig';
  relatie: string | null;
  toelichting: string | null;
  /** Null once the reviewer's account is deleted. */
  reviewed_by: string | null;
  reviewed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Migration 0016: who first reviewed or added the pair (kept when it is retyped, rejected or restored). */
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0016 (issue 12): a named selection of the overlap inventory, saved within a samenwerking. */
export interface InventarisSelectieTable {
  id: Generated<string>;
  partnership_id: string;
  naam: string;
  selectie: ColumnType<unknown, string, string>;
  versie: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0018 (issue 13): docentinzet per samenwerking and schooljaar, checked by the regelbank. */
export interface DocentinzetTable {
  id: Generated<string>;
  partnership_id: string;
  schooljaar: string;
  naam_of_rol: string;
  organisation_id: string;
  bevoegdheid: string;
  onderwijs_aan: ColumnType<string, string | undefined, string>;
  /** numeric: a string from pg, a number from PGlite. */
  uren: ColumnType<string | number, number, number>;
  versie: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0018 (issue 13): a rule marked "niet van toepassing" for a leerroute, with reason. */
export interface RegelMarkeringTable {
  leerroute_id: string;
  regel_id: string;
  reden: string;
  gemarkeerd_door: string | null;
  organisation_id: string | null;
  gemarkeerd_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0008: items a samenwerking marked "bewust niet gekoppeld". */
export interface CrosswalkUnlinkedTable {
  partnership_id: string;
  item_id: string;
  toelichting: string | null;
  marked_by: string | null;
  marked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0008: every review action (append-only). */
/** Migration 0027 (issue 18): an imported link waiting for review. */
export interface CrosswalkVoorstelTable {
  partnership_id: string;
  eindterm_id: string;
  werkproces_id: string;
  relatie: string | null;
  toelichting: string | null;
  bron: 'case' | 'xlsx';
  bron_naam: string | null;
  voorgesteld_door: string | null;
  voorgesteld_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0029 (issue 17): a staff member's thumbs up (1) or down (-1) on one zoekmonitor result. */
export interface ZoekmonitorStemTable {
  user_id: string;
  vraag_soort: 'keuzevak' | 'profielmodule';
  vraag_code: string;
  resultaat_soort: 'kwalificatie' | 'keuzedeel';
  resultaat_code: string;
  waarde: number;
  gestemd_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0032 (issue 17): one row, raised by triggers whenever the zoekmonitor's evidence may have changed. */
export interface ZoekmonitorBewijsVersieTable {
  id: number;
  versie: ColumnType<string, never, never>;
  gewijzigd_op: ColumnType<Date, never, never>;
}

export interface CrosswalkReviewTable {
  id: Generated<number>;
  partnership_id: string;
  eindterm_id: string | null;
  werkproces_id: string | null;
  item_id: string | null;
  actie: string;
  relatie: string | null;
  toelichting: string | null;
  /** No foreign key: outlives the account (its name is then unknown). */
  user_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** Migration 0010 (issue 6): a leerroute of a samenwerking; selections and tijdpad as JSON. */
type Json = ColumnType<unknown, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
interface LeerrouteEntityColumns {
  id: Generated<string>;
  leerroute_id: string;
  versie: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_org: string | null;
  updated_at: Stamp;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface LeerrouteTable {
  id: Generated<string>;
  partnership_id: string;
  naam: string;
  type: string;
  vmbo: Json;
  mbo: Json;
  tijdpad: Json;
  versie: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_org: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_by: string | null;
  updated_org: string | null;
  updated_at: Stamp;
  verwijderd_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Migration 0015: the schooljaar (cohort) the route starts in, "2026-2027". */
  schooljaar: ColumnType<string | null, string | null | undefined, string | null>;
}
/** Migration 0015: every planned item of a route once (primary key: a doel is planned once). */
export interface LeerroutePlanningItemTable {
  leerroute_id: string;
  item_id: string;
  planning_id: string;
}
export interface LeerroutePlanningTable extends LeerrouteEntityColumns {
  items: Json;
  leerjaar: number;
  periode: number;
}
export interface LeerrouteToetsTable extends LeerrouteEntityColumns {
  leerjaar: number;
  periode: number;
  toetscode: string;
  naam: string;
  omschrijving: string;
  vorm: string;
  soort: string;
  doelen: Json;
  duur_minuten: number | null;
  weging: number | null;
  herkansbaar: boolean;
  onderdeel_van: string;
  se_weging: number | null;
}
export interface LeerrouteActiviteitTable extends LeerrouteEntityColumns {
  leerjaar: number;
  periode: number;
  titel: string;
  omschrijving: string;
  doelen: Json;
  organisation_id: string | null;
  uren: number | null;
}
export interface LeerrouteMateriaalTable extends LeerrouteEntityColumns {
  leerjaar: number;
  periode: number;
  titel: string;
  soort: string;
  omschrijving: string;
  url: string | null;
  organisation_id: string | null;
}
/** Migration 0010: every change of a leerroute (append-only). */
export interface LeerrouteHistorieTable {
  id: Generated<string>;
  leerroute_id: string;
  /** No foreign key (0011): outlives the account (its name is then unknown). */
  user_id: string;
  organisation_id: string | null;
  actie: string;
  omschrijving: string;
  entiteit_soort: string;
  entiteit_id: string;
  details: Json;
  at: ColumnType<Date, Date | string | undefined, never>;
}

/** Counters of the sign-in and password reset limits (migration 0012), per kind and key; see auth/rate-limiter. */
export interface RateLimitTable {
  kind: string;
  key: string;
  count: number;
  window_start: ColumnType<Date, Date | string, Date | string>;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** Migration 0017 (issue 11): mails and mail-composing jobs waiting to be sent, shared by every instance; see mail/mailer.ts. */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: 'mail' | 'compose';
  composer: string | null;
  recipient: string;
  subject: string | null;
  body: string | null;
  origin: string;
  created_at: ColumnType<Date, Date | string, never>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  claimed_by: string | null;
  claimed_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  given_up_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Migration 0019 (issue 13): the samenwerkingsovereenkomst; every version a row, versions of one share reeks_id. */
export interface OvereenkomstTable {
  id: Generated<string>;
  reeks_id: string;
  documentversie: number;
  voorganger_id: string | null;
  partnership_id: string;
  soort: string;
  titel: string;
  status: Generated<string>;
  onderwerpen: ColumnType<unknown, string | undefined, string>;
  clausuleset: string;
  partijen: ColumnType<unknown, string | null | undefined, string | null>;
  bevroren: ColumnType<unknown, string | null | undefined, string | null>;
  ingediend_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ondertekend_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  beeindigd_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  beeindigd_reden: string | null;
  versie: Generated<number>;
  created_by: string | null;
  created_org: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_by: string | null;
  updated_org: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface OvereenkomstLeerrouteTable {
  overeenkomst_id: string;
  leerroute_id: string;
}
export interface OvereenkomstClausuleTable {
  overeenkomst_id: string;
  clausule_id: string;
  positie: number;
  tekst: string;
  versie: Generated<number>;
  voorstel: Generated<boolean>;
  updated_by: string | null;
  updated_org: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface OvereenkomstOpmerkingTable {
  id: Generated<string>;
  overeenkomst_id: string;
  clausule_id: string;
  tekst: string;
  user_id: string | null;
  organisation_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}
export interface OvereenkomstOndertekeningTable {
  overeenkomst_id: string;
  organisation_id: string;
  naam: string;
  functie: string;
  datum: ColumnType<Date | string, string, string>;
  user_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}
export interface OvereenkomstMedezeggenschapTable {
  overeenkomst_id: string;
  organisation_id: string;
  orgaan: string;
  uitkomst: string;
  datum: ColumnType<Date | string, string, string>;
  toelichting: string;
  user_id: string | null;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface OvereenkomstHistorieTable {
  id: Generated<string>;
  overeenkomst_id: string;
  user_id: string;
  organisation_id: string | null;
  actie: string;
  omschrijving: string;
  details: ColumnType<unknown, string | undefined, never>;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

/** Migration 0020 (issue 14): cohorts, pupils, the joint exam, its plan versions, assessment and vrijstelling. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Versie = ColumnType<number, number | undefined, number>;
/** numeric columns come back as strings from both drivers; write numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
export interface CohortTable {
  id: Generated<string>;
  organisation_id: string;
  leerroute_id: string;
  naam: string;
  schooljaar: string;
  leerjaar: number;
  einddatum: ColumnType<Date | string, Date | string, Date | string>;
  bewaartermijn_maanden: ColumnType<number, number | undefined, number>;
  opgeschoond_at: Nullable<Date | string>;
  opgeschoond: ColumnType<unknown, string | null | undefined, string | null>;
  versie: Versie;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_by: Nullable<string>;
  updated_at: Stamp;
}
export interface LeerlingTable {
  id: Generated<string>;
  cohort_id: string;
  organisation_id: string;
  leerlingnummer: string;
  roepnaam: string;
  tussenvoegsel: ColumnType<string, string | undefined, string>;
  achternaam: string;
  klas: ColumnType<string, string | undefined, string>;
  leerweg: Nullable<'BB' | 'KB' | 'GL' | 'TL'>;
  geboortedatum: Nullable<Date | string>;
  eck_id: Nullable<string>;
  account_id: Nullable<string>;
  versie: Versie;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface ExamenTable {
  id: Generated<string>;
  partnership_id: string;
  leerroute_id: string;
  cohort_id: string;
  vmbo_organisation_id: string;
  mbo_organisation_id: string;
  keuzedeel_code: string;
  keuzevak_id: Nullable<string>;
  grondslag: 'extraneus' | 'gezamenlijk-pta-oer';
  resultaten_vastgesteld_at: Nullable<Date | string>;
  resultaten_vastgesteld_by: Nullable<string>;
  versie: Versie;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface ExamenplanTable {
  id: Generated<string>;
  examen_id: string;
  versienummer: number;
  status: ColumnType<'concept' | 'ingediend' | 'vastgesteld' | 'vervangen', 'concept' | 'ingediend' | 'vastgesteld' | 'vervangen' | undefined, 'concept' | 'ingediend' | 'vastgesteld' | 'vervangen'>;
  inhoud: Json;
  dekking_akkoord: ColumnType<unknown, string | null | undefined, string | null>;
  ingediend_at: Nullable<Date | string>;
  ingediend_by: Nullable<string>;
  vastgesteld_at: Nullable<Date | string>;
  vastgesteld_by: Nullable<string>;
  vastgesteld_naam: Nullable<string>;
  /** Migration 0022: the last return to concept by the examencommissie ({ reden, door, naam, at }). */
  teruggestuurd: ColumnType<unknown, string | null | undefined, string | null>;
  versie: Versie;
  updated_by: Nullable<string>;
  updated_at: Stamp;
  created_at: CreatedAt;
}
export interface ExamenInschrijvingTable {
  examen_id: string;
  leerling_id: string;
  status: ColumnType<'aangemeld' | 'ingeschreven', 'aangemeld' | 'ingeschreven' | undefined, 'aangemeld' | 'ingeschreven'>;
  aangemeld_at: CreatedAt;
  ingeschreven_at: Nullable<Date | string>;
  updated_by: Nullable<string>;
}
export interface BeoordelingTable {
  id: Generated<string>;
  examen_id: string;
  examenplan_id: string;
  leerling_id: string;
  poging: ColumnType<number, number | undefined, number>;
  versie_eerste: Versie;
  versie_tweede: Versie;
  keuzedeel_resultaat: Nullable<'behaald' | 'niet-behaald'>;
  keuzedeel_cijfer: NullableNumeric;
  keuzevak_cijfer: NullableNumeric;
  afgenomen_op: Nullable<Date | string>;
  status: ColumnType<'open' | 'vastgesteld', 'open' | 'vastgesteld' | undefined, 'open' | 'vastgesteld'>;
  vastgesteld_at: Nullable<Date | string>;
  vastgesteld_by: Nullable<string>;
  vastgesteld_naam: Nullable<string>;
  verificatiecode: Nullable<string>;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface BeoordelingScoreTable {
  beoordeling_id: string;
  criterium_id: string;
  beoordelaar: 'eerste' | 'tweede';
  score: Numeric;
  notitie: ColumnType<string, string | undefined, string>;
  updated_by: Nullable<string>;
  updated_at: Stamp;
}
export interface BeoordelingHistorieTable {
  id: ColumnType<number | string | bigint, never, never>;
  beoordeling_id: string;
  at: CreatedAt;
  by_user_id: Nullable<string>;
  by_naam: ColumnType<string, string | undefined, string>;
  wat: string;
  details: ColumnType<unknown, string | undefined, string>;
  reden: Nullable<string>;
}
export interface VrijstellingVerzoekTable {
  id: Generated<string>;
  beoordeling_id: string;
  leerling_id: string;
  account_id: Nullable<string>;
  organisation_id: string;
  opleiding: string;
  crebo: Nullable<string>;
  toelichting: ColumnType<string, string | undefined, string>;
  status: ColumnType<'ingediend' | 'toegekend' | 'afgewezen', 'ingediend' | 'toegekend' | 'afgewezen' | undefined, 'ingediend' | 'toegekend' | 'afgewezen'>;
  besluit_reden: Nullable<string>;
  besloten_by: Nullable<string>;
  besloten_at: Nullable<Date | string>;
  versie: Versie;
  created_at: CreatedAt;
}

// Issue 15: the regional menukaart (migration 0025).
type JsonList = ColumnType<unknown, string | undefined, string>;
export interface MenukaartTable {
  regio_id: string;
  slug: string;
  titel: string;
  toelichting: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}
export interface MenukaartModuleTable {
  id: Generated<string>;
  regio_id: string;
  slug: string;
  status: ColumnType<'voorgesteld' | 'teruggestuurd' | 'gepubliceerd' | 'ingetrokken', 'voorgesteld' | 'teruggestuurd' | 'gepubliceerd' | 'ingetrokken' | undefined, 'voorgesteld' | 'teruggestuurd' | 'gepubliceerd' | 'ingetrokken'>;
  titel: string;
  beschrijving: ColumnType<string, string | undefined, string>;
  soort: 'orienterend' | 'kennismakend' | 'verdiepend' | 'keuzevak-keuzedeel' | 'doorlopende-leerroute';
  omvang_eenheden: number;
  aanbieder_id: string;
  vestiging_id: Nullable<string>;
  locatie: ColumnType<string, string | undefined, string>;
  leerjaar: number;
  periode: 'P1' | 'P2' | 'P3' | 'P4' | 'jaar';
  leerwegen: JsonList;
  capaciteit: number;
  voorwaarden: JsonList;
  keuzevakken: JsonList;
  profielmodulen: JsonList;
  keuzedelen: JsonList;
  kwalificaties: JsonList;
  profielen: JsonList;
  sectoren: JsonList;
  leerroute_id: Nullable<string>;
  reden_teruggestuurd: Nullable<string>;
  laatste_review: Nullable<Date | string>;
  herziening_opdracht: Nullable<string>;
  herziening_deadline: Nullable<Date | string>;
  ingediend_door: Nullable<string>;
  gepubliceerd_at: Nullable<Date | string>;
  gepubliceerd_door: Nullable<string>;
  versie: Versie;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface MenukaartExamenTellingTable {
  module_id: string;
  schooljaar: string;
  school_id: string;
  aantal: number;
  recorded_by: Nullable<string>;
  recorded_at: Stamp;
}

/** Migration 0026 (issue 15): LOB activities, the oplegger, the school's LOB programme and the pupil's share links. */
export interface LobActiviteitTable {
  id: Generated<string>;
  account_id: string;
  organisation_id: string;
  soort: string;
  datum: ColumnType<Date | string, string, string>;
  titel: string;
  doel: ColumnType<string, string | undefined, string>;
  reflecties: ColumnType<unknown, string | undefined, string>;
  conclusie: ColumnType<string, string | undefined, string>;
  vervolgstap: ColumnType<string, string | undefined, string>;
  onderdeel_id: Nullable<string>;
  versie: Versie;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface LobOpleggerTable {
  account_id: string;
  organisation_id: string;
  inhoud: ColumnType<unknown, string, string>;
  versie: Versie;
  updated_at: Stamp;
}
export interface LobOnderdeelTable {
  id: Generated<string>;
  organisation_id: string;
  leerjaar: number;
  titel: string;
  omschrijving: ColumnType<string, string | undefined, string>;
  periode: ColumnType<string, string | undefined, string>;
  competenties: ColumnType<unknown, string | undefined, string>;
  vervallen: ColumnType<boolean, boolean | undefined, boolean>;
  versie: Versie;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: Stamp;
}
export interface LobOnderdeelAfgerondTable {
  onderdeel_id: string;
  account_id: string;
  afgerond_by: Nullable<string>;
  afgerond_at: CreatedAt;
}
export interface LobDeellinkTable {
  id: Generated<string>;
  account_id: string;
  organisation_id: string;
  token_hash: string;
  ontvanger: string;
  inhoud: ColumnType<unknown, string, string>;
  verloopt_at: ColumnType<Date, Date | string, Date | string>;
  ingetrokken_at: Nullable<Date | string>;
  keer_geopend: Versie;
  laatst_geopend_at: Nullable<Date | string>;
  created_at: CreatedAt;
}

// Issue 15, the pupil's programme (migration 0030): choices of menukaart modules, the school's settings, admission requirements.
export interface KeuzeInstellingTable {
  school_id: string;
  modules_per_periode: ColumnType<number, number | undefined, number>;
  deadlines: ColumnType<unknown, string | undefined, string>;
  versie: ColumnType<number, number | undefined, number>;
  updated_by: Nullable<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface MenukaartKeuzeTable {
  id: Generated<string>;
  account_id: string;
  school_id: string;
  module_id: string;
  schooljaar: string;
  periode: 'P1' | 'P2' | 'P3' | 'P4' | 'jaar';
  status: ColumnType<'aangevraagd' | 'goedgekeurd' | 'teruggestuurd' | 'ingetrokken', 'aangevraagd' | undefined, 'aangevraagd' | 'goedgekeurd' | 'teruggestuurd' | 'ingetrokken'>;
  reden: Nullable<string>;
  leerling_id: Nullable<string>;
  beoordeeld_door: Nullable<string>;
  beoordeeld_at: Nullable<Date | string>;
  versie: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface ToelatingseisTable {
  instelling_id: string;
  crebo: string;
  tekst: string;
  versie: ColumnType<number, number | undefined, number>;
  updated_by: Nullable<string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Migration 0031 (issue 16): per samenwerking and release, how many items and planned places an import touched. */
export interface SamenwerkingImpactTable {
  partnership_id: string;
  release_id: number;
  items: number;
  plekken: number;
  uitgewerkt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DB {
  source_release: SourceReleaseTable;
  vmbo_leerweg: VmboLeerwegTable;
  vmbo_item: VmboItemTable;
  mbo_kwalificatiedossier: MboKwalificatiedossierTable;
  mbo_kwalificatie: MboKwalificatieTable;
  mbo_kerntaak: MboKerntaakTable;
  mbo_werkproces: MboWerkprocesTable;
  mbo_kennis_vaardigheid: MboKennisVaardigheidTable;
  mbo_keuzedeel: MboKeuzedeelTable;
  mbo_keuzedeel_aanbod: MboKeuzedeelAanbodTable;
  mbo_keuzedeel_koppeling: MboKeuzedeelKoppelingTable;
  organisation: OrganisationTable;
  vestiging: VestigingTable;
  partnership: PartnershipTable;
  partnership_member: PartnershipMemberTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  password_reset: PasswordResetTable;
  invitation: InvitationTable;
  organisation_sso: OrganisationSsoTable;
  sso_login_state: SsoLoginStateTable;
  crosswalk_link: CrosswalkLinkTable;
  crosswalk_unlinked: CrosswalkUnlinkedTable;
  crosswalk_review: CrosswalkReviewTable;
  crosswalk_voorstel: CrosswalkVoorstelTable;
  zoekmonitor_stem: ZoekmonitorStemTable;
  zoekmonitor_bewijs_versie: ZoekmonitorBewijsVersieTable;
  inventaris_selectie: InventarisSelectieTable;
  docentinzet: DocentinzetTable;
  regel_markering: RegelMarkeringTable;
  leerroute: LeerrouteTable;
  leerroute_planning: LeerroutePlanningTable;
  leerroute_planning_item: LeerroutePlanningItemTable;
  leerroute_toets: LeerrouteToetsTable;
  leerroute_activiteit: LeerrouteActiviteitTable;
  leerroute_materiaal: LeerrouteMateriaalTable;
  leerroute_historie: LeerrouteHistorieTable;
  rate_limit: RateLimitTable;
  mail_outbox: MailOutboxTable;
  overeenkomst: OvereenkomstTable;
  overeenkomst_leerroute: OvereenkomstLeerrouteTable;
  overeenkomst_clausule: OvereenkomstClausuleTable;
  overeenkomst_opmerking: OvereenkomstOpmerkingTable;
  overeenkomst_ondertekening: OvereenkomstOndertekeningTable;
  overeenkomst_medezeggenschap: OvereenkomstMedezeggenschapTable;
  overeenkomst_historie: OvereenkomstHistorieTable;
  cohort: CohortTable;
  leerling: LeerlingTable;
  examen: ExamenTable;
  examenplan: ExamenplanTable;
  examen_inschrijving: ExamenInschrijvingTable;
  beoordeling: BeoordelingTable;
  beoordeling_score: BeoordelingScoreTable;
  beoordeling_historie: BeoordelingHistorieTable;
  vrijstelling_verzoek: VrijstellingVerzoekTable;
  menukaart: MenukaartTable;
  menukaart_module: MenukaartModuleTable;
  menukaart_examen_telling: MenukaartExamenTellingTable;
  lob_activiteit: LobActiviteitTable;
  lob_oplegger: LobOpleggerTable;
  lob_onderdeel: LobOnderdeelTable;
  lob_onderdeel_afgerond: LobOnderdeelAfgerondTable;
  lob_deellink: LobDeellinkTable;
  schema_migration: SchemaMigrationTable;
  catalogus_wijziging: CatalogusWijzigingTable;
  samenwerking_wijziging: SamenwerkingWijzigingTable;
  samenwerking_impact: SamenwerkingImpactTable;
  catalogus_volgen: CatalogusVolgenTable;
  keuze_instelling: KeuzeInstellingTable;
  menukaart_keuze: MenukaartKeuzeTable;
  toelatingseis: ToelatingseisTable;
}

/** Migration 0028 (issue 16): what an import changed in the catalogue, per release and item. */
export interface CatalogusWijzigingTable {
  id: Generated<string>;
  release_id: number;
  item_id: string;
  soort: 'eindterm' | 'werkproces' | 'keuzedeel' | 'keuzevak' | 'kwalificatie';
  wijziging: 'tekst' | 'vervallen' | 'vervangen' | 'nieuw';
  code: string | null;
  oude_tekst: string | null;
  nieuwe_tekst: string | null;
  opvolger_id: string | null;
  opvolger_herkomst: 'bron' | 'suggestie' | null;
  opvolger_tekst: string | null;
}
/** Migration 0028: which work of a samenwerking uses a changed item, and what the samenwerking did about it. */
export interface SamenwerkingWijzigingTable {
  id: Generated<string>;
  partnership_id: string;
  wijziging_id: string;
  item_id: string;
  gebruik: 'koppeling' | 'markering' | 'route' | 'planning' | 'toets' | 'activiteit' | 'examen' | 'examenplan' | 'menukaart' | 'overeenkomst';
  gebruik_id: string;
  leerroute_id: string | null;
  omschrijving: string;
  status: ColumnType<'open' | 'verplaatst' | 'behouden' | 'verwijderd', 'open' | undefined, 'open' | 'verplaatst' | 'behouden' | 'verwijderd'>;
  reden: string | null;
  afgehandeld_door: string | null;
  afgehandeld_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
}
export interface CatalogusVolgenTable {
  user_id: string;
  item_id: string;
  created_at: CreatedAt;
}
