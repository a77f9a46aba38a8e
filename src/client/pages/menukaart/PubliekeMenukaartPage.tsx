/**
 * /regio/:slug/menukaart: the public menukaart of a region (issue 15), readable without signing in. Filters (profiel,
 * leerweg, sector, locatie, soort, periode) live in the address, so a filtered menukaart can be shared; the number of
 * modules found is announced. Each module links to its stable address; the same selection can be downloaded as CSV,
 * XLSX or a printable PDF brochure.
 */
import { useParams } from 'react-router-dom';
import { MODULE_SOORT_NAMEN, PERIODE_NAMEN, SECTOR_NAMEN, type ModuleSamenvatting, type Sector } from '../../../shared/menukaart-api.js';
import { Loading, LoadError } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { useQueryParams } from '../../lib/useQueryParams.js';
import { Button, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, UnorderedList } from '../../ui/index.js';
import { menukaartApi, menukaartUrls, publiekeModulePath } from './menukaart-api.js';
import './menukaart.css';

const FILTERS = ['profiel', 'leerweg', 'sector', 'locatie', 'soort', 'periode'] as const;
type FilterKey = (typeof FILTERS)[number];
const LABELS: Record<FilterKey, string> = { profiel: 'Profiel', leerweg: 'Leerweg', sector: 'Sector', locatie: 'Locatie', soort: 'Soort module', periode: 'Periode' };

export function ModuleFeiten({ m }: { m: ModuleSamenvatting }) {
  return (
    <dl className="doorlopend-mk-feiten">
      <div>
        <dt>Soort</dt>
        <dd>{MODULE_SOORT_NAMEN[m.soort]}</dd>
      </div>
      <div>
        <dt>Aanbieder</dt>
        <dd>{m.aanbieder.naam}</dd>
      </div>
      <div>
        <dt>Locatie</dt>
        <dd>{m.locatie || 'Niet opgegeven'}</dd>
      </div>
      <div>
        <dt>Wanneer</dt>
        <dd>
          Leerjaar {m.leerjaar}, {PERIODE_NAMEN[m.periode].toLowerCase()}
        </dd>
      </div>
      <div>
        <dt>Omvang</dt>
        <dd>
          {m.omvangEenheden} {m.omvangEenheden === 1 ? 'eenheid' : 'eenheden'}
        </dd>
      </div>
      <div>
        <dt>Leerwegen</dt>
        <dd>{m.leerwegen.join(', ')}</dd>
      </div>
      {m.profielen.length ? (
        <div>
          <dt>Profiel</dt>
          <dd>{m.profielen.map((p) => p.naam).join(', ')}</dd>
        </div>
      ) : null}
      {m.sectoren.length ? (
        <div>
          <dt>Sector</dt>
          <dd>{m.sectoren.map((s) => SECTOR_NAMEN[s as Sector] ?? s).join(', ')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function PubliekeMenukaartPage() {
  const { slug = '' } = useParams();
  const { params, update } = useQueryParams();
  const filter: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const key = menukaartUrls.publiek(slug, filter);
  const { data, error, loading } = useApi(key, (signal) => menukaartApi.publiek(slug, filter, signal));
  useDocumentTitle(data ? data.regio.titel : 'Menukaart');
  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading label="Menukaart laden…" />;
  const o = data.opties;
  const opties: Record<FilterKey, Array<{ value: string; label: string }>> = {
    profiel: o.profielen.map((p) => ({ value: p.code, label: p.naam })),
    leerweg: o.leerwegen.map((l) => ({ value: l, label: l })),
    sector: o.sectoren.map((s) => ({ value: s.code, label: s.naam })),
    locatie: o.locaties.map((l) => ({ value: l, label: l })),
    soort: o.soorten.map((s) => ({ value: s.code, label: s.naam })),
    periode: o.perioden.map((p) => ({ value: p.code, label: p.naam })),
  };
  const gefilterd = FILTERS.some((k) => filter[k]);
  return (
    <>
      <PageHeading>{data.regio.titel}</PageHeading>
      {data.regio.toelichting ? <Paragraph appearance="lead">{data.regio.toelichting}</Paragraph> : null}
      <form className="doorlopend-mk-filters" aria-label="Modulen filteren" onSubmit={(e) => e.preventDefault()}>
        {FILTERS.map((k) => (
          <SelectField
            key={k}
            id={`filter-${k}`}
            label={LABELS[k]}
            value={filter[k] ?? ''}
            options={[{ value: '', label: 'Alle' }, ...opties[k]]}
            onChange={(v) => update({ [k]: v || null })}
          />
        ))}
        {gefilterd ? (
          <Paragraph>
            <Button appearance="secondary-action-button" onClick={() => update(Object.fromEntries(FILTERS.map((k) => [k, null])))}>
              Alle filters wissen
            </Button>
          </Paragraph>
        ) : null}
      </form>
      <p role="status" className="doorlopend-mk-aantal" aria-busy={loading || undefined}>
        {data.modulen.length === data.totaal ? `${data.totaal} modulen` : `${data.modulen.length} van de ${data.totaal} modulen`}
      </p>
      <Paragraph>
        Downloaden: <DocumentLink href={menukaartUrls.export(slug, 'pdf', filter)}>brochure (PDF)</DocumentLink>,{' '}
        <DocumentLink href={menukaartUrls.export(slug, 'xlsx', filter)}>tabel (XLSX)</DocumentLink> of{' '}
        <DocumentLink href={menukaartUrls.export(slug, 'csv', filter)}>tabel (CSV)</DocumentLink>
        {gefilterd ? ', met deze filters' : ''}.
      </Paragraph>
      {data.modulen.length === 0 ? (
        <Paragraph>Geen modulen met deze keuzes. Wis een filter om meer te zien.</Paragraph>
      ) : (
        <UnorderedList className="doorlopend-mk-lijst" aria-label="Modulen">
          {data.modulen.map((m) => (
            <ListItem key={m.id} className="doorlopend-mk-kaart">
              <Heading level={2}>
                <Link to={publiekeModulePath(data.regio.slug, m.slug)}>{m.titel}</Link>
              </Heading>
              {m.samenvatting ? <Paragraph>{m.samenvatting}</Paragraph> : null}
              <ModuleFeiten m={m} />
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}
