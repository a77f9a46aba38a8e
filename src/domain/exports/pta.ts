/**
 * The PTA (programma van toetsing en afsluiting) of one keuzevak or profielmodule of a leerroute, in the usual Dutch
 * form: periode, toetscode, inhoud en eindtermen, toetsvorm, duur, weging, herkansbaar, SE-weging. Pure: works on the
 * LeerrouteDetail of the contract (src/shared/leerroute-api.ts).
 *
 * Which toetsen: those that belong to the PTA (onderdeelVan `pta` or `beide`) and close at least one eindterm of the
 * vak. As in the coverage check, a toets that names one item of a "Beiden" planningsregel counts for every item of that
 * regel, so a toets on a werkproces planned together with an eindterm of the vak is in the vak's PTA. In a
 * keuzevak-keuzedeelarrangement (one programme, one exam) a toets on the keuzedeel is in the keuzevak's PTA as well.
 */
import type { Leerweg } from '../../shared/catalog-api.js';
import { LEERROUTE_TYPE_NAMEN, TOETSVORM_NAMEN, type LeerrouteDetail, type Toets } from '../../shared/leerroute-api.js';
import { datumNl, getal, procent, type ExportDocument } from './document-model.js';

export const LEERWEG_NAMEN: Record<Leerweg, string> = {
  BB: 'basisberoepsgerichte leerweg (BB)',
  KB: 'kaderberoepsgerichte leerweg (KB)',
  GL: 'gemengde leerweg (GL)',
  TL: 'theoretische leerweg (TL)',
};

export interface PtaVak {
  soort: 'keuzevak' | 'profielmodule';
  code: string;
  titel: string;
}

export interface PtaEindterm {
  code: string;
  titel: string;
}

export interface PtaRij {
  leerjaar: number;
  periode: number;
  toetscode: string;
  naam: string;
  omschrijving: string;
  eindtermen: PtaEindterm[];
  toetsvorm: string;
  soort: Toets['soort'];
  duurMinuten: number | null;
  weging: number | null;
  herkansbaar: boolean;
  seWeging: number | null;
}

export interface Pta {
  vak: PtaVak;
  route: { naam: string; type: string };
  samenwerking: string;
  /** The vmbo school(s) of the samenwerking, whose schoolexamen this is. */
  scholen: string[];
  /** The other partners (mbo instellingen, regio). */
  partners: string[];
  profiel: string | null;
  leerweg: string | null;
  /** The schooljaar (cohort) the route starts in, "2026-2027"; null when not given. */
  schooljaar: string | null;
  /** ISO 8601: the last change of the route. */
  stand: string;
  rijen: PtaRij[];
  /** Sum of the SE-wegingen in percent (null when no toets has one). */
  totaalSeWeging: number | null;
  /** Said when the SE-wegingen do not add up to 100 %: in the PTA itself, not only on the screen. */
  seWegingWaarschuwing: string | null;
}

export const STAND_VAN = 'Stand van';

export const PTA_KOLOMMEN = ['Periode', 'Toetscode', 'Inhoud en eindtermen', 'Toetsvorm', 'Duur (minuten)', 'Weging', 'Herkansbaar', 'SE-weging'] as const;

/** The keuzevakken and profielmodulen of the route, each of which has a PTA. */
export function ptaVakken(route: LeerrouteDetail): PtaVak[] {
  return [
    ...route.vmbo.profielmodulen.map((v) => ({ soort: 'profielmodule' as const, code: v.code, titel: v.titel })),
    ...route.vmbo.keuzevakken.map((v) => ({ soort: 'keuzevak' as const, code: v.code, titel: v.titel })),
  ];
}

/** A code as people and URLs write it (K-PIE-16, k/pie/16) in the catalogue's form (K/PIE/16). */
export function normaliseerVakcode(code: string): string {
  return code.trim().toUpperCase().replaceAll('-', '/');
}

export function vindPtaVak(route: LeerrouteDetail, code: string): PtaVak | null {
  const c = normaliseerVakcode(code);
  return ptaVakken(route).find((v) => normaliseerVakcode(v.code) === c) ?? null;
}

/** Item → all items planned together with it in a Beiden regel (itself included). */
export function beidenGroepen(route: Pick<LeerrouteDetail, 'planning'>): Map<string, Set<string>> {
  const groepen = new Map<string, Set<string>>();
  for (const regel of route.planning) {
    if (!regel.beiden) continue;
    // Union with the groups the items already have, so chains of regels form one group.
    const groep = new Set<string>(regel.items);
    for (const item of regel.items) for (const other of groepen.get(item) ?? []) groep.add(other);
    for (const item of groep) groepen.set(item, groep);
  }
  return groepen;
}

/** The latest change of the route or any of its parts: what an export shows as its "stand". */
export function laatsteWijziging(route: LeerrouteDetail): LeerrouteDetail['gewijzigd'] {
  let last = route.gewijzigd;
  for (const part of [route.aangemaakt, ...route.planning.map((p) => p.gewijzigd), ...route.toetsen.map((t) => t.gewijzigd), ...route.activiteiten.map((a) => a.gewijzigd), ...route.materialen.map((m) => m.gewijzigd)]) {
    if (Date.parse(part.op) > Date.parse(last.op)) last = part;
  }
  return last;
}

export function periodeLabel(leerjaar: number, periode: number): string {
  return `Leerjaar ${leerjaar}, periode ${periode}`;
}

const compareNl = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' }).compare;

export function buildPta(route: LeerrouteDetail, vak: PtaVak): Pta {
  const vakDoelen = new Set(route.doelen.filter((d) => d.soort === 'eindterm' && d.bron.soort === vak.soort && normaliseerVakcode(d.bron.code) === normaliseerVakcode(vak.code)).map((d) => d.id));
  const arrangement = route.type === 'keuzevak-keuzedeel' && vak.soort === 'keuzevak';
  const keuzedelen = new Set(arrangement ? route.doelen.filter((d) => d.soort === 'keuzedeel').map((d) => d.id) : []);
  const groepen = beidenGroepen(route);
  const doelOrder = new Map(route.doelen.map((d, i) => [d.id, i]));
  const doelById = new Map(route.doelen.map((d) => [d.id, d]));
  // Issue 16: an eindterm vervallen in the catalogue that a PTA toets still names is shown, marked, never dropped silently.
  const vervallen = new Map(route.andereDoelen.filter((d) => d.reden === 'vervallen' && !d.id.includes(':')).map((d) => [d.id, d]));

  const rijen: PtaRij[] = [];
  for (const toets of route.toetsen) {
    if (toets.onderdeelVan !== 'pta' && toets.onderdeelVan !== 'beide') continue;
    const effectief = new Set<string>();
    for (const id of toets.doelen) for (const g of groepen.get(id) ?? [id]) effectief.add(g);
    const eigen = [...effectief].filter((id) => vakDoelen.has(id));
    if (eigen.length === 0 && ![...effectief].some((id) => keuzedelen.has(id))) continue;
    eigen.sort((a, b) => (doelOrder.get(a) ?? 0) - (doelOrder.get(b) ?? 0));
    rijen.push({
      leerjaar: toets.leerjaar,
      periode: toets.periode,
      toetscode: toets.toetscode,
      naam: toets.naam,
      omschrijving: toets.omschrijving,
      eindtermen: [
        ...eigen.map((id) => ({ code: doelById.get(id)!.code, titel: doelById.get(id)!.titel })),
        ...toets.doelen.filter((id) => vervallen.has(id)).map((id) => ({ code: vervallen.get(id)!.code, titel: `${vervallen.get(id)!.titel} (vervallen in de catalogus)` })),
      ],
      toetsvorm: TOETSVORM_NAMEN[toets.vorm],
      soort: toets.soort,
      duurMinuten: toets.duurMinuten,
      weging: toets.weging,
      herkansbaar: toets.herkansbaar,
      seWeging: toets.seWeging,
    });
  }
  rijen.sort((a, b) => a.leerjaar - b.leerjaar || a.periode - b.periode || compareNl(a.toetscode, b.toetscode));
  const wegingen = rijen.map((r) => r.seWeging).filter((w): w is number => w != null);
  const totaal = wegingen.length ? Math.round(wegingen.reduce((s, w) => s + w, 0) * 100) / 100 : null;

  return {
    vak,
    route: { naam: route.naam, type: LEERROUTE_TYPE_NAMEN[route.type] },
    samenwerking: route.samenwerking.naam,
    scholen: route.partners.filter((p) => p.soort === 'vmbo-school').map((p) => p.naam),
    partners: route.partners.filter((p) => p.soort !== 'vmbo-school').map((p) => p.naam),
    profiel: route.vmbo.profiel ? `${route.vmbo.profiel.code} ${route.vmbo.profiel.titel}` : null,
    leerweg: route.vmbo.leerweg ? LEERWEG_NAMEN[route.vmbo.leerweg] : null,
    schooljaar: route.schooljaar,
    stand: laatsteWijziging(route).op,
    rijen,
    totaalSeWeging: totaal,
    seWegingWaarschuwing:
      totaal !== null && Math.abs(totaal - 100) >= 0.005
        ? `Let op: de SE-wegingen van ${vak.code} ${vak.titel} tellen op tot ${procent(totaal)}, niet tot 100%. Pas de wegingen aan voordat het PTA wordt vastgesteld.`
        : null,
  };
}

const VAK_SOORT_NAAM = { keuzevak: 'Keuzevak', profielmodule: 'Profielmodule' } as const;

/** The header of the PTA as label–value pairs (the same in XLSX and PDF). */
export function ptaKopgegevens(pta: Pta): Array<[string, string]> {
  const rijen: Array<[string, string]> = [
    [VAK_SOORT_NAAM[pta.vak.soort], `${pta.vak.code} ${pta.vak.titel}`],
    ['School', pta.scholen.join(', ') || '(geen vmbo-school in de samenwerking)'],
  ];
  if (pta.partners.length) rijen.push(['In samenwerking met', pta.partners.join(', ')]);
  rijen.push(
    ['Schooljaar (cohort)', pta.schooljaar ?? 'niet opgegeven'],
    ['Leerroute', `${pta.route.naam} (${pta.route.type})`],
    ['Samenwerking', pta.samenwerking],
    ['Profiel', pta.profiel ?? 'niet gekozen'],
    ['Leerweg', pta.leerweg ?? 'niet gekozen'],
    [STAND_VAN, datumNl(pta.stand)],
  );
  return rijen;
}

/** The text of the column "Inhoud en eindtermen": the toets, then each eindterm as code and its whole text (a PTA is a formal document: nothing cut off). */
export function inhoudTekst(rij: PtaRij): string {
  const regels = [rij.naam];
  if (rij.omschrijving) regels.push(rij.omschrijving.replace(/\s+/g, ' ').trim());
  for (const e of rij.eindtermen) regels.push(`${e.code} ${e.titel}`);
  return regels.join('\n');
}

/** One PTA row as the text of its cells, in the order of PTA_KOLOMMEN. */
export function ptaCellen(rij: PtaRij): string[] {
  return [
    periodeLabel(rij.leerjaar, rij.periode),
    rij.toetscode,
    inhoudTekst(rij),
    rij.soort === 'formatief' ? `${rij.toetsvorm} (formatief)` : rij.toetsvorm,
    rij.duurMinuten == null ? '' : `${rij.duurMinuten} min`,
    getal(rij.weging),
    rij.herkansbaar ? 'ja' : 'nee',
    procent(rij.seWeging),
  ];
}

export function ptaTitel(pta: Pta): string {
  return `PTA ${pta.vak.code} ${pta.vak.titel}${pta.schooljaar ? `, schooljaar ${pta.schooljaar}` : ''}`;
}

/** The PTA as a document for the PDF: heading, header data, the table and the total SE-weging. */
export function ptaDocument(pta: Pta): ExportDocument {
  const blokken: ExportDocument['blokken'] = [
    { soort: 'kop', niveau: 1, tekst: `Programma van toetsing en afsluiting: ${pta.vak.code} ${pta.vak.titel}` },
    { soort: 'gegevens', rijen: ptaKopgegevens(pta) },
    { soort: 'kop', niveau: 2, tekst: 'Toetsen van het schoolexamen' },
  ];
  if (pta.rijen.length === 0) {
    blokken.push({ soort: 'alinea', tekst: 'Er zijn nog geen toetsen van het PTA bij de eindtermen van dit vak.' });
  } else {
    blokken.push({
      soort: 'tabel',
      kolommen: [
        { kop: PTA_KOLOMMEN[0], breedte: 11 },
        { kop: PTA_KOLOMMEN[1], breedte: 10 },
        { kop: PTA_KOLOMMEN[2], breedte: 38 },
        { kop: PTA_KOLOMMEN[3], breedte: 12 },
        { kop: 'Duur', breedte: 7 },
        { kop: PTA_KOLOMMEN[5], breedte: 7 },
        { kop: PTA_KOLOMMEN[6], breedte: 10 },
        { kop: PTA_KOLOMMEN[7], breedte: 8 },
      ],
      rijen: pta.rijen.map(ptaCellen),
    });
    blokken.push({ soort: 'alinea', tekst: `Totaal SE-weging: ${pta.totaalSeWeging == null ? 'niet opgegeven' : procent(pta.totaalSeWeging)}.` });
    if (pta.seWegingWaarschuwing) blokken.push({ soort: 'alinea', tekst: pta.seWegingWaarschuwing });
  }
  return { titel: ptaTitel(pta), onderwerp: `${pta.route.naam}: PTA van ${pta.vak.code}`, taal: 'nl-NL', orientatie: 'liggend', stand: pta.stand, blokken };
}
