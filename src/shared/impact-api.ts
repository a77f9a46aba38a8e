/**
 * API contract of issue 16, "Wijzigingen in de landelijke data": what an import changed that a samenwerking uses,
 * and the repair (move to the successor, keep with a reason, remove). Shared by server and client.
 *
 * Routes (all under /api):
 * GET    /partnerships/:id/wijzigingen            WijzigingenLijst (read: staff of a partner; outsiders 404)
 * POST   /partnerships/:id/wijzigingen/acties     WijzigingActie → WijzigingActieResultaat (write: beheerder,
 *                                                 ontwikkelaar; `voorbeeld: true` shows what would change, writes nothing)
 * GET    /mijn/wijzigingen                        OpenWijzigingen (signed in: open rows per samenwerking, the menu badge)
 * GET    /catalogus/volgen?item=…                 VolgStatus (signed in)
 * PUT    /catalogus/volgen                        Volgen → VolgStatus (signed in: watch a keuzevak, kwalificatie, keuzedeel)
 * GET    /account/impact-mail                     ImpactMail (signed in)
 * PUT    /account/impact-mail                     ImpactMail → ImpactMail (signed in: turn the mails off or on)
 */
import { z } from 'zod';
import { tekst } from './text.js';

export const ImpactParams = z.object({ id: z.uuid('onbekende samenwerking') });

export const WIJZIGING_SOORTEN = ['tekst', 'vervallen', 'vervangen', 'nieuw'] as const;
export const WIJZIGING_LABEL: Record<(typeof WIJZIGING_SOORTEN)[number], string> = {
  tekst: 'Tekst gewijzigd',
  vervallen: 'Vervallen',
  vervangen: 'Vervallen, met opvolger',
  nieuw: 'Nieuw',
};
export const GEBRUIK_LABEL: Record<string, string> = {
  koppeling: 'Crosswalk-koppeling',
  markering: 'Crosswalk-markering',
  route: 'Instellingen van een leerroute',
  planning: 'Planning',
  toets: 'Toets',
  activiteit: 'Activiteit',
  examen: 'Examen',
  examenplan: 'Examenplan',
  menukaart: 'Menukaartmodule',
  overeenkomst: 'Overeenkomst',
};
export const STATUS_LABEL: Record<string, string> = { open: 'Open', verplaatst: 'Verplaatst', behouden: 'Gecontroleerd, blijft staan', verwijderd: 'Verwijderd' };

const Stuk = z.object({ soort: z.enum(['gelijk', 'weg', 'erbij']), tekst: z.string() });

export const Wijziging = z.object({
  id: z.string(),
  itemId: z.string(),
  soort: z.enum(['eindterm', 'werkproces', 'keuzedeel', 'keuzevak', 'kwalificatie']),
  wijziging: z.enum(WIJZIGING_SOORTEN),
  code: z.string().nullable(),
  oudeTekst: z.string().nullable(),
  nieuweTekst: z.string().nullable(),
  /** Word-level difference of old and new text (text changes only). */
  verschil: z.array(Stuk),
  opvolger: z.object({ id: z.string(), tekst: z.string().nullable(), herkomst: z.enum(['bron', 'suggestie']) }).nullable(),
  release: z.string(),
  bron: z.string(),
  gebruik: z.string(),
  omschrijving: z.string(),
  leerrouteId: z.string().nullable(),
  /** Planning: the planningsregels of the samenwerking's routes that name the item now (read when the page asks). */
  plekken: z.array(z.object({ leerrouteId: z.string(), omschrijving: z.string() })),
  status: z.enum(['open', 'verplaatst', 'behouden', 'verwijderd']),
  reden: z.string().nullable(),
  afgehandeldDoor: z.string().nullable().describe('Naam; "(verwijderd account)" when the account is gone'),
  afgehandeldAt: z.string().nullable(),
  /** Whether this usage can be changed here (exams, plans, menukaart and agreements are changed on their own page). */
  verplaatsbaar: z.boolean(),
});
export type Wijziging = z.infer<typeof Wijziging>;

export const WijzigingenLijst = z.object({
  open: z.number().int(),
  magWijzigen: z.boolean(),
  wijzigingen: z.array(Wijziging),
});
export type WijzigingenLijst = z.infer<typeof WijzigingenLijst>;

export const WijzigingActie = z.object({
  ids: z.array(z.uuid('onbekende wijziging')).min(1, 'kies minstens één wijziging').max(500, 'hooguit 500 wijzigingen tegelijk'),
  actie: z.enum(['verplaatsen', 'behouden', 'verwijderen']),
  reden: tekst().trim().max(1000, 'hooguit 1000 tekens').optional().describe('Verplicht bij behouden'),
  voorbeeld: z.boolean().default(false).describe('true: laat zien wat er verandert, schrijf niets'),
});
export type WijzigingActie = z.input<typeof WijzigingActie>;

export const WijzigingActieResultaat = z.object({
  voorbeeld: z.boolean(),
  regels: z.array(z.string()).describe('Per wijziging in woorden wat er (zou) veranderen'),
  verwerkt: z.number().int(),
});
export type WijzigingActieResultaat = z.infer<typeof WijzigingActieResultaat>;

export const OpenWijzigingen = z.object({
  totaal: z.number().int(),
  samenwerkingen: z.array(z.object({ id: z.string(), naam: z.string(), open: z.number().int() })),
});
export type OpenWijzigingen = z.infer<typeof OpenWijzigingen>;

export const VOLG_ITEM = /^(keuzevak|kwalificatie|keuzedeel):[A-Za-z0-9/.-]{1,40}$/;
export const VolgQuery = z.object({ item: tekst().regex(VOLG_ITEM, 'onbekend onderdeel') });
export const Volgen = z.object({ item: tekst().regex(VOLG_ITEM, 'onbekend onderdeel'), volgen: z.boolean() });
export const VolgStatus = z.object({ item: z.string(), volgen: z.boolean() });
export type VolgStatus = z.infer<typeof VolgStatus>;

export const ImpactMail = z.object({ aan: z.boolean().describe('E-mail bij wijzigingen in de landelijke data') });
export type ImpactMail = z.infer<typeof ImpactMail>;
