import { useParams } from 'react-router-dom';
import type { KeuzedeelDetail } from '../../shared/mbo-api.js';
import { api, urls } from '../api.js';
import { KwalificatiesTable } from '../components/KwalificatiesTable.js';
import { MboBronnenBox } from '../components/MboBronnen.js';
import { VervallenBadge } from '../components/MboBadges.js';
import { OntbreektNotice } from '../components/OntbreektNotice.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { statusLabel } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { DocumentLink as CaseDocumentLink } from '../ui/index.js';
import { caseAlsHref } from '../../shared/case-api.js';
import { Code, DataList, Heading, Link, PageHeading, Paragraph } from '../ui/index.js';
import { VolgKnop } from './impact/ImpactInstellingen.js';

const unknown = (text = 'onbekend') => <span className="doorlopend-unknown">{text}</span>;

function KeuzedeelView({ keuzedeel }: { keuzedeel: KeuzedeelDetail }) {
  useDocumentTitle(`${keuzedeel.code} ${keuzedeel.titel}`);
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/mbo/keuzedelen">Alle keuzedelen (mbo)</Link>
      </p>
      <PageHeading>
        <span className="doorlopend-code">{keuzedeel.code}</span> {keuzedeel.titel}
      </PageHeading>
      <Paragraph>
        <CaseDocumentLink href={caseAlsHref('keuzedeel', keuzedeel.code)}>Als CASE</CaseDocumentLink> (dit raamwerk in de CASE 1.1-standaard, voor andere systemen)
      </Paragraph>
      <VolgKnop item={`keuzedeel:${keuzedeel.code}`} wat={`keuzedeel ${keuzedeel.code}`} />
      {keuzedeel.status === 'vervallen' ? (
        <Paragraph>
          <VervallenBadge status={keuzedeel.status} />
        </Paragraph>
      ) : null}
      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'soort', label: 'Soort', value: 'Keuzedeel (mbo)' },
          { key: 'code', label: 'Code', value: <Code>{keuzedeel.code}</Code> },
          { key: 'sbu', label: 'Omvang', value: keuzedeel.sbu === null ? unknown() : `${keuzedeel.sbu} SBU` },
          { key: 'niveau', label: 'Niveau', value: keuzedeel.niveau === null ? unknown() : `mbo niveau ${keuzedeel.niveau}` },
          { key: 'status', label: 'Status', value: statusLabel(keuzedeel.status) },
        ]}
      />

      <OntbreektNotice ontbreekt={keuzedeel.ontbreekt} />

      <section aria-labelledby="omschrijving-heading" className="doorlopend-section">
        <Heading level={2} id="omschrijving-heading">
          Omschrijving
        </Heading>
        {keuzedeel.omschrijving ? (
          <Paragraph className="doorlopend-prewrap">{keuzedeel.omschrijving}</Paragraph>
        ) : (
          <Paragraph className="doorlopend-empty">De bron geeft geen omschrijving van dit keuzedeel.</Paragraph>
        )}
      </section>

      <section aria-labelledby="gekoppeld-heading" className="doorlopend-section">
        <Heading level={2} id="gekoppeld-heading">
          Gekoppeld aan kwalificaties (SBB)
        </Heading>
        {keuzedeel.gekoppeldAan === null ? (
          <Paragraph>
            De officiële koppeling van keuzedelen aan kwalificaties (SBB) is niet geladen. Aan welke kwalificaties dit keuzedeel
            gekoppeld is, is daarom niet bekend.
          </Paragraph>
        ) : keuzedeel.gekoppeldAan.length === 0 ? (
          <Paragraph>Volgens SBB is dit keuzedeel aan geen enkele kwalificatie gekoppeld.</Paragraph>
        ) : (
          <KwalificatiesTable caption={`Kwalificaties gekoppeld aan ${keuzedeel.code}`} captionHidden items={keuzedeel.gekoppeldAan} showDossier />
        )}
      </section>

      <section aria-labelledby="aangeboden-heading" className="doorlopend-section">
        <Heading level={2} id="aangeboden-heading">
          Aangeboden door instellingen
        </Heading>
        {keuzedeel.aangebodenBij.length === 0 ? (
          <Paragraph>Er is geen aanbod van dit keuzedeel door instellingen bekend.</Paragraph>
        ) : (
          <KwalificatiesTable
            caption={`Kwalificaties waarbij ${keuzedeel.code} wordt aangeboden`}
            captionHidden
            items={keuzedeel.aangebodenBij}
            showInstellingen
          />
        )}
      </section>

      <MboBronnenBox bronnen={keuzedeel.bronnen} />
    </article>
  );
}

function Keuzedeel({ code }: { code: string }) {
  const { data, error } = useApi(urls.keuzedeel(code), (signal) => api.keuzedeel(code, signal));
  useDocumentTitle(data || error ? null : 'Keuzedeel laden');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading label={`Keuzedeel ${code} laden…`} />;
  return <KeuzedeelView keuzedeel={data} />;
}

/** /mbo/keuzedelen/:code */
export function KeuzedeelDetailPage() {
  const { code = '' } = useParams();
  return <Keuzedeel key={code} code={code} />;
}
