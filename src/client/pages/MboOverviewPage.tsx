import { Navigate, useParams } from 'react-router-dom';
import { api, SJABLOON_KINDS, urls } from '../api.js';
import type { SjabloonKind } from '../api.js';
import { VervallenBadge } from '../components/MboBadges.js';
import { useOpleidingsdomeinen } from '../components/MboSelects.js';
import { InlineError, LoadError, Loading } from '../components/PageStates.js';
import { count, domeinPath, dossierPath } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { NotFoundContent } from './NotFoundPage.js';
import {
  Code,
  DocumentLink,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
} from '../ui/index.js';

const SJABLOON_LABELS: Record<SjabloonKind, string> = {
  kwalificaties: 'Kwalificaties',
  'kerntaken-werkprocessen': 'Kerntaken en werkprocessen',
  keuzedelen: 'Keuzedelen',
  'keuzedeel-aanbod': 'Aanbod van keuzedelen per kwalificatie',
  'keuzedeel-koppelingen': 'Koppelingen van keuzedelen aan kwalificaties',
};

function Sjablonen() {
  return (
    <section aria-labelledby="sjablonen-heading" className="doorlopend-section">
      <Heading level={2} id="sjablonen-heading">
        Eigen gegevens aanleveren
      </Heading>
      <Paragraph>
        Ontbreken er gegevens, bijvoorbeeld het keuzedeelaanbod van uw instelling? Vul een sjabloon in en laat het importeren met{' '}
        <Code>doorlopend import tabel</Code>. De sjablonen zijn CSV-bestanden met de juiste kolommen.
      </Paragraph>
      <UnorderedList className="doorlopend-link-list" aria-label="Sjablonen (CSV)">
        {SJABLOON_KINDS.map((kind) => (
          <ListItem key={kind}>
            <DocumentLink href={urls.sjabloon(kind)} download={`${kind}.csv`}>
              Sjabloon {SJABLOON_LABELS[kind].toLowerCase()} (CSV)
            </DocumentLink>
          </ListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

/** /mbo: the mbo catalogue by opleidingsdomein. `/mbo?domein=<slug>` forwards to the domein's page. */
export function MboOverviewPage() {
  const { params } = useQueryParams();
  const domein = params.get('domein');
  useDocumentTitle(domein ? null : 'Opleidingsdomeinen (mbo)');
  const { data, error, loading } = useOpleidingsdomeinen();
  if (domein) return <Navigate to={domeinPath(domein)} replace />;

  return (
    <>
      <PageHeading>Opleidingsdomeinen (mbo)</PageHeading>
      <Paragraph appearance="lead">
        Het mbo ordent zijn kwalificatiedossiers in opleidingsdomeinen. Kies een opleidingsdomein om de kwalificatiedossiers en
        kwalificaties ervan te bekijken.
      </Paragraph>
      <Paragraph>
        Of bekijk <Link to="/mbo/kwalificaties">alle kwalificaties</Link> (te filteren op niveau en tekst) of{' '}
        <Link to="/mbo/keuzedelen">alle keuzedelen</Link>.
      </Paragraph>

      <p role="status" className="doorlopend-result-count">
        {loading ? 'Bezig met laden…' : data ? `${count(data.length, 'opleidingsdomein', 'opleidingsdomeinen')} gevonden` : ''}
      </p>
      {error ? <InlineError error={error} /> : null}
      {data && data.length > 0 ? (
        <Table caption="Opleidingsdomeinen">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Opleidingsdomein</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                Kwalificatiedossiers
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                Kwalificaties
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((d) => (
              <TableRow key={d.slug}>
                <TableHeaderCell scope="row" className="doorlopend-item-cell">
                  <Link to={domeinPath(d.slug)}>{d.naam}</Link>
                </TableHeaderCell>
                <TableCell numeric>{d.aantalDossiers}</TableCell>
                <TableCell numeric>{d.aantalKwalificaties}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {data && data.length === 0 ? (
        <Paragraph>Er is nog geen mbo-catalogus geïmporteerd, dus er zijn geen opleidingsdomeinen om te tonen.</Paragraph>
      ) : null}

      <Sjablonen />
    </>
  );
}

/** /mbo/opleidingsdomeinen/:slug: the kwalificatiedossiers of one opleidingsdomein. */
export function OpleidingsdomeinPage() {
  const { slug = '' } = useParams();
  return <Opleidingsdomein key={slug} slug={slug} />;
}

function Opleidingsdomein({ slug }: { slug: string }) {
  const domeinen = useOpleidingsdomeinen();
  const domein = domeinen.data?.find((d) => d.slug === slug);
  const { data, error, loading } = useApi(urls.dossiers(slug), (signal) => api.dossiers(slug, signal));
  useDocumentTitle(domein ? `Opleidingsdomein ${domein.naam}` : null);

  if (domeinen.error) return <LoadError error={domeinen.error} />;
  if (!domeinen.data) return <Loading label="Opleidingsdomein laden…" />;
  if (!domein) return <NotFoundContent detail={`Er is geen opleidingsdomein ‘${slug}’.`} />;

  return (
    <article className="doorlopend-detail" aria-busy={loading || undefined}>
      <p className="doorlopend-preheading">
        <Link to="/mbo">Opleidingsdomeinen (mbo)</Link>
      </p>
      <PageHeading>{domein.naam}</PageHeading>
      <Paragraph appearance="lead">
        Opleidingsdomein met {count(domein.aantalDossiers, 'kwalificatiedossier', 'kwalificatiedossiers')} en{' '}
        {count(domein.aantalKwalificaties, 'kwalificatie', 'kwalificaties')}.
      </Paragraph>
      <Paragraph>
        <Link to={`/mbo/kwalificaties?${new URLSearchParams({ domein: slug }).toString()}`}>
          Alle kwalificaties in {domein.naam}
        </Link>
        , te filteren op niveau en tekst.
      </Paragraph>

      <section aria-labelledby="dossiers-heading" className="doorlopend-section">
        <Heading level={2} id="dossiers-heading">
          Kwalificatiedossiers
        </Heading>
        <p role="status" className="doorlopend-result-count">
          {loading ? 'Bezig met laden…' : data && !error ? `${count(data.length, 'kwalificatiedossier', 'kwalificatiedossiers')} gevonden` : ''}
        </p>
        {error ? <InlineError error={error} /> : null}
        {data && data.length > 0 && !error ? (
          <Table caption={`Kwalificatiedossiers in ${domein.naam}`} captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Kwalificatiedossier</TableHeaderCell>
                <TableHeaderCell scope="col">Sectorkamer</TableHeaderCell>
                <TableHeaderCell scope="col" numeric>
                  Kwalificaties
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((dossier) => (
                <TableRow key={dossier.crebo}>
                  <TableHeaderCell scope="row" className="doorlopend-item-cell">
                    <Link to={dossierPath(dossier.crebo)}>
                      <Code className="doorlopend-item-cell__code">{dossier.crebo}</Code> {dossier.titel}
                    </Link>
                    {dossier.status === 'vervallen' ? (
                      <>
                        {' '}
                        <VervallenBadge status={dossier.status} />
                      </>
                    ) : null}
                  </TableHeaderCell>
                  <TableCell>{dossier.sectorkamer ?? <span className="doorlopend-unknown">onbekend</span>}</TableCell>
                  <TableCell numeric>{dossier.aantalKwalificaties}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {data && data.length === 0 && !loading && !error ? <Paragraph>Er zijn geen kwalificatiedossiers in dit opleidingsdomein.</Paragraph> : null}
      </section>
    </article>
  );
}
