/**
 * CASE 1.1 (issue 18): the address parameters of the CASE REST binding served under /ims/case/v1p1, and the "Als
 * CASE" address of a catalogue page. Shared by the server's routes and the client's links.
 */
import { z } from 'zod';

export const CASE_BASE_PATH = '/ims/case/v1p1';

/** An identifier in a CASE address: anything up to 64 characters without slashes (unknown ones answer 404). */
export const CaseIdParam = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'ongeldige identifier') });

export const CASE_SOORTEN = ['profiel', 'dossier', 'keuzevak', 'profielmodule', 'kwalificatie', 'keuzedeel'] as const;
export type CaseSoort = (typeof CASE_SOORTEN)[number];
export const CaseAlsQuery = z.object({
  soort: z.enum(CASE_SOORTEN),
  code: z.string().min(1).max(40).regex(/^[A-Za-z0-9/&.-]+$/, 'ongeldige code'),
});

/** The link of a catalogue page to its CASE framework (answered with a redirect to the CFPackage or CFItem). */
export const caseAlsHref = (soort: CaseSoort, code: string) => `${CASE_BASE_PATH}/als?soort=${soort}&code=${encodeURIComponent(code)}`;

const Relatie = z.enum(['gelijk', 'deels', 'breder', 'smaller', 'verwant']);

/** An imported link with the labels of its items (code and title as the catalogue has them now). */
export const ImportKoppeling = z.object({
  eindtermId: z.string(),
  werkprocesId: z.string(),
  eindterm: z.string().describe('Code en titel van de eindterm'),
  werkproces: z.string().describe('Code en titel van het werkproces of keuzedeel'),
  relatie: Relatie.nullable(),
  toelichting: z.string().nullable(),
  bron: z.string().describe('De identifier van de CASE-associatie of het rijnummer'),
});
export type ImportKoppeling = z.infer<typeof ImportKoppeling>;

export const ImportVoorbeeld = z.object({
  toegepast: z.boolean().describe('false: alleen een voorbeeld (dryRun), er is niets opgeslagen'),
  nieuw: z.array(ImportKoppeling),
  gewijzigd: z.array(ImportKoppeling.extend({ was: z.object({ status: z.enum(['bevestigd', 'afgewezen', 'voorstel']), relatie: Relatie.nullable(), toelichting: z.string().nullable() }) })),
  ongewijzigd: z.number().int(),
  verwijderd: z.array(ImportKoppeling).describe('Alleen bij een XLSX van de eigen crosswalk: bevestigde koppelingen die uit het bestand zijn verwijderd (worden afgewezen)'),
  onbekend: z.array(z.object({ bron: z.string(), reden: z.string() })),
  structuur: z.number().int().describe('Overgeslagen structuurassociaties (isChildOf en dergelijke)'),
});
export type ImportVoorbeeld = z.infer<typeof ImportVoorbeeld>;

export const ImportQuery = z.object({ dryRun: z.enum(['ja', 'nee']).default('nee'), bestand: z.string().max(200).optional() });

export const Voorstel = z.object({
  eindtermId: z.string(),
  werkprocesId: z.string(),
  eindterm: z.string(),
  werkproces: z.string(),
  relatie: Relatie.nullable(),
  toelichting: z.string().nullable(),
  bron: z.enum(['case', 'xlsx']),
  bronNaam: z.string().nullable(),
  door: z.string().nullable(),
  op: z.string(),
});
export type Voorstel = z.infer<typeof Voorstel>;

export const VoorstelBeoordelen = z.object({
  eindtermId: z.string().min(1).max(80),
  werkprocesId: z.string().min(1).max(80),
  actie: z.enum(['bevestigen', 'afwijzen']),
  relatie: Relatie.optional().describe('Bij bevestigen: het type (zonder: het voorgestelde type)'),
});
