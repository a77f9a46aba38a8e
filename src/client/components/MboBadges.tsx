import type { z } from 'zod';
import type { MboLeerweg } from '../../shared/mbo-api.js';
import { MBO_LEERWEG_NAMEN } from '../lib/format.js';
import { Badge, StatusBadge, VisuallyHidden } from '../ui/index.js';

type Leerweg = z.infer<typeof MboLeerweg>;

/** mbo leerwegen (BOL, BBL) as badges; screen readers hear "Leerwegen: BOL, BBL". */
export function MboLeerwegBadges({ leerwegen }: { leerwegen: readonly Leerweg[] | null }) {
  if (leerwegen === null) return <span className="doorlopend-unknown">onbekend</span>;
  if (leerwegen.length === 0) return <span className="doorlopend-unknown">geen</span>;
  return (
    <span className="doorlopend-badges">
      <VisuallyHidden>Leerwegen: </VisuallyHidden>
      {leerwegen.map((leerweg, index) => (
        <Badge key={leerweg} title={MBO_LEERWEG_NAMEN[leerweg]}>
          {leerweg}
          {index < leerwegen.length - 1 ? <VisuallyHidden>, </VisuallyHidden> : null}
        </Badge>
      ))}
    </span>
  );
}

/** "vmbo" or "mbo": which side of the catalogue an item belongs to. */
export function SideBadge({ side }: { side: 'vmbo' | 'mbo' }) {
  return (
    <Badge className={`doorlopend-side-badge doorlopend-side-badge--${side}`}>
      {side}
    </Badge>
  );
}

export function VervallenBadge({ status }: { status: 'actief' | 'vervallen' }) {
  return status === 'vervallen' ? <StatusBadge status="danger">Vervallen</StatusBadge> : null;
}
