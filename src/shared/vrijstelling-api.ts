/**
 * API contract of the vrijstelling (issue 14): a pupil's request for a vrijstelling at an mbo instelling on a
 * vastgesteld, passed keuzedeel result, the decision by the receiving instelling's examencommissie, and the public
 * check of a result statement's verification code. Shared by server and client.
 *
 * Routes (all under /api):
 * GET    /organisaties/:id/vrijstellingen          VrijstellingLijst: the requests to this instelling (its examencommissie)
 * GET    /vrijstellingen/:id                       VrijstellingDetail: one request with the verified result (examencommissie of the receiving instelling)
 * POST   /vrijstellingen/:id/besluit               VrijstellingBesluit → VrijstellingDetail (toegekend / afgewezen with a reason; stale versie or decided: 409)
 * GET    /verificatie/:code                        Verificatie: public, no session; unknown or malformed code 404; rate-limited per client address (429)
 *
 * The pupil's own routes (the request, the statement) are in mijn-api.ts.
 */
import { z } from 'zod';
import { ExamenGrondslag } from './examen-api.js';
import { tekst } from './text.js';

export const VRIJSTELLING_STATUSSEN = ['ingediend', 'toegekend', 'afgewezen'] as const;
export const VrijstellingStatus = z.enum(VRIJSTELLING_STATUSSEN);
export type VrijstellingStatus = z.infer<typeof VrijstellingStatus>;
export const VRIJSTELLING_STATUS_LABELS: Record<VrijstellingStatus, string> = { ingediend: 'Wacht op besluit', toegekend: 'Toegekend', afgewezen: 'Afgewezen' };

export const KeuzedeelResultaat = z.enum(['behaald', 'niet-behaald']);
export const RESULTAAT_LABELS: Record<z.infer<typeof KeuzedeelResultaat>, string> = { behaald: 'Behaald', 'niet-behaald': 'Niet behaald' };

export const VrijstellingParams = z.object({ id: z.uuid('onbekend verzoek') });
export const InstellingParams = z.object({ id: z.uuid('onbekende organisatie') });
export const VerificatieParams = z.object({ code: z.string().max(100).describe('De verificatiecode (XXXX-XXXX-XXXX; hoofdletters, spaties en streepjes maken niet uit)') });

/** The verified result behind a request, as the examencommissie sees it (the facts of the statement). */
export const GeverifieerdResultaat = z.object({
  beoordelingId: z.string(),
  leerling: z.string().describe('Volledige naam van de leerling'),
  school: z.string().describe('De vmbo-school'),
  keuzedeel: z.object({ code: z.string(), titel: z.string().nullable() }),
  keuzevak: z.object({ id: z.string(), titel: z.string().nullable() }).nullable(),
  keuzedeelResultaat: KeuzedeelResultaat,
  keuzedeelCijfer: z.number().nullable(),
  keuzevakCijfer: z.number().nullable(),
  afgenomenOp: z.string().nullable(),
  vastgesteldOp: z.string(),
  examencommissie: z.string().describe('De organisatie waarvan de examencommissie het resultaat vaststelde'),
  grondslag: ExamenGrondslag,
  verificatiecode: z.string(),
});
export type GeverifieerdResultaat = z.infer<typeof GeverifieerdResultaat>;

export const VrijstellingVerzoek = z.object({
  id: z.string(),
  status: VrijstellingStatus,
  versie: z.number().int(),
  instelling: z.object({ id: z.string(), naam: z.string() }),
  opleiding: z.string(),
  crebo: z.string().nullable(),
  toelichting: z.string(),
  ingediendOp: z.string(),
  besluitReden: z.string().nullable(),
  beslotenOp: z.string().nullable(),
  beslotenDoor: z.string().nullable().describe('Naam van wie besloot (leeg als het account weg is)'),
});
export type VrijstellingVerzoek = z.infer<typeof VrijstellingVerzoek>;

export const VrijstellingDetail = VrijstellingVerzoek.extend({ resultaat: GeverifieerdResultaat });
export type VrijstellingDetail = z.infer<typeof VrijstellingDetail>;

export const VrijstellingLijst = z.object({
  instelling: z.object({ id: z.string(), naam: z.string() }),
  verzoeken: z.array(VrijstellingDetail),
});
export type VrijstellingLijst = z.infer<typeof VrijstellingLijst>;

export const VrijstellingBesluit = z
  .object({
    besluit: z.enum(['toegekend', 'afgewezen']),
    reden: tekst().trim().max(2000).optional().describe('Verplicht bij afgewezen'),
    versie: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.besluit === 'afgewezen' && !v.reden) ctx.addIssue({ code: 'custom', path: ['reden'], message: 'geef een reden als u het verzoek afwijst' });
  });
export type VrijstellingBesluit = z.infer<typeof VrijstellingBesluit>;

/** What the public check page shows: only what makes the statement checkable. */
export const Verificatie = z.object({
  verificatiecode: z.string(),
  keuzedeel: z.object({ code: z.string(), titel: z.string().nullable() }),
  resultaat: KeuzedeelResultaat,
  datum: z.string().describe('Datum van vaststelling (JJJJ-MM-DD)'),
  examencommissie: z.string().describe('De organisatie waarvan de examencommissie het resultaat vaststelde'),
  initialen: z.string().describe('Initialen van de leerling'),
});
export type Verificatie = z.infer<typeof Verificatie>;
