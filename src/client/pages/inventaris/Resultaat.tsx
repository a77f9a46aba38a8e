/**
 * The inventory for a selection: totals, exports, the announcement of review actions, the filters and three columns
 * (Alleen vmbo, Beiden, Alleen mbo). State and filtering live in useResultaat.
 */
import type { Inventaris } from '../../../shared/inventory-api.js';
import { count } from '../../lib/format.js';
import { inventoryUrls, type InventarisSelectie } from '../../lib/inventory-api.js';
import { DataList, DocumentLink, Heading, Link, Paragraph, SelectField, TextField } from '../../ui/index.js';
import { ItemList } from './ItemList.js';
import { KoppelingLijst, KoppelingToevoegen } from './Koppelingen.js';
import { pct } from './labels.js';
import { useResultaat, type ResultaatState, type Toon } from './useInventaris.js';

interface ResultaatProps {
  inv: Inventaris;
  selectie: InventarisSelectie;
  partnershipId?: string;
  busy: boolean;
  onChanged: () => void;
  onMin: (min: string) => void;
}

export function Resultaat({ inv, selectie, partnershipId, busy, onChanged: reload, onMin }: ResultaatProps) {
  const r = useResultaat(inv, reload, Boolean(partnershipId && inv.magBeoordelen));
  const reviewer = r.canReview ? partnershipId : undefined;
  return (
    <div aria-busy={busy}>
      <Totalen inv={inv} />
      <Exporteren selectie={selectie} partnershipId={partnershipId} />
      <p role="status" ref={r.statusRef} tabIndex={-1} className="doorlopend-result-count">
        {r.announcement}
      </p>
      <Filters r={r} min={selectie.min ?? 'mogelijk'} onMin={onMin} />
      <div className="doorlopend-inventaris" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1.5rem', alignItems: 'start' }}>
        <section aria-labelledby="kolom-alleen-vmbo">
          <Heading level={2} id="kolom-alleen-vmbo">
            Alleen vmbo ({r.alleenVmbo.length})
          </Heading>
          <ItemList items={r.alleenVmbo} label="Alleen vmbo" partnershipId={reviewer} onChanged={r.onChanged} />
        </section>
        <BeidenKolom inv={inv} r={r} partnershipId={reviewer} />
        <section aria-labelledby="kolom-alleen-mbo">
          <Heading level={2} id="kolom-alleen-mbo">
            Alleen mbo ({r.alleenMbo.length})
          </Heading>
          <ItemList items={r.alleenMbo} label="Alleen mbo" partnershipId={reviewer} onChanged={r.onChanged} />
        </section>
      </div>
    </div>
  );
}

function Totalen({ inv }: { inv: Inventaris }) {
  const t = inv.totalen;
  return (
    <>
      <Heading level={2} id="inventaris-totalen" tabIndex={-1}>
        Totalen
      </Heading>
      <DataList
        aria-label="Totalen"
        items={[
          { key: 'vmbo', label: 'Eindtermen (vmbo)', value: `${count(t.eindtermen, 'eindterm', 'eindtermen')}, waarvan ${t.beidenVmbo} in Beiden (${pct(t.dekkingVmbo)} gedekt)` },
          { key: 'mbo', label: 'Werkprocessen en keuzedelen (mbo)', value: `${count(t.mboItems, 'item', 'items')}, waarvan ${t.beidenMbo} in Beiden (${pct(t.dekkingMbo)} gedekt)` },
          { key: 'links', label: 'Koppelingen', value: `${t.bevestigd} bevestigd, ${t.voorgesteld} voorgesteld, ${t.afgewezen} afgewezen` },
        ]}
      />
      {inv.opmerkingen.map((o) => (
        <Paragraph key={o}>{o}</Paragraph>
      ))}
    </>
  );
}

function Exporteren({ selectie, partnershipId }: { selectie: InventarisSelectie; partnershipId?: string }) {
  return (
    <Paragraph>
      Exporteren: <DocumentLink href={inventoryUrls.export(selectie, 'csv', partnershipId)}>CSV</DocumentLink>,{' '}
      <DocumentLink href={inventoryUrls.export(selectie, 'xlsx', partnershipId)}>Excel (XLSX)</DocumentLink>
      {partnershipId ? (
        <>
          , <DocumentLink href={inventoryUrls.caseExport(selectie, partnershipId)}>crosswalk als CASE 1.1 (JSON)</DocumentLink>. Koppelingen uit CASE of XLSX:{' '}
          <Link to={`/samenwerkingen/${encodeURIComponent(partnershipId)}/crosswalk/import`}>importeren en voorstellen beoordelen</Link>
        </>
      ) : null}
      .
    </Paragraph>
  );
}

function Filters({ r, min, onMin }: { r: ResultaatState; min: string; onMin: (min: string) => void }) {
  return (
    <div className="doorlopend-filters" role="search" aria-label="Filters">
      <TextField id="inv-filter" type="search" label="Filter op tekst" value={r.filter} onChange={r.setFilter} description="Code, titel, keuzevak of kerntaak" />
      <SelectField
        id="inv-min"
        label="Voorstellen vanaf"
        value={min}
        onChange={onMin}
        options={[
          { value: 'sterk', label: 'sterk' },
          { value: 'mogelijk', label: 'mogelijk' },
          { value: 'zwak', label: 'zwak (alle)' },
        ]}
      />
      <SelectField
        id="inv-toon"
        label="Koppelingen tonen"
        value={r.toon}
        onChange={(v) => r.setToon(v as Toon)}
        options={[
          { value: 'alle', label: 'alle' },
          { value: 'voorgesteld', label: 'nog te beoordelen (voorstellen)' },
          { value: 'beoordeeld', label: 'bevestigd of toegevoegd' },
          { value: 'afgewezen', label: 'afgewezen' },
        ]}
      />
    </div>
  );
}

/** The middle column: the links (suggested and reviewed) or, under the filter "afgewezen", the rejected links; the form to add one. */
function BeidenKolom({ inv, r, partnershipId }: { inv: Inventaris; r: ResultaatState; partnershipId?: string }) {
  const afgewezen = r.toon === 'afgewezen';
  return (
    <section aria-labelledby="kolom-beiden">
      <Heading level={2} id="kolom-beiden">
        {afgewezen ? `Afgewezen (${count(r.links.length, 'koppeling', 'koppelingen')})` : `Beiden (${count(r.links.length, 'koppeling', 'koppelingen')})`}
      </Heading>
      {partnershipId && !afgewezen ? <KoppelingToevoegen inv={inv} partnershipId={partnershipId} onChanged={r.onChanged} /> : null}
      {r.links.length === 0 ? (
        <Paragraph className="doorlopend-empty">{afgewezen ? 'Geen afgewezen koppelingen.' : 'Geen koppelingen.'}</Paragraph>
      ) : (
        <KoppelingLijst
          label={afgewezen ? 'Afgewezen koppelingen' : 'Koppelingen'}
          className="doorlopend-inventaris__links"
          links={r.links}
          byId={r.byId}
          partnershipId={partnershipId}
          onChanged={r.onChanged}
        />
      )}
      {!afgewezen && inv.afgewezen.length > 0 ? (
        <Paragraph className="doorlopend-meta">
          {count(inv.afgewezen.length, 'koppeling is', 'koppelingen zijn')} afgewezen: kies “afgewezen” bij Koppelingen tonen om ze te zien of te herstellen.
        </Paragraph>
      ) : null}
    </section>
  );
}
