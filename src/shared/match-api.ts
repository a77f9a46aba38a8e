/**
 * The contract of the zoekmonitor (issue 5), shared by the API (/api/match), the CLI (`doorlopend match --json`)
 * and the client. Every result is a suggestion of the engine (`status: "suggestie"`) until a person confirms it.
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { Highlight } from './catalog-api.js';
import { PaarBewijs } from './inventory-api.js';

export const MATCH_SOORTEN = ['kwalificatie', 'keuzedeel', 'keuzevak', 'profielmodule'] as const;
export const MatchSoort = z.enum(MATCH_SOORTEN);
export type MatchSoort = z.infer<typeof MatchSoort>;

export const Confidence = z.enum(['sterk', 'mogelijk', 'zwak']).describe('Betrouwbaarheid van de suggestie');
export type Confidence = z.infer<typeof Confidence>;

const VmboCode = tekst()
  .trim()
  .min(3)
  .max(20)
  .regex(/^[A-Za-z]{1,2}[/-][A-Za-z&]{1,4}[/-][0-9A-Za-z.]{1,6}$/, 'ongeldige code, bijvoorbeeld K/PIE/16');
const Crebo = tekst().trim().regex(/^\d{5}$/, 'een crebo is vijf cijfers');
const KeuzedeelCode = tekst().trim().regex(/^[Kk]\d{3,5}$/, 'een keuzedeelcode is K met cijfers, bijvoorbeeld K0072');

const KeuzevakkenList = tekst()
  .trim()
  .max(400)
  .transform((s) => [...new Set(s.split(',').map((c) => c.trim()).filter(Boolean))])
  .pipe(z.array(VmboCode).min(1, 'noem ten minste één keuzevak').max(20, 'ten hoogste 20 keuzevakken'))
  .optional()
  .describe('Keuzevakken, met komma’s gescheiden: K/PIE/16,K/PIE/08');

/** The query: exactly one of keuzevak, profielmodule, keuzevakken, tekst, kwalificatie, keuzedeel. */
export const MatchQuery = z
  .object({
    keuzevak: VmboCode.optional().describe('Code van een keuzevak, bijvoorbeeld K/PIE/16'),
    profielmodule: VmboCode.optional().describe('Code van een profielmodule, bijvoorbeeld P/PIE/02'),
    keuzevakken: KeuzevakkenList,
    tekst: tekst().trim().min(3, 'een tekst van ten minste 3 tekens').max(2000).optional().describe('Vrije tekst'),
    kwalificatie: Crebo.optional().describe('Omgekeerd: crebo van een kwalificatie; geeft keuzevakken en profielmodulen'),
    keuzedeel: KeuzedeelCode.optional().describe('Omgekeerd: code van een keuzedeel; geeft keuzevakken en profielmodulen'),
    soort: MatchSoort.optional().describe('Alleen resultaten van deze soort'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Ten hoogste zoveel dossiers en zoveel keuzedelen (of keuzevakken en profielmodulen)'),
  })
  .superRefine((q, ctx) => {
    const given = (['keuzevak', 'profielmodule', 'keuzevakken', 'tekst', 'kwalificatie', 'keuzedeel'] as const).filter((k) => q[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Geef precies één van keuzevak, profielmodule, keuzevakken, tekst, kwalificatie of keuzedeel.',
      });
      return;
    }
    const reverse = given[0] === 'kwalificatie' || given[0] === 'keuzedeel';
    if (q.soort && reverse !== (q.soort === 'keuzevak' || q.soort === 'profielmodule')) {
      ctx.addIssue({
        code: 'custom',
        path: ['soort'],
        message: reverse
          ? 'Bij kwalificatie of keuzedeel zijn de resultaten keuzevakken en profielmodulen: kies soort keuzevak of profielmodule.'
          : 'Bij een vmbo-vraag of tekst zijn de resultaten kwalificaties en keuzedelen: kies soort kwalificatie of keuzedeel.',
      });
    }
  });
export type MatchQueryInput = z.input<typeof MatchQuery>;
export type MatchQuery = z.infer<typeof MatchQuery>;

export const MatchItemRef = z.object({
  code: z.string().nullable(),
  title: z.string(),
  /** The title with the shared words marked. */
  highlight: Highlight,
});

export const AlignedPair = z.object({
  eindterm: MatchItemRef.describe('Eindterm van het vmbo (bij vrije tekst: de tekst zelf, zonder code)'),
  werkproces: MatchItemRef.extend({ code: z.string(), kerntaak: z.object({ code: z.string(), title: z.string().nullable() }) }),
  score: z.number().describe('Overeenkomst van de twee teksten, 0 tot 1'),
  confidence: Confidence,
  sharedTerms: z.array(z.string()),
  elders: PaarBewijs.optional().describe(
    'Oordeel van samenwerkingen (elk met een geaccepteerde vmbo-school en mbo-instelling) over dit paar in hun overlapinventaris: alleen aantallen, nooit welke (issue 17); ontbreekt zonder oordeel',
  ),
});
export type AlignedPair = z.infer<typeof AlignedPair>;

export const MatchExplanation = z.object({
  sharedTerms: z.array(z.string()).describe('Woorden die de vraag en het resultaat delen, meest zeggend eerst'),
  pairs: z.array(AlignedPair).describe('Best passende paren eindterm ↔ werkproces'),
});
export type MatchExplanation = z.infer<typeof MatchExplanation>;

const ResultBase = z.object({
  status: z.literal('suggestie').describe('Een suggestie van de zoekmonitor, niet door een persoon bevestigd'),
  title: z.string(),
  score: z
    .number()
    .describe('0 tot 1, hoger past beter: een dossier (met zijn best passende kwalificatie) ten opzichte van het best passende dossier (1), een keuzedeel en de omgekeerde richting absoluut (README, "Zoekmonitor / matching")'),
  confidence: Confidence,
  explanation: MatchExplanation,
  uitleg: z.string().describe('Score en betrouwbaarheid in woorden, uit hetzelfde bewijs als de betrouwbaarheid'),
  url: z.string().describe('Pad naar de detailpagina in de app'),
  bewijs: z
    .object({
      bevestigd: z.number().int().describe('Aantal samenwerkingen (met een vmbo-school en een mbo-instelling) dat een koppeling eindterm ↔ werkproces hierheen bevestigde'),
      afgewezen: z.number().int().describe('Aantal samenwerkingen dat zo een koppeling afwees'),
      voor: z.number().int().describe('Aantal docenten dat dit resultaat in de zoekmonitor nuttig vond (duim omhoog)'),
      tegen: z.number().int().describe('Aantal docenten dat dit resultaat niet passend vond (duim omlaag)'),
    })
    .optional()
    .describe('Wat docenten over dit resultaat zeiden: alleen aantallen, nooit wie (issue 17)'),
});

export const DossierKwalificatie = z.object({
  crebo: z.string().describe('Het nieuwste crebo van deze kwalificatie'),
  title: z.string(),
  niveau: z.number().int(),
  versies: z.array(z.string()).describe('Andere crebo’s van dezelfde kwalificatie, nieuwste eerst'),
  url: z.string(),
});
export type DossierKwalificatie = z.infer<typeof DossierKwalificatie>;

export const MatchResult = z.discriminatedUnion('type', [
  ResultBase.extend({
    type: z.literal('kwalificatie'),
    crebo: z.string(),
    dossierCrebo: z.string(),
    dossierTitle: z.string(),
    opleidingsdomein: z.string().nullable(),
    niveau: z.number().int(),
    versies: z.array(z.string()).describe('Andere crebo’s van dezelfde kwalificatie (opvolgers en voorgangers), nieuwste eerst'),
    kwalificaties: z.array(DossierKwalificatie).describe('De andere kwalificaties van dit dossier, best passend eerst'),
  }),
  ResultBase.extend({
    type: z.literal('keuzedeel'),
    code: z.string(),
    sbu: z.number().nullable(),
    niveau: z.number().int().nullable(),
  }),
  ResultBase.extend({
    type: z.enum(['keuzevak', 'profielmodule']),
    code: z.string(),
    profielCode: z.string().nullable(),
  }),
]);
export type MatchResult = z.infer<typeof MatchResult>;

export const MatchQueryEcho = z.object({
  kind: z.enum(['keuzevak', 'profielmodule', 'keuzevakken', 'tekst', 'kwalificatie', 'keuzedeel']),
  codes: z.array(z.string()).describe('De gevraagde codes (leeg bij tekst)'),
  title: z.string().describe('Titel(s) van het gevraagde, of de tekst'),
  soort: MatchSoort.nullable(),
  limit: z.number().int(),
});
export type MatchQueryEcho = z.infer<typeof MatchQueryEcho>;

export const MatchResponse = z.object({
  query: MatchQueryEcho,
  status: z.literal('suggestie'),
  note: z.string(),
  results: z
    .array(MatchResult)
    .describe('Eerst de dossiers (één resultaat per dossier, met zijn kwalificaties), dan de keuzedelen; elk beste eerst en elk ten hoogste limit'),
});
export type MatchResponse = z.infer<typeof MatchResponse>;

/** Eindterm ↔ werkproces alignment for a vmbo query against one kwalificatie, or the best dossiers. */
export const AlignmentQuery = z
  .object({
    keuzevak: VmboCode.optional(),
    profielmodule: VmboCode.optional(),
    keuzevakken: KeuzevakkenList,
    kwalificatie: Crebo.optional().describe('Zonder kwalificatie: de kwalificaties van de best passende dossiers'),
    perEindterm: z.coerce.number().int().min(1).max(10).default(3),
  })
  .superRefine((q, ctx) => {
    const given = (['keuzevak', 'profielmodule', 'keuzevakken'] as const).filter((k) => q[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'Geef precies één van keuzevak, profielmodule of keuzevakken.' });
  });
export type AlignmentQuery = z.infer<typeof AlignmentQuery>;

export const AlignmentResponse = z.object({
  query: MatchQueryEcho.pick({ kind: true, codes: true, title: true }),
  status: z.literal('suggestie'),
  kwalificaties: z.array(z.object({ crebo: z.string(), title: z.string(), niveau: z.number().int(), dossierCrebo: z.string() })),
  eindtermen: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      links: z.array(
        z.object({
          kwalificatieCrebo: z.string(),
          werkproces: z.object({ code: z.string(), title: z.string(), kerntaak: z.object({ code: z.string(), title: z.string().nullable() }) }),
          score: z.number(),
          confidence: Confidence,
          sharedTerms: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type AlignmentResponse = z.infer<typeof AlignmentResponse>;

/** A thumbs up (1) or down (-1) of a staff member on one result of a single keuzevak or profielmodule (issue 17). */
export const MatchStemBody = z.object({
  vraag: z.object({ soort: z.enum(['keuzevak', 'profielmodule']), code: VmboCode }),
  resultaat: z.object({
    soort: z.enum(['kwalificatie', 'keuzedeel']),
    code: z.string().trim().min(1).max(20).describe('Het dossiercrebo (bij een kwalificatie) of de keuzedeelcode'),
  }),
  waarde: z.union([z.literal(1), z.literal(-1)]).optional().describe('1 = duim omhoog, -1 = duim omlaag (bij PUT verplicht)'),
});
export type MatchStemBody = z.infer<typeof MatchStemBody>;

export const MijnStemmenQuery = z.object({ soort: z.enum(['keuzevak', 'profielmodule']), code: VmboCode });
export const MijnStemmen = z.object({
  stemmen: z.array(z.object({ resultaatSoort: z.enum(['kwalificatie', 'keuzedeel']), resultaatCode: z.string(), waarde: z.union([z.literal(1), z.literal(-1)]) })),
});
export type MijnStemmen = z.infer<typeof MijnStemmen>;
