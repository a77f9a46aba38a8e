/**
 * The API of the joint exam and its plan (issue 14): an exam of a route with a keuzedeel (which cohort, keuzedeel,
 * keuzevak, parties, grondslag), the versioned exam plan (content in src/shared/examen-api.ts), its coverage of the
 * keuzevak's eindtermen, submission, vaststelling by the mbo examencommissie, new versions, and the registration of
 * pupils as extraneus with the list for the mbo student administration.
 */
import { z } from 'zod';
import { ExamenGrondslag, ExamenplanInhoud } from './examen-api.js';
import { LeerrouteType } from './leerroute-api.js';
import { tekst } from './text.js';

export const ExamenParams = z.object({ examenId: z.uuid('onbekend examen') });

export const ExamenAanmaken = z.object({
  cohortId: z.uuid('kies de groep leerlingen (cohort) die het examen doet'),
  keuzedeelCode: tekst().trim().toUpperCase().regex(/^[A-Z0-9]{1,20}$/, 'ongeldige keuzedeelcode').optional().describe('Het keuzedeel van de route (leidend); weglaten als de route er één heeft'),
  keuzevakCode: tekst().trim().toUpperCase().max(30).nullable().optional().describe('Het vmbo-keuzevak dat het examen afsluit; weglaten als de route er één heeft'),
  grondslag: ExamenGrondslag,
  mboOrganisationId: z.uuid().optional().describe('De mbo-partij; weglaten als de samenwerking er één heeft'),
});
export type ExamenAanmaken = z.infer<typeof ExamenAanmaken>;

const Persoon = z.object({ id: z.string(), naam: z.string() });
const Org = z.object({ id: z.string(), naam: z.string() });
const Stempel = z.object({ at: z.string(), naam: z.string() });
const Akkoord = z.object({ reden: z.string(), naam: z.string(), at: z.string(), gaten: z.array(z.string()) });

export const PlanStatus = z.enum(['concept', 'ingediend', 'vastgesteld', 'vervangen']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const DekkingView = z.object({
  eindtermen: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      titel: z.string(),
      criteria: z.array(z.object({ onderdeelId: z.string(), criteriumId: z.string(), omschrijving: z.string() })),
      /** Confirmed crosswalk links of this eindterm (mbo item ids): suggestions for criteria. */
      suggesties: z.array(z.object({ id: z.string(), code: z.string(), titel: z.string() })),
    }),
  ),
  gaten: z.array(z.object({ id: z.string(), code: z.string(), titel: z.string() })),
  gedekt: z.number(),
  totaal: z.number(),
  /** The open gaps are accepted by the examencommissie (the acceptance covers every gap open now). */
  gatenGeaccepteerd: z.boolean(),
});
export type DekkingView = z.infer<typeof DekkingView>;

export const ExamenplanVersie = z.object({
  id: z.string(),
  versienummer: z.number(),
  status: PlanStatus,
  versie: z.number(),
  inhoud: ExamenplanInhoud,
  dekking: DekkingView,
  dekkingAkkoord: Akkoord.nullable(),
  ingediend: Stempel.nullable(),
  vastgesteld: Stempel.nullable(),
  teruggestuurd: z.object({ reden: z.string(), naam: z.string(), at: z.string() }).nullable(),
  /** What still keeps the plan from being submitted (empty: it can be). */
  ontbreekt: z.array(z.object({ path: z.string(), message: z.string() })),
  gewijzigd: Stempel.nullable(),
});
export type ExamenplanVersie = z.infer<typeof ExamenplanVersie>;

export const ExamenSamenvatting = z.object({
  id: z.string(),
  leerroute: z.object({ id: z.string(), naam: z.string(), type: LeerrouteType }),
  cohort: z.object({ id: z.string(), naam: z.string(), schooljaar: z.string(), leerjaar: z.number() }),
  keuzedeel: z.object({ code: z.string(), titel: z.string() }),
  keuzevak: z.object({ code: z.string(), titel: z.string() }).nullable(),
  grondslag: ExamenGrondslag,
  grondslagUitleg: z.string(),
  vmbo: Org,
  mbo: Org,
  /** The newest version's status, and whether a vastgesteld version is in force. */
  planStatus: PlanStatus.nullable(),
  vastgesteldeVersie: z.number().nullable(),
});
export type ExamenSamenvatting = z.infer<typeof ExamenSamenvatting>;

export const ExamenDetail = ExamenSamenvatting.extend({
  /** Newest first: every version with its status (the history). */
  versies: z.array(ExamenplanVersie),
  eindtermen: z.array(z.object({ id: z.string(), code: z.string(), titel: z.string() })),
  /** mbo items a criterion may name: the keuzedeel and the werkprocessen of the route's kwalificatie. */
  mboItems: z.array(z.object({ id: z.string(), code: z.string(), titel: z.string(), soort: z.string() })),
  ptaToetsen: z.array(z.object({ id: z.string(), toetscode: z.string(), naam: z.string(), leerjaar: z.number(), periode: z.number() })),
  kandidaten: z.object({ examinatoren: z.array(Persoon), beoordelaars: z.array(Persoon) }),
  rechten: z.object({ schrijven: z.boolean(), vaststellen: z.boolean(), aanmelden: z.boolean(), inschrijven: z.boolean(), leerlingenZien: z.boolean() }),
});
export type ExamenDetail = z.infer<typeof ExamenDetail>;

export const ExamenLijst = z.object({
  leerroute: z.object({ id: z.string(), naam: z.string(), type: LeerrouteType }),
  examens: z.array(ExamenSamenvatting),
  /** What a new exam can be made of (only for who may write a plan; no pupil data: cohorts by name). */
  nieuw: z
    .object({
      cohorten: z.array(z.object({ id: z.string(), naam: z.string(), schooljaar: z.string(), leerjaar: z.number(), school: z.string() })),
      keuzedelen: z.array(z.object({ code: z.string(), titel: z.string() })),
      keuzevakken: z.array(z.object({ code: z.string(), titel: z.string() })),
      mboPartners: z.array(z.object({ id: z.string(), naam: z.string() })),
      /** Why a joint PTA/OER cannot be the grondslag here (null: it can). */
      ptaOerProbleem: z.string().nullable(),
    })
    .nullable(),
});
export type ExamenLijst = z.infer<typeof ExamenLijst>;

export const MijnExamens = z.object({
  /** Plans submitted to an examencommissie the user sits on: to vaststellen. */
  vastTeStellen: z.array(ExamenSamenvatting),
  /** Exams of which the user may write the plan (concept versions). */
  teSchrijven: z.array(ExamenSamenvatting),
  /** Exams with a vastgesteld plan that name the user as 1st or 2nd assessor: their forms to fill in. */
  teBeoordelen: z.array(ExamenSamenvatting),
  /** Exams whose plan is in force, for the examencommissie that vaststelde it: to follow inschrijvingen and results. */
  vastgesteld: z.array(ExamenSamenvatting),
});
export type MijnExamens = z.infer<typeof MijnExamens>;

export const PlanOpslaan = z.object({ versie: z.number().int().min(1), inhoud: ExamenplanInhoud });
export type PlanOpslaan = z.infer<typeof PlanOpslaan>;
export const PlanActie = z.object({ versie: z.number().int().min(1) });
export type PlanActie = z.infer<typeof PlanActie>;
export const PlanMetReden = z.object({ versie: z.number().int().min(1), reden: tekst().trim().min(3, 'geef een reden').max(2000) });
export type PlanMetReden = z.infer<typeof PlanMetReden>;

export const InschrijvingStatus = z.enum(['aangemeld', 'ingeschreven']);
export const Inschrijvingen = z.object({
  examen: ExamenSamenvatting,
  examendatum: z.string().nullable(),
  inschrijvingen: z.array(
    z.object({
      leerlingId: z.string(),
      leerlingnummer: z.string(),
      naam: z.string(),
      klas: z.string(),
      geboortedatum: z.string().nullable(),
      status: InschrijvingStatus,
      aangemeldAt: z.string(),
      ingeschrevenAt: z.string().nullable(),
    }),
  ),
  /** Pupils of the cohort not (yet) registered (only for who may register them). */
  nietAangemeld: z.array(z.object({ leerlingId: z.string(), leerlingnummer: z.string(), naam: z.string(), klas: z.string() })),
  waarschuwingen: z.array(z.object({ leerlingId: z.string(), naam: z.string(), ontbreekt: z.array(z.string()) })),
  rechten: z.object({ aanmelden: z.boolean(), inschrijven: z.boolean() }),
});
export type Inschrijvingen = z.infer<typeof Inschrijvingen>;
export const LeerlingenKiezen = z.object({ leerlingIds: z.array(z.uuid()).max(2000).optional().describe('Weglaten: alle leerlingen van het cohort (aanmelden) of alle aangemelde (inschrijven)') });
export type LeerlingenKiezen = z.infer<typeof LeerlingenKiezen>;
