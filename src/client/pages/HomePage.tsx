import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, urls } from '../api.js';
import type { ClientCatalogStatus as CatalogStatus } from '../api.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import {
  Alert,
  Button,
  CodeBlock,
  DataList,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  TextField,
  UnorderedList,
} from '../ui/index.js';

function DemoNotice({ status }: { status: CatalogStatus }) {
  return (
    <Alert type="warning" role="none" heading="Alleen demodata geladen" className="doorlopend-demo-notice">
      <Paragraph>
        Doorlopend toont nu alleen een kleine set voorbeeldgegevens, niet de volledige landelijke gegevens van SLO (vmbo) en SBB
        (mbo). Gebruik deze gegevens niet om een onderwijsprogramma op te baseren.
      </Paragraph>
      <Paragraph>Zo laadt u de volledige landelijke SLO-gegevens:</Paragraph>
      <CodeBlock className="doorlopend-instructions">{status.importInstructions}</CodeBlock>
    </Alert>
  );
}

const MBO_COUNT_LABELS: Record<string, string> = {
  opleidingsdomeinen: 'Opleidingsdomeinen',
  dossiers: 'Kwalificatiedossiers',
  kwalificatiedossiers: 'Kwalificatiedossiers',
  kwalificaties: 'Kwalificaties',
  kerntaken: 'Kerntaken',
  werkprocessen: 'Werkprocessen',
  keuzedelen: 'Keuzedelen',
};

function countLabel(key: string): string {
  return MBO_COUNT_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replaceAll(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function CatalogSummary({ status }: { status: CatalogStatus }) {
  const { current, counts } = status.vmbo;
  const mbo = status.mbo;
  return (
    <>
      <Heading level={3} id="status-vmbo-heading">
        vmbo
      </Heading>
      {current ? (
        <Paragraph>
          Bron: {current.source}, release {current.release}, geïmporteerd op{' '}
          <time dateTime={current.importedAt}>{formatDate(current.importedAt)}</time>.
        </Paragraph>
      ) : (
        <Paragraph>Er is nog geen vmbo-catalogus geïmporteerd.</Paragraph>
      )}
      <DataList
        className="doorlopend-counts"
        items={[
          { key: 'profielen', label: 'Profielen', value: formatNumber(counts.profielen) },
          { key: 'profielmodulen', label: 'Profielmodulen', value: formatNumber(counts.profielmodulen) },
          { key: 'keuzevakken', label: 'Keuzevakken', value: formatNumber(counts.keuzevakken) },
          { key: 'deeltaken', label: 'Deeltaken', value: formatNumber(counts.deeltaken) },
          { key: 'eindtermen', label: 'Eindtermen', value: formatNumber(counts.eindtermen) },
        ]}
      />
      {mbo ? (
        <>
          <Heading level={3} id="status-mbo-heading">
            mbo
          </Heading>
          {mbo.current.length === 0 ? <Paragraph>Er is nog geen mbo-catalogus geïmporteerd.</Paragraph> : null}
          {mbo.current.length === 1 ? (
            <Paragraph>
              Bron: {mbo.current[0]!.source}, release {mbo.current[0]!.release}, geïmporteerd op{' '}
              <time dateTime={mbo.current[0]!.importedAt}>{formatDate(mbo.current[0]!.importedAt)}</time>.
            </Paragraph>
          ) : null}
          {mbo.current.length > 1 ? (
            <UnorderedList aria-label="Bronnen van de mbo-catalogus">
              {mbo.current.map((r) => (
                <ListItem key={r.id}>
                  {r.source}, release {r.release}, geïmporteerd op <time dateTime={r.importedAt}>{formatDate(r.importedAt)}</time>
                </ListItem>
              ))}
            </UnorderedList>
          ) : null}
          {mbo.current.length > 0 ? (
            <DataList
              className="doorlopend-counts"
              items={Object.entries(mbo.counts).map(([key, value]) => ({ key, label: countLabel(key), value: formatNumber(value) }))}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function HomeSearch() {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = q.trim();
    navigate(term ? `/zoeken?${new URLSearchParams({ q: term }).toString()}` : '/zoeken');
  };
  return (
    <form role="search" aria-label="Catalogus doorzoeken vanaf de startpagina" className="doorlopend-search-form" onSubmit={onSubmit}>
      <TextField
        id="home-search"
        name="q"
        type="search"
        label="Waar zoekt u naar?"
        description="Bijvoorbeeld ‘lassen’, ‘K/PIE/16’ of ‘kinderopvang’."
        value={q}
        onChange={setQ}
      />
      <Button type="submit">Zoek in de catalogus</Button>
    </form>
  );
}

export function HomePage() {
  useDocumentTitle('Home');
  const { data: status, error, loading } = useApi(urls.status(), (signal) => api.status(signal));
  return (
    <>
      <PageHeading>Doorlopend: de catalogus van vmbo en mbo</PageHeading>
      <Paragraph appearance="lead">
        Doorlopend helpt vmbo-scholen en mbo-instellingen om samen doorlopende leerroutes te bouwen. Hier vindt u de
        beroepsgerichte examenprogramma’s van het vmbo (profielen, keuzevakken, deeltaken en eindtermen) en de opleidingen van
        het mbo (kwalificaties, kerntaken, werkprocessen en keuzedelen).
      </Paragraph>

      {status?.isDemo ? <DemoNotice status={status} /> : null}

      <section aria-labelledby="zoeken-heading" className="doorlopend-section">
        <Heading level={2} id="zoeken-heading">
          Zoeken
        </Heading>
        <HomeSearch />
      </section>

      <section aria-labelledby="bekijken-heading" className="doorlopend-section">
        <Heading level={2} id="bekijken-heading">
          Bekijk de catalogus
        </Heading>
        <Heading level={3} id="bekijken-vmbo-heading">
          vmbo
        </Heading>
        <UnorderedList className="doorlopend-link-list" aria-labelledby="bekijken-vmbo-heading">
          <ListItem>
            <Link to="/vmbo/profielen">Alle profielen</Link> met hun kern, profielmodulen en keuzevakken
          </ListItem>
          <ListItem>
            <Link to="/vmbo/keuzevakken">Alle keuzevakken</Link>, te filteren op profiel en leerweg
          </ListItem>
        </UnorderedList>
        <Heading level={3} id="bekijken-mbo-heading">
          mbo
        </Heading>
        <UnorderedList className="doorlopend-link-list" aria-labelledby="bekijken-mbo-heading">
          <ListItem>
            <Link to="/mbo">Kwalificaties per opleidingsdomein</Link>, via hun kwalificatiedossiers
          </ListItem>
          <ListItem>
            <Link to="/mbo/kwalificaties">Alle kwalificaties</Link>, te filteren op opleidingsdomein en niveau
          </ListItem>
          <ListItem>
            <Link to="/mbo/keuzedelen">Alle keuzedelen</Link>, te filteren op omvang, niveau en kwalificatie
          </ListItem>
        </UnorderedList>
      </section>

      <section aria-labelledby="status-heading" className="doorlopend-section" aria-busy={loading || undefined}>
        <Heading level={2} id="status-heading">
          Stand van de catalogus
        </Heading>
        {status ? <CatalogSummary status={status} /> : null}
        {loading && !status ? <Loading label="Stand van de catalogus laden…" /> : null}
        {error ? <InlineError error={error} /> : null}
      </section>
    </>
  );
}
