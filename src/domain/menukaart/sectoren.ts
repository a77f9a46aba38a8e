/**
 * The sector of a vmbo profiel, for the menukaart's sector filter: the four classic vmbo sectors (techniek, zorg en
 * welzijn, economie, groen) and the sectoroverstijgende profiel Dienstverlening en producten. Unknown codes have none.
 */
import type { Sector } from '../../shared/menukaart-api.js';

const SECTOR_VAN_PROFIEL: Record<string, Sector> = {
  BWI: 'techniek',
  PIE: 'techniek',
  MVI: 'techniek',
  MET: 'techniek',
  MT: 'techniek',
  ZW: 'zorg-en-welzijn',
  EO: 'economie',
  HBR: 'economie',
  GR: 'groen',
  DP: 'sectoroverstijgend',
};

export function sectorenVan(profielen: readonly string[]): Sector[] {
  const s = new Set<Sector>();
  for (const p of profielen) {
    const sector = SECTOR_VAN_PROFIEL[p.toUpperCase()];
    if (sector) s.add(sector);
  }
  return [...s].sort();
}

/** The profiel code of a vmbo code: 'K/PIE/16' → 'PIE', 'P-BWI-2' → 'BWI'. */
export function profielVanCode(code: string): string | null {
  const m = /^[A-Za-z]{1,2}[/-]([A-Za-z&]{1,4})[/-]/.exec(code);
  return m ? m[1]!.toUpperCase() : null;
}
