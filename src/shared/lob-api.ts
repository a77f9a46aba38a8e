/**
 * API contract of LOB and the loopbaandossier (issue 15), shared by server and client.
 *
 * The dossier is the pupil's: the pupil (role leerling at a vmbo school) records LOB activities with a reflection per
 * loopbaancompetentie, conclusions and next steps, and fills in the oplegger for the mbo intake. The school's decaan
 * keeps the LOB programme (the planned LOB parts per leerjaar), reads the dossiers of the school's pupils (every read
 * is in the audit log) and marks parts done; LOB is not graded. Only the pupil hands the dossier over: a share link
 * with an expiry date, revocable, showing what the pupil chose. Staff can never send a dossier to another school.
 */
import { z } from 'zod';
import { tekst } from './text.js';

/** The five loopbaancompetenties of vmbo and mbo (brochure "Wat moet en wat mag", LOB). */
export const LOOPBAANCOMPETENTIES = ['kwaliteitenreflectie', 'motievenreflectie', 'werkexploratie', 'loopbaansturing', 'netwerken'] as const;
export const Loopbaancompetentie = z.enum(LOOPBAANCOMPETENTIES);
export type Loopbaancompetentie = z.infer<typeof Loopbaancompetentie>;
export const COMPETENTIE_NAMEN: Record<Loopbaancompetentie, string> = {
  kwaliteitenreflectie: 'Kwaliteitenreflectie',
  motievenreflectie: 'Motievenreflectie',
  werkexploratie: 'Werkexploratie',
  loopbaansturing: 'Loopbaansturing',
  netwerken: 'Netwerken',
};
/** The question each competence asks, in words for a pupil. */
export const COMPETENTIE_VRAGEN: Record<Loopbaancompetentie, string> = {
  kwaliteitenreflectie: 'Waar ben ik goed in, en hoe weet ik dat?',
  motievenreflectie: 'Wat vind ik belangrijk, en waarom?',
  werkexploratie: 'In wat voor werk voel ik me thuis, en waarom?',
  loopbaansturing: 'Hoe kom ik bij mijn doel, en waarom zo?',
  netwerken: 'Wie kan mij helpen, en waarom die mensen?',
};

export const ACTIVITEIT_SOORTEN = ['snuffelstage', 'meeloopdag', 'bedrijfsbezoek', 'open-dag', 'gesprek', 'workshop', 'anders'] as const;
export const ActiviteitSoort = z.enum(ACTIVITEIT_SOORTEN, { error: 'kies een soort activiteit' });
export type ActiviteitSoort = z.infer<typeof ActiviteitSoort>;
export const ACTIVITEIT_SOORT_NAMEN: Record<ActiviteitSoort, string> = {
  snuffelstage: 'Snuffelstage',
  meeloopdag: 'Meeloopdag',
  bedrijfsbezoek: 'Bedrijfsbezoek',
  'open-dag': 'Open dag',
  gesprek: 'Gesprek',
  workshop: 'Workshop',
  anders: 'Iets anders',
};

export const LOB_LIMIETEN = { titel: 200, tekst: 4000, kort: 2000, ontvanger: 200, periode: 60, maxDagenGeldig: 180, activiteiten: 500 } as const;

const Id = (wat: string) => z.uuid(`onbekende ${wat}`);
export const Datum = tekst()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'schrijf de datum als 2027-03-15')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'geen bestaande datum');
const Tekst = (max: number) => tekst().trim().max(max, `hooguit ${max} tekens`);

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

export const ActiviteitParams = z.object({ activiteitId: Id('activiteit') });
export const DeellinkParams = z.object({ deellinkId: Id('deellink') });
export const SchoolParams = z.object({ organisatieId: Id('organisatie') });
export const SchoolLeerlingParams = z.object({ organisatieId: Id('organisatie'), gebruikerId: Id('leerling') });
export const OnderdeelParams = z.object({ organisatieId: Id('organisatie'), onderdeelId: Id('LOB-onderdeel') });
export const LeerlingOnderdeelParams = z.object({ organisatieId: Id('organisatie'), gebruikerId: Id('leerling'), onderdeelId: Id('LOB-onderdeel') });

/** A reflection per competence: at least one, each a text the pupil wrote. */
export const Reflecties = z.partialRecord(Loopbaancompetentie, Tekst(LOB_LIMIETEN.tekst));
export type Reflecties = z.infer<typeof Reflecties>;

export const ActiviteitInvoer = z.object({
  soort: ActiviteitSoort,
  datum: Datum,
  titel: Tekst(LOB_LIMIETEN.titel).min(1, 'geef de activiteit een titel'),
  doel: Tekst(LOB_LIMIETEN.tekst).default(''),
  reflecties: Reflecties.refine((r) => Object.values(r).some((t) => (t ?? '').trim() !== ''), 'schrijf bij minstens één loopbaancompetentie wat je hebt gemerkt'),
  conclusie: Tekst(LOB_LIMIETEN.tekst).default(''),
  vervolgstap: Tekst(LOB_LIMIETEN.tekst).default(''),
  onderdeelId: Id('LOB-onderdeel').nullable().default(null),
});
export type ActiviteitInvoer = z.input<typeof ActiviteitInvoer>;
export const ActiviteitWijzigen = ActiviteitInvoer.extend({ versie: z.number({ error: 'geef de versie mee' }).int().min(1) });
export type ActiviteitWijzigen = z.input<typeof ActiviteitWijzigen>;

export const OpleggerInhoud = z.object({
  /** The mbo opleiding the pupil chose. */
  opleiding: Tekst(LOB_LIMIETEN.titel).default(''),
  crebo: tekst().trim().regex(/^(\d{5})?$/, 'een crebonummer heeft 5 cijfers').default(''),
  instelling: Tekst(LOB_LIMIETEN.titel).default(''),
  /** The calendar year the mbo opleiding starts (August): the admission dates follow from it. */
  startjaar: z.number({ error: 'kies het jaar waarin je begint' }).int().min(2020, 'kies een jaar vanaf 2020').max(2100, 'kies een jaar tot 2100'),
  motivatie: Tekst(LOB_LIMIETEN.tekst).default(''),
  sterkePunten: Tekst(LOB_LIMIETEN.tekst).default(''),
  ondersteuning: Tekst(LOB_LIMIETEN.tekst).default(''),
  /** The activities the pupil puts forward (their own, at most 50). */
  activiteitIds: z.array(Id('activiteit')).max(50, 'kies hooguit 50 activiteiten').default([]),
  aangemeldOp: Datum.nullable().default(null),
});
export type OpleggerInhoud = z.infer<typeof OpleggerInhoud>;
export const OpleggerWijzigen = z.object({
  /** 0 when there is no oplegger yet; otherwise the versie the pupil saw (stale: 409). */
  versie: z.number({ error: 'geef de versie mee' }).int().min(0),
  inhoud: OpleggerInhoud,
});
export type OpleggerWijzigen = z.input<typeof OpleggerWijzigen>;

export const DeellinkMaken = z.object({
  ontvanger: Tekst(LOB_LIMIETEN.ontvanger).min(1, 'schrijf voor wie de link is, bijvoorbeeld ‘Intake ROC’'),
  verlooptOp: Datum,
  activiteitIds: z.array(Id('activiteit')).max(LOB_LIMIETEN.activiteiten).default([]),
  oplegger: z.boolean().default(false),
  programma: z.boolean().default(false),
});
export type DeellinkMaken = z.input<typeof DeellinkMaken>;

/** Opening a share link: the token travels in the body (never in a URL, so never in a log or Referer). */
export const DeellinkOpenen = z.object({ token: tekst().regex(/^[A-Za-z0-9_-]{20,100}$/, 'deze link is niet compleet') });

export const OnderdeelInvoer = z.object({
  leerjaar: z.number({ error: 'kies een leerjaar' }).int().min(1, 'leerjaar 1 tot en met 6').max(6, 'leerjaar 1 tot en met 6'),
  titel: Tekst(LOB_LIMIETEN.titel).min(1, 'geef het onderdeel een titel'),
  omschrijving: Tekst(LOB_LIMIETEN.kort).default(''),
  periode: Tekst(LOB_LIMIETEN.periode).default(''),
  competenties: z.array(Loopbaancompetentie).max(5).default([]),
  vervallen: z.boolean().default(false),
});
export type OnderdeelInvoer = z.input<typeof OnderdeelInvoer>;
export const OnderdeelWijzigen = OnderdeelInvoer.extend({ versie: z.number({ error: 'geef de versie mee' }).int().min(1) });
export type OnderdeelWijzigen = z.input<typeof OnderdeelWijzigen>;

export const AfrondingZetten = z.object({ afgerond: z.boolean({ error: 'kies afgerond of niet afgerond' }) });

// ---------------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------------

export const LobActiviteit = z.object({
  id: z.string(),
  soort: ActiviteitSoort,
  datum: z.string(),
  titel: z.string(),
  doel: z.string(),
  reflecties: z.partialRecord(Loopbaancompetentie, z.string()),
  conclusie: z.string(),
  vervolgstap: z.string(),
  onderdeelId: z.string().nullable(),
  versie: z.number().int(),
  bijgewerkt: z.string(),
});
export type LobActiviteit = z.infer<typeof LobActiviteit>;

export const Toelatingsdatums = z.object({
  /** Sign up before this date for the right to admission (aanmelden vóór 1 april). */
  aanmeldenVoor: z.string(),
  /** Extra admission requirements of an opleiding are published before this date (vóór 1 februari). */
  aanvullendeEisenBekendVoor: z.string(),
});
export type Toelatingsdatums = z.infer<typeof Toelatingsdatums>;

export const Oplegger = z.object({
  inhoud: OpleggerInhoud,
  datums: Toelatingsdatums,
  versie: z.number().int(),
  bijgewerkt: z.string(),
});
export type Oplegger = z.infer<typeof Oplegger>;

export const LobOnderdeel = z.object({
  id: z.string(),
  leerjaar: z.number().int(),
  titel: z.string(),
  omschrijving: z.string(),
  periode: z.string(),
  competenties: z.array(Loopbaancompetentie),
  vervallen: z.boolean(),
  versie: z.number().int(),
});
export type LobOnderdeel = z.infer<typeof LobOnderdeel>;
export const LobProgramma = z.object({ school: z.object({ id: z.string(), naam: z.string() }), onderdelen: z.array(LobOnderdeel) });
export type LobProgramma = z.infer<typeof LobProgramma>;

/** A part of the school's programme as it stands for one pupil. */
export const ProgrammaRegel = LobOnderdeel.extend({
  afgerond: z.object({ op: z.string(), door: z.string() }).nullable(),
  /** The pupil's activities linked to this part. */
  activiteiten: z.number().int(),
});
export type ProgrammaRegel = z.infer<typeof ProgrammaRegel>;

export const DEELLINK_STATUSSEN = ['actief', 'verlopen', 'ingetrokken'] as const;
export const DeellinkStatus = z.enum(DEELLINK_STATUSSEN);
export type DeellinkStatus = z.infer<typeof DeellinkStatus>;
export const Deellink = z.object({
  id: z.string(),
  ontvanger: z.string(),
  verlooptOp: z.string(),
  inhoud: z.object({ activiteitIds: z.array(z.string()), oplegger: z.boolean(), programma: z.boolean() }),
  status: DeellinkStatus,
  keerGeopend: z.number().int(),
  laatstGeopend: z.string().nullable(),
  aangemaakt: z.string(),
});
export type Deellink = z.infer<typeof Deellink>;
/** The answer to making a link: the token is shown once (only its hash is kept). */
export const DeellinkGemaakt = z.object({ deellink: Deellink, token: z.string() });
export type DeellinkGemaakt = z.infer<typeof DeellinkGemaakt>;

export const LobDossier = z.object({
  leerling: z.object({ id: z.string(), naam: z.string() }),
  school: z.object({ id: z.string(), naam: z.string() }),
  activiteiten: z.array(LobActiviteit),
  oplegger: Oplegger.nullable(),
  programma: z.array(ProgrammaRegel),
  /** Only in the pupil's own view. */
  deellinks: z.array(Deellink),
});
export type LobDossier = z.infer<typeof LobDossier>;

/** What the receiver of a share link sees: only what the pupil chose. */
export const GedeeldDossier = z.object({
  leerling: z.object({ naam: z.string() }),
  school: z.object({ naam: z.string() }),
  ontvanger: z.string(),
  verlooptOp: z.string(),
  activiteiten: z.array(LobActiviteit.omit({ versie: true, onderdeelId: true })),
  oplegger: Oplegger.omit({ versie: true }).nullable(),
  programma: z.array(ProgrammaRegel.pick({ titel: true, leerjaar: true, periode: true, afgerond: true })).nullable(),
});
export type GedeeldDossier = z.infer<typeof GedeeldDossier>;

export const WieZiet = z.object({
  school: z.object({ id: z.string(), naam: z.string() }),
  /** False for a pupil who left the school: the dossier is theirs alone now. */
  opSchool: z.boolean(),
  /** The staff of the pupil's school who may read the dossier (the decaan role). */
  lezers: z.array(z.object({ naam: z.string(), rol: z.string() })),
  deellinks: z.array(Deellink),
});
export type WieZiet = z.infer<typeof WieZiet>;

export const LeerlingOverzicht = z.object({
  school: z.object({ id: z.string(), naam: z.string() }),
  leerlingen: z.array(
    z.object({ gebruikerId: z.string(), naam: z.string(), activiteiten: z.number().int(), afgerond: z.number().int(), onderdelen: z.number().int(), opleggerIngevuld: z.boolean() }),
  ),
});
export type LeerlingOverzicht = z.infer<typeof LeerlingOverzicht>;
