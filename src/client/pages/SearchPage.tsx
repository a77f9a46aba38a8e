import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { SearchKind } from '../../shared/catalog-api.js';
import { api, urls } from '../api.js';
import type { ClientSearchHit, SearchParams, SearchSide } from '../api.js';
import { Highlighted } from '../components/Highlighted.js';
import { LeerwegBadges } from '../components/LeerwegBadges.js';
import { LeerwegSelect } from '../components/LeerwegSelect.js';
import { SideBadge } from '../components/MboBadges.js';
import { InlineError } from '../components/PageStates.js';
import { count, formatNumber, KIND_LABELS, kindLabel, MBO_KINDS, parseLeerweg, VMBO_KINDS } from '../lib/format.js';
import { useDocumentTitle, useRevealAfterSubmit } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import {
  Badge,
  Button,
  Code,
  Heading,
  Link,
  ListItem,
  OrderedList,
  OrderedListItem,
  PageHeading,
  Pagination,
  Paragraph,
  SelectField,
  TextField,
  UnorderedList,
} from '../ui/index.js';

export const PAGE_SIZE = 20;

function parseKind(value: string | null): SearchKind | null {
  const parsed = SearchKind.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 1;
}

function parseSide(value: string | null): SearchSide {
  return value === 'vmbo' || value === 'mbo' ? value : 'alle';
}

const SIDE_OPTIONS = [
  { value: 'alle', label: 'Alle (vmbo en mbo)' },
  { value: 'vmbo', label: 'vmbo' },
  { value: 'mbo', label: 'mbo' },
];

/** The kinds to choose from depend on the side; with both sides the option says which side a kind is from. */
function kindOptions(side: SearchSide) {
  const vmbo = VMBO_KINDS.map((kind) => ({ value: kind, label: side === 'alle' ? `${KIND_LABELS[kind]} (vmbo)` : KIND_LABELS[kind] }));
  const mbo = MBO_KINDS.map((kind) => ({ value: kind, label: side === 'alle' ? `${KIND_LABELS[kind]} (mbo)` : KIND_LABELS[kind] }));
  return [{ value: '', label: 'Alle soorten' }, ...(side === 'mbo' ? [] : vmbo), ...(side === 'vmbo' ? [] : mbo)];
}

function kindFitsSide(kind: SearchKind, side: SearchSide): boolean {
  if (side === 'alle') return true;
  return side === 'vmbo' ? (VMBO_KINDS as readonly string[]).includes(kind) : (MBO_KINDS as readonly string[]).includes(kind);
}

function Hit({ hit }: { hit: ClientSearchHit }) {
  return (
    <OrderedListItem className="doorlopend-hit">
      <Heading level={3} className="doorlopend-hit__title">
        <Link to={hit.url}>
          <Code className="doorlopend-hit__code">{hit.code}</Code> <Highlighted parts={hit.titleHighlight} />
        </Link>
      </Heading>
      <Paragraph className="doorlopend-meta">
        <span className="doorlopend-badges">
          <SideBadge side={hit.side} /> <Badge>{kindLabel(hit.kind)}</Badge>
        </span>{' '}
        <LeerwegBadges leerwegen={hit.leerwegen} />
        {hit.context ? <span className="doorlopend-hit__context"> Onderdeel van {hit.context}</span> : null}
      </Paragraph>
      {hit.snippet.length > 0 ? (
        <Paragraph className="doorlopend-hit__snippet">
          <Highlighted parts={hit.snippet} />
        </Paragraph>
      ) : null}
    </OrderedListItem>
  );
}

export function SearchPage() {
  const { params, update } = useQueryParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const side = parseSide(params.get('side'));
  const parsedKind = parseKind(params.get('kind'));
  const kind = parsedKind && kindFitsSide(parsedKind, side) ? parsedKind : null;
  // Leerwegen BB/KB/GL/TL are vmbo leerwegen: no leerweg filter when searching only the mbo.
  const leerweg = side === 'mbo' ? null : parseLeerweg(params.get('leerweg'));
  const page = parsePage(params.get('pagina'));
  useDocumentTitle(q ? `Zoeken naar ‘${q}’` : 'Zoeken');

  const request: SearchParams | null = q
    ? { q, side, kind, leerweg, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }
    : null;
  const { data, error, loading } = useApi(request ? urls.search(request) : null, (signal) => api.search(request!, signal));

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  // After a search is sent, focus moves to the results heading (and it scrolls into view at 390 px, where the form
  // fills the screen and the results would start below the fold).
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const reveal = useRevealAfterSubmit(() => resultsHeading.current, !loading);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const term = text.trim();
    if (term) next.set('q', term);
    if (side !== 'alle') next.set('side', side);
    if (kind) next.set('kind', kind);
    if (leerweg) next.set('leerweg', leerweg);
    if (term) reveal();
    navigate(`/zoeken${next.size ? `?${next.toString()}` : ''}`);
  };

  // After Vorige/Volgende, move focus to the results heading once the new page is shown.
  const previousPage = useRef(page);
  const [focusResults, setFocusResults] = useState(false);
  useEffect(() => {
    if (previousPage.current !== page) setFocusResults(true);
    previousPage.current = page;
  }, [page]);
  useEffect(() => {
    if (focusResults && !loading && data) {
      resultsHeading.current?.focus();
      resultsHeading.current?.scrollIntoView({ block: 'start' });
      setFocusResults(false);
    }
  }, [focusResults, loading, data]);

  const shown = data && !loading && !error ? data : null;
  const total = shown?.total ?? 0;
  // The server pages up to offset 10,000 (page 500 of 20 results).
  const pages = Math.min(500, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete('pagina');
    else next.set('pagina', String(p));
    return `/zoeken?${next.toString()}`;
  };

  let statusText = '';
  if (!q) statusText = '';
  else if (loading) statusText = 'Bezig met zoeken…';
  else if (shown) {
    statusText =
      shown.total === 0
        ? `Geen resultaten voor ‘${q}’`
        : `${count(shown.total, 'resultaat', 'resultaten')} voor ‘${q}’` +
          (pages > 1 ? `, pagina ${formatNumber(page)} van ${formatNumber(pages)}` : '');
  }

  return (
    <>
      <PageHeading>Zoeken</PageHeading>
      <Paragraph>
        Zoek in de profielen, profielmodulen, keuzevakken, deeltaken en eindtermen van het vmbo en in de kwalificatiedossiers,
        kwalificaties, kerntaken, werkprocessen en keuzedelen van het mbo.
      </Paragraph>

      <form role="search" aria-label="Zoekopdracht" className="doorlopend-filters doorlopend-search-page-form" onSubmit={onSubmit}>
        <div className="doorlopend-filters__text">
          <TextField id="search-q" name="q" type="search" label="Zoekterm" value={text} onChange={setText} />
          <Button type="submit">Zoeken</Button>
        </div>
        <SelectField
          id="search-side"
          name="side"
          label="Kant"
          value={side}
          options={SIDE_OPTIONS}
          onChange={(value) => {
            const next = parseSide(value);
            update({
              side: next === 'alle' ? null : next,
              kind: kind && kindFitsSide(kind, next) ? kind : null,
              leerweg: next === 'mbo' ? null : leerweg,
              pagina: null,
            });
          }}
        />
        <SelectField
          id="search-kind"
          name="kind"
          label="Soort"
          value={kind ?? ''}
          options={kindOptions(side)}
          onChange={(value) => update({ kind: value, pagina: null })}
        />
        {side !== 'mbo' ? (
          <LeerwegSelect
            id="search-leerweg"
            value={leerweg}
            description={side === 'alle' ? 'Alleen voor het vmbo' : undefined}
            onChange={(value) => update({ leerweg: value, pagina: null })}
          />
        ) : null}
      </form>

      <section aria-labelledby="resultaten-heading" className="doorlopend-section" aria-busy={loading || undefined}>
        <Heading level={2} id="resultaten-heading" tabIndex={-1} ref={resultsHeading}>
          Resultaten
        </Heading>
        <p role="status" className="doorlopend-result-count">
          {statusText}
        </p>
        {shown && shown.note && shown.total > 0 ? <Paragraph className="doorlopend-search-note">{shown.note}</Paragraph> : null}
        {!q ? <Paragraph>Vul een zoekterm in, bijvoorbeeld ‘lassen’, ‘kinderopvang’ of een code als ‘K/PIE/16’.</Paragraph> : null}
        {error ? <InlineError error={error} /> : null}
        {shown && shown.total === 0 ? (
          <>
            <Paragraph>Er zijn geen resultaten gevonden. Misschien helpt het om:</Paragraph>
            <UnorderedList>
              <ListItem>minder of andere woorden te gebruiken;</ListItem>
              {kind || leerweg || side !== 'alle' ? (
                <ListItem>
                  <Link to={`/zoeken?${new URLSearchParams({ q }).toString()}`}>in vmbo en mbo zonder filters te zoeken</Link>;
                </ListItem>
              ) : null}
              <ListItem>
                de lijst met <Link to="/vmbo/keuzevakken">alle keuzevakken (vmbo)</Link> of{' '}
                <Link to="/mbo/kwalificaties">alle kwalificaties (mbo)</Link> te bekijken.
              </ListItem>
            </UnorderedList>
          </>
        ) : null}
        {shown && shown.hits.length > 0 ? (
          <OrderedList className="doorlopend-hits" aria-label="Zoekresultaten" start={(page - 1) * PAGE_SIZE + 1}>
            {shown.hits.map((hit) => (
              <Hit key={`${hit.side}:${hit.kind}:${hit.id}`} hit={hit} />
            ))}
          </OrderedList>
        ) : null}
        {shown ? <Pagination label="Paginering" page={page} pages={pages} hrefOf={pageLink} /> : null}
      </section>
    </>
  );
}
