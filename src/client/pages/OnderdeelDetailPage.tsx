import { useParams } from 'react-router-dom';
import type { KeuzevakDetail, ProfielmoduleDetail } from '../../shared/catalog-api.js';
import { api, urls } from '../api.js';
import type { ApiError } from '../api.js';
import { DeeltakenList } from '../components/Eindtermen.js';
import { LeerwegBadges } from '../components/LeerwegBadges.js';
import { LeerwegSelect } from '../components/LeerwegSelect.js';
import { InlineError, LoadError, Loading } from '../components/PageStates.js';
import { ProvenanceBox } from '../components/ProvenanceBox.js';
import { count, keuzevakPath, LEERWEG_NAMEN, parseLeerweg } from '../lib/format.js';
import { useDocumentTitle, useHashTarget } from '../lib/navigation.js';
import { cached, useApi } from '../lib/useApi.js';
import { useQueryParams } from '../lib/useQueryParams.js';
import { zoekmonitorHref } from './zoekmonitor/acties.js';
import { DocumentLink as CaseDocumentLink } from '../ui/index.js';
import { caseAlsHref } from '../../shared/case-api.js';
import {
  Alert,
  Code,
  DataList,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  StatusBadge,
  UnorderedList,
} from '../ui/index.js';
import { VolgKnop } from './impact/ImpactInstellingen.js';

type Kind = 'keuzevak' | 'profielmodule';
type Detail = KeuzevakDetail | ProfielmoduleDetail;

const LABELS: Record<Kind, { singular: string; listTitle: string; listPath: string }> = {
  keuzevak: { singular: 'Keuzevak', listTitle: 'Alle keuzevakken', listPath: '/vmbo/keuzevakken' },
  profielmodule: { singular: 'Profielmodule', listTitle: 'Alle profielmodulen', listPath: '/vmbo/profielmodulen' },
};

function isKeuzevak(detail: Detail): detail is KeuzevakDetail {
  return 'versies' in detail;
}

/**
 * `replaces` and `replacedBy` hold SLO ids. Resolve them to a code and title via the
 * (cached) list of all keuzevakken; a value that already looks like a code links directly.
 */
function KeuzevakRef({ refId }: { refId: string }) {
  const allUrl = urls.keuzevakken({ status: 'alle' });
  const { data } = useApi(allUrl, () => cached(allUrl, () => api.keuzevakken({ status: 'alle' })));
  const found = data?.find((k) => k.id.toLowerCase() === refId.toLowerCase() || k.code === refId);
  if (found) return <Link to={keuzevakPath(found.code)}>{`${found.code} ${found.title}`}</Link>;
  if (refId.includes('/')) return <Link to={keuzevakPath(refId)}>{refId}</Link>;
  if (!data) return <span>laden…</span>;
  return (
    <span>
      een keuzevak dat niet in deze catalogus staat (SLO-id <span className="doorlopend-mono">{refId}</span>)
    </span>
  );
}

/** SLO publishes some codes twice (K/EO/09, K/EO/10, K/EO/11): explain and link to the other version. */
function VersiesNotice({ detail, basePath, leerweg }: { detail: KeuzevakDetail; basePath: string; leerweg: string | null }) {
  if (detail.versies.length < 2) return null;
  const current = detail.versies.find((v) => v.id === detail.id);
  const others = detail.versies.filter((v) => v.id !== detail.id);
  const link = (versieId: string | null) => {
    const params = new URLSearchParams();
    if (leerweg) params.set('leerweg', leerweg);
    if (versieId) params.set('versie', versieId);
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const showingDefault = current?.isGetoond ?? true;
  return (
    <Alert type="info" role="none" heading={`SLO publiceert ${detail.versies.length === 2 ? 'twee' : detail.versies.length} versies van ${detail.code}`} className="doorlopend-versies">
      <Paragraph>
        SLO publiceert onder de code {detail.code} meer dan één versie van dit keuzevak. Doorlopend toont standaard de versie die
        daarvoor is gemarkeerd.{' '}
        {showingDefault ? 'U bekijkt nu die standaardversie.' : 'U bekijkt nu een andere versie dan de standaardversie.'}
      </Paragraph>
      <UnorderedList>
        {others.map((versie) => (
          <ListItem key={versie.id}>
            <Link to={link(versie.isGetoond ? null : versie.id)}>
              {versie.isGetoond ? 'Bekijk de standaardversie' : 'Bekijk de andere versie'}: {versie.title}
            </Link>
            {versie.deeltaakCodes.length > 0 ? <> (deeltaken {versie.deeltaakCodes.join(', ')})</> : null}
          </ListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

function VervallenNotice({ detail, singular }: { detail: Detail; singular: string }) {
  if (detail.status !== 'vervallen') return null;
  const replacedBy = isKeuzevak(detail) ? detail.replacedBy : null;
  return (
    <Alert type="warning" role="none" heading={`Dit ${singular.toLowerCase()} is vervallen`} className="doorlopend-vervallen">
      <Paragraph>
        {detail.code} staat niet meer in het actuele examenprogramma.{' '}
        {replacedBy ? (
          <>
            Het is vervangen door <KeuzevakRef refId={replacedBy} />.
          </>
        ) : (
          'Er is geen opvolger bekend.'
        )}
      </Paragraph>
    </Alert>
  );
}

function DetailView({ kind, detail, loading, error }: { kind: Kind; detail: Detail; loading: boolean; error: ApiError | null }) {
  const labels = LABELS[kind];
  const { params, update } = useQueryParams();
  const leerweg = parseLeerweg(params.get('leerweg'));
  useDocumentTitle(`${detail.code} ${detail.title}`);
  useHashTarget(true);
  const eindtermCount = detail.deeltaken.reduce((n, d) => n + d.eindtermen.length, 0);
  const basePath = `${labels.listPath}/${encodeURIComponent(detail.slug)}`;
  const keuzevak = isKeuzevak(detail) ? detail : null;

  return (
    <article className="doorlopend-detail" aria-busy={loading || undefined}>
      <p className="doorlopend-preheading">
        <Link to={labels.listPath}>{labels.listTitle}</Link>
      </p>
      <PageHeading>
        <span className="doorlopend-code">{detail.code}</span> {detail.title}
      </PageHeading>
      <Paragraph>
        <CaseDocumentLink href={caseAlsHref(keuzevak ? 'keuzevak' : 'profielmodule', detail.code)}>Als CASE</CaseDocumentLink> (dit raamwerk in de CASE 1.1-standaard, voor andere systemen)
      </Paragraph>
      {keuzevak ? <VolgKnop item={`keuzevak:${detail.code}`} wat={`keuzevak ${detail.code}`} /> : null}
      {detail.status === 'vervallen' ? (
        <Paragraph>
          <StatusBadge status="danger">Vervallen</StatusBadge>
        </Paragraph>
      ) : null}
      <VervallenNotice detail={detail} singular={labels.singular} />
      {keuzevak ? <VersiesNotice detail={keuzevak} basePath={basePath} leerweg={leerweg} /> : null}
      {detail.status === 'actief' ? (
        <Paragraph>
          <Link to={zoekmonitorHref(keuzevak ? { keuzevak: detail.code } : { profielmodule: detail.code })}>Zoek wat hierbij past</Link> in het mbo: kwalificaties
          en keuzedelen in de zoekmonitor.
        </Paragraph>
      ) : null}

      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'soort', label: 'Soort', value: labels.singular },
          { key: 'code', label: 'Code', value: <Code>{detail.code}</Code> },
          {
            key: 'profiel',
            label: 'Profiel',
            value: (
              <Link to={`/vmbo/profielen/${encodeURIComponent(detail.profiel.code)}`}>
                {detail.profiel.naam} ({detail.profiel.afkorting})
              </Link>
            ),
          },
          { key: 'leerwegen', label: 'Leerwegen', value: <LeerwegBadges leerwegen={detail.leerwegen} /> },
          { key: 'status', label: 'Status', value: detail.status === 'vervallen' ? 'Vervallen' : 'Actief' },
          ...(keuzevak && keuzevak.replaces.length > 0
            ? [
                {
                  key: 'replaces',
                  label: 'Vervangt',
                  value: (
                    <>
                      {keuzevak.replaces.map((refId, i) => (
                        <span key={refId}>
                          {i > 0 ? ', ' : null}
                          <KeuzevakRef refId={refId} />
                        </span>
                      ))}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />

      {detail.description ? (
        <section aria-labelledby="omschrijving-heading" className="doorlopend-section">
          <Heading level={2} id="omschrijving-heading">
            Omschrijving
          </Heading>
          <Paragraph className="doorlopend-prewrap">{detail.description}</Paragraph>
        </section>
      ) : null}

      <section aria-labelledby="deeltaken-heading" className="doorlopend-section">
        <Heading level={2} id="deeltaken-heading">
          Deeltaken en eindtermen
        </Heading>
        <form className="doorlopend-filters" aria-label="Filter eindtermen" onSubmit={(e) => e.preventDefault()}>
          <LeerwegSelect
            id="detail-leerweg"
            value={leerweg}
            busy={loading}
            onChange={(value) => update({ leerweg: value })}
            description="Toon alleen de eindtermen die voor deze leerweg gelden."
          />
        </form>
        <p role="status" className="doorlopend-result-count">
          {loading
            ? 'Bezig met laden…'
            : `${count(detail.deeltaken.length, 'deeltaak', 'deeltaken')} met ${count(eindtermCount, 'eindterm', 'eindtermen')}` +
              (detail.leerwegFilter ? ` voor de ${LEERWEG_NAMEN[detail.leerwegFilter]}` : '')}
        </p>
        {error ? <InlineError error={error} /> : null}
        <DeeltakenList deeltaken={detail.deeltaken} bevestigingenVan={kind === 'keuzevak' ? { keuzevak: detail.code } : { profielmodule: detail.code }} />
      </section>

      <ProvenanceBox provenance={detail.provenance} />
    </article>
  );
}

function OnderdeelDetail({ kind, slug }: { kind: Kind; slug: string }) {
  const { params } = useQueryParams();
  const leerweg = parseLeerweg(params.get('leerweg'));
  const versie = kind === 'keuzevak' ? params.get('versie') : null;
  const options = { leerweg, versie };
  const url = kind === 'keuzevak' ? urls.keuzevak(slug, options) : urls.profielmodule(slug, options);
  const { data, error, loading } = useApi<Detail>(url, (signal) =>
    kind === 'keuzevak' ? api.keuzevak(slug, options, signal) : api.profielmodule(slug, options, signal),
  );
  useDocumentTitle(data ? null : error ? null : `${LABELS[kind].singular} laden`);
  if (error && (!data || error.isNotFound)) return <LoadError error={error} />;
  if (!data) return <Loading label={`${LABELS[kind].singular} ${slug} laden…`} />;
  return <DetailView kind={kind} detail={data} loading={loading} error={error} />;
}

/** /vmbo/keuzevakken/:slug and /vmbo/profielmodulen/:slug */
export function OnderdeelDetailPage({ kind }: { kind: Kind }) {
  const { slug = '' } = useParams();
  // A new slug is a new page: remount so the h1 takes focus again.
  return <OnderdeelDetail key={`${kind}:${slug}`} kind={kind} slug={slug} />;
}
