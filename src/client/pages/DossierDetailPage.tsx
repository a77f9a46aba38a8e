import { useParams } from 'react-router-dom';
import type { DossierDetail } from '../../shared/mbo-api.js';
import { api, urls } from '../api.js';
import { KwalificatiesTable } from '../components/KwalificatiesTable.js';
import { MboBronnenBox } from '../components/MboBronnen.js';
import { VervallenBadge } from '../components/MboBadges.js';
import { useOpleidingsdomeinen } from '../components/MboSelects.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { count, domeinPath, statusLabel } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { DocumentLink as CaseDocumentLink } from '../ui/index.js';
import { caseAlsHref } from '../../shared/case-api.js';
import { Code, DataList, Heading, Link, PageHeading, Paragraph } from '../ui/index.js';

/** The opleidingsdomein of a dossier as a link when the catalogue knows it (by naam or slug), else as text. */
export function OpleidingsdomeinLink({ value }: { value: string | null }) {
  const { data } = useOpleidingsdomeinen();
  if (value === null) return <span className="doorlopend-unknown">onbekend</span>;
  const domein = data?.find((d) => d.naam === value || d.slug === value);
  return domein ? <Link to={domeinPath(domein.slug)}>{domein.naam}</Link> : <>{value}</>;
}

function DossierView({ dossier }: { dossier: DossierDetail }) {
  useDocumentTitle(`Kwalificatiedossier ${dossier.crebo} ${dossier.titel}`);
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/mbo">Opleidingsdomeinen (mbo)</Link>
      </p>
      <PageHeading>
        <span className="doorlopend-code">{dossier.crebo}</span> {dossier.titel}
      </PageHeading>
      <Paragraph>
        <CaseDocumentLink href={caseAlsHref('dossier', dossier.crebo)}>Als CASE</CaseDocumentLink> (dit raamwerk in de CASE 1.1-standaard, voor andere systemen)
      </Paragraph>
      {dossier.status === 'vervallen' ? (
        <Paragraph>
          <VervallenBadge status={dossier.status} />
        </Paragraph>
      ) : null}
      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'soort', label: 'Soort', value: 'Kwalificatiedossier (mbo)' },
          { key: 'crebo', label: 'Crebo', value: <Code>{dossier.crebo}</Code> },
          { key: 'domein', label: 'Opleidingsdomein', value: <OpleidingsdomeinLink value={dossier.opleidingsdomein} /> },
          { key: 'sectorkamer', label: 'Sectorkamer', value: dossier.sectorkamer ?? <span className="doorlopend-unknown">onbekend</span> },
          {
            key: 'geldigheid',
            label: 'Geldigheid',
            value:
              dossier.geldigheid.geldigVanaf || dossier.geldigheid.eindeInstroom || dossier.geldigheid.eindeOpleiding ? (
                <>
                  {dossier.geldigheid.geldigVanaf ? `geldig vanaf ${formatIsoDate(dossier.geldigheid.geldigVanaf)}` : 'begin onbekend'}
                  {dossier.geldigheid.eindeInstroom ? `; instroom tot ${formatIsoDate(dossier.geldigheid.eindeInstroom)}` : ''}
                  {dossier.geldigheid.eindeOpleiding ? `; opleiding tot ${formatIsoDate(dossier.geldigheid.eindeOpleiding)}` : ''}
                </>
              ) : (
                <span className="doorlopend-unknown">onbekend</span>
              ),
          },
          { key: 'status', label: 'Status', value: statusLabel(dossier.status) },
        ]}
      />

      <section aria-labelledby="kwalificaties-heading" className="doorlopend-section">
        <Heading level={2} id="kwalificaties-heading">
          Kwalificaties
        </Heading>
        <Paragraph>
          Dit kwalificatiedossier heeft {count(dossier.kwalificaties.length, 'kwalificatie', 'kwalificaties')} in deze catalogus.
        </Paragraph>
        {dossier.kwalificaties.length > 0 ? (
          <KwalificatiesTable caption={`Kwalificaties in dossier ${dossier.crebo}`} captionHidden items={dossier.kwalificaties} />
        ) : null}
      </section>

      <MboBronnenBox bronnen={dossier.bronnen} />
    </article>
  );
}

function Dossier({ crebo }: { crebo: string }) {
  const { data, error } = useApi(urls.dossier(crebo), (signal) => api.dossier(crebo, signal));
  useDocumentTitle(data || error ? null : 'Kwalificatiedossier laden');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading label={`Kwalificatiedossier ${crebo} laden…`} />;
  return <DossierView dossier={data} />;
}

/** /mbo/dossiers/:crebo */
/** "2016-08-01" -> "1 augustus 2016". */
function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function DossierDetailPage() {
  const { crebo = '' } = useParams();
  return <Dossier key={crebo} crebo={crebo} />;
}
