import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, urls } from '../api.js';
import type { KeuzedeelFilters } from '../api.js';
import { VervallenBadge } from '../components/MboBadges.js';
import { MBO_STATUS_OPTIONS, NiveauSelect, parseMboStatus } from '../components/MboSelects.js';
import { ClearFilters, ResultCount, TextFilter } from '../components/ListFilters.js';
import { InlineError } from '../components/PageStates.js';
import { PagePosition, PastTheEnd } from '../components/Paging.js';
import { isCrebo, keuzedeelPath, parseNiveau } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { cached, useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { pageFromUrl, pageHref, PER_PAGINA, usePageFocus } from '../lib/paging.js';
import { Code, Link, PageHeading, Pagination, Paragraph, SelectField, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.js';

const BASE_PATH = '/mbo/keuzedelen';
export const SBU_OPTIONS = [240, 480, 720] as const;

function parseSbu(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** Select labelled "Kwalificatie": all kwalificaties (actief and vervallen) by crebo. */
function KwalificatieSelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const allUrl = urls.kwalificaties({ status: 'alle' });
  const { data, loading } = useApi(allUrl, () => cached(allUrl, () => api.kwalificaties({ status: 'alle' })));
  const options = [
    { value: '', label: 'Alle kwalificaties' },
    ...(data ?? []).map((k) => ({ value: k.crebo, label: `${k.crebo} – ${k.naam} (niveau ${k.niveau})${k.status === 'vervallen' ? ', vervallen' : ''}` })),
  ];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <SelectField
      id={id}
      name="kwalificatie"
      label="Kwalificatie"
      description="Keuzedelen die gekoppeld zijn aan of aangeboden worden bij deze kwalificatie"
      value={value}
      options={options}
      onChange={onChange}
      busy={loading}
    />
  );
}

/** /mbo/keuzedelen?sbu=&niveau=&kwalificatie=&q=&status=&pagina=: the list is paged on the server, 50 a page. */
export function KeuzedelenListPage() {
  useDocumentTitle('Keuzedelen (mbo)');
  const { params, update } = useQueryParams();
  const sbu = parseSbu(params.get('sbu'));
  const niveau = parseNiveau(params.get('niveau'));
  const kwalificatieParam = params.get('kwalificatie') ?? '';
  const kwalificatie = isCrebo(kwalificatieParam) ? kwalificatieParam : '';
  const q = (params.get('q') ?? '').trim();
  const status = parseMboStatus(params.get('status'));
  const pagina = pageFromUrl(params);
  const filters: KeuzedeelFilters = { sbu, niveau, kwalificatie: kwalificatie || null, q: q || null, status: status === 'actief' ? null : status, pagina, perPagina: PER_PAGINA };
  const { data: page, error, loading } = useApi(urls.keuzedelen(filters), (signal) => api.keuzedelenPagina(filters, signal));
  const data = page?.items;
  const pages = Math.max(1, Math.ceil((page?.totaal ?? 0) / PER_PAGINA));
  const positionRef = usePageFocus(pagina, loading);
  // A new filter starts at the first page.
  const filter = (changes: Record<string, string | null>) => update({ ...changes, pagina: null });

  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    filter({ q: text.trim() });
  };
  const hasFilters = Boolean(sbu || niveau || kwalificatie || q || status !== 'actief');
  const sbuOptions = [
    { value: '', label: 'Alle omvangen' },
    ...SBU_OPTIONS.map((n) => ({ value: String(n), label: `${n} SBU` })),
    ...(sbu && !(SBU_OPTIONS as readonly number[]).includes(sbu) ? [{ value: String(sbu), label: `${sbu} SBU` }] : []),
  ];

  return (
    <>
      <PageHeading>Keuzedelen (mbo)</PageHeading>
      <Paragraph appearance="lead">
        Met keuzedelen verdiept of verbreedt een mbo-student de kwalificatie. Een keuzedeel heeft een omvang in studiebelastingsuren
        (SBU). Filter op omvang, niveau, kwalificatie of een woord uit de titel of code.
      </Paragraph>

      <form className="doorlopend-filters" aria-label="Filter keuzedelen" onSubmit={onSubmit}>
        <SelectField id="keuzedelen-sbu" name="sbu" label="Omvang (SBU)" value={sbu === null ? '' : String(sbu)} options={sbuOptions} onChange={(value) => filter({ sbu: value })} />
        <NiveauSelect id="keuzedelen-niveau" value={niveau} onChange={(value) => filter({ niveau: value })} />
        <KwalificatieSelect id="keuzedelen-kwalificatie" value={kwalificatie} onChange={(value) => filter({ kwalificatie: value })} />
        <SelectField
          id="keuzedelen-status"
          name="status"
          label="Status"
          value={status}
          options={MBO_STATUS_OPTIONS}
          onChange={(value) => filter({ status: value === 'actief' ? null : value })}
        />
        <TextFilter id="keuzedelen-q" value={text} onChange={setText} description="Titel of code" />
      </form>
      <ClearFilters show={hasFilters} to={BASE_PATH} />

      <ResultCount loading={loading} error={error} length={page?.totaal} singular={'keuzedeel'} plural={'keuzedelen'} />
      {error ? <InlineError error={error} /> : null}
      {data && data.length > 0 && !error ? (
        <>
          <PagePosition page={pagina} pages={pages} shown={data.length} singular="keuzedeel" focusRef={positionRef} />
          <Table caption="Keuzedelen" aria-busy={loading || undefined}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Keuzedeel</TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  SBU
                </TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  Niveau
                </TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  Kwalificaties
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((k) => (
                <TableRow key={k.code}>
                  <TableHeaderCell scope="row" className="doorlopend-item-cell">
                    <Link to={keuzedeelPath(k.code)}>
                      <Code className="doorlopend-item-cell__code">{k.code}</Code> {k.titel}
                    </Link>
                    {k.status === 'vervallen' ? (
                      <>
                        {' '}
                        <VervallenBadge status={k.status} />
                      </>
                    ) : null}
                  </TableHeaderCell>
                  <TableCell numeric>{k.sbu ?? <span className="doorlopend-unknown">onbekend</span>}</TableCell>
                  <TableCell numeric>{k.niveau ?? <span className="doorlopend-unknown">onbekend</span>}</TableCell>
                  <TableCell numeric>{k.aantalKwalificaties}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination label="Pagina's met keuzedelen" page={pagina} pages={pages} hrefOf={(p) => pageHref(BASE_PATH, params, p)} />
        </>
      ) : null}
      {data && data.length === 0 && page && page.totaal > 0 && !loading && !error ? (
        <PastTheEnd totaal={page.totaal} plural="keuzedelen" firstPage={pageHref(BASE_PATH, params, 1)} />
      ) : null}
      {data && data.length === 0 && page?.totaal === 0 && !loading && !error ? (
        <Paragraph>
          Geen keuzedelen gevonden met deze filters. Probeer een andere omvang of zoekterm, of <Link to={BASE_PATH}>wis alle filters</Link>.
        </Paragraph>
      ) : null}
    </>
  );
}
