/**
 * API contract of the pupil's programme (issue 15), shared by server and client: a pupil chooses published modules
 * of their region's menukaart for a period of a schooljaar (within the school's settings: modules per period,
 * prerequisites, capacity, deadline); the decaan (or mentor) of the school approves or sends a choice back with a
 * reason; an approved choice places the pupil in a cohort of the module's leerroute. An mbo instelling enters its
 * extra admission requirements per kwalificatie; the pupil's page shows them with the admission dates.
 */
import { z } from 'zod';
import { tekst } from './text.js';
import { Periode } from './menukaart-api.js';

const Id = (wat: string) => z.uuid(`onbekende ${wat}`);
const Tekst = (max: number) => tekst().trim().max(max, `hooguit ${max} tekens`);
export const Schooljaar = tekst().regex(/^\d{4}-\d{4}$/, 'schrijf het schooljaar als 2026-2027');
const Datum = tekst().regex(/^\d{4}-\d{2}-\d{2}$/, 'schrijf de datum als 2027-01-15');

export const KEUZE_STATUSSEN = ['aangevraagd', 'goedgekeurd', 'teruggestuurd', 'ingetrokken'] as const;
export const KeuzeStatus = z.enum(KEUZE_STATUSSEN);
export type KeuzeStatus = z.infer<typeof KeuzeStatus>;
export const KEUZE_STATUS_NAMEN: Record<KeuzeStatus, string> = {
  aangevraagd: 'Wacht op goedkeuring',
  goedgekeurd: 'Goedgekeurd',
  teruggestuurd: 'Teruggestuurd',
  ingetrokken: 'Ingetrokken',
};

// --- requests ---
export const KeuzeParams = z.object({ keuzeId: Id('keuze') });
export const SchoolParams = z.object({ organisatieId: Id('organisatie') });
export const SchoolKeuzeParams = z.object({ organisatieId: Id('organisatie'), keuzeId: Id('keuze') });
export const ToelatingseisParams = z.object({ organisatieId: Id('organisatie'), crebo: tekst().regex(/^\d{5}$/, 'een crebo heeft vijf cijfers') });

export const KeuzeMaken = z.object({ moduleId: Id('module'), schooljaar: Schooljaar.optional() });
export type KeuzeMaken = z.infer<typeof KeuzeMaken>;

export const KeuzeBesluit = z
  .object({
    besluit: z.enum(['goedkeuren', 'terugsturen'], { error: 'kies goedkeuren of terugsturen' }),
    reden: Tekst(2000).optional(),
    versie: z.number({ error: 'geef de versie mee' }).int().min(1),
  })
  .refine((b) => b.besluit === 'goedkeuren' || (b.reden ?? '').length > 0, { path: ['reden'], message: 'schrijf waarom je de keuze terugstuurt' });
export type KeuzeBesluit = z.infer<typeof KeuzeBesluit>;

export const KeuzeInstellingenWijzigen = z.object({
  modulesPerPeriode: z.number({ error: 'geef een aantal' }).int().min(1, 'minstens 1').max(10, 'hooguit 10'),
  deadlines: z.record(tekst().regex(/^\d{4}-\d{4}\/(P1|P2|P3|P4|jaar)$/, 'schrijf de periode als 2026-2027/P3'), Datum),
  versie: z.number().int().min(0),
});
export type KeuzeInstellingenWijzigen = z.infer<typeof KeuzeInstellingenWijzigen>;

export const ToelatingseisWijzigen = z.object({ tekst: Tekst(2000).min(1, 'schrijf de aanvullende eis'), versie: z.number().int().min(0) });
export type ToelatingseisWijzigen = z.infer<typeof ToelatingseisWijzigen>;

// --- responses ---
export const KeuzeModuleKort = z.object({
  id: z.string(),
  titel: z.string(),
  slug: z.string(),
  regioSlug: z.string(),
  soort: z.string(),
  aanbiederNaam: z.string(),
  periode: Periode,
  kwalificaties: z.array(z.string()),
});
export const Keuze = z.object({
  id: z.string(),
  leerling: z.object({ id: z.string(), naam: z.string() }),
  module: KeuzeModuleKort,
  schooljaar: z.string(),
  periode: Periode,
  status: KeuzeStatus,
  reden: z.string().nullable(),
  cohort: z.object({ id: z.string(), naam: z.string() }).nullable(),
  beoordeeldDoor: z.string().nullable(),
  deadline: z.string(),
  versie: z.number(),
  createdAt: z.string(),
});
export type Keuze = z.infer<typeof Keuze>;

export const KeuzeInstellingen = z.object({
  schoolId: z.string(),
  modulesPerPeriode: z.number(),
  deadlines: z.record(z.string(), z.string()),
  versie: z.number(),
});
export type KeuzeInstellingen = z.infer<typeof KeuzeInstellingen>;

export const Toelatingseis = z.object({ instellingId: z.string(), instellingNaam: z.string(), crebo: z.string(), kwalificatieNaam: z.string().nullable(), tekst: z.string(), versie: z.number() });
export type Toelatingseis = z.infer<typeof Toelatingseis>;

export const MijnProgramma = z.object({
  school: z.object({ id: z.string(), naam: z.string() }),
  regio: z.object({ slug: z.string(), titel: z.string() }).nullable(),
  schooljaar: z.string(),
  instellingen: KeuzeInstellingen,
  keuzes: z.array(Keuze),
  /** Deadlines that concern the pupil: per period they can still choose for, and the mbo admission dates. */
  deadlines: z.array(z.object({ datum: z.string(), wat: z.string() })),
  /** Extra admission requirements of the kwalificaties of their chosen modules (and their oplegger), per instelling. */
  toelatingseisen: z.array(Toelatingseis),
  kwalificatiesZonderEisen: z.array(z.object({ crebo: z.string(), naam: z.string().nullable() })),
});
export type MijnProgramma = z.infer<typeof MijnProgramma>;

export const SchoolKeuzes = z.object({ school: z.object({ id: z.string(), naam: z.string() }), keuzes: z.array(Keuze), instellingen: KeuzeInstellingen });
export type SchoolKeuzes = z.infer<typeof SchoolKeuzes>;

export const Toelatingseisen = z.object({ instelling: z.object({ id: z.string(), naam: z.string() }), eisen: z.array(Toelatingseis) });
export type Toelatingseisen = z.infer<typeof Toelatingseisen>;
