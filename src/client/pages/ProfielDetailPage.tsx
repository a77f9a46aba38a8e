import { useParams } from 'react-router-dom';
import type { Leerweg, ProfielDetail, ProfielmoduleSummary, KeuzevakSummary } from '../../shared/catalog-api.js';
import { api, urls } from '../api.js';
import type { ApiError } from '../api.js';
import { EindtermList } from '../components/Eindtermen.js';
import { LeerwegBadges } from '../components/LeerwegBadges.js';
import { LeerwegSelect } from '../components/LeerwegSelect.js';
import { InlineError, LoadError, Loading } from '../components/PageStates.js';
import { ProvenanceBox } from '../components/ProvenanceBox.js';
import { anchorId, count, LEERWEG_NAMEN, parseLeerweg } from '../lib/format.js';
import { useDocumentTitle, useHashTarget } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { DocumentLink as CaseDocumentLink } from '../ui/index.js';
import { caseAlsHref } from '../../shared/case-api.js';
import {
  Code,
  Heading,
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

function OnderdelenTable({
  caption,
  items,
  basePath,
  leerweg,
  singular,
}: {
  caption: string;
  items: readonly (ProfielmoduleSummary | KeuzevakSummary)[];
  basePath: string;
  leerweg: Leerweg | null;
  singular: string;
}) {
  return (
    <Table caption={caption} captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{singular}</TableHeaderCell>
          <TableHeaderCell scope="col">Leerwegen</TableHeaderCell>
          <TableHeaderCell scope="col" numeric>
            Deeltaken
          </TableHeaderCell>
          <TableHeaderCell scope="col" numeric>
            Eindtermen
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableHeaderCell scope="row" className="doorlopend-item-cell">
              <Link to={`${basePath}/${encodeURIComponent(item.slug)}${leerweg ? `?leerweg=${leerweg}` : ''}`}>
                <Code className="doorlopend-item-cell__code">{item.code}</Code> {item.title}
              </Link>
              {item.status === 'vervallen' ? (
                <>
                  {' '}
                  <StatusBadge status="danger">Vervallen</StatusBadge>
                </>
              ) : null}
            </TableHeaderCell>
            <TableCell>
              <LeerwegBadges leerwegen={item.leerwegen} />
            </TableCell>
            <TableCell numeric>{item.aantalDeeltaken}</TableCell>
            <TableCell numeric>{item.aantalEindtermen}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Kern({ kern }: { kern: NonNullable<ProfielDetail['kern']> }) {
  return (
    <section aria-labelledby="kern-heading" className="doorlopend-section">
      <Heading level={2} id="kern-heading">
        Kern: {kern.title}
      </Heading>
      <Paragraph>
        De kern is voor alle leerlingen in dit profiel verplicht. {count(kern.kerndelen.length, 'kerndeel', 'kerndelen')}.
      </Paragraph>
      {kern.kerndelen.map((kerndeel) => {
        const id = anchorId(kerndeel.code);
        return (
          <section key={kerndeel.id} id={id} aria-labelledby={`${id}-heading`} className="doorlopend-deeltaak">
            <Heading level={3} id={`${id}-heading`}>
              <span className="doorlopend-code">{kerndeel.code}</span> {kerndeel.title}
            </Heading>
            {kerndeel.description ? <Paragraph>{kerndeel.description}</Paragraph> : null}
            <details className="doorlopend-details">
              <summary>
                Toon {count(kerndeel.eindtermen.length, 'eindterm', 'eindtermen')} van {kerndeel.code}
              </summary>
              <EindtermList
                eindtermen={kerndeel.eindtermen}
                label={`Eindtermen bij ${kerndeel.code}`}
                emptyText="Geen eindtermen voor deze leerweg."
              />
            </details>
          </section>
        );
      })}
    </section>
  );
}

function ProfielView({ profiel, loading, error }: { profiel: ProfielDetail; loading: boolean; error: ApiError | null }) {
  const { params, update } = useQueryParams();
  const leerweg = parseLeerweg(params.get('leerweg'));
  useDocumentTitle(`Profiel ${profiel.naam}`);
  useHashTarget(true);
  const suffix = profiel.leerwegFilter ? ` voor de ${LEERWEG_NAMEN[profiel.leerwegFilter]}` : '';
  return (
    <article className="doorlopend-detail" aria-busy={loading || undefined}>
      <p className="doorlopend-preheading">
        <Link to="/vmbo/profielen">Alle profielen</Link>
      </p>
      <PageHeading>
        {profiel.naam} <span className="doorlopend-code">({profiel.afkorting})</span>
      </PageHeading>
      <Paragraph>
        <CaseDocumentLink href={caseAlsHref('profiel', profiel.code)}>Als CASE</CaseDocumentLink> (dit raamwerk in de CASE 1.1-standaard, voor andere systemen)
      </Paragraph>
      {profiel.status === 'vervallen' ? (
        <Paragraph>
          <StatusBadge status="danger">Vervallen</StatusBadge>
        </Paragraph>
      ) : null}
      {profiel.title && profiel.title !== profiel.naam ? <Paragraph>Titel bij SLO: {profiel.title}</Paragraph> : null}
      {profiel.description ? <Paragraph className="doorlopend-prewrap">{profiel.description}</Paragraph> : null}

      <form className="doorlopend-filters" aria-label="Filter op leerweg" onSubmit={(e) => e.preventDefault()}>
        <LeerwegSelect
          id="profiel-leerweg"
          value={leerweg}
          busy={loading}
          onChange={(value) => update({ leerweg: value })}
          description="Toon alleen eindtermen, profielmodulen en keuzevakken voor deze leerweg."
        />
      </form>
      <p role="status" className="doorlopend-result-count">
        {loading
          ? 'Bezig met laden…'
          : `${count(profiel.profielmodulen.length, 'profielmodule', 'profielmodulen')} en ${count(profiel.keuzevakken.length, 'keuzevak', 'keuzevakken')}${suffix}`}
      </p>
      {error ? <InlineError error={error} /> : null}

      {profiel.kern ? <Kern kern={profiel.kern} /> : null}

      <section aria-labelledby="profielmodulen-heading" className="doorlopend-section">
        <Heading level={2} id="profielmodulen-heading">
          Profielmodulen
        </Heading>
        {profiel.profielmodulen.length > 0 ? (
          <OnderdelenTable
            caption={`Profielmodulen van ${profiel.naam}${suffix}`}
            items={profiel.profielmodulen}
            basePath="/vmbo/profielmodulen"
            leerweg={leerweg}
            singular="Profielmodule"
          />
        ) : (
          <Paragraph>Geen profielmodulen{suffix}.</Paragraph>
        )}
      </section>

      <section aria-labelledby="keuzevakken-heading" className="doorlopend-section">
        <Heading level={2} id="keuzevakken-heading">
          Keuzevakken
        </Heading>
        {profiel.keuzevakken.length > 0 ? (
          <OnderdelenTable
            caption={`Keuzevakken van ${profiel.naam}${suffix}`}
            items={profiel.keuzevakken}
            basePath="/vmbo/keuzevakken"
            leerweg={leerweg}
            singular="Keuzevak"
          />
        ) : (
          <Paragraph>Geen keuzevakken{suffix}.</Paragraph>
        )}
      </section>

      <ProvenanceBox provenance={profiel.provenance} />
    </article>
  );
}

function Profiel({ slug }: { slug: string }) {
  const { params } = useQueryParams();
  const leerweg = parseLeerweg(params.get('leerweg'));
  const { data, error, loading } = useApi(urls.profiel(slug, { leerweg }), (signal) => api.profiel(slug, { leerweg }, signal));
  useDocumentTitle(data || error ? null : 'Profiel laden');
  if (error && (!data || error.isNotFound)) return <LoadError error={error} />;
  if (!data) return <Loading label={`Profiel ${slug} laden…`} />;
  return <ProfielView profiel={data} loading={loading} error={error} />;
}

export function ProfielDetailPage() {
  const { slug = '' } = useParams();
  return <Profiel key={slug} slug={slug} />;
}
