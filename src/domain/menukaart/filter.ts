/**
 * The public filters of a menukaart (issue 15): profiel, leerweg, sector, location, kind, period, leerjaar and a few
 * words. Pure, over the summaries the use case read; also the options offered (from what the published modules have).
 */
import { fold } from '../text/analyzer.js';
import { MODULE_SOORT_NAMEN, PERIODE_NAMEN, PERIODEN, SECTOR_NAMEN, type MenukaartFilter, type ModuleSamenvatting, type Sector } from '../../shared/menukaart-api.js';

export interface FilterbareModule extends Pick<ModuleSamenvatting, 'titel' | 'samenvatting' | 'soort' | 'locatie' | 'leerjaar' | 'periode' | 'leerwegen' | 'sectoren'> {
  profielen: ReadonlyArray<{ code: string; naam: string }>;
}

const gelijk = (a: string, b: string) => fold(a).trim() === fold(b).trim();

/** Does the module pass every given filter? A module of the whole schooljaar runs in every period. */
export function pastBijFilter(m: FilterbareModule, f: MenukaartFilter): boolean {
  if (f.profiel && !m.profielen.some((p) => p.code.toUpperCase() === f.profiel!.toUpperCase())) return false;
  if (f.leerweg && !m.leerwegen.includes(f.leerweg.toUpperCase())) return false;
  if (f.sector && !m.sectoren.includes(f.sector)) return false;
  if (f.locatie && !gelijk(m.locatie, f.locatie)) return false;
  if (f.soort && m.soort !== f.soort) return false;
  if (f.periode && m.periode !== f.periode && !(m.periode === 'jaar' && (PERIODEN as readonly string[]).includes(f.periode))) return false;
  if (f.leerjaar && m.leerjaar !== f.leerjaar) return false;
  if (f.q) {
    const hooi = fold(`${m.titel} ${m.samenvatting}`);
    if (!fold(f.q).split(/\s+/).filter(Boolean).every((w) => hooi.includes(w))) return false;
  }
  return true;
}

export function filterModulen<T extends FilterbareModule>(modulen: readonly T[], f: MenukaartFilter): T[] {
  return modulen.filter((m) => pastBijFilter(m, f));
}

/** The options of each filter: only values that occur, sorted for people. */
export function filterOpties(modulen: readonly FilterbareModule[]) {
  const profielen = new Map<string, string>();
  const leerwegen = new Set<string>();
  const sectoren = new Set<string>();
  const locaties = new Map<string, string>();
  const soorten = new Set<string>();
  const perioden = new Set<string>();
  for (const m of modulen) {
    for (const p of m.profielen) profielen.set(p.code, p.naam);
    for (const l of m.leerwegen) leerwegen.add(l);
    for (const s of m.sectoren) sectoren.add(s);
    if (m.locatie) locaties.set(fold(m.locatie).trim(), m.locatie);
    soorten.add(m.soort);
    perioden.add(m.periode);
  }
  const order = (list: readonly string[]) => (a: string, b: string) => list.indexOf(a) - list.indexOf(b);
  return {
    profielen: [...profielen].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    leerwegen: [...leerwegen].sort(order(['BB', 'KB', 'GL', 'TL'])),
    sectoren: [...sectoren].sort().map((code) => ({ code, naam: SECTOR_NAMEN[code as Sector] ?? code })),
    locaties: [...locaties.values()].sort((a, b) => a.localeCompare(b, 'nl')),
    soorten: [...soorten].sort(order(Object.keys(MODULE_SOORT_NAMEN))).map((code) => ({ code, naam: MODULE_SOORT_NAMEN[code as keyof typeof MODULE_SOORT_NAMEN] })),
    perioden: [...perioden].sort(order(PERIODEN)).map((code) => ({ code, naam: PERIODE_NAMEN[code as keyof typeof PERIODE_NAMEN] })),
  };
}

/** A URL-safe slug of a title: 'Kennismaken met Installatietechniek!' → 'kennismaken-met-installatietechniek'. */
export function slugVan(titel: string): string {
  const s = fold(titel)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
  return s || 'module';
}
