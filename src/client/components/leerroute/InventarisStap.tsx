/**
 * Step 1, inventarisatie: the overlap inventory of the zoekmonitor for the route's selections, with the samenwerking's
 * reviewed links (GET /api/leerroutes/:id/inventaris). Reviewing links happens on the samenwerking's inventory page
 * (InventarisPage), to which this step links with the same selection.
 */
import type { Inventaris, InventarisItem, Koppeling } from '../../../shared/inventory-api.js';
import { InlineError, Loading } from '../PageStates.js';
import { count } from '../../lib/format.js';
import { leerrouteApi, leerrouteUrls } from '../../lib/leerroute-api.js';
import { useApi } from '../../lib/useApi.js';
import { Code, DataList, Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { useLeerroute } from './context.js';

const STATUS: Record<Koppeling['status'], string> = { voorgesteld: 'voorgesteld', bevestigd: 'bevestigd', handmatig: 'handmatig toegevoegd', afgewezen: 'afgewezen' };
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The samenwerking's inventory page with the route's selection. */
export function inventarisPagePath(inv: Inventaris, partnershipId: string): string {
  const s = inv.selectie;
  const q = new URLSearchParams();
  // No profiel: on the inventory page a profiel adds all its profielmodulen; the route names its own.
  if (s.vmbo.leerweg) q.set('leerweg', s.vmbo.leerweg);
  if (s.vmbo.keuzevakken.length) q.set('keuzevakken', s.vmbo.keuzevakken.map((k) => k.code).join(','));
  if (s.vmbo.profielmodulen.length) q.set('profielmodulen', s.vmbo.profielmodulen.map((k) => k.code).join(','));
  if (s.mbo.kwalificatie) q.set('kwalificatie', s.mbo.kwalificatie.crebo);
  if (s.mbo.keuzedelen.length) q.set('keuzedelen', s.mbo.keuzedelen.map((k) => k.code).join(','));
  return `/samenwerkingen/${encodeURIComponent(partnershipId)}/inventaris?${q.toString()}`;
}

function Item({ item }: { item: InventarisItem | undefined }) {
  if (!item) return <span className="doorlopend-unknown">onbekend item</span>;
  return (
    <>
      <Code>{item.code}</Code> {item.titel}
    </>
  );
}

export function InventarisStap() {
  const { route } = useLeerroute();
  const { data, error } = useApi(leerrouteUrls.inventaris(route.id), (signal) => leerrouteApi.inventaris(route.id, signal));
  if (error) return <InlineError error={error} />;
  if (!data) return <Loading label="Inventaris wordt gemaakt…" />;
  const byId = new Map([...data.vmbo, ...data.mbo].map((i) => [i.id, i]));
  const t = data.totalen;
  const alleenVmbo = data.vmbo.filter((i) => i.classificatie === 'alleen-vmbo');
  const alleenMbo = data.mbo.filter((i) => i.classificatie === 'alleen-mbo');
  return (
    <div className="doorlopend-leerroute-inventaris">
      <Paragraph>
        Welke eindtermen van de gekozen keuzevakken en profielmodulen overlappen met de werkprocessen en keuzedelen van de mbo-kant? Een eindterm met een
        koppeling (“Beiden”) plant u in stap 2 één keer; hij telt dan voor beide kanten.
      </Paragraph>
      <DataList
        aria-label="Totalen van de inventarisatie"
        items={[
          { key: 'vmbo', label: 'Eindtermen (vmbo)', value: `${count(t.eindtermen, 'eindterm', 'eindtermen')}, waarvan ${t.beidenVmbo} in Beiden (${pct(t.dekkingVmbo)})` },
          { key: 'mbo', label: 'Werkprocessen en keuzedelen (mbo)', value: `${count(t.mboItems, 'item', 'items')}, waarvan ${t.beidenMbo} in Beiden (${pct(t.dekkingMbo)})` },
          { key: 'links', label: 'Koppelingen', value: `${t.bevestigd} bevestigd, ${t.voorgesteld} voorgesteld, ${t.afgewezen} afgewezen` },
        ]}
      />
      {data.opmerkingen.map((o) => (
        <Paragraph key={o}>{o}</Paragraph>
      ))}
      <Paragraph>
        <Link to={inventarisPagePath(data, route.samenwerking.id)}>Koppelingen beoordelen in de overlapinventaris van {route.samenwerking.naam}</Link>
        {data.magBeoordelen ? '' : ' (alleen bekijken)'}
      </Paragraph>
      <Heading level={3}>Beiden ({count(data.links.length, 'koppeling', 'koppelingen')})</Heading>
      {data.links.length === 0 ? (
        <Paragraph>Geen koppelingen tussen de gekozen onderdelen.</Paragraph>
      ) : (
        <Table caption="Koppelingen eindterm ↔ werkproces" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Eindterm (vmbo)</TableHeaderCell>
              <TableHeaderCell scope="col">Werkproces of keuzedeel (mbo)</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.links.map((l) => (
              <TableRow key={`${l.eindtermId}|${l.werkprocesId}`}>
                <TableCell>
                  <Item item={byId.get(l.eindtermId)} />
                </TableCell>
                <TableCell>
                  <Item item={byId.get(l.werkprocesId)} />
                </TableCell>
                <TableCell>
                  {STATUS[l.status]}
                  {l.confidence && l.status === 'voorgesteld' ? ` (${l.confidence})` : ''}
                  {l.door ? `, door ${l.door}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <details className="doorlopend-disclosure">
        <summary>Alleen vmbo ({alleenVmbo.length})</summary>
        <ul>
          {alleenVmbo.map((i) => (
            <li key={i.id}>
              <Item item={i} />
            </li>
          ))}
        </ul>
      </details>
      <details className="doorlopend-disclosure">
        <summary>Alleen mbo ({alleenMbo.length})</summary>
        <ul>
          {alleenMbo.map((i) => (
            <li key={i.id}>
              <Item item={i} />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
