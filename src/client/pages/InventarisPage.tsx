/**
 * The overlap inventory (issue 5): pick a vmbo selection and an mbo selection, see every eindterm and werkproces in
 * three columns — Alleen vmbo, Beiden, Alleen mbo — with totals and coverage. Within a samenwerking, teachers review
 * each link (bevestigen, afwijzen, type wijzigen with toelichting), add links the engine missed and mark items as
 * bewust niet gekoppeld. Everything is a native form control or button: keyboard-operable.
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import type { Inventaris, InventarisItem, Koppeling, Relatie } from '../../shared/inventory-api.js';
import { RELATIES } from '../../shared/inventory-api.js';
import { ApiError, api, urls } from '../api.js';
import { CodeKeuze, KeuzedelenKeuze, KwalificatieKeuze, useKwalificatie, useVmboOpties } from '../components/CatalogusKeuze.js';
import { FormFeedback, useAction } from '../components/ConfirmAction.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { count, formatDateTime } from '../lib/format.js';
import { inventoryApi, inventoryUrls, type InventarisSelectie } from '../lib/inventory-api.js';
import { fieldErrors } from '../lib/leerroute-api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { cached, useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import {
  Button,
  Code,
  DataList,
  DocumentLink,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  SelectField,
  StatusBadge,
  TextField,
  UnorderedList,
} from '../ui/index.js';

const FIELDS = ['profiel', 'leerweg', 'keuzevakken', 'profielmodulen', 'kwalificatie', 'keuzedelen', 'min'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const RELATIE_LABEL: Record<Relatie, string> = {
  gelijk: 'gelijk',
  deels: 'deels',
  breder: 'breder (de eindterm is breder)',
  smaller: 'smaller (de eindterm is smaller)',
  verwant: 'verwant',
};
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Public: the inventory with the engine's suggestions, without reviews. */
export function InventarisPage() {
  return <InventarisView />;
}

/** Within a samenwerking: with its crosswalk and the review actions. */
export function SamenwerkingInventarisPage() {
  const { id = '' } = useParams();
  return <SignedInOnly>{UUID.test(id) ? <InventarisView partnershipId={id.toLowerCase()} /> : <InlineError error={new ApiError(404, 'Deze samenwerking bestaat niet.')} />}</SignedInOnly>;
}

function selectieFrom(params: URLSearchParams): InventarisSelectie {
  const s: InventarisSelectie = {};
  for (const f of FIELDS) {
    const v = params.get(f)?.trim();
    if (v) s[f] = v;
  }
  return s;
}

function InventarisView({ partnershipId }: { partnershipId?: string }) {
  const { params, update } = useQueryParams();
  const selectie = selectieFrom(params);
  const complete = Boolean((selectie.profiel || selectie.keuzevakken || selectie.profielmodulen) && (selectie.kwalificatie || selectie.keuzedelen));
  const [version, setVersion] = useState(0);
  const url = inventoryUrls.inventaris(selectie, partnershipId);
  const state = useApi(complete ? `${url}#${version}` : null, (signal) => inventoryApi.inventaris(selectie, partnershipId, signal));
  useSessionExpiry(state.error);
  const inv = complete ? state.data : undefined;
  useDocumentTitle(inv?.samenwerking ? `Overlapinventaris – ${inv.samenwerking.naam}` : 'Overlapinventaris');

  return (
    <>
      <PageHeading>Overlapinventaris</PageHeading>
      {inv?.samenwerking ? (
        <Paragraph>
          Samenwerking: <Link to={`/samenwerkingen/${inv.samenwerking.id}`}>{inv.samenwerking.naam}</Link>. Beoordeelde koppelingen gaan voor voorstellen van de
          zoekmonitor; een afgewezen koppeling wordt hier niet meer voorgesteld.
        </Paragraph>
      ) : (
        <Paragraph>
          Welke eindtermen van het vmbo en werkprocessen van het mbo overlappen? Koppelingen zijn voorstellen van de zoekmonitor totdat docenten ze in een
          samenwerking bevestigen.
        </Paragraph>
      )}
      <SelectieForm
        key={params.toString()}
        initial={selectie}
        problems={complete ? fieldErrors(state.error) : []}
        onSubmit={(s) => update(Object.fromEntries(FIELDS.map((f) => [f, s[f] ?? null])), { replace: false })} />
      {!complete ? <Paragraph>Kies aan beide kanten iets: een profiel, keuzevakken of profielmodulen, en een kwalificatie of keuzedelen.</Paragraph> : null}
      {complete && state.error ? <InlineError error={state.error} /> : null}
      {complete && !inv && !state.error ? <Loading label="Inventaris wordt gemaakt…" /> : null}
      {inv && !state.error ? (
        <Resultaat inv={inv} selectie={selectie} partnershipId={partnershipId} busy={state.loading} onChanged={() => setVersion((v) => v + 1)} onMin={(min) => update({ min: min === 'mogelijk' ? null : min })} />
      ) : null}
    </>
  );
}

const codes = (v: string | undefined) => (v ?? '').split(',').map((c) => c.trim()).filter(Boolean);
const lijst = (c: string[]) => (c.length > 0 ? c.join(',') : undefined);

/**
 * The selection: profiel and leerweg as lists, keuzevakken, profielmodulen and keuzedelen as checkboxes with a list to
 * add from, the kwalificatie found by name or crebo (CatalogusKeuze, shared with the leerroute form). The address keeps
 * the codes. Refusals of the server (a code that does not exist) are shown at their field.
 */
function SelectieForm({ initial, problems, onSubmit }: { initial: InventarisSelectie; problems: Array<{ path: string; message: string }>; onSubmit: (s: InventarisSelectie) => void }) {
  const [profiel, setProfiel] = useState(initial.profiel ?? '');
  const [leerweg, setLeerweg] = useState(initial.leerweg ?? '');
  const [keuzevakken, setKeuzevakken] = useState(codes(initial.keuzevakken));
  const [profielmodulen, setProfielmodulen] = useState(codes(initial.profielmodulen));
  const [kwalificatie, setKwalificatie] = useState(initial.kwalificatie ?? '');
  const [keuzedelen, setKeuzedelen] = useState(codes(initial.keuzedelen));
  const vmbo = useVmboOpties(profiel, leerweg);
  const kwal = useKwalificatie(kwalificatie);
  const errorFor = (field: keyof InventarisSelectie) => {
    const messages = problems.filter((x) => x.path.replace(/^query\.?/, '').split('.')[0] === field).map((x) => x.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      ...(initial.min ? { min: initial.min } : {}),
      profiel: profiel || undefined,
      leerweg: leerweg || undefined,
      keuzevakken: lijst(keuzevakken),
      profielmodulen: lijst(profielmodulen),
      kwalificatie: kwalificatie || undefined,
      keuzedelen: lijst(keuzedelen),
    });
  };
  return (
    <form className="doorlopend-filters doorlopend-inventaris__selectie" aria-label="Selectie" onSubmit={submit}>
      <ProfielKeuze value={profiel} onChange={setProfiel} invalidMessage={errorFor('profiel')} />
      <SelectField
        id="inv-leerweg"
        label="Leerweg"
        value={leerweg}
        onChange={setLeerweg}
        options={[{ value: '', label: 'Alle leerwegen' }, ...['BB', 'KB', 'GL', 'TL'].map((l) => ({ value: l, label: l }))]}
        invalidMessage={errorFor('leerweg')}
      />
      <CodeKeuze
        id="inv-keuzevakken"
        legend="Keuzevakken"
        description={profiel ? 'Zonder aangevinkte keuzevakken telt het hele profiel mee; voeg ook keuzevakken van een ander profiel toe.' : 'Kies een profiel om zijn keuzevakken hier te zien, of voeg een keuzevak uit de lijst toe.'}
        invalidMessage={errorFor('keuzevakken')}
        opties={vmbo.keuzevakken.vanProfiel}
        bekend={vmbo.keuzevakken.alle}
        gekozen={keuzevakken}
        onChange={setKeuzevakken}
        loading={vmbo.loading}
        toevoegen={{ label: profiel ? 'Ander keuzevak' : 'Keuzevak', description: profiel ? 'Een keuzevak van een ander profiel.' : undefined, knop: 'Keuzevak toevoegen', opties: vmbo.keuzevakken.overige }}
      />
      <CodeKeuze
        id="inv-profielmodulen"
        legend="Profielmodulen"
        description={profiel ? 'De profielmodulen van het gekozen profiel tellen al mee; voeg hier profielmodulen van een ander profiel toe.' : undefined}
        invalidMessage={errorFor('profielmodulen')}
        opties={[]}
        bekend={vmbo.profielmodulen.alle}
        gekozen={profielmodulen}
        onChange={setProfielmodulen}
        loading={vmbo.loading}
        toevoegen={{ label: profiel ? 'Andere profielmodule' : 'Profielmodule', description: profiel ? 'Een profielmodule van een ander profiel.' : undefined, knop: 'Profielmodule toevoegen', opties: vmbo.profielmodulen.overige }}
      />
      <KwalificatieKeuze idPrefix="inv" label="Kwalificatie (mbo)" value={kwalificatie} onChange={setKwalificatie} kwalificatie={kwal} invalidMessage={errorFor('kwalificatie')} />
      <KeuzedelenKeuze id="inv-keuzedelen" kwalificatie={kwal} gekozen={keuzedelen} onChange={setKeuzedelen} invalidMessage={errorFor('keuzedelen')} />
      <Button type="submit">Inventaris maken</Button>
    </form>
  );
}

/** The profielen of the catalogue; a value from the address stays selectable while the list loads. */
function ProfielKeuze({ value, onChange, invalidMessage }: { value: string; onChange: (value: string) => void; invalidMessage?: string }) {
  const { data, loading } = useApi(urls.profielen(), () => cached(urls.profielen(), () => api.profielen()));
  const options = [{ value: '', label: 'Geen profiel' }, ...(data ?? []).map((p) => ({ value: p.code, label: `${p.afkorting} – ${p.naam}` }))];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <SelectField
      id="inv-profiel"
      label="Profiel (vmbo)"
      value={value}
      options={options}
      onChange={onChange}
      busy={loading}
      description="Zijn profielmodulen en, zonder keuzevakken hieronder, al zijn keuzevakken"
      invalidMessage={invalidMessage}
    />
  );
}

/** After a review action: what to announce, and whether the item moved (focus goes to the announcement). */
type Changed = (message: string, moveFocus?: boolean) => void;

interface ResultaatProps {
  inv: Inventaris;
  selectie: InventarisSelectie;
  partnershipId?: string;
  busy: boolean;
  onChanged: () => void;
  onMin: (min: string) => void;
}

function Resultaat({ inv, selectie, partnershipId, busy, onChanged: reload, onMin }: ResultaatProps) {
  const [filter, setFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const onChanged: Changed = (message, moveFocus) => {
    setAnnouncement(message);
    if (moveFocus) statusRef.current?.focus();
    reload();
  };
  const [toon, setToon] = useState<'alle' | 'voorgesteld' | 'beoordeeld'>('alle');
  const byId = new Map([...inv.vmbo, ...inv.mbo].map((i) => [i.id, i]));
  const needle = filter.trim().toLowerCase();
  const matches = (i: InventarisItem | undefined) => !needle || (i !== undefined && `${i.code} ${i.titel} ${i.context.join(' ')}`.toLowerCase().includes(needle));
  const t = inv.totalen;
  const alleenVmbo = inv.vmbo.filter((i) => i.classificatie === 'alleen-vmbo' && matches(i));
  const alleenMbo = inv.mbo.filter((i) => i.classificatie === 'alleen-mbo' && matches(i));
  const links = inv.links
    .filter((l) => toon === 'alle' || (toon === 'voorgesteld') === (l.status === 'voorgesteld'))
    .filter((l) => matches(byId.get(l.eindtermId)) || matches(byId.get(l.werkprocesId)));
  const canReview = Boolean(partnershipId && inv.magBeoordelen);

  return (
    <div aria-busy={busy}>
      <Heading level={2}>Totalen</Heading>
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
      <Paragraph>
        Exporteren: <DocumentLink href={inventoryUrls.export(selectie, 'csv', partnershipId)}>CSV</DocumentLink>,{' '}
        <DocumentLink href={inventoryUrls.export(selectie, 'xlsx', partnershipId)}>Excel (XLSX)</DocumentLink>
        {partnershipId ? (
          <>
            , <DocumentLink href={inventoryUrls.caseExport(selectie, partnershipId)}>crosswalk als CASE 1.1 (JSON)</DocumentLink>
          </>
        ) : null}
        .
      </Paragraph>
      <p role="status" ref={statusRef} tabIndex={-1} className="doorlopend-result-count">
        {announcement}
      </p>
      <div className="doorlopend-filters" role="search" aria-label="Filters">
        <TextField id="inv-filter" type="search" label="Filter op tekst" value={filter} onChange={setFilter} description="Code, titel, keuzevak of kerntaak" />
        <SelectField
          id="inv-min"
          label="Voorstellen vanaf"
          value={selectie.min ?? 'mogelijk'}
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
          value={toon}
          onChange={(v) => setToon(v as typeof toon)}
          options={[
            { value: 'alle', label: 'alle' },
            { value: 'voorgesteld', label: 'nog te beoordelen (voorstellen)' },
            { value: 'beoordeeld', label: 'bevestigd of toegevoegd' },
          ]}
        />
      </div>
      <div className="doorlopend-inventaris" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1.5rem', alignItems: 'start' }}>
        <section aria-labelledby="kolom-alleen-vmbo">
          <Heading level={2} id="kolom-alleen-vmbo">
            Alleen vmbo ({alleenVmbo.length})
          </Heading>
          <ItemList items={alleenVmbo} label="Alleen vmbo" partnershipId={canReview ? partnershipId : undefined} onChanged={onChanged} />
        </section>
        <section aria-labelledby="kolom-beiden">
          <Heading level={2} id="kolom-beiden">
            Beiden ({count(links.length, 'koppeling', 'koppelingen')})
          </Heading>
          {canReview ? <KoppelingToevoegen inv={inv} partnershipId={partnershipId!} onChanged={onChanged} /> : null}
          {links.length === 0 ? (
            <Paragraph className="doorlopend-empty">Geen koppelingen.</Paragraph>
          ) : (
            <UnorderedList aria-label="Koppelingen" className="doorlopend-inventaris__links">
              {links.map((l) => (
                <ListItem key={`${l.eindtermId}|${l.werkprocesId}`}>
                  <KoppelingItem link={l} byId={byId} partnershipId={canReview ? partnershipId : undefined} onChanged={onChanged} />
                </ListItem>
              ))}
            </UnorderedList>
          )}
          {inv.afgewezen.length > 0 ? (
            <>
              <Heading level={3}>Afgewezen ({inv.afgewezen.length})</Heading>
              <UnorderedList aria-label="Afgewezen koppelingen">
                {inv.afgewezen.map((l) => (
                  <ListItem key={`${l.eindtermId}|${l.werkprocesId}`}>
                    <KoppelingItem link={l} byId={byId} partnershipId={canReview ? partnershipId : undefined} onChanged={onChanged} />
                  </ListItem>
                ))}
              </UnorderedList>
            </>
          ) : null}
        </section>
        <section aria-labelledby="kolom-alleen-mbo">
          <Heading level={2} id="kolom-alleen-mbo">
            Alleen mbo ({alleenMbo.length})
          </Heading>
          <ItemList items={alleenMbo} label="Alleen mbo" partnershipId={canReview ? partnershipId : undefined} onChanged={onChanged} />
        </section>
      </div>
    </div>
  );
}

function ItemTitle({ item }: { item: InventarisItem | undefined }) {
  if (!item) return <span className="doorlopend-unknown">onbekend item</span>;
  return (
    <>
      <Code>{item.code}</Code> {item.titel} <span className="doorlopend-meta">({item.context.join(' › ')})</span>
    </>
  );
}

function ItemList({ items, label, partnershipId, onChanged }: { items: InventarisItem[]; label: string; partnershipId?: string; onChanged: Changed }) {
  if (items.length === 0) return <Paragraph className="doorlopend-empty">Geen items.</Paragraph>;
  return (
    <UnorderedList aria-label={label}>
      {items.map((i) => (
        <ListItem key={i.id}>
          <ItemTitle item={i} />
          {i.bewustNietGekoppeld ? (
            <>
              {' '}
              <StatusBadge status="neutral">bewust niet gekoppeld</StatusBadge>
              {i.toelichtingNietGekoppeld ? <span> {i.toelichtingNietGekoppeld}</span> : null}
            </>
          ) : null}
          {partnershipId ? <NietKoppelenKnop item={i} partnershipId={partnershipId} onChanged={onChanged} /> : null}
        </ListItem>
      ))}
    </UnorderedList>
  );
}

function NietKoppelenKnop({ item, partnershipId, onChanged }: { item: InventarisItem; partnershipId: string; onChanged: Changed }) {
  const action = useAction('Opslaan lukte niet.');
  const toggle = () =>
    void action
      .run(async () => {
        await inventoryApi.nietKoppelen(partnershipId, { itemId: item.id, bewustNietGekoppeld: !item.bewustNietGekoppeld });
        return null;
      })
      .then((ok) => ok && onChanged(`${item.code} ${item.bewustNietGekoppeld ? 'is niet meer gemarkeerd' : 'is gemarkeerd als bewust niet gekoppeld'}.`));
  return (
    <>
      {' '}
      <Button appearance="subtle-button" onClick={toggle} disabled={action.busy} aria-label={`${item.code}: ${item.bewustNietGekoppeld ? 'markering bewust niet gekoppeld weghalen' : 'markeren als bewust niet gekoppeld'}`}>
        {item.bewustNietGekoppeld ? 'Markering weghalen' : 'Bewust niet gekoppeld'}
      </Button>
      <FormFeedback state={action} failureHeading="Niet opgeslagen" headingLevel={4} />
    </>
  );
}

function statusText(l: Koppeling): string {
  if (l.status === 'voorgesteld') return `Voorstel (${l.confidence ?? '?'}${l.score !== null ? `, score ${l.score.toFixed(2).replace('.', ',')}` : ''})`;
  const wie = [l.door, l.op ? formatDateTime(l.op) : null].filter(Boolean).join(', ');
  const wat = l.status === 'afgewezen' ? 'Afgewezen' : l.status === 'handmatig' ? 'Handmatig toegevoegd' : 'Bevestigd';
  return `${wat}${l.relatie ? `: ${l.relatie}` : ''}${wie ? ` (${wie})` : ''}`;
}

function KoppelingItem({ link, byId, partnershipId, onChanged }: { link: Koppeling; byId: Map<string, InventarisItem>; partnershipId?: string; onChanged: Changed }) {
  const e = byId.get(link.eindtermId);
  const w = byId.get(link.werkprocesId);
  const name = `Koppeling ${e?.code ?? link.eindtermId} en ${w?.code ?? link.werkprocesId}`;
  const [relatie, setRelatie] = useState<string>(link.relatie ?? '');
  const [toelichting, setToelichting] = useState(link.toelichting ?? '');
  const action = useAction('Opslaan lukte niet.');
  const act = (actie: 'bevestigen' | 'afwijzen') =>
    void action
      .run(async () => {
        await inventoryApi.beoordeel(partnershipId!, {
          eindtermId: link.eindtermId,
          werkprocesId: link.werkprocesId,
          actie,
          ...(actie === 'bevestigen' && relatie ? { relatie: relatie as Relatie } : {}),
          ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}),
        });
        return null;
      })
      .then(
        (ok) =>
          ok &&
          onChanged(
            actie === 'afwijzen' ? `${name} is afgewezen.` : `${name} is bevestigd${relatie ? ` (${relatie})` : ''}.`,
            // The link moves between the lists of counted and rejected links: focus goes to the announcement.
            actie === 'afwijzen' || link.status === 'afgewezen',
          ),
      );
  const id = `k-${link.eindtermId}-${link.werkprocesId}`.replace(/[^A-Za-z0-9-]/g, '-');
  const body = (
    <>
      <Paragraph>
        <ItemTitle item={e} />
        <br />↔ <ItemTitle item={w} />
      </Paragraph>
      <Paragraph className="doorlopend-meta">
        <StatusBadge status={link.status === 'voorgesteld' ? 'warning' : link.status === 'afgewezen' ? 'danger' : 'safe'}>{statusText(link)}</StatusBadge>
        {link.sharedTerms.length > 0 ? <> Gedeelde woorden: {link.sharedTerms.join(', ')}.</> : null}
        {link.toelichting ? <> Toelichting: {link.toelichting}</> : null}
      </Paragraph>
    </>
  );
  if (!partnershipId) return <div>{body}</div>;
  return (
    <form
      aria-label={name}
      className="doorlopend-inventaris__koppeling"
      onSubmit={(ev) => {
        ev.preventDefault();
        act('bevestigen');
      }}
    >
      {body}
      <SelectField
        id={`${id}-relatie`}
        label="Type"
        value={relatie}
        onChange={setRelatie}
        options={[{ value: '', label: 'Niet getypeerd' }, ...RELATIES.map((r) => ({ value: r, label: RELATIE_LABEL[r] }))]}
      />
      <TextField id={`${id}-toelichting`} label="Toelichting" value={toelichting} onChange={setToelichting} maxLength={2000} />
      <Button type="submit" disabled={action.busy}>
        {link.status === 'voorgesteld' || link.status === 'afgewezen' ? 'Bevestigen' : 'Type opslaan'}
      </Button>{' '}
      {link.status !== 'afgewezen' ? (
        <Button appearance="secondary-action-button" onClick={() => act('afwijzen')} disabled={action.busy}>
          Afwijzen
        </Button>
      ) : null}
      <FormFeedback state={action} failureHeading="Niet opgeslagen" headingLevel={4} />
    </form>
  );
}

function KoppelingToevoegen({ inv, partnershipId, onChanged }: { inv: Inventaris; partnershipId: string; onChanged: Changed }) {
  const [eindterm, setEindterm] = useState('');
  const [werkproces, setWerkproces] = useState('');
  const [relatie, setRelatie] = useState('');
  const [toelichting, setToelichting] = useState('');
  const action = useAction('Toevoegen lukte niet.');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void action
      .run(async () => {
        if (!eindterm || !werkproces) throw new ApiError(400, 'Kies een eindterm en een werkproces.');
        await inventoryApi.beoordeel(partnershipId, {
          eindtermId: eindterm,
          werkprocesId: werkproces,
          actie: 'toevoegen',
          ...(relatie ? { relatie: relatie as Relatie } : {}),
          ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}),
        });
        return null;
      })
      .then((ok) => {
        if (ok) {
          setEindterm('');
          setWerkproces('');
          setToelichting('');
          onChanged('Koppeling toegevoegd.');
        }
      });
  };
  return (
    <form aria-label="Koppeling toevoegen" className="doorlopend-filters" onSubmit={submit}>
      <SelectField id="add-eindterm" label="Eindterm" value={eindterm} onChange={setEindterm} options={[{ value: '', label: 'Kies een eindterm' }, ...inv.vmbo.map((i) => ({ value: i.id, label: `${i.code} ${i.titel}` }))]} />
      <SelectField id="add-werkproces" label="Werkproces of keuzedeel" value={werkproces} onChange={setWerkproces} options={[{ value: '', label: 'Kies een werkproces' }, ...inv.mbo.map((i) => ({ value: i.id, label: `${i.code} ${i.titel}` }))]} />
      <SelectField id="add-relatie" label="Type" value={relatie} onChange={setRelatie} options={[{ value: '', label: 'Niet getypeerd' }, ...RELATIES.map((r) => ({ value: r, label: RELATIE_LABEL[r] }))]} />
      <TextField id="add-toelichting" label="Toelichting" value={toelichting} onChange={setToelichting} maxLength={2000} />
      <Button type="submit" disabled={action.busy}>
        Toevoegen
      </Button>
      <FormFeedback state={action} failureHeading="Niet toegevoegd" headingLevel={4} />
    </form>
  );
}
