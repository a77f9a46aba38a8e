/**
 * API contract of the samenwerkingsovereenkomst (issue 13), shared by server and client.
 *
 * An agreement belongs to a samenwerking and names what it covers: leerroutes of that samenwerking and/or cooperation
 * without a route (gastdocenten, faciliteiten, LOB, gezamenlijke beoordeling). Its soort decides which clauses are
 * required and which recommended (the clause set is data: src/domain/overeenkomst/clausules.json, versioned, with the
 * source of each clause). Each clause has its own versie (a stale one is a 409) and comments between the partners.
 *
 * Status: concept → ter-ondertekening (only when every required clause is filled) → ondertekend (when every party has
 * signed) → beeindigd. A signed version is frozen; a change makes a new version (a new agreement in the same reeks,
 * documentversie + 1), and the difference between two versions is shown per clause.
 *
 * Access: read for staff of a partner; write for beheerder/ontwikkelaar of a partner; signing and recording the
 * medezeggenschap only for a beheerder of that party; outsiders 404.
 *
 * Routes (all under /api):
 * GET    /partnerships/:id/overeenkomsten                          OvereenkomstLijst (read)
 * POST   /partnerships/:id/overeenkomsten                          OvereenkomstAanmaken → 201 OvereenkomstDetail (write)
 * GET    /overeenkomsten/:id                                       OvereenkomstDetail (read)
 * PUT    /overeenkomsten/:id                                       OvereenkomstInstellingen → OvereenkomstDetail (write, concept)
 * PUT    /overeenkomsten/:id/clausules/:clausuleId                 ClausuleWijzigen → OvereenkomstDetail (write, concept)
 * POST   /overeenkomsten/:id/clausules/:clausuleId/opmerkingen     OpmerkingPlaatsen → 201 OvereenkomstDetail (write)
 * POST   /overeenkomsten/:id/status                                StatusWijzigen → OvereenkomstDetail (write; beëindigen: beheerder)
 * POST   /overeenkomsten/:id/ondertekeningen                       Ondertekenen → OvereenkomstDetail (beheerder of that party)
 * PUT    /overeenkomsten/:id/medezeggenschap                       MedezeggenschapVastleggen → OvereenkomstDetail (beheerder of that party)
 * POST   /overeenkomsten/:id/nieuwe-versie                         → 201 OvereenkomstDetail of the new version (write)
 * GET    /overeenkomsten/:id/verschil?met=<id>                     Verschil (read; both versions of one reeks)
 * GET    /overeenkomsten/:id/overeenkomst.docx | .pdf              the agreement as DOCX or accessible PDF (read)
 * GET    /leerroutes/:routeId/overeenkomsten                       RouteDekking: the agreements covering a route (read)
 */
import { z } from 'zod';
import { tekst } from './text.js';

export const OVEREENKOMST_SOORTEN = ['doorlopende-leerroute', 'leerwerktraject', 'entree', 'keuzevak-keuzedeel', 'algemeen'] as const;
export const OvereenkomstSoort = z.enum(OVEREENKOMST_SOORTEN, { error: 'onbekende soort overeenkomst: kies doorlopende-leerroute, leerwerktraject, entree, keuzevak-keuzedeel of algemeen' });
export type OvereenkomstSoort = z.infer<typeof OvereenkomstSoort>;
export const OVEREENKOMST_SOORT_NAMEN: Record<OvereenkomstSoort, string> = {
  'doorlopende-leerroute': 'Doorlopende leerroute vmbo-mbo',
  leerwerktraject: 'Leerwerktraject',
  entree: 'Entree-opleiding in het vmbo',
  'keuzevak-keuzedeel': 'Keuzevak-keuzedeelarrangement',
  algemeen: 'Algemene samenwerking',
};

export const OVEREENKOMST_STATUSSEN = ['concept', 'ter-ondertekening', 'ondertekend', 'beeindigd'] as const;
export const OvereenkomstStatus = z.enum(OVEREENKOMST_STATUSSEN);
export type OvereenkomstStatus = z.infer<typeof OvereenkomstStatus>;
export const OVEREENKOMST_STATUS_NAMEN: Record<OvereenkomstStatus, string> = {
  concept: 'Concept',
  'ter-ondertekening': 'Ter ondertekening',
  ondertekend: 'Ondertekend',
  beeindigd: 'Beëindigd',
};

/** Cooperation without a route. */
export const ONDERWERPEN = ['gastdocenten', 'faciliteiten', 'lob', 'gezamenlijke-beoordeling'] as const;
export const Onderwerp = z.enum(ONDERWERPEN, { error: 'onbekend onderwerp: kies gastdocenten, faciliteiten, lob of gezamenlijke-beoordeling' });
export type Onderwerp = z.infer<typeof Onderwerp>;
export const ONDERWERP_NAMEN: Record<Onderwerp, string> = {
  gastdocenten: 'Gastdocenten',
  faciliteiten: 'Faciliteiten (lokalen, machines, materialen)',
  lob: 'Loopbaanoriëntatie en -begeleiding (LOB)',
  'gezamenlijke-beoordeling': 'Gezamenlijke beoordeling',
};

export const MEDEZEGGENSCHAP_ORGANEN = ['mr', 'deelnemersraad', 'ondernemingsraad'] as const;
export const Orgaan = z.enum(MEDEZEGGENSCHAP_ORGANEN, { error: 'kies mr, deelnemersraad of ondernemingsraad' });
export type Orgaan = z.infer<typeof Orgaan>;
export const ORGAAN_NAMEN: Record<Orgaan, string> = { mr: 'Medezeggenschapsraad', deelnemersraad: 'Deelnemersraad', ondernemingsraad: 'Ondernemingsraad' };
export const MEDEZEGGENSCHAP_UITKOMSTEN = ['instemming', 'advies'] as const;
export const Uitkomst = z.enum(MEDEZEGGENSCHAP_UITKOMSTEN, { error: 'kies instemming of advies' });
export type Uitkomst = z.infer<typeof Uitkomst>;

/** Limits on what people type. */
export const OVEREENKOMST_LIMIETEN = { clausuleTekst: 20_000, opmerking: 2_000, titel: 200, naam: 120, functie: 120, toelichting: 1_000, leerroutes: 50 } as const;

export const CLAUSULE_STATUSSEN = ['leeg', 'te-kort', 'open-plek', 'ingevuld'] as const;
export const ClausuleStatus = z.enum(CLAUSULE_STATUSSEN);
export type ClausuleStatus = z.infer<typeof ClausuleStatus>;

const Id = (wat: string) => z.uuid(`onbekende ${wat}`);
export const ClausuleId = tekst().regex(/^[a-z0-9-]{1,40}$/, 'onbekende clausule');
const Datum = tekst()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'schrijf de datum als 2027-03-15')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'geen bestaande datum');

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

export const SamenwerkingParams = z.object({ id: Id('samenwerking') });
export const OvereenkomstParams = z.object({ id: Id('overeenkomst') });
export const ClausuleParams = z.object({ id: Id('overeenkomst'), clausuleId: ClausuleId });

export const OvereenkomstAanmaken = z.object({
  soort: OvereenkomstSoort,
  titel: tekst().trim().min(1, 'geef de overeenkomst een titel').max(OVEREENKOMST_LIMIETEN.titel, `hooguit ${OVEREENKOMST_LIMIETEN.titel} tekens`).optional(),
  leerrouteIds: z.array(Id('leerroute')).max(OVEREENKOMST_LIMIETEN.leerroutes, `hooguit ${OVEREENKOMST_LIMIETEN.leerroutes} leerroutes`).default([]),
  onderwerpen: z.array(Onderwerp).max(ONDERWERPEN.length).default([]),
});
export type OvereenkomstAanmaken = z.infer<typeof OvereenkomstAanmaken>;

export const OvereenkomstInstellingen = z.object({
  versie: z.number().int().min(1),
  titel: tekst().trim().min(1, 'geef de overeenkomst een titel').max(OVEREENKOMST_LIMIETEN.titel, `hooguit ${OVEREENKOMST_LIMIETEN.titel} tekens`),
  leerrouteIds: z.array(Id('leerroute')).max(OVEREENKOMST_LIMIETEN.leerroutes, `hooguit ${OVEREENKOMST_LIMIETEN.leerroutes} leerroutes`),
  onderwerpen: z.array(Onderwerp).max(ONDERWERPEN.length),
});
export type OvereenkomstInstellingen = z.infer<typeof OvereenkomstInstellingen>;

export const ClausuleWijzigen = z.object({
  versie: z.number({ error: 'geef de versie van de clausule mee' }).int().min(1),
  tekst: tekst().max(OVEREENKOMST_LIMIETEN.clausuleTekst, `hooguit ${OVEREENKOMST_LIMIETEN.clausuleTekst} tekens`),
});
export type ClausuleWijzigen = z.infer<typeof ClausuleWijzigen>;

export const OpmerkingPlaatsen = z.object({
  tekst: tekst().trim().min(1, 'schrijf een opmerking').max(OVEREENKOMST_LIMIETEN.opmerking, `hooguit ${OVEREENKOMST_LIMIETEN.opmerking} tekens`),
});

export const StatusWijzigen = z.object({
  naar: z.enum(['concept', 'ter-ondertekening', 'beeindigd'], { error: 'kies concept, ter-ondertekening of beeindigd' }),
  versie: z.number().int().min(1),
  reden: tekst().trim().max(OVEREENKOMST_LIMIETEN.toelichting, `hooguit ${OVEREENKOMST_LIMIETEN.toelichting} tekens`).optional(),
});
export type StatusWijzigen = z.infer<typeof StatusWijzigen>;

export const Ondertekenen = z.object({
  organisatieId: Id('organisatie'),
  naam: tekst().trim().min(2, 'vul de naam van de ondertekenaar in').max(OVEREENKOMST_LIMIETEN.naam, `hooguit ${OVEREENKOMST_LIMIETEN.naam} tekens`),
  functie: tekst().trim().min(2, 'vul de functie van de ondertekenaar in').max(OVEREENKOMST_LIMIETEN.functie, `hooguit ${OVEREENKOMST_LIMIETEN.functie} tekens`),
  datum: Datum,
});
export type Ondertekenen = z.infer<typeof Ondertekenen>;

export const MedezeggenschapVastleggen = z.object({
  organisatieId: Id('organisatie'),
  orgaan: Orgaan,
  uitkomst: Uitkomst,
  datum: Datum,
  toelichting: tekst().trim().max(OVEREENKOMST_LIMIETEN.toelichting, `hooguit ${OVEREENKOMST_LIMIETEN.toelichting} tekens`).default(''),
});
export type MedezeggenschapVastleggen = z.infer<typeof MedezeggenschapVastleggen>;

export const VerschilQuery = z.object({ met: Id('versie') });

// ---------------------------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------------------------

const Wie = z.object({ gebruiker: z.object({ id: z.string(), naam: z.string() }).nullable(), organisatie: z.object({ id: z.string(), naam: z.string() }).nullable(), op: z.string() });

export const Bron = z.object({ document: z.string(), sectie: z.string() });

export const Clausule = z.object({
  id: z.string(),
  titel: z.string(),
  toelichting: z.string(),
  bron: Bron,
  minLengte: z.number().int(),
  verplicht: z.boolean(),
  tekst: z.string(),
  versie: z.number().int(),
  /** True while nobody has changed the platform's proposal. */
  voorstel: z.boolean(),
  gewijzigd: Wie.nullable(),
  status: ClausuleStatus,
  melding: z.string().describe('The completeness in Dutch, e.g. "Verplicht en nog leeg."'),
  opmerkingen: z.array(z.object({ id: z.string(), tekst: z.string(), door: Wie })),
});
export type Clausule = z.infer<typeof Clausule>;

export const Partij = z.object({
  id: z.string(),
  naam: z.string(),
  soort: z.string(),
  brin: z.string().nullable(),
  vestigingen: z.array(z.object({ naam: z.string(), brin: z.string().nullable() })),
});
export type Partij = z.infer<typeof Partij>;

export const Ondertekening = z.object({ organisatie: z.object({ id: z.string(), naam: z.string() }), naam: z.string(), functie: z.string(), datum: z.string(), vastgelegd: Wie });
export type Ondertekening = z.infer<typeof Ondertekening>;
export const Medezeggenschap = z.object({ organisatie: z.object({ id: z.string(), naam: z.string() }), orgaan: Orgaan, uitkomst: Uitkomst, datum: z.string(), toelichting: z.string(), vastgelegd: Wie });
export type Medezeggenschap = z.infer<typeof Medezeggenschap>;

export const VersieVerwijzing = z.object({ id: z.string(), documentversie: z.number().int(), status: OvereenkomstStatus, ondertekendOp: z.string().nullable() });

export const OvereenkomstSamenvatting = z.object({
  id: z.string(),
  reeksId: z.string(),
  documentversie: z.number().int(),
  titel: z.string(),
  soort: OvereenkomstSoort,
  status: OvereenkomstStatus,
  leerroutes: z.array(z.object({ id: z.string(), naam: z.string() })),
  onderwerpen: z.array(Onderwerp),
  compleet: z.object({ verplicht: z.number().int(), ingevuld: z.number().int() }),
  gewijzigd: Wie,
});
export type OvereenkomstSamenvatting = z.infer<typeof OvereenkomstSamenvatting>;
export const OvereenkomstLijst = z.object({ overeenkomsten: z.array(OvereenkomstSamenvatting), mijnRechten: z.object({ wijzigen: z.boolean() }) });
export type OvereenkomstLijst = z.infer<typeof OvereenkomstLijst>;

export const OvereenkomstDetail = OvereenkomstSamenvatting.extend({
  versie: z.number().int().describe('Versie of the settings and status (optimistic concurrency)'),
  samenwerking: z.object({ id: z.string(), naam: z.string() }),
  clausuleset: z.object({ versie: z.string(), bron: z.string() }),
  partijen: z.array(Partij),
  clausules: z.array(Clausule),
  kanTerOndertekening: z.boolean(),
  ontbreekt: z.array(z.string()).describe('Required clauses that are not filled yet, in Dutch'),
  ondertekeningen: z.array(Ondertekening),
  medezeggenschap: z.array(Medezeggenschap),
  ingediendOp: z.string().nullable(),
  ondertekendOp: z.string().nullable(),
  beeindigd: z.object({ op: z.string(), reden: z.string() }).nullable(),
  versies: z.array(VersieVerwijzing).describe('Every version of this agreement, oldest first'),
  historie: z.array(z.object({ op: z.string(), omschrijving: z.string(), door: Wie })).describe('Newest first'),
  mijnRechten: z.object({ wijzigen: z.boolean(), ondertekenenVoor: z.array(z.string()).describe('Organisation ids this user may sign and record the medezeggenschap for') }),
});
export type OvereenkomstDetail = z.infer<typeof OvereenkomstDetail>;

export const VERSCHIL_SOORTEN = ['gelijk', 'gewijzigd', 'toegevoegd', 'verwijderd'] as const;
export const Verschil = z.object({
  van: VersieVerwijzing,
  naar: VersieVerwijzing,
  clausules: z.array(
    z.object({
      id: z.string(),
      titel: z.string(),
      soort: z.enum(VERSCHIL_SOORTEN),
      oud: z.string(),
      nieuw: z.string(),
      /** Word-level changes: text kept, removed or added, in order. */
      stukken: z.array(z.object({ soort: z.enum(['gelijk', 'weg', 'erbij']), tekst: z.string() })),
    }),
  ),
});
export type Verschil = z.infer<typeof Verschil>;

export const RouteDekking = z.object({
  gedekt: z.boolean().describe('A signed agreement covers the route'),
  overeenkomsten: z.array(OvereenkomstSamenvatting),
});
export type RouteDekking = z.infer<typeof RouteDekking>;
