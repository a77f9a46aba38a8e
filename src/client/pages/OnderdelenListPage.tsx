import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { KeuzevakSummary, ProfielmoduleSummary } from '../../shared/catalog-api.js';
import { api, urls } from '../api.js';
import type { ListFilters, Paged } from '../api.js';
import { LeerwegBadges } from '../components/LeerwegBadges.js';
import { LeerwegSelect } from '../components/LeerwegSelect.js';
import { ClearFilters, ResultCount, TextFilter } from '../components/ListFilters.js';
import { InlineError } from '../components/PageStates.js';
import { PagePosition, PastTheEnd } from '../components/Paging.js';
import { ProfielSelect } from '../components/ProfielSelect.js';
import { parseLeerweg } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { pageFromUrl, pageHref, PER_PAGINA, usePageFocus } from '../lib/paging.js';
import { Code, Link, PageHeading, Pagination, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, VisuallyHidden } from '../ui/index.js';

type Summary = KeuzevakSummary | ProfielmoduleSummary;
type StatusFilter = NonNullable<ListFilters['status']>;

interface KindConfig {
  title: string;
  intro: string;
  singular: string;
  plural: string;
  basePath: string;
  idPrefix: string;
  load: (filters: ListFilters, signal: AbortSignal) => Promise<Paged<Summary>>;
  url: (filters: ListFilters) => string;
}

const KINDS = {
  keuzevakken: {
    title: 'Keuzevakken',
    intro:
      'Keuzevakken verdiepen of verbreden het profiel. Filter op profiel, leerweg of een woord uit de titel of code.',
    singular: 'keuzevak',
    plural: 'keuzevakken',
    basePath: '/vmbo/keuzevakken',
    idPrefix: 'keuzevakken',
    load: (f, signal) => api.keuzevakkenPagina(f, signal),
    url: (f) => urls.keuzevakken(f),
  },
  profielmodulen: {
    title: 'Profielmodulen',
    intro: 'Profielmodulen vormen samen met de kern het verplichte deel van een profiel.',
    singular: 'profielmodule',
    plural: 'profielmodulen',
    basePath: '/vmbo/profielmodulen',
    idPrefix: 'profielmodulen',
    load: (f, signal) => api.profielmodulenPagina(f, signal),
    url: (f) => urls.profielmodulen(f),
  },
} satisfies Record<string, KindConfig>;

const STATUS_OPTIONS = [
  { value: 'actief', label: 'Actief' },
  { value: 'vervallen', label: 'Vervallen' },
  { value: 'alle', label: 'Actief en vervallen' },
] as const;

function parseStatus(value: string | null): StatusFilter {
  return value === 'vervallen' || value === 'alle' ? value : 'actief';
}

export function OnderdelenListPage({ kind }: { kind: keyof typeof KINDS }) {
  const config: KindConfig = KINDS[kind];
  useDocumentTitle(config.title);
  const { params, update } = useQueryParams();
  const profiel = params.get('profiel') ?? '';
  const leerweg = parseLeerweg(params.get('leerweg'));
  const q = (params.get('q') ?? '').trim();
  const status = parseStatus(params.get('status'));
  const filters: ListFilters = {
    profiel: profiel || null,
    leerweg,
    q: q || null,
    status: status === 'actief' ? null : status,
    pagina: pageFromUrl(params),
    perPagina: PER_PAGINA,
  };
  const pagina = filters.pagina ?? 1;
  const { data: page, error, loading } = useApi(config.url(filters), (signal) => config.load(filters, signal));
  const data = page?.items;
  const pages = Math.max(1, Math.ceil((page?.totaal ?? 0) / PER_PAGINA));
  const positionRef = usePageFocus(pagina, loading);
  // A new filter starts at the first page.
  const filter = (changes: Record<string, string | null>) => update({ ...changes, pagina: null });

  // The text field follows the URL (back button, links), but is only applied on submit.
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    filter({ q: text.trim() });
  };

  const hasFilters = Boolean(profiel || leerweg || q || status !== 'actief');
  const showStatus = status !== 'actief';
  const id = config.idPrefix;

  return (
    <>
      <PageHeading>{config.title}</PageHeading>
      <Paragraph appearance="lead">{config.intro}</Paragraph>

      <form className="doorlopend-filters" aria-label={`Filter ${config.plural}`} onSubmit={onSubmit}>
        <ProfielSelect id={`${id}-profiel`} value={profiel} onChange={(value) => filter({ profiel: value })} />
        <LeerwegSelect id={`${id}-leerweg`} value={leerweg} onChange={(value) => filter({ leerweg: value })} />
        <SelectField
          id={`${id}-status`}
          name="status"
          label="Status"
          value={status}
          options={STATUS_OPTIONS}
          onChange={(value) => filter({ status: value === 'actief' ? null : value })}
        />
        <TextFilter id={`${id}-q`} value={text} onChange={setText} description="Titel of code" />
      </form>
      <ClearFilters show={hasFilters} to={config.basePath} />

      <ResultCount loading={loading} error={error} length={page?.totaal} singular={config.singular} plural={config.plural} />
      {error ? <InlineError error={error} /> : null}

      {data && data.length > 0 && !error ? (
        <>
          <PagePosition page={pagina} pages={pages} shown={data.length} singular={config.singular} focusRef={positionRef} />
          <Table caption={config.title} aria-busy={loading || undefined}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{config.singular.charAt(0).toUpperCase() + config.singular.slice(1)}</TableHeaderCell>
                <TableHeaderCell scope="col">Profiel</TableHeaderCell>
                <TableHeaderCell scope="col">Leerwegen</TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  Deeltaken
                </TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  Eindtermen
                </TableHeaderCell>
                {showStatus ? <TableHeaderCell scope="col">Status</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((item) => (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row" className="doorlopend-item-cell">
                    <Link to={`${config.basePath}/${encodeURIComponent(item.slug)}${leerweg ? `?leerweg=${leerweg}` : ''}`}>
                      <Code className="doorlopend-item-cell__code">{item.code}</Code> {item.title}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>
                    <span title={item.profiel.naam} aria-hidden="true">
                      {item.profiel.afkorting}
                    </span>
                    <VisuallyHidden>{item.profiel.naam}</VisuallyHidden>
                  </TableCell>
                  <TableCell>
                    <LeerwegBadges leerwegen={item.leerwegen} />
                  </TableCell>
                  <TableCell numeric>{item.aantalDeeltaken}</TableCell>
                  <TableCell numeric>{item.aantalEindtermen}</TableCell>
                  {showStatus ? (
                    <TableCell>
                      {item.status === 'vervallen' ? <StatusBadge status="danger">Vervallen</StatusBadge> : 'Actief'}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination label={`Pagina's met ${config.plural}`} page={pagina} pages={pages} hrefOf={(p) => pageHref(config.basePath, params, p)} />
        </>
      ) : null}
      {data && data.length === 0 && page && page.totaal > 0 && !loading && !error ? (
        <PastTheEnd totaal={page.totaal} plural={config.plural} firstPage={pageHref(config.basePath, params, 1)} />
      ) : null}
      {data && data.length === 0 && page?.totaal === 0 && !loading && !error ? (
        <Paragraph>
          Geen {config.plural} gevonden met deze filters. Probeer een andere leerweg of zoekterm, of{' '}
          <Link to={config.basePath}>wis alle filters</Link>.
        </Paragraph>
      ) : null}
    </>
  );
}
