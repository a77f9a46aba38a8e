/**
 * The contract of a region's member schools (issue 15), shared by the routes and the client. A school (vmbo-school or
 * mbo-instelling) belongs to at most one region (organisation.regio_id); the region's beheerder adds and removes
 * member schools, a school's beheerder may take the school out (rules: src/domain/regio/leden.ts, docs/menukaart.md).
 *
 * GET    /regios/:regioId/leden                   → RegioLeden (staff of the region)
 * GET    /regios/:regioId/kandidaten?q=…          → RegioKandidaat[] (the region's beheerder: schools to add)
 * POST   /regios/:regioId/leden                   → 201 RegioLid (the region's beheerder; school in another region: 409)
 * DELETE /regios/:regioId/leden/:schoolId         → RegioVertrek (the region's beheerder; still bound: 409)
 * GET    /organisaties/:id/regio                  → SchoolRegio (every member of the school)
 * POST   /organisaties/:id/regio/verlaten         → RegioVertrek (the school's beheerder; still bound: 409)
 */
import { z } from 'zod';
import { OrganisatieSoort } from './auth-api.js';
import { tekst } from './text.js';

export const RegioParams = z.object({ regioId: z.uuid('onbekende regio') });
export const RegioLidParams = z.object({ regioId: z.uuid('onbekende regio'), schoolId: z.uuid('onbekende school') });
export const SchoolParams = z.object({ id: z.uuid('onbekende organisatie') });

export const RegioLid = z.object({
  id: z.string(),
  naam: z.string(),
  soort: OrganisatieSoort,
  brin: z.string().nullable(),
  gepubliceerdeModules: z.number().int().describe('Gepubliceerde modules van deze school op de menukaart van de regio'),
  openVoorstellen: z.number().int().describe('Voorstellen die wachten op de regio of zijn teruggestuurd (worden ingetrokken als de school vertrekt)'),
  /** Empty: the school can be removed now. Otherwise what to do first, in Dutch sentences. */
  belemmeringen: z.array(z.string()).describe('Waarom de school nu niet uit de regio kan, met wat eerst moet; leeg: ze kan weg'),
});
export type RegioLid = z.infer<typeof RegioLid>;

export const RegioLeden = z.object({
  regio: z.object({ id: z.string(), naam: z.string() }),
  /** The caller may add and remove schools (the region's beheerder). */
  magBeheren: z.boolean(),
  leden: z.array(RegioLid),
});
export type RegioLeden = z.infer<typeof RegioLeden>;

export const KandidatenQuery = z.object({ q: tekst().trim().max(100, 'hooguit 100 tekens').optional().describe('Deel van de naam of het BRIN-nummer') });

export const RegioKandidaat = z.object({
  id: z.string(),
  naam: z.string(),
  soort: OrganisatieSoort,
  brin: z.string().nullable(),
  /** The region it belongs to already (then it cannot be added), or null. */
  regio: z.object({ id: z.string(), naam: z.string() }).nullable(),
});
export type RegioKandidaat = z.infer<typeof RegioKandidaat>;

export const LidToevoegen = z.object({ organisatieId: z.uuid('kies een school of instelling uit de zoekresultaten') });
export type LidToevoegen = z.infer<typeof LidToevoegen>;

export const RegioVertrek = z.object({
  bericht: z.string(),
  voorstellenIngetrokken: z.number().int(),
});
export type RegioVertrek = z.infer<typeof RegioVertrek>;

export const SchoolRegio = z.object({
  /** The region the school belongs to, or null. */
  regio: z.object({ id: z.string(), naam: z.string(), menukaartSlug: z.string().nullable() }).nullable(),
  /** The caller may take the school out of the region (the school's beheerder). */
  magVerlaten: z.boolean(),
  belemmeringen: z.array(z.string()),
});
export type SchoolRegio = z.infer<typeof SchoolRegio>;
