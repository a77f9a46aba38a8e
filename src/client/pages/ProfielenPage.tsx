import { api, urls } from '../api.js';
import { LeerwegSelect } from '../components/LeerwegSelect.js';
import { InlineError } from '../components/PageStates.js';
import { count, LEERWEG_NAMEN, parseLeerweg } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import {
  Link,
  PageHeading,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../ui/index.js';

export function ProfielenPage() {
  useDocumentTitle('Profielen');
  const { params, update } = useQueryParams();
  const leerweg = parseLeerweg(params.get('leerweg'));
  const { data, error, loading } = useApi(urls.profielen(leerweg), (signal) => api.profielen(leerweg, signal));
  const leerwegQuery = leerweg ? `?leerweg=${leerweg}` : '';

  return (
    <>
      <PageHeading>Profielen</PageHeading>
      <Paragraph appearance="lead">
        Het beroepsgerichte vmbo kent tien profielen. Elk profiel heeft een kern, profielmodulen en keuzevakken.
      </Paragraph>
      <form className="doorlopend-filters" aria-label="Filter profielen" onSubmit={(e) => e.preventDefault()}>
        <LeerwegSelect
          id="profielen-leerweg"
          value={leerweg}
          busy={loading}
          onChange={(value) => update({ leerweg: value })}
          description="Tel alleen profielmodulen en keuzevakken voor deze leerweg."
        />
      </form>
      <p role="status" className="doorlopend-result-count">
        {loading ? 'Bezig met laden…' : data ? count(data.length, 'profiel', 'profielen') + (leerweg ? ` voor de ${LEERWEG_NAMEN[leerweg]}` : '') : ''}
      </p>
      {error ? <InlineError error={error} /> : null}
      {data && data.length > 0 ? (
        <Table caption={leerweg ? `Profielen, ${LEERWEG_NAMEN[leerweg]}` : 'Profielen'} busy={loading} aria-busy={loading || undefined}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Profiel</TableHeaderCell>
              <TableHeaderCell scope="col">Afkorting</TableHeaderCell>
              <TableHeaderCell scope="col">Code</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                Profielmodulen
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                Keuzevakken
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((profiel) => (
              <TableRow key={profiel.id}>
                <TableHeaderCell scope="row">
                  <Link to={`/vmbo/profielen/${encodeURIComponent(profiel.slug)}${leerwegQuery}`}>{profiel.naam}</Link>
                  {profiel.status === 'vervallen' ? (
                    <>
                      {' '}
                      <StatusBadge status="danger">Vervallen</StatusBadge>
                    </>
                  ) : null}
                </TableHeaderCell>
                <TableCell>{profiel.afkorting}</TableCell>
                <TableCell>{profiel.code}</TableCell>
                <TableCell numeric>{profiel.aantalProfielmodulen}</TableCell>
                <TableCell numeric>{profiel.aantalKeuzevakken}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {data && data.length === 0 ? <Paragraph>Er zijn geen profielen gevonden.</Paragraph> : null}
    </>
  );
}
