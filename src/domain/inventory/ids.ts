/**
 * Stable ids of inventory items, used by the inventory, the crosswalk (stored reviews) and the exports:
 * - an eindterm: its SLO id (a UUID, lower case);
 * - a werkproces: `${crebo of the kwalificatie}:${werkproces code}`, e.g. `25282:B1-K1-W1` (a werkproces is judged
 *   within the kwalificatie it was chosen in; codes repeat across kwalificaties of a dossier);
 * - a keuzedeel (no werkprocessen in the data we hold): `keuzedeel:${code}`, e.g. `keuzedeel:K0072`, one item for
 *   the keuzedeel as a whole.
 */
export const EINDTERM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const WERKPROCES_ID = /^(\d{5}):([A-Za-z0-9][A-Za-z0-9.-]{0,39})$/;
export const KEUZEDEEL_ID = /^keuzedeel:([A-Za-z0-9][A-Za-z0-9.-]{0,19})$/;
/** Any item on the mbo side. */
export const MBO_ITEM_ID = new RegExp(`${WERKPROCES_ID.source}|${KEUZEDEEL_ID.source}`);

export const werkprocesId = (crebo: string, code: string) => `${crebo}:${code}`;
export const keuzedeelItemId = (code: string) => `keuzedeel:${code}`;

export type MboItemRef = { soort: 'werkproces'; crebo: string; code: string } | { soort: 'keuzedeel'; code: string };

export function parseMboItemId(id: string): MboItemRef | null {
  const w = WERKPROCES_ID.exec(id);
  if (w) return { soort: 'werkproces', crebo: w[1]!, code: w[2]! };
  const k = KEUZEDEEL_ID.exec(id);
  if (k) return { soort: 'keuzedeel', code: k[1]! };
  return null;
}

export const isEindtermId = (id: string) => EINDTERM_ID.test(id);
