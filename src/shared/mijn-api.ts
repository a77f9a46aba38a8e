/**
 * API contract of the pupil's own view (issue 14): a signed-in pupil sees their own pupil records (leerling rows
 * linked to their account), the exams they are registered for with the vastgesteld results, and their vrijstelling
 * requests; they download a result statement and send a request. Another pupil's ids answer 404; staff have no pupil
 * records, so their lists are empty and their requests 404.
 *
 * Routes (all under /api):
 * GET    /mijn/resultaten                                        MijnResultaten
 * GET    /mijn/resultaten/:beoordelingId/resultaatverklaring.pdf the result statement (accessible PDF; only vastgesteld)
 * GET    /mijn/vrijstellingen                                    MijnVrijstellingen (own requests, with the decisions)
 * POST   /mijn/vrijstellingen                                    VrijstellingAanvragen → 201 VrijstellingVerzoek (passed vastgesteld result; one open per result and instelling: 409)
 * GET    /mijn/mbo-instellingen                                  MboInstellingen: where a request can go
 * GET    /mijn/leerroutes                                        MijnLeerroutes: the route of each own group, per leerjaar and periode
 */
import { z } from 'zod';
import { ExamenGrondslag } from './examen-api.js';
import { Fase, LeerrouteType, OnderdeelVan, Toetssoort, Toetsvorm } from './leerroute-api.js';
import { tekst } from './text.js';
import { KeuzedeelResultaat, VrijstellingVerzoek } from './vrijstelling-api.js';

/** Why a result counts for a vrijstelling, in words a 14-year-old understands (per exam grondslag). */
export const GRONDSLAG_UITLEG_LEERLING = {
  extraneus:
    'Dit is een echt mbo-examen: je bent er als extraneus voor ingeschreven bij de mbo-school. Daarom telt je resultaat ook als je later naar het mbo gaat.',
  'gezamenlijk-pta-oer':
    'Dit examen hoort bij het plan voor toetsen dat je vmbo-school en de mbo-school samen hebben gemaakt (het gezamenlijke PTA en OER van jullie doorlopende leerroute). Daarom telt je resultaat ook als je later naar het mbo gaat.',
} as const;

export const MijnBeoordelingParams = z.object({ beoordelingId: z.uuid('onbekend resultaat') });

export const MijnLeerling = z.object({
  id: z.string(),
  school: z.string(),
  cohort: z.string(),
  schooljaar: z.string(),
  leerjaar: z.number().int(),
  klas: z.string(),
  leerweg: z.string().nullable(),
  leerlingnummer: z.string(),
  naam: z.string(),
});

export const MijnResultaat = z.object({
  beoordelingId: z.string(),
  poging: z.number().int(),
  keuzedeelResultaat: KeuzedeelResultaat.nullable(),
  keuzedeelCijfer: z.number().nullable(),
  keuzevakCijfer: z.number().nullable(),
  afgenomenOp: z.string().nullable(),
  vastgesteldOp: z.string(),
  verificatiecode: z.string().nullable(),
  kanVrijstellingAanvragen: z.boolean(),
});
export type MijnResultaat = z.infer<typeof MijnResultaat>;

export const MijnExamen = z.object({
  examenId: z.string(),
  leerlingId: z.string(),
  keuzedeel: z.object({ code: z.string(), titel: z.string().nullable() }),
  keuzevak: z.object({ id: z.string(), titel: z.string().nullable() }).nullable(),
  school: z.string(),
  mboInstelling: z.string(),
  grondslag: ExamenGrondslag,
  inschrijving: z.enum(['aangemeld', 'ingeschreven']).nullable(),
  /** Only vastgesteld results: an assessment in progress is not shown. */
  resultaten: z.array(MijnResultaat),
});
export type MijnExamen = z.infer<typeof MijnExamen>;

export const MijnResultaten = z.object({ leerlingen: z.array(MijnLeerling), examens: z.array(MijnExamen) });
export type MijnResultaten = z.infer<typeof MijnResultaten>;

export const MijnVrijstelling = VrijstellingVerzoek.extend({
  beoordelingId: z.string(),
  keuzedeel: z.object({ code: z.string(), titel: z.string().nullable() }),
});
export type MijnVrijstelling = z.infer<typeof MijnVrijstelling>;
export const MijnVrijstellingen = z.object({ verzoeken: z.array(MijnVrijstelling) });
export type MijnVrijstellingen = z.infer<typeof MijnVrijstellingen>;

export const VrijstellingAanvragen = z.object({
  beoordelingId: z.uuid('kies een resultaat'),
  organisatieId: z.uuid('kies een mbo-instelling'),
  opleiding: tekst().trim().min(1, 'vul de naam van de opleiding in').max(300),
  crebo: tekst()
    .trim()
    .regex(/^[0-9]{5}$/, 'een crebonummer heeft 5 cijfers')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  toelichting: tekst().trim().max(2000).optional(),
});
export type VrijstellingAanvragen = z.input<typeof VrijstellingAanvragen>;

export const MboInstellingen = z.object({ instellingen: z.array(z.object({ id: z.string(), naam: z.string() })) });
export type MboInstellingen = z.infer<typeof MboInstellingen>;

/** The pupil's part of the own-data export (account export): records, registrations, results and requests. */
export const MijnLeerlingGegevens = z.object({
  leerlingen: z.array(MijnLeerling),
  inschrijvingen: z.array(z.object({ leerlingId: z.string(), examenId: z.string(), keuzedeelCode: z.string(), status: z.string(), aangemeldOp: z.string(), ingeschrevenOp: z.string().nullable() })),
  resultaten: z.array(
    z.object({
      leerlingId: z.string(),
      examenId: z.string(),
      keuzedeelCode: z.string(),
      poging: z.number().int(),
      status: z.string().describe('open: nog niet vastgesteld; vastgesteld'),
      keuzedeelResultaat: z.string().nullable(),
      keuzedeelCijfer: z.number().nullable(),
      keuzevakCijfer: z.number().nullable(),
      afgenomenOp: z.string().nullable(),
      vastgesteldOp: z.string().nullable(),
      verificatiecode: z.string().nullable(),
    }),
  ),
  vrijstellingVerzoeken: z.array(
    z.object({
      id: z.string(),
      beoordelingId: z.string(),
      instelling: z.string(),
      opleiding: z.string(),
      crebo: z.string().nullable(),
      toelichting: z.string(),
      status: z.string(),
      besluitReden: z.string().nullable(),
      ingediendOp: z.string(),
      beslotenOp: z.string().nullable(),
    }),
  ),
});
export type MijnLeerlingGegevens = z.infer<typeof MijnLeerlingGegevens>;

/** One leerjaar and periode of the pupil's route: what is learned, in which lessons, and how it is tested. */
export const MijnLeerroutePeriode = z.object({
  leerjaar: z.number().int(),
  periode: z.number().int(),
  fase: Fase,
  school: z.string().nullable().describe('The school that gives this leerjaar'),
  doelen: z.array(z.object({ code: z.string(), titel: z.string(), kant: Fase, bron: z.string().describe('Keuzevak, kwalificatie or keuzedeel it belongs to') })),
  activiteiten: z.array(z.object({ titel: z.string(), omschrijving: z.string(), uren: z.number().nullable(), school: z.string().nullable() })),
  toetsen: z.array(z.object({ toetscode: z.string(), naam: z.string(), vorm: Toetsvorm, soort: Toetssoort, onderdeelVan: OnderdeelVan, herkansbaar: z.boolean() })),
});
export type MijnLeerroutePeriode = z.infer<typeof MijnLeerroutePeriode>;

/**
 * The leerroute of one of the pupil's groups, as the pupil needs it: what it leads to and, per leerjaar and periode,
 * the doelen, lessons and toetsen. No staff names, versions or coverage: those are for the teachers.
 */
export const MijnLeerroute = z.object({
  leerlingId: z.string(),
  cohort: z.string(),
  schooljaar: z.string(),
  naam: z.string(),
  type: LeerrouteType,
  leidtTot: z.array(z.string()),
  scholen: z.array(z.string()),
  keuzevakken: z.array(z.object({ code: z.string(), titel: z.string() })),
  profielmodulen: z.array(z.object({ code: z.string(), titel: z.string() })),
  kwalificatie: z.object({ crebo: z.string(), naam: z.string() }).nullable(),
  keuzedelen: z.array(z.object({ code: z.string(), titel: z.string() })),
  perioden: z.array(MijnLeerroutePeriode).describe('Only the perioden with something planned, taught or tested, in order'),
});
export type MijnLeerroute = z.infer<typeof MijnLeerroute>;
export const MijnLeerroutes = z.object({ leerroutes: z.array(MijnLeerroute) });
export type MijnLeerroutes = z.infer<typeof MijnLeerroutes>;
