/**
 * Display names of profielen: abbreviations from data, names derived from SLO's title when unknown. One name per
 * profiel everywhere (catalogue, zoekmonitor, inventory, leerroute, exports): always through profielRef / profielNaam,
 * never shortProfielName on its own.
 */
import type { ProfielRef } from '../../shared/catalog-api.js';
import PROFIELEN from './profielen.json' with { type: 'json' };

const known = PROFIELEN as unknown as Record<string, { afkorting: string; naam: string } | string>;

/** "Examenprogramma beroepsgericht  Groen" -> "Groen". */
export function shortProfielName(sloTitle: string): string {
  const name = sloTitle.replace(/^examenprogramma\s+beroepsgericht(?:\s+programma)?\s+/i, '').replace(/\s+/g, ' ').trim();
  return name.length > 0 ? name.charAt(0).toUpperCase() + name.slice(1) : sloTitle;
}

export function profielRef(code: string, sloTitle: string): ProfielRef {
  const entry = known[code];
  if (entry && typeof entry === 'object') return { code, afkorting: entry.afkorting, naam: entry.naam };
  return { code, afkorting: code, naam: shortProfielName(sloTitle) };
}

/** The one name of a profiel (profielen.json, else derived from SLO's title): "Produceren, installeren en energie". */
export function profielNaam(code: string, sloTitle: string): string {
  return profielRef(code, sloTitle).naam;
}
