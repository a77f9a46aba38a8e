/**
 * The public menukaart as tables (CSV, XLSX) and as a printable brochure (the document model of
 * src/domain/exports, rendered to an accessible PDF by src/server/exports/pdf.ts). Pure; the modules come filtered and
 * in the order of the page.
 */
import { datumNl, type Blok, type ExportDocument } from '../exports/document-model.js';
import { EENHEID_UREN, MODULE_SOORT_NAMEN, PERIODE_NAMEN, SECTOR_NAMEN, type ModuleDetail, type Sector } from '../../shared/menukaart-api.js';

export const MENUKAART_KOPPEN = [
  'Titel', 'Soort', 'Omvang (eenheden)', 'Aanbieder', 'Locatie', 'Leerjaar', 'Periode', 'Leerwegen', 'Profielen', 'Sectoren', 'Capaciteit per periode',
  'Voorwaarden', 'Keuzevakken', 'Profielmodulen', 'Keuzedelen', 'Leidt naar (bevestigd)', 'Leidt naar (suggesties)', 'Adres',
] as const;

const codes = (list: ReadonlyArray<{ code: string }>) => list.map((c) => c.code).join(', ');

/** One row per module: plain text and whole numbers. `adres`: the module's public URL. */
export function menukaartRijen(modulen: readonly ModuleDetail[], adres: (m: ModuleDetail) => string): Array<Array<string | number>> {
  return modulen.map((m) => [
    m.titel,
    MODULE_SOORT_NAMEN[m.soort],
    m.omvangEenheden,
    m.aanbieder.naam,
    m.locatie,
    m.leerjaar,
    PERIODE_NAMEN[m.periode],
    m.leerwegen.join(', '),
    m.profielen.map((p) => p.naam).join(', '),
    m.sectoren.map((s) => SECTOR_NAMEN[s as Sector] ?? s).join(', '),
    m.capaciteit,
    m.voorwaarden.map((v) => v.titel).join(', '),
    codes(m.keuzevakken),
    codes(m.profielmodulen),
    codes(m.keuzedelen),
    m.leidtNaar.bevestigd.map((k) => `${k.naam} (${k.crebo})`).join(', '),
    m.leidtNaar.suggesties.map((k) => `${k.naam} (${k.crebo})`).join(', '),
    adres(m),
  ]);
}

function csvVeld(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs open it. */
export function menukaartCsv(modulen: readonly ModuleDetail[], adres: (m: ModuleDetail) => string): string {
  const lines = [[...MENUKAART_KOPPEN], ...menukaartRijen(modulen, adres)].map((r) => r.map(csvVeld).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The printable brochure: an introduction, then per module a heading, its facts, its description and where it leads. */
export function menukaartBrochure(opts: { regio: { naam: string; titel: string; toelichting: string }; filterTekst: string; modulen: readonly ModuleDetail[]; stand: string; adres: (m: ModuleDetail) => string }): ExportDocument {
  const { regio, modulen } = opts;
  const blokken: Blok[] = [{ soort: 'kop', niveau: 1, tekst: regio.titel }];
  if (regio.toelichting) blokken.push({ soort: 'alinea', tekst: regio.toelichting });
  blokken.push({
    soort: 'alinea',
    tekst: `${modulen.length} ${modulen.length === 1 ? 'module' : 'modulen'} van ${regio.naam}${opts.filterTekst ? `, ${opts.filterTekst}` : ''}. Stand ${datumNl(opts.stand)}. Eén eenheid is ongeveer ${EENHEID_UREN} uur.`,
  });
  if (modulen.length === 0) blokken.push({ soort: 'alinea', tekst: 'Er zijn geen modulen die bij deze keuze passen.' });
  for (const m of modulen) {
    blokken.push({ soort: 'kop', niveau: 2, tekst: m.titel });
    const rijen: Array<[string, string]> = [
      ['Soort', MODULE_SOORT_NAMEN[m.soort]],
      ['Omvang', `${m.omvangEenheden} ${m.omvangEenheden === 1 ? 'eenheid' : 'eenheden'}`],
      ['Aanbieder', m.aanbieder.naam + (m.vestiging ? `, ${m.vestiging.naam}` : '')],
      ['Locatie', m.locatie || 'Niet opgegeven'],
      ['Leerjaar en periode', `Leerjaar ${m.leerjaar}, ${PERIODE_NAMEN[m.periode].toLowerCase()}`],
      ['Leerwegen', m.leerwegen.join(', ')],
      ['Plaatsen per periode', String(m.capaciteit)],
    ];
    if (m.profielen.length) rijen.push(['Profielen', m.profielen.map((p) => p.naam).join(', ')]);
    if (m.voorwaarden.length) rijen.push(['Eerst volgen', m.voorwaarden.map((v) => v.titel).join(', ')]);
    const links = [...m.keuzevakken, ...m.profielmodulen, ...m.keuzedelen].map((c) => `${c.code} ${c.naam}`);
    if (links.length) rijen.push(['Onderdelen', links.join('\n')]);
    rijen.push(['Adres', opts.adres(m)]);
    blokken.push({ soort: 'gegevens', rijen });
    if (m.beschrijving) blokken.push({ soort: 'alinea', tekst: m.beschrijving });
    if (m.leidtNaar.bevestigd.length) {
      blokken.push({ soort: 'alinea', tekst: 'Leidt naar (bevestigd door samenwerkingen):', houdBijVolgende: true });
      blokken.push({ soort: 'lijst', items: m.leidtNaar.bevestigd.map((k) => `${k.naam} (crebo ${k.crebo}${k.niveau ? `, niveau ${k.niveau}` : ''})`) });
    }
    if (m.leidtNaar.suggesties.length) {
      blokken.push({ soort: 'alinea', tekst: 'Mogelijk ook (suggesties van de zoekmonitor, niet bevestigd):', houdBijVolgende: true });
      blokken.push({ soort: 'lijst', items: m.leidtNaar.suggesties.map((k) => `${k.naam} (crebo ${k.crebo})`) });
    }
  }
  return { titel: regio.titel, onderwerp: `Menukaart van ${regio.naam}`, taal: 'nl-NL', orientatie: 'staand', stand: opts.stand, blokken };
}
