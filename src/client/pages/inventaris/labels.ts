/** Texts of the overlap inventory shared by its views and hooks. */
import type { Koppeling, Relatie } from '../../../shared/inventory-api.js';
import { RELATIES } from '../../../shared/inventory-api.js';
import { formatDateTime } from '../../lib/format.js';

/** After a review action: what to announce, and whether the item moved (focus goes to the announcement). */
export type Changed = (message: string, moveFocus?: boolean) => void;

const RELATIE_LABEL: Record<Relatie, string> = {
  gelijk: 'gelijk',
  deels: 'deels',
  breder: 'breder (de eindterm is breder)',
  smaller: 'smaller (de eindterm is smaller)',
  verwant: 'verwant',
};

export const RELATIE_OPTIES = [{ value: '', label: 'Niet getypeerd' }, ...RELATIES.map((r) => ({ value: r, label: RELATIE_LABEL[r] }))];

export const pct = (x: number) => `${Math.round(x * 100)}%`;

export function statusText(l: Koppeling): string {
  if (l.status === 'voorgesteld') return `Voorstel (${l.confidence ?? '?'}${l.score !== null ? `, score ${l.score.toFixed(2).replace('.', ',')}` : ''})`;
  const wie = [l.door, l.op ? formatDateTime(l.op) : null].filter(Boolean).join(', ');
  const wat = l.status === 'afgewezen' ? 'Afgewezen' : l.status === 'handmatig' ? 'Handmatig toegevoegd' : 'Bevestigd';
  // Issue 12: who first reviewed it stays visible when someone else changed it since.
  const eerst = l.aangemaaktDoor && l.aangemaaktDoor !== l.door ? `; eerst beoordeeld door ${l.aangemaaktDoor}${l.aangemaaktOp ? `, ${formatDateTime(l.aangemaaktOp)}` : ''}` : '';
  const gewijzigd = eerst && wie ? `gewijzigd door ${wie}` : wie;
  return `${wat}${l.relatie ? `: ${l.relatie}` : ''}${gewijzigd || eerst ? ` (${gewijzigd}${eerst})` : ''}`;
}
