/**
 * The audit log as Dutch sentences with names ("Daan Docent bevestigde de koppeling … in samenwerking Demo").
 *
 * The log itself stores ids only, so it stays append-only after an account is deleted; names are looked up when the
 * log is read and handed in here. Pure: no I/O. One entry per action the code writes (`AUDIT_ZINNEN`); an action
 * without an entry still gets a readable sentence, but test/unit/audit-sentences.test.ts fails for it.
 */
import { LEERROUTE_TYPE_NAMEN, type LeerrouteType } from '../../shared/leerroute-api.js';

/** One entry of the log as stored: ids and details, no names. */
export interface AuditFeit {
  action: string;
  actorUserId: string | null;
  organisationId: string | null;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/** Names found when reading; an id that is missing is a deleted account, samenwerking or leerroute. */
export interface AuditNamen {
  personen: ReadonlyMap<string, string>;
  organisaties: ReadonlyMap<string, string>;
  samenwerkingen: ReadonlyMap<string, string>;
  leerroutes: ReadonlyMap<string, string>;
}

export const VERWIJDERD_ACCOUNT = 'een verwijderd account';

/** The ids whose names a sentence may need, per kind (for one query per kind). */
export interface BenodigdeNamen {
  personen: Set<string>;
  organisaties: Set<string>;
  samenwerkingen: Set<string>;
  leerroutes: Set<string>;
}

export function benodigdeNamen(feiten: Iterable<AuditFeit>): BenodigdeNamen {
  const nodig: BenodigdeNamen = { personen: new Set(), organisaties: new Set(), samenwerkingen: new Set(), leerroutes: new Set() };
  for (const f of feiten) {
    if (f.actorUserId) nodig.personen.add(f.actorUserId);
    if (f.organisationId) nodig.organisaties.add(f.organisationId);
    if (f.subjectId) {
      if (f.subjectType === 'user') nodig.personen.add(f.subjectId);
      if (f.subjectType === 'partnership') nodig.samenwerkingen.add(f.subjectId);
      if (f.subjectType === 'leerroute') nodig.leerroutes.add(f.subjectId);
    }
    for (const key of ['uitgenodigdDoor', 'vorigeBeheerder'] as const) {
      const id = f.details[key];
      if (typeof id === 'string') nodig.personen.add(id);
    }
    if (typeof f.details.samenwerking === 'string') nodig.samenwerkingen.add(f.details.samenwerking);
  }
  return nodig;
}

/** What a sentence builder gets: the facts and ready-made name phrases. */
interface Ctx {
  f: AuditFeit;
  d: Record<string, unknown>;
  /** The actor's name; "een verwijderd account" when gone; null when no person acted (command line, system). */
  wie: string | null;
  /** The subject person's name (subjectType user). */
  over: string;
  /** A person named by id in the details. */
  persoon: (id: unknown) => string;
  /** "samenwerking ‘Demo’" for the subject or details.samenwerking. */
  samenwerking: string;
  /** "leerroute ‘Route 1’" (subject leerroute), or "een leerroute". */
  leerroute: string;
  organisatie: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
const quoted = (v: unknown): string => `‘${str(v) ?? '?'}’`;
const list = (v: unknown): string => {
  const items = Array.isArray(v) ? v.map((x) => str(x)).filter((x): x is string => x !== null) : [];
  if (items.length === 0) return 'geen';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
};
const rollen = (v: unknown): string => {
  const n = Array.isArray(v) ? v.length : 0;
  return `${n === 1 ? 'rol' : 'rollen'} ${list(v)}`;
};
/** The actor, or a neutral subject when nobody acted. */
const door = (c: Ctx, zonder = 'Doorlopend'): string => c.wie ?? zonder;
const via = (d: Record<string, unknown>): string =>
  d.via === 'cli' ? ' via de opdrachtregel' : d.via === 'uitnodiging' ? ' na een uitnodiging' : d.via === 'platformbeheer' ? ' via het platformbeheer' : '';
const REDEN: Record<string, string> = { 'lid-vertrokken': 'de organisatie verliet', 'account-verwijderd': 'het account verwijderde' };
const reden = (v: unknown): string => REDEN[str(v) ?? ''] ?? 'vertrok';
const werkproces = (v: unknown): string => {
  const id = str(v) ?? '?';
  const m = /^(\d{5}):(.+)$/.exec(id);
  if (m) return `werkproces ${m[2]} (crebo ${m[1]})`;
  if (id.startsWith('keuzedeel:')) return `keuzedeel ${id.slice('keuzedeel:'.length)}`;
  return `werkproces ${id}`;
};
const koppeling = (c: Ctx, werkwoord: string, partikel = ''): string =>
  `${door(c)} ${werkwoord} de koppeling van eindterm ${str(c.d.eindterm) ?? '?'} met ${werkproces(c.d.werkproces)}${c.d.relatie ? ` (relatie: ${str(c.d.relatie)})` : ''} ${partikel} in ${c.samenwerking}`;
const typeNaam = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  return (LEERROUTE_TYPE_NAMEN as Record<string, string>)[s as LeerrouteType] ?? s;
};
const wijziging = (label: string, v: unknown): string | null => {
  if (!v || typeof v !== 'object') return null;
  const { van, naar } = v as { van?: unknown; naar?: unknown };
  return `${label} van ${str(van) ?? '(leeg)'} naar ${str(naar) ?? '(leeg)'}`;
};
const voorstellenIngetrokken = (v: unknown): string =>
  typeof v === 'number' && v > 0 ? `; ${v} open ${v === 1 ? 'voorstel' : 'voorstellen'} voor de menukaart ${v === 1 ? 'is' : 'zijn'} ingetrokken` : '';

/** One sentence per action the code writes (grep appendAudit), without the final full stop. */
export const AUDIT_ZINNEN: Record<string, (c: Ctx) => string> = {
  'account.deleted': (c) =>
    Array.isArray(c.d.rollen) ? `Een lid verwijderde het eigen account (had hier de ${rollen(c.d.rollen)})` : 'Een gebruiker verwijderde het eigen account',
  'auth.login': (c) => `${door(c, c.over)} meldde zich aan${c.d.via === 'uitnodiging' ? ' na het aannemen van een uitnodiging' : ''}`,
  'auth.login_failed': (c) => `Mislukte aanmelding op het account van ${c.over}`,
  'auth.password_reset': (c) => {
    const n = typeof c.d.sessiesBeeindigd === 'number' ? c.d.sessiesBeeindigd : null;
    return `${door(c, c.over)} stelde een nieuw wachtwoord in${n === null ? '' : n === 1 ? '; 1 sessie is beëindigd' : `; ${n} sessies zijn beëindigd`}`;
  },
  'auth.password_reset_requested': (c) => `Er is een nieuw wachtwoord aangevraagd voor het account van ${c.over}`,
  'beoordeling.lijst_bekeken': (c) => `${door(c)} bekeek de lijst van ${str(c.d.aantal) ?? '?'} beoordelingsformulieren van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'beoordeling.bekeken': (c) => `${door(c)} bekeek een beoordelingsformulier (poging ${str(c.d.poging) ?? '?'}) van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'beoordeling.opgeslagen': (c) =>
    `${door(c)} sloeg als ${c.d.kant === 'eerste' ? '1e' : '2e'} beoordelaar een beoordelingsformulier op van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'} (${str(c.d.wijzigingen) ?? '?'} wijzigingen)`,
  'beoordeling.herkansing': (c) => `${door(c)} zette poging ${str(c.d.poging) ?? '?'} (herkansing) klaar voor het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'beoordeling.resultaten_vastgesteld': (c) => `${door(c)} stelde namens de examencommissie ${str(c.d.aantal) ?? '?'} resultaten vast van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'beoordeling.gecorrigeerd': (c) => `${door(c)} corrigeerde een vastgesteld resultaat van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}, met als reden ${quoted(c.d.reden)}`,
  'beoordeling.geexporteerd': (c) =>
    `${door(c)} exporteerde ${str(c.d.aantal) ?? '?'} ${c.d.soort === 'formulier-pdf' ? 'beoordelingsformulier (PDF)' : c.d.soort === 'se-cijfers' ? 'SE-cijfers' : c.d.soort === 'ooapi' ? 'resultaten via OOAPI' : 'keuzedeelresultaten'} van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'catalog.import': (c) =>
    `${door(c)} laadde ${str(c.d.bron) ?? 'een bron'}${c.d.bestand ? ` uit ${quoted(c.d.bestand)}` : ''}${c.d.release ? ` (versie ${str(c.d.release)})` : ''} in de catalogus`,
  'crosswalk.bevestigen': (c) => koppeling(c, 'bevestigde'),
  'crosswalk.afwijzen': (c) => koppeling(c, 'wees', 'af'),
  'zoekmonitor.stem': (c) =>
    `${door(c)} gaf in de zoekmonitor bij ${str(c.d.vraag) ?? '?'} ${c.d.resultaatSoort === 'keuzedeel' ? 'keuzedeel' : 'dossier'} ${str(c.d.resultaat) ?? '?'} een duim ${Number(c.d.waarde) > 0 ? 'omhoog' : 'omlaag'}`,
  'zoekmonitor.stem.ingetrokken': (c) =>
    `${door(c)} trok in de zoekmonitor de duim bij ${str(c.d.vraag) ?? '?'} voor ${c.d.resultaatSoort === 'keuzedeel' ? 'keuzedeel' : 'dossier'} ${str(c.d.resultaat) ?? '?'} in`,
  'crosswalk.toevoegen': (c) => koppeling(c, 'voegde', 'toe'),
  'inventaris.selectie.opgeslagen': (c) => `${door(c)} sloeg een selectie van de overlapinventaris op in ${c.samenwerking}`,
  'inventaris.selectie.hernoemd': (c) => `${door(c)} gaf een opgeslagen selectie van de overlapinventaris een andere naam in ${c.samenwerking}`,
  'inventaris.selectie.gewijzigd': (c) => `${door(c)} wijzigde een opgeslagen selectie van de overlapinventaris in ${c.samenwerking}`,
  'inventaris.selectie.verwijderd': (c) => `${door(c)} verwijderde een opgeslagen selectie van de overlapinventaris in ${c.samenwerking}`,
  'regels.docentinzet.toegevoegd': (c) =>
    `${door(c)} legde docentinzet vast voor schooljaar ${str(c.d.schooljaar) ?? '?'}${c.d.bevoegdheid ? ` (${str(c.d.bevoegdheid)}, ${str(c.d.uren) ?? '?'} uur)` : ''} in ${c.samenwerking}`,
  'regels.docentinzet.gewijzigd': (c) =>
    `${door(c)} wijzigde docentinzet voor schooljaar ${str(c.d.schooljaar) ?? '?'}${c.d.bevoegdheid ? ` (nu ${str(c.d.bevoegdheid)}, ${str(c.d.uren) ?? '?'} uur)` : ''} in ${c.samenwerking}`,
  'regels.docentinzet.verwijderd': (c) => `${door(c)} verwijderde docentinzet voor schooljaar ${str(c.d.schooljaar) ?? '?'} in ${c.samenwerking}`,
  'regels.markering.gezet': (c) => `${door(c)} markeerde regel ${str(c.d.regel) ?? '?'} als niet van toepassing op ${c.leerroute}, met als reden ${quoted(c.d.reden)}`,
  'regels.markering.verwijderd': (c) => `${door(c)} haalde bij ${c.leerroute} de markering ‘niet van toepassing’ van regel ${str(c.d.regel) ?? '?'} weg`,
  'vrijstelling.aangevraagd': (c) =>
    `${door(c)} vroeg bij ${c.organisatie || 'een mbo-instelling'} een vrijstelling aan voor keuzedeel ${str(c.d.keuzedeel) ?? '?'} in de opleiding ${quoted(c.d.opleiding)}${c.d.crebo ? ` (crebo ${str(c.d.crebo)})` : ''}`,
  'vrijstelling.verzoeken_bekeken': (c) => `${door(c)} bekeek de ${str(c.d.aantal) ?? ''} vrijstellingsverzoeken aan ${c.organisatie || 'de instelling'}`,
  'vrijstelling.verzoek_bekeken': (c) => `${door(c)} bekeek een vrijstellingsverzoek voor keuzedeel ${str(c.d.keuzedeel) ?? '?'}${c.organisatie ? ` aan ${c.organisatie}` : ''}`,
  'vrijstelling.besloten': (c) =>
    `${door(c)} ${c.d.besluit === 'afgewezen' ? 'wees' : 'kende'} namens de examencommissie${c.organisatie ? ` van ${c.organisatie}` : ''} een vrijstelling voor keuzedeel ${str(c.d.keuzedeel) ?? '?'} in de opleiding ${quoted(c.d.opleiding)} ${c.d.besluit === 'afgewezen' ? 'af' : 'toe'}${c.d.reden ? `, met als reden ${quoted(c.d.reden)}` : ''}`,
  'crosswalk.herstellen': (c) => `${koppeling(c, 'herstelde')} (de afwijzing is ongedaan gemaakt)`,
  'crosswalk.importeren': (c) =>
    `${door(c)} importeerde ${str(c.d.voorstellen) ?? '?'} koppelingen als voorstellen (${c.d.bron === 'xlsx' ? 'XLSX' : 'CASE'}${c.d.bestand ? `, ${quoted(c.d.bestand)}` : ''}) in ${c.samenwerking}`,
  'crosswalk.niet-koppelen': (c) => `${door(c)} markeerde ${str(c.d.item) ?? 'een item'} als bewust niet gekoppeld in ${c.samenwerking}`,
  'crosswalk.wel-koppelen': (c) => `${door(c)} haalde bij ${str(c.d.item) ?? 'een item'} ‘bewust niet gekoppeld’ weg in ${c.samenwerking}`,
  'impact.verplaatst': (c) =>
    `${door(c)} verplaatste ${str(c.d.aantal) ?? '?'} ${c.d.aantal === 1 ? 'plek' : 'plekken'} naar de opvolger na een wijziging in de landelijke data in ${c.samenwerking}`,
  'impact.behouden': (c) =>
    `${door(c)} controleerde ${str(c.d.aantal) ?? '?'} ${c.d.aantal === 1 ? 'plek' : 'plekken'} met een gewijzigd onderdeel van de landelijke data en liet ze staan in ${c.samenwerking}, met als reden ${quoted(c.d.reden)}`,
  'impact.verwijderd': (c) =>
    `${door(c)} verwijderde een vervallen onderdeel van de landelijke data op ${str(c.d.aantal) ?? '?'} ${c.d.aantal === 1 ? 'plek' : 'plekken'} in ${c.samenwerking}`,
  'demo.account_retired': (c) =>
    `Het demo-account van ${c.over} kan niet meer met het openbare demowachtwoord inloggen: de database bevat echte gegevens${c.d.platformBeheerderIngetrokken === true ? '; het platformbeheerdersrecht is ingetrokken' : ''}`,
  'demo.seeded': () => 'De demo-organisaties en demo-gebruikers zijn aangemaakt',
  'invitation.accepted': (c) =>
    `${door(c)} nam de uitnodiging${c.d.uitgenodigdDoor ? ` van ${c.persoon(c.d.uitgenodigdDoor)}` : ''} aan als ${str(c.d.rol) ?? 'lid'}`,
  'invitation.sent': (c) => `${door(c)} nodigde iemand uit als ${str(c.d.rol) ?? 'lid'}${via(c.d)}`,
  'examen.aangemaakt': (c) =>
    `${door(c)} maakte een gezamenlijk examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}${c.d.keuzevak ? ` en keuzevak ${str(c.d.keuzevak)}` : ''} voor ${quoted(c.d.cohort)} (${c.d.grondslag === 'gezamenlijk-pta-oer' ? 'in het gezamenlijke PTA/OER' : 'inschrijving als extraneus'})`,
  'examenplan.opgeslagen': (c) => `${door(c)} wijzigde versie ${str(c.d.versienummer) ?? '?'} van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'} (${str(c.d.gedekt) ?? '?'} van ${str(c.d.totaal) ?? '?'} eindtermen gedekt)`,
  'examenplan.ingediend': (c) => `${door(c)} diende versie ${str(c.d.versienummer) ?? '?'} van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'} in bij de examencommissie`,
  'examenplan.dekking-geaccepteerd': (c) =>
    `${door(c)} accepteerde namens de examencommissie de open dekking (${list(c.d.gaten)}) van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'}, met als reden ${quoted(c.d.reden)}`,
  'examenplan.teruggestuurd': (c) => `${door(c)} stuurde versie ${str(c.d.versienummer) ?? '?'} van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'} terug, met als reden ${quoted(c.d.reden)}`,
  'examenplan.vastgesteld': (c) => `${door(c)} stelde versie ${str(c.d.versienummer) ?? '?'} van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'} vast namens de examencommissie`,
  'examenplan.nieuwe-versie': (c) => `${door(c)} begon versie ${str(c.d.versienummer) ?? '?'} van het examenplan van keuzedeel ${str(c.d.keuzedeel) ?? '?'} (een wijziging van versie ${str(c.d.van) ?? '?'})`,
  'examen.inschrijvingen-bekeken': (c) => `${door(c)} bekeek de inschrijvingslijst (${str(c.d.aantal) ?? '?'} leerlingen) van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'examen.inschrijvingen-geexporteerd': (c) =>
    `${door(c)} downloadde de inschrijvingslijst (${str(c.d.aantal) ?? '?'} leerlingen, ${String(str(c.d.formaat) ?? '?').toUpperCase()}) van het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'examen.leerlingen-aangemeld': (c) => `${door(c)} meldde ${str(c.d.aantal) ?? '?'} leerling(en) aan als extraneus voor het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'examen.leerlingen-ingeschreven': (c) => `${door(c)} markeerde ${str(c.d.aantal) ?? '?'} leerling(en) als ingeschreven voor het examen van keuzedeel ${str(c.d.keuzedeel) ?? '?'}`,
  'leerroute.created': (c) =>
    `${door(c)} maakte ${c.leerroute}${typeNaam(c.d.type) ? ` (${typeNaam(c.d.type)})` : ''} aan in ${c.samenwerking}`,
  'leerroute.deleted': (c) => `${door(c)} verwijderde ${c.leerroute} in ${c.samenwerking}`,
  'leerroute.updated': (c) =>
    `${door(c)} wijzigde de instellingen van ${c.leerroute}${Array.isArray(c.d.velden) && c.d.velden.length > 0 ? ` (${list(c.d.velden)})` : ''}`,
  'cohort.aangemaakt': (c) =>
    `${door(c)} maakte de groep leerlingen ${quoted(c.d.cohort)} aan${c.d.schooljaar ? ` (schooljaar ${str(c.d.schooljaar)}, leerjaar ${str(c.d.leerjaar) ?? '?'})` : ''}`,
  'cohort.gewijzigd': (c) =>
    `${door(c)} wijzigde de instellingen van de groep leerlingen ${quoted(c.d.cohort)}${Array.isArray(c.d.velden) && c.d.velden.length > 0 ? ` (${list(c.d.velden)})` : ''}`,
  'cohort.opgeschoond': (c) =>
    `De bewaartermijn van de groep leerlingen ${quoted(c.d.cohort)} is verstreken: de gegevens van ${str(c.d.leerlingen) ?? '0'} ${c.d.leerlingen === 1 ? 'leerling zijn' : 'leerlingen zijn'} verwijderd (de aantallen zijn bewaard)${c.d.via === 'cli' ? ' via de opdrachtregel' : ''}`,
  'leerling.account_gekoppeld': (c) =>
    `${door(c)} nam de uitnodiging aan en koppelde het eigen account aan de leerling${str(c.d.cohort) ? ` in de groep ${quoted(c.d.cohort)}` : ' in een groep'}`,
  'leerling.gewijzigd': (c) =>
    `${door(c)} wijzigde de gegevens van een leerling in de groep ${quoted(c.d.cohort)}${Array.isArray(c.d.velden) && c.d.velden.length > 0 ? ` (${list(c.d.velden)})` : ''}`,
  'leerling.toegevoegd': (c) => `${door(c)} voegde met de hand een leerling toe aan de groep ${quoted(c.d.cohort)}`,
  'leerling.uitgenodigd': (c) => `${door(c)} nodigde een leerling van de groep ${quoted(c.d.cohort)} uit voor een eigen account`,
  'leerling.verwijderd': (c) => `${door(c)} verwijderde een leerling, met alles over deze leerling, uit de groep ${quoted(c.d.cohort)}`,
  'leerlingen.bekeken': (c) => `${door(c)} bekeek de ${str(c.d.aantal) ?? ''} leerlingen van de groep ${quoted(c.d.cohort)}`,
  'leerlingen.geexporteerd': (c) => `${door(c)} exporteerde de lijst met ${str(c.d.aantal) ?? ''} leerlingen van de groep ${quoted(c.d.cohort)}`,
  'leerlingen.geimporteerd': (c) =>
    `${door(c)} importeerde leerlingen in de groep ${quoted(c.d.cohort)}${c.d.bestand ? ` uit ${quoted(c.d.bestand)}` : ''}: ${str(c.d.toegevoegd) ?? '0'} toegevoegd, ${str(c.d.gewijzigd) ?? '0'} gewijzigd${
      Array.isArray(c.d.nietGelezen) && c.d.nietGelezen.length > 0 ? `; niet gelezen (BSN of onderwijsnummer): ${list(c.d.nietGelezen)}` : ''
    }${via(c.d)}`,
  'lob.activiteit.toegevoegd': (c) => `${door(c)} voegde een LOB-activiteit toe aan het eigen loopbaandossier`,
  'lob.activiteit.gewijzigd': (c) => `${door(c)} wijzigde een LOB-activiteit in het eigen loopbaandossier`,
  'lob.activiteit.verwijderd': (c) => `${door(c)} verwijderde een LOB-activiteit uit het eigen loopbaandossier`,
  'lob.oplegger.opgeslagen': (c) => `${door(c)} werkte de oplegger voor de mbo-intake in het eigen loopbaandossier bij`,
  'lob.deellink.gemaakt': (c) =>
    `${door(c)} deelde het eigen loopbaandossier met een link voor ${quoted(c.d.ontvanger)}${str(c.d.verlooptOp) ? ` die werkt tot en met ${str(c.d.verlooptOp)}` : ''}`,
  'lob.deellink.ingetrokken': (c) => `${door(c)} trok de deellink van het eigen loopbaandossier voor ${quoted(c.d.ontvanger)} in`,
  'lob.deellink.geopend': (c) => `De deellink van het loopbaandossier van ${c.over} voor ${quoted(c.d.ontvanger)} is geopend`,
  'lob.dossier.gedownload': (c) => `${door(c)} downloadde het eigen loopbaandossier${c.d.formaat === 'pdf' ? ' als PDF' : c.d.formaat === 'json' ? ' als JSON' : ''}`,
  'lob.dossier.gelezen': (c) => `${door(c)} las het loopbaandossier van ${c.over}`,
  'lob.leerlingen.bekeken': (c) =>
    `${door(c)} bekeek de LOB-stand van de leerlingen${typeof c.d.aantal === 'number' ? ` (${c.d.aantal} ${c.d.aantal === 1 ? 'leerling' : 'leerlingen'})` : ''}`,
  'lob.onderdeel.toegevoegd': (c) => `${door(c)} voegde LOB-onderdeel ${quoted(c.d.titel)}${str(c.d.leerjaar) ? ` (leerjaar ${str(c.d.leerjaar)})` : ''} toe aan het LOB-programma`,
  'lob.onderdeel.gewijzigd': (c) => `${door(c)} wijzigde LOB-onderdeel ${quoted(c.d.titel)} in het LOB-programma${c.d.vervallen === true ? ' (vervallen)' : ''}`,
  'lob.onderdeel.afgerond': (c) => `${door(c)} zette LOB-onderdeel ${quoted(c.d.titel)} op afgerond voor ${c.over}`,
  'lob.onderdeel.heropend': (c) => `${door(c)} zette LOB-onderdeel ${quoted(c.d.titel)} terug op niet afgerond voor ${c.over}`,
  'lob.doorsturen.geweigerd': (c) =>
    `${door(c)} probeerde het loopbaandossier van ${c.over} naar een andere school te sturen; dat is geweigerd, want alleen de leerling geeft het dossier door`,
  'keuze.gemaakt': (c) => `${door(c)} koos module ${quoted(c.d.module)} voor ${str(c.d.periode) ?? '?'} van ${str(c.d.schooljaar) ?? '?'}`,
  'keuze.ingetrokken': (c) => `${door(c)} trok de eigen keuze voor module ${quoted(c.d.module)} in`,
  'keuze.goedgekeurd': (c) => `${door(c)} keurde de keuze van ${c.over} voor module ${quoted(c.d.module)} goed${str(c.d.cohort) ? ` en plaatste de leerling in de groep ${quoted(c.d.cohort)}` : ''}`,
  'keuze.teruggestuurd': (c) => `${door(c)} stuurde de keuze van ${c.over} voor module ${quoted(c.d.module)} terug met een reden`,
  'keuze.leerlingen.bekeken': (c) =>
    `${door(c)} bekeek de modulekeuzes van de leerlingen${typeof c.d.aantal === 'number' ? ` (${c.d.aantal} ${c.d.aantal === 1 ? 'keuze' : 'keuzes'})` : ''}`,
  'keuze.instellingen.gewijzigd': (c) => `${door(c)} wijzigde de instellingen voor het kiezen van modules (hoogstens ${str(c.d.modulesPerPeriode) ?? '?'} per periode)`,
  'toelatingseis.opgeslagen': (c) => `${door(c)} legde de aanvullende toelatingseisen voor kwalificatie ${str(c.d.crebo) ?? '?'} vast`,
  'toelatingseis.verwijderd': (c) => `${door(c)} verwijderde de aanvullende toelatingseisen voor kwalificatie ${str(c.d.crebo) ?? '?'}`,
  'login.sso': (c) => `${door(c, c.over)} meldde zich aan via de inlogdienst van de organisatie (SSO)`,
  'membership.added': (c) => `${c.over} kreeg de rol ${str(c.d.rol) ?? '?'}${via(c.d)}`,
  'membership.beheerder_succeeded': (c) =>
    `${c.over} werd beheerder, omdat de laatste beheerder (${c.persoon(c.d.vorigeBeheerder)}) ${reden(c.d.reden)}`,
  'membership.left': (c) => `${door(c)} verliet de organisatie (had de ${rollen(c.d.rollen)})`,
  'membership.removed': (c) => `${door(c)} haalde ${c.over} uit de organisatie (had de ${rollen(c.d.rollen)})`,
  'membership.role_removed': (c) => `${door(c)} nam ${c.over} de rol ${str(c.d.rol) ?? '?'} af`,
  'menukaart.module_voorgesteld': (c) => `${door(c)} stelde module ${quoted(c.d.titel)} voor op de menukaart van ${str(c.d.regio) ?? 'de regio'}`,
  'menukaart.module_gewijzigd': (c) =>
    `${door(c)} wijzigde module ${quoted(c.d.titel)} op de menukaart van ${str(c.d.regio) ?? 'de regio'}${c.d.opnieuwVoorgesteld === true ? '; de module wacht opnieuw op publicatie' : ''}`,
  'menukaart.module_gepubliceerd': (c) => `${door(c)} publiceerde module ${quoted(c.d.titel)} op de menukaart van ${str(c.d.regio) ?? 'de regio'}`,
  'menukaart.module_teruggestuurd': (c) => `${door(c)} stuurde module ${quoted(c.d.titel)} terug naar de school, met als reden ${quoted(c.d.reden)}`,
  'menukaart.module_ingetrokken': (c) => `${door(c)} haalde module ${quoted(c.d.titel)} van de menukaart van ${str(c.d.regio) ?? 'de regio'}`,
  'menukaart.levenscyclus_gewijzigd': (c) => {
    const parts = [
      c.d.laatsteReview !== undefined ? (c.d.laatsteReview ? `de laatste review op ${str(c.d.laatsteReview)}` : 'de laatste review leeg') : null,
      c.d.herzieningDeadline !== undefined ? (c.d.herzieningDeadline ? `een herziening met deadline ${str(c.d.herzieningDeadline)}` : 'de herziening als afgerond') : null,
    ].filter((p): p is string => p !== null);
    return `${door(c)} zette bij module ${quoted(c.d.titel)} ${parts.length > 0 ? parts.join(' en ') : 'de levenscyclus bij'}`;
  },
  'menukaart.voorstel_ingetrokken': (c) => `${door(c)} trok het voorstel voor module ${quoted(c.d.titel)} in`,
  'menukaart.inschrijvingen_bekeken': (c) =>
    `${door(c)} bekeek de inschrijvingslijst van module ${quoted(c.d.titel)}${str(c.d.schooljaar) ? ` voor ${str(c.d.schooljaar)}` : ''} (${str(c.d.aantal) ?? '?'} ${c.d.aantal === 1 ? 'leerling' : 'leerlingen'})`,
  'menukaart.inschrijvingen_geexporteerd': (c) =>
    `${door(c)} downloadde de inschrijvingslijst van module ${quoted(c.d.titel)}${str(c.d.schooljaar) ? ` voor ${str(c.d.schooljaar)}` : ''} (${str(c.d.aantal) ?? '?'} ${c.d.aantal === 1 ? 'leerling' : 'leerlingen'}, ${String(str(c.d.formaat) ?? '?').toUpperCase()})`,
  'menukaart.examens_vastgelegd': (c) =>
    `${door(c)} legde vast dat in schooljaar ${str(c.d.schooljaar) ?? '?'} ${str(c.d.aantal) ?? '?'} leerlingen van ${str(c.d.school) ?? 'een school'} examen deden in module ${quoted(c.d.titel)}`,
  'organisation.created': (c) => `De organisatie ${c.organisatie} is aangemaakt${via(c.d)}`,
  'organisation.updated': (c) => {
    const parts = [wijziging('de naam', c.d.naam), wijziging('het BRIN-nummer', c.d.brin)].filter((p): p is string => p !== null);
    return `${door(c)} wijzigde ${parts.length > 0 ? parts.join(' en ') : 'de gegevens van de organisatie'}`;
  },
  'organisation.without_beheerder': (c) =>
    `De organisatie heeft geen beheerder meer: de laatste beheerder (${c.persoon(c.d.vorigeBeheerder)}) ${reden(c.d.reden)} en er was geen andere medewerker`,
  'partnership.created': (c) => `${door(c)} begon samenwerking ${quoted(c.d.naam)}`,
  'partnership.partner_accepted': (c) => `${door(c)} nam namens ${str(c.d.organisatie) ?? 'de organisatie'} het voorstel aan voor samenwerking ${quoted(c.d.naam)}`,
  'partnership.partner_declined': (c) => `${door(c)} wees namens ${str(c.d.organisatie) ?? 'de organisatie'} het voorstel af voor samenwerking ${quoted(c.d.naam)}`,
  'partnership.partner_left': (c) =>
    `${door(c)} haalde ${str(c.d.organisatie) ?? 'een organisatie'} uit samenwerking ${quoted(c.d.naam)}${
      typeof c.d.voorstellenIngetrokken === 'number' ? `; ${c.d.voorstellenIngetrokken} open ${c.d.voorstellenIngetrokken === 1 ? 'voorstel is' : 'voorstellen zijn'} ingetrokken` : ''
    }`,
  'partnership.partner_proposed': (c) =>
    `${door(c)} stelde${c.d.voorgesteldDoor ? ` namens ${str(c.d.voorgesteldDoor)}` : ''} voor dat ${str(c.d.organisatie) ?? 'een organisatie'} meedoet in samenwerking ${quoted(c.d.naam)}`,
  'partnership.renamed': (c) => `${door(c)} hernoemde samenwerking ${quoted(c.d.van)} naar ${quoted(c.d.naar)}`,
  'platform.beheerder_granted': (c) => `${c.over} werd platformbeheerder${via(c.d)}`,
  'regio.school_toegevoegd': (c) => `${door(c)} nam ${str(c.d.school) ?? 'een school'} op als lid van regio ${str(c.d.regio) ?? '?'}`,
  'regio.school_verwijderd': (c) => `${door(c)} haalde ${str(c.d.school) ?? 'een school'} uit regio ${str(c.d.regio) ?? '?'}${voorstellenIngetrokken(c.d.voorstellenIngetrokken)}`,
  'regio.verlaten': (c) => `${door(c)} meldde ${str(c.d.school) ?? 'de school'} af als lid van regio ${str(c.d.regio) ?? '?'}${voorstellenIngetrokken(c.d.voorstellenIngetrokken)}`,
  'sso.configured': (c) =>
    `${door(c)} stelde de inlogdienst (SSO) in${c.d.issuer ? ` met ${str(c.d.issuer)}` : ''}${c.d.enabled === true ? ', aan' : c.d.enabled === false ? ', uit' : ''}${
      c.d.clientSecretGewijzigd === true ? ', met een nieuw geheim' : ''
    }`,
  'user.created': (c) => `Het account van ${c.over} is aangemaakt${via(c.d)}`,
  'vestiging.added': (c) => `${door(c)} voegde vestiging ${quoted(c.d.naam)}${c.d.brinVestiging ? ` (${str(c.d.brinVestiging)})` : ''} toe`,
  'vestiging.removed': (c) => `${door(c)} verwijderde vestiging ${quoted(c.d.naam)}${c.d.brinVestiging ? ` (${str(c.d.brinVestiging)})` : ''}`,
  'vestiging.updated': (c) => {
    const van = (c.d.van ?? {}) as Record<string, unknown>;
    const naar = (c.d.naar ?? {}) as Record<string, unknown>;
    const parts = [
      van.naam !== naar.naam ? `de naam van ${quoted(van.naam)} naar ${quoted(naar.naam)}` : null,
      van.brinVestiging !== naar.brinVestiging ? `het BRIN-nummer van ${str(van.brinVestiging) ?? '(leeg)'} naar ${str(naar.brinVestiging) ?? '(leeg)'}` : null,
    ].filter((p): p is string => p !== null);
    return `${door(c)} wijzigde bij vestiging ${quoted(naar.naam ?? van.naam)} ${parts.length > 0 ? parts.join(' en ') : 'niets'}`;
  },
};

function capitalise(s: string): string {
  return s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** The Dutch sentence for one entry of the audit log, ending in a full stop. */
export function auditZin(f: AuditFeit, namen: AuditNamen): string {
  const persoon = (id: unknown): string => (typeof id === 'string' ? (namen.personen.get(id) ?? VERWIJDERD_ACCOUNT) : 'iemand');
  const samenwerkingId = f.subjectType === 'partnership' ? f.subjectId : str(f.details.samenwerking);
  const samenwerkingNaam = samenwerkingId ? namen.samenwerkingen.get(samenwerkingId) : undefined;
  const leerrouteNaam = f.subjectType === 'leerroute' && f.subjectId ? namen.leerroutes.get(f.subjectId) : undefined;
  const organisatieNaam = f.organisationId ? namen.organisaties.get(f.organisationId) : undefined;
  const ctx: Ctx = {
    f,
    d: f.details,
    wie: f.actorUserId ? persoon(f.actorUserId) : null,
    over: f.subjectType === 'user' && f.subjectId ? persoon(f.subjectId) : 'iemand',
    persoon,
    samenwerking: samenwerkingNaam ? `samenwerking ‘${samenwerkingNaam}’` : 'een verwijderde samenwerking',
    leerroute: leerrouteNaam ? `leerroute ‘${leerrouteNaam}’` : 'een leerroute',
    organisatie: organisatieNaam ? `‘${organisatieNaam}’` : '',
  };
  const build = AUDIT_ZINNEN[f.action];
  const zin = build ? build(ctx) : `${ctx.wie ?? 'Doorlopend'}: ${f.action}`;
  return `${capitalise(zin.replace(/\s+/g, ' ').trim())}.`;
}

/**
 * A line of a leerroute's history as one sentence: who, for which school, and what ("Daan Docent (Demo Vmbo College)
 * plande K/PIE/16 in leerjaar 3."). `omschrijving` is the stored Dutch description, which starts with the verb.
 */
export function historieZin(r: { gebruiker: string | null; organisatie: string | null; omschrijving: string }): string {
  const wie = r.gebruiker ?? VERWIJDERD_ACCOUNT;
  const school = r.organisatie ? ` (${r.organisatie})` : '';
  const wat = r.omschrijving.trim();
  const zin = `${wie}${school} ${wat.charAt(0).toLowerCase()}${wat.slice(1)}`;
  return capitalise(/[.!?]$/.test(zin) ? zin : `${zin}.`);
}
