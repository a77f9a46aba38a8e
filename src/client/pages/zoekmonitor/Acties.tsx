/**
 * The actions of one zoekmonitor result: "Maak een overlapinventaris" (the inventory with this pair selected) and
 * "Start een leerroute" (a disclosure that lists the user's samenwerkingen, each a link to its new-route form, prefilled).
 */
import { useState } from 'react';
import { cached, useApi } from '../../lib/useApi.js';
import { partnershipApi, partnershipUrls } from '../../lib/partnership-api.js';
import { Link, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';
import { inventarisHref, leerrouteQuery, type Selectie } from './acties.js';

function LeerrouteStart({ selectie, over }: { selectie: Selectie; over: string }) {
  const [open, setOpen] = useState(false);
  const url = partnershipUrls.partnerships();
  const lijst = useApi(open ? url : null, () => cached(url, () => partnershipApi.list()));
  const samenwerkingen = (lijst.data ?? []).filter((s) => s.status === 'lid');
  const q = leerrouteQuery(selectie);
  return (
    <details className="doorlopend-zm-leerroute" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        Start een leerroute<span className="doorlopend-visually-hidden"> met {over}</span>
      </summary>
      {open && lijst.loading ? <p role="status">Samenwerkingen laden…</p> : null}
      {lijst.error?.isUnauthorized ? (
        <Paragraph>
          <Link to={`/inloggen?terug=${encodeURIComponent(window.location.pathname + window.location.search)}`}>Log in</Link> om een leerroute te starten in een
          samenwerking.
        </Paragraph>
      ) : null}
      {lijst.error && !lijst.error.isUnauthorized ? <Paragraph>{lijst.error.message}</Paragraph> : null}
      {lijst.data && samenwerkingen.length === 0 ? (
        <Paragraph>
          U bent nog geen partner in een samenwerking. Een leerroute hoort bij een samenwerking: <Link to="/samenwerkingen">bekijk de samenwerkingen</Link>.
        </Paragraph>
      ) : null}
      {samenwerkingen.length > 0 ? (
        <UnorderedList aria-label={`Start een leerroute met ${over} in`}>
          {samenwerkingen.map((s) => (
            <ListItem key={s.id}>
              <Link to={`/samenwerkingen/${s.id}/leerroutes?${q}`}>Nieuwe leerroute in {s.naam}</Link>
            </ListItem>
          ))}
        </UnorderedList>
      ) : null}
    </details>
  );
}

/** Both actions for a result; `over` names the pair for screen readers ("K/PIE/13 en 25737"). */
export function Acties({ selectie, over }: { selectie: Selectie; over: string }) {
  return (
    <div className="doorlopend-zm-acties">
      <Link to={inventarisHref(selectie)}>
        Maak een overlapinventaris<span className="doorlopend-visually-hidden"> van {over}</span>
      </Link>
      <LeerrouteStart selectie={selectie} over={over} />
    </div>
  );
}
