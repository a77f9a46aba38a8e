import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, urls } from '../api.js';
import type { KwalificatieFilters } from '../api.js';
import { KwalificatiesTable } from '../components/KwalificatiesTable.js';
import { MBO_STATUS_OPTIONS, NiveauSelect, OpleidingsdomeinSelect, parseMboStatus, useOpleidingsdomeinen } from '../components/MboSelects.js';
import { ClearFilters, ResultCount, TextFilter } from '../components/ListFilters.js';
import { InlineError } from '../components/PageStates.js';
import { parseNiveau } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { Link, PageHeading, Paragraph, SelectField } from '../ui/index.js';

const BASE_PATH = '/mbo/kwalificaties';

/** /mbo/kwalificaties?domein=&niveau=&q=&status= */
export function KwalificatiesListPage() {
  useDocumentTitle('Kwalificaties (mbo)');
  const { params, update } = useQueryParams();
  const domein = params.get('domein') ?? '';
  const niveau = parseNiveau(params.get('niveau'));
  const q = (params.get('q') ?? '').trim();
  const status = parseMboStatus(params.get('status'));
  const filters: KwalificatieFilters = { domein: domein || null, niveau, q: q || null, status: status === 'actief' ? null : status };
  const { data, error, loading } = useApi(urls.kwalificaties(filters), (signal) => api.kwalificaties(filters, signal));
  const domeinNaam = useOpleidingsdomeinen().data?.find((d) => d.slug === domein)?.naam;

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: text.trim() });
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
        <OpleidingsdomeinSelect id="kwalificaties-domein" value={domein} onChange={(value) => update({ domein: value })} />
        <NiveauSelect id="kwalificaties-niveau" value={niveau} onChange={(value) => update({ niveau: value })} />
        <SelectField
          id="kwalificaties-status"
          name="status"
          label="Status"
          value={status}
          options={MBO_STATUS_OPTIONS}
          onChange={(value) => update({ status: value === 'actief' ? null : value })}
        />
        <TextFilter id="kwalificaties-q" value={text} onChange={setText} description="Naam of crebo" />
      </form>
      <ClearFilters show={hasFilters} to={BASE_PATH} />

      <ResultCount loading={loading} error={error} length={data?.length} singular={'kwalificatie'} plural={'kwalificaties'} />
      {error ? <InlineError error={error} /> : null}
      {data && data.length > 0 && !error ? (
        <KwalificatiesTable
          caption={domeinNaam ? `Kwalificaties in ${domeinNaam}` : 'Kwalificaties'}
          items={data}
          showDossier
          busy={loading}
        />
      ) : null}
      {data && data.length === 0 && !loading && !error ? (
        <Paragraph>
          Geen kwalificaties gevonden met deze filters. Probeer een ander niveau of andere zoekterm, of{' '}
          <Link to={BASE_PATH}>wis alle filters</Link>.
        </Paragraph>
      ) : null}
    </>
  );
}
