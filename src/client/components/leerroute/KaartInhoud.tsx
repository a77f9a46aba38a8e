/** What a planning card shows: its doelen with their side and source, "Beiden" for a pair, and how they are linked. */
import { Badge, StatusBadge } from '../../ui/index.js';
import { cssId, doelLabel, SOORT_DOEL, useLeerroute } from './context.js';
import type { KoppelStatus } from './planning-kaarten.js';

export function KaartInhoud({ items, koppeling }: { items: readonly string[]; koppeling?: KoppelStatus }) {
  const { doelen, doelOf } = useLeerroute();
  const sides = new Set(items.map((id) => doelen.get(id)?.side));
  const eerste = items[0] && doelen.get(items[0])?.side === 'vmbo' ? items[0] : null;
  return (
    <>
      {sides.has('vmbo') && sides.has('mbo') ? (
        <StatusBadge status="safe" className="doorlopend-leerroute-kaart__beiden">
          Beiden
        </StatusBadge>
      ) : null}
      <ul className="doorlopend-leerroute-kaart__items">
        {items.map((id) => {
          const d = doelen.get(id);
          return (
            <li key={id} id={`doel-${cssId(id)}`}>
              <Badge className={`doorlopend-side-badge doorlopend-side-badge--${doelOf(id)?.side ?? 'vmbo'}`}>{d ? `${d.side} · ${SOORT_DOEL[d.soort]}` : `${doelOf(id)?.side ?? 'onbekend'} · geen doel meer`}</Badge>{' '}
              <span className="doorlopend-leerroute-kaart__titel">{doelLabel(doelOf(id), id)}</span>
              {d ? <span className="doorlopend-meta"> ({d.bron.code})</span> : null}
              {eerste && d?.side === 'mbo' && koppeling?.(eerste, id) ? <span className="doorlopend-meta"> – {koppeling(eerste, id)}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
