import type { Leerweg } from '../../shared/catalog-api.js';
import { LEERWEG_NAMEN } from '../lib/format.js';
import { Badge, VisuallyHidden } from '../ui/index.js';

/** Leerweg codes as badges; screen readers hear "Leerwegen: BB, KB". */
export function LeerwegBadges({ leerwegen, label = 'Leerwegen' }: { leerwegen: readonly Leerweg[]; label?: string }) {
  if (leerwegen.length === 0) return null;
  return (
    <span className="doorlopend-badges">
      <VisuallyHidden>{label}: </VisuallyHidden>
      {leerwegen.map((leerweg, index) => (
        <Badge key={leerweg} title={LEERWEG_NAMEN[leerweg]}>
          {leerweg}
          {index < leerwegen.length - 1 ? <VisuallyHidden>, </VisuallyHidden> : null}
        </Badge>
      ))}
    </span>
  );
}
