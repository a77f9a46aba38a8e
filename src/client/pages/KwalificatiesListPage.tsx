import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, urls } from '../api.js';
import type { KwalificatieFilters } from '../api.js';
import { KwalificatiesTable } from '../components/KwalificatiesTable.js';
import { MBO_STATUS_OPTIONS, NiveauSelect, OpleidingsdomeinSelect, parseMboStatus, useOpleidingsdomeinen } from '../components/MboSelects.js';
import { ClearFilters, ResultCount, TextFilter } from '../components/ListFilters.js';
import { InlineError } from '../components/PageStates.js';
import { PagePosition, PastTheEnd } from '../components/Paging.js';
import { parseNiveau } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { Link, PageHeading, Pagination, Paragraph, SelectField } from '../ui/index.js';
import { pageFromUrl, pageHref, PER_PAGINA, usePageFocus } from '../lib/paging.js';

const BASE_PATH = '/mbo/kwalificaties';

/** /mbo/kwalificaties?domein=&niveau=&q=&status=&pagina=: the list is paged on the server, 50 a page. */
export function KwalificatiesListPage() {
  useDocumentTitle('Kwalificaties (mbo)');
  const { params, update } = useQueryParams();
  const domein = params.get('domein') ?? '';
  const niveau = parseNiveau(params.get('niveau'));
  const q = (params.get('q') ?? '').trim();
  const status = parseMboStatus(params.get('status'));
  const pagina = pageFromUrl(params);
  const filters: KwalificatieFilters = { domein: domein || null, niveau, q: q || null, status: status === 'actief' ? null : status, pagina, perPagina: PER_PAGINA };
  const { data: page, error, loading } = useApi(urls.kwalificaties(filters), (signal) => api.kwalificatiesPagina(filters, signal));
  const data = page?.items;
  const pages = Math.max(1, Math.ceil((page?.totaal ?? 0) / PER_PAGINA));
  const headingRef = usePageFocus(pagina, loading);
  // A new filter starts at the first page.
  const filter = (changes: Record<string, string | null>) => update({ ...changes, pagina: null });
  const domeinNaam = useOpleidingsdomeinen().data?.find((d) => d.slug === domein)?.naam;

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    filter({ q: text.trim() });
  };
  const hasFilters = Boolean(domein || niveau || q || status !== 'actief');

  return (
    <>
      <PageHeading>Kwalificaties (mbo)</PageHeading>
      <Paragraph appearance="lead">
        Een kwalificatie is een mbo-opleiding met een eigen crebo, een niveau en kerntaken met werkprocessen. Filter op
        opleidingsdomein, niveau of een woord uit de naam of crebo.
      </Paragraph>
      <Paragraph>
        Liever bladeren? Bekijk de kwalificaties <Link to="/mbo">per opleidingsdomein</Link>.
      </Paragraph>

      <form className="doorlopend-filters" aria-label="Filter kwalificaties" onSubmit={onSubmit}>
        <OpleidingsdomeinSelect id="kwalificaties-domein" value={domein} onChange={(value) => filter({ domein: value })} />
        <NiveauSelect id="kwalificaties-niveau" value={niveau} onChange={(value) => filter({ niveau: value })} />
        <SelectField
          id="kwalificaties-status"
          name="status"
          label="Status"
          value={status}
          options={MBO_STATUS_OPTIONS}
          onChange={(value) => filter({ status: value === 'actief' ? null : value })}
        />
        <TextFilter id="kwalificaties-q" value={text} onChange={setText} description="Naam of crebo" />
      </form>
      <ClearFilters show={hasFilters} to={BASE_PATH} />

      <ResultCount loading={loading} error={error} length={page?.totaal} singular={'kwalificatie'} plural={'kwalificaties'} />
      {error ? <InlineError error={error} /> : null}
      {data && data.length > 0 && !error ? (
        <>
          <PagePosition page={pagina} pages={pages} shown={data.length} singular="kwalificatie" focusRef={headingRef} />
          <KwalificatiesTable
            caption={domeinNaam ? `Kwalificaties in ${domeinNaam}` : 'Kwalificaties'}
            items={data}
            showDossier
            busy={loading}
          />
          <Pagination label="Pagina's met kwalificaties" page={pagina} pages={pages} hrefOf={(p) => pageHref(BASE_PATH, params, p)} />
        </>
      ) : null}
      {data && data.length === 0 && page && page.totaal > 0 && !loading && !error ? (
        <PastTheEnd totaal={page.totaal} plural="kwalificaties" firstPage={pageHref(BASE_PATH, params, 1)} />
      ) : null}
      {data && data.length === 0 && page?.totaal === 0 && !loading && !error ? (
        <Paragraph>
          Geen kwalificaties gevonden met deze filters. Probeer een ander niveau of andere zoekterm, of{' '}
          <Link to={BASE_PATH}>wis alle filters</Link>.
        </Paragraph>
      ) : null}
    </>
  );
}
