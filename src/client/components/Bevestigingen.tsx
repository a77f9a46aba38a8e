/**
 * Issue 5 on the public catalogue pages: how many samenwerkingen confirmed the links of an item, never which.
 * `useBevestigingen` fetches the counts of a whole page at once (a keuzevak, a profielmodule or a kwalificatie);
 * `BevestigdeKoppelingen` shows them under one item: under an eindterm the werkprocessen (or keuzedelen) it was
 * linked to, under a werkproces the eindtermen.
 */
import { useMemo } from 'react';
import type { Bevestigingen } from '../../shared/inventory-api.js';
import { count } from '../lib/format.js';
import { inventoryApi, inventoryUrls, type BevestigingenVan } from '../lib/inventory-api.js';
import { useApi } from '../lib/useApi.js';
import { Code } from '../ui/index.js';

export type Bevestiging = Bevestigingen['links'][number];
export type { BevestigingenVan };

/** The confirmed links of a page, per eindterm id (`per: 'eindterm'`) or per werkproces item id (`crebo:code`). */
export function useBevestigingen(van: BevestigingenVan | undefined, per: 'eindterm' | 'werkproces'): ReadonlyMap<string, Bevestiging[]> {
  const { data } = useApi(van ? inventoryUrls.bevestigingen(van) : null, (signal) => inventoryApi.bevestigingen(van!, signal));
  return useMemo(() => {
    const map = new Map<string, Bevestiging[]>();
    for (const l of data?.links ?? []) {
      const key = per === 'eindterm' ? l.eindtermId : l.werkprocesId;
      map.set(key, [...(map.get(key) ?? []), l]);
    }
    return map;
  }, [data, per]);
}

/** "Gekoppeld aan … (bevestigd door 2 samenwerkingen)" under an item; nothing when no samenwerking confirmed a link. */
export function BevestigdeKoppelingen({ links, onder }: { links: readonly Bevestiging[] | undefined; onder: 'eindterm' | 'werkproces' }) {
  if (!links || links.length === 0) return null;
  return (
    <span className="doorlopend-eindterm__bevestigingen">
      Gekoppeld aan{' '}
      {links.map((l, i) => {
        // Codes and titles only, never internal ids (issue 12); the kwalificatie of a werkproces in words.
        const [key, code, titel, waar] =
          onder === 'eindterm' ? [l.werkprocesId, l.werkprocesCode, l.werkproces, l.werkprocesContext] : [l.eindtermId, l.eindtermCode, l.eindterm, null];
        return (
          <span key={key}>
            {i > 0 ? '; ' : null}
            {code ? <Code>{code}</Code> : null} {titel ?? 'een item dat niet meer in de catalogus staat'}
            {waar ? <span className="doorlopend-meta"> ({waar})</span> : null} (bevestigd door {count(l.aantalSamenwerkingen, 'samenwerking', 'samenwerkingen')})
          </span>
        );
      })}
    </span>
  );
}
