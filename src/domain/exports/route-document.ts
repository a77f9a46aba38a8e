/**
 * The whole leerroute as a document to discuss and sign (DOCX and PDF): parties, type, selections, tijdpad, the plan
 * per leerjaar and periode, toetsen, activiteiten, materialen, the coverage with its gaps and warnings, and a
 * signature block per partner. Pure: works on the LeerrouteDetail of the contract.
 */
import {
  LEERROUTE_TYPE_NAMEN, TOETSVORM_NAMEN, type Gat, type LeerrouteDetail, type Ontbreekt,
} from '../../shared/leerroute-api.js';
import { datumNl, getal, procent, type Blok, type ExportDocument } from './document-model.js';
import { LEERWEG_NAMEN, laatsteWijziging, periodeLabel } from './pta.js';

const ORGANISATIE_SOORT: Record<string, string> = { 'vmbo-school': 'vmbo-school', 'mbo-instelling': 'mbo-instelling', regio: 'regio' };
const ONDERDEEL_VAN = { pta: 'PTA (vmbo)', examenplan: 'examenplan (mbo)', beide: 'PTA en examenplan', geen: '—' } as const;
const ONTBREEKT: Record<Ontbreekt, string> = { planning: 'niet gepland', activiteit: 'geen activiteit', 'summatieve-toets': 'geen summatieve toets' };
const MATERIAALSOORT = { methode: 'Methode', gereedschap: 'Gereedschap', locatie: 'Locatie', digitaal: 'Digitaal', anders: 'Anders' } as const;

export const ONDERTEKENING_VELDEN = ['Naam', 'Functie', 'Datum', 'Handtekening'] as const;

const byPlace = <T extends { leerjaar: number; periode: number }>(a: T, b: T) => a.leerjaar - b.leerjaar || a.periode - b.periode;

export function routeDocumentTitel(route: LeerrouteDetail): string {
  return `Leerroute ${route.naam}${route.schooljaar ? `, schooljaar ${route.schooljaar}` : ''}`;
}

export function routeDocument(route: LeerrouteDetail): ExportDocument {
  const doelById = new Map(route.doelen.map((d) => [d.id, d]));
  const andere = new Map(route.andereDoelen.map((d) => [d.id, d]));
  // Whole texts (a document to sign cuts nothing off); an item that is no longer a doel by its code and title too.
  const doelLabel = (id: string) => {
    const d = doelById.get(id);
    if (d) return `${d.code} ${d.titel}`;
    const a = andere.get(id);
    const naam = a ? `${a.code} ${a.titel}`.trim() : 'onbekend doel';
    return `${naam} (${a?.reden === 'niet-in-route' ? 'geen doel van deze route' : 'vervallen in de catalogus'})`;
  };
  const tekst = (t: string) => t.replace(/\s+/g, ' ').trim();
  const doelenTekst = (ids: readonly string[]) => (ids.length ? ids.map(doelLabel).join('\n') : '—');
  const orgNaam = new Map<string, string>([...route.partners.map((p) => [p.id, p.naam] as const)]);
  const org = (id: string | null) => (id ? (orgNaam.get(id) ?? 'onbekende organisatie') : '—');
  const blokken: Blok[] = [];
  const kop = (niveau: 1 | 2 | 3, tekst: string) => blokken.push({ soort: 'kop', niveau, tekst });
  const alinea = (tekst: string) => blokken.push({ soort: 'alinea', tekst });

  const laatst = laatsteWijziging(route);
  kop(1, routeDocumentTitel(route));
  alinea(
    `Dit document beschrijft de leerroute "${route.naam}" van de samenwerking ${route.samenwerking.naam}${route.schooljaar ? ` voor het cohort dat begint in schooljaar ${route.schooljaar}` : ''}, om te bespreken en te ondertekenen. ` +
      `Stand van ${datumNl(laatst.op)}, laatst gewijzigd door ${laatst.gebruiker.naam}${laatst.organisatie ? ` (${laatst.organisatie.naam})` : ''}.`,
  );

  kop(2, 'Partijen');
  blokken.push({
    soort: 'tabel',
    kolommen: [{ kop: 'Organisatie', breedte: 3 }, { kop: 'Soort', breedte: 2 }],
    rijen: route.partners.map((p) => [p.naam, ORGANISATIE_SOORT[p.soort] ?? p.soort]),
  });

  kop(2, 'Type leerroute');
  blokken.push({
    soort: 'gegevens',
    rijen: [
      ['Type', LEERROUTE_TYPE_NAMEN[route.type]],
      ['Schooljaar (cohort)', route.schooljaar ?? 'niet opgegeven'],
      ['Leidt tot', route.leidtTot.join('\n')],
    ],
  });

  kop(2, 'Selecties');
  kop(3, 'Vmbo');
  const v = route.vmbo;
  blokken.push({
    soort: 'gegevens',
    rijen: [
      ['Profiel', v.profiel ? `${v.profiel.code} ${v.profiel.titel}` : 'niet gekozen'],
      ['Leerweg', v.leerweg ? LEERWEG_NAMEN[v.leerweg] : 'niet gekozen'],
      ['Profielmodulen', v.profielmodulen.map((p) => `${p.code} ${p.titel}`).join('\n') || 'geen'],
      ['Keuzevakken', v.keuzevakken.map((k) => `${k.code} ${k.titel}`).join('\n') || 'geen'],
    ],
  });
  kop(3, 'Mbo');
  const m = route.mbo;
  blokken.push({
    soort: 'gegevens',
    rijen: [
      ['Kwalificatie', m.kwalificatie ? `${m.kwalificatie.naam} (crebo ${m.kwalificatie.crebo}${m.kwalificatie.niveau ? `, niveau ${m.kwalificatie.niveau}` : ''})` : 'geen'],
      ['Keuzedelen', m.keuzedelen.map((k) => `${k.code} ${k.titel}`).join('\n') || 'geen'],
    ],
  });
  if (route.opmerkingen.length) blokken.push({ soort: 'lijst', items: route.opmerkingen });

  kop(2, 'Tijdpad');
  blokken.push({
    soort: 'tabel',
    kolommen: [{ kop: 'Leerjaar', breedte: 1 }, { kop: 'Fase', breedte: 1 }, { kop: 'Perioden', breedte: 1 }, { kop: 'Verzorgd door', breedte: 3 }],
    rijen: route.tijdpad.map((j) => [String(j.leerjaar), j.fase, String(j.perioden), j.organisatie?.naam ?? 'nog niet gekozen']),
  });

  kop(2, 'Planning per leerjaar en periode');
  const jaren = [...new Set([...route.tijdpad.map((j) => j.leerjaar), ...route.planning.map((r) => r.leerjaar)])].sort((a, b) => a - b);
  if (route.planning.length === 0) alinea('Er is nog niets gepland.');
  for (const jaar of jaren) {
    const regels = route.planning.filter((r) => r.leerjaar === jaar).sort(byPlace);
    if (regels.length === 0) continue;
    const tj = route.tijdpad.find((j) => j.leerjaar === jaar);
    kop(3, `Leerjaar ${jaar}${tj ? ` (${tj.fase}${tj.organisatie ? `, ${tj.organisatie.naam}` : ''})` : ' (niet in het tijdpad)'}`);
    blokken.push({
      soort: 'tabel',
      kolommen: [{ kop: 'Periode', breedte: 1 }, { kop: 'Doelen', breedte: 6 }, { kop: 'Beiden', breedte: 1 }],
      rijen: regels.map((r) => [String(r.periode), doelenTekst(r.items), r.beiden ? 'ja' : 'nee']),
    });
  }

  kop(2, 'Toetsen');
  const toetsen = [...route.toetsen].sort(byPlace);
  if (toetsen.length === 0) alinea('Er zijn nog geen toetsen.');
  else
    blokken.push({
      soort: 'tabel',
      kolommen: [
        { kop: 'Periode', breedte: 9 },
        { kop: 'Toetscode', breedte: 7 },
        { kop: 'Toets', breedte: 16 },
        { kop: 'Vorm en soort', breedte: 11 },
        { kop: 'Doelen', breedte: 27 },
        { kop: 'Duur en weging', breedte: 9 },
        { kop: 'Herkansbaar', breedte: 7 },
        { kop: 'Onderdeel van', breedte: 9 },
        { kop: 'SE-weging', breedte: 6 },
      ],
      rijen: toetsen.map((t) => [
        periodeLabel(t.leerjaar, t.periode),
        t.toetscode,
        t.omschrijving ? `${t.naam}\n${tekst(t.omschrijving)}` : t.naam,
        `${TOETSVORM_NAMEN[t.vorm]}, ${t.soort}`,
        doelenTekst(t.doelen),
        [t.duurMinuten == null ? null : `${t.duurMinuten} min`, t.weging == null ? null : `weging ${getal(t.weging)}`].filter(Boolean).join('\n'),
        t.herkansbaar ? 'ja' : 'nee',
        ONDERDEEL_VAN[t.onderdeelVan],
        procent(t.seWeging),
      ]),
    });

  kop(2, 'Activiteiten en lessen');
  const activiteiten = [...route.activiteiten].sort(byPlace);
  if (activiteiten.length === 0) alinea('Er zijn nog geen activiteiten.');
  else
    blokken.push({
      soort: 'tabel',
      kolommen: [{ kop: 'Periode', breedte: 9 }, { kop: 'Activiteit', breedte: 24 }, { kop: 'Doelen', breedte: 36 }, { kop: 'Verzorgd door', breedte: 14 }, { kop: 'Uren', breedte: 5 }],
      rijen: activiteiten.map((a) => [periodeLabel(a.leerjaar, a.periode), a.omschrijving ? `${a.titel}\n${tekst(a.omschrijving)}` : a.titel, doelenTekst(a.doelen), org(a.organisatieId), getal(a.uren)]),
    });

  kop(2, 'Materialen');
  const materialen = [...route.materialen].sort(byPlace);
  if (materialen.length === 0) alinea('Er zijn nog geen materialen.');
  else
    blokken.push({
      soort: 'tabel',
      kolommen: [{ kop: 'Periode', breedte: 9 }, { kop: 'Materiaal', breedte: 20 }, { kop: 'Soort', breedte: 9 }, { kop: 'Omschrijving', breedte: 36 }, { kop: 'Geleverd door', breedte: 14 }],
      rijen: materialen.map((mt) => [periodeLabel(mt.leerjaar, mt.periode), mt.titel, MATERIAALSOORT[mt.soort], [tekst(mt.omschrijving), mt.url ?? ''].filter(Boolean).join('\n'), org(mt.organisatieId)]),
    });

  kop(2, 'Dekking');
  const d = route.dekking;
  const t = d.totalen;
  alinea(
    d.compleet
      ? `De leerroute is compleet: alle ${t.doelen} doelen zijn gepland, onderwezen in een activiteit en afgesloten met een summatieve toets.`
      : `De leerroute is nog niet compleet: ${t.volledig} van de ${t.doelen} doelen zijn gepland, onderwezen en summatief getoetst.`,
  );
  blokken.push({
    soort: 'tabel',
    kolommen: [{ kop: 'Onderdeel', breedte: 3 }, { kop: 'Aantal doelen', breedte: 1 }],
    rijen: [
      ['Doelen (vmbo)', String(t.vmbo)],
      ['Doelen (mbo)', String(t.mbo)],
      ['Gepland', String(t.gepland)],
      ['Onderwezen in een activiteit', String(t.onderwezen)],
      ['Summatief getoetst', String(t.summatiefGetoetst)],
      ['Volledig', String(t.volledig)],
    ],
  });
  kop(3, 'Wat ontbreekt');
  if (d.gaten.length === 0) alinea('Er ontbreekt niets.');
  else
    blokken.push({
      soort: 'tabel',
      kolommen: [{ kop: 'Doel', breedte: 5 }, { kop: 'Ontbreekt', breedte: 2 }, { kop: 'Waar', breedte: 2 }],
      rijen: d.gaten.map((g: Gat) => [doelLabel(g.itemId), ONTBREEKT[g.ontbreekt], g.leerjaar != null && g.periode != null ? periodeLabel(g.leerjaar, g.periode) : 'nog niet gepland']),
    });
  kop(3, 'Waarschuwingen');
  if (d.waarschuwingen.length === 0) alinea('Geen waarschuwingen.');
  else blokken.push({ soort: 'lijst', items: d.waarschuwingen.map((w) => w.melding) });

  kop(2, 'Ondertekening');
  // Kept with the first signature block: the heading and its introduction never end a page alone.
  blokken.push({ soort: 'alinea', tekst: 'Door te ondertekenen stemmen de partners in met deze leerroute zoals hierboven beschreven.', houdBijVolgende: true });
  for (const p of route.partners) blokken.push({ soort: 'ondertekening', partij: p.naam, velden: [...ONDERTEKENING_VELDEN] });

  return {
    titel: routeDocumentTitel(route),
    onderwerp: `${LEERROUTE_TYPE_NAMEN[route.type]} van de samenwerking ${route.samenwerking.naam}`,
    taal: 'nl-NL',
    orientatie: 'liggend',
    stand: laatst.op,
    blokken,
  };
}
