import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, urls } from '../api.js';
import type { ClientCatalogStatus as CatalogStatus } from '../api.js';
import { isLeerling, useSession } from '../lib/session.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import {
  Alert,
  Button,
  DataList,
  Heading,
  Link,
  ListItem,
  OrderedList,
  OrderedListItem,
  PageHeading,
  Paragraph,
  TextField,
  UnorderedList,
} from '../ui/index.js';

function DemoNotice() {
  return (
    <Alert type="warning" role="none" heading="Alleen voorbeeldgegevens" className="doorlopend-demo-notice">
      <Paragraph>
        Doorlopend toont nu alleen een kleine set voorbeeldgegevens, niet de volledige landelijke examenprogramma’s van SLO
        (vmbo) en kwalificatiedossiers van SBB (mbo). U kunt alles uitproberen, maar baseer er nog geen onderwijsprogramma op.
        De beheerder van Doorlopend laadt de landelijke gegevens via de <Link to="/beheer/import">beheerpagina</Link>.
      </Paragraph>
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

/** Where a signed-in teacher goes on from here; anonymous visitors are invited to sign in. */
function StartHere() {
  const { session } = useSession();
  if (session.status === 'signed-in') {
    if (isLeerling(session.me)) {
      return (
        <Paragraph>
          U bent ingelogd als {session.me.gebruiker.naam}. Op <Link to="/leerling">uw leerlingpagina</Link> leest u wat Doorlopend voor u gaat doen.
        </Paragraph>
      );
    }
    return (
      <Paragraph>
        U bent ingelogd als {session.me.gebruiker.naam}. Ga verder in <Link to="/samenwerkingen">uw samenwerkingen</Link>, of bekijk{' '}
        <Link to="/organisaties">uw organisaties</Link>.
      </Paragraph>
    );
  }
  return (
    <Paragraph>
      Heeft uw school of instelling een account? <Link to="/inloggen">Log in</Link>. Nog geen account? Vraag de beheerder van uw school of
      instelling om een uitnodiging. De catalogus, het zoeken en de zoekmonitor kunt u ook zonder account gebruiken.
    </Paragraph>
  );
}

export function HomePage() {
  useDocumentTitle('Home');
  const { data: status, error, loading } = useApi(urls.status(), (signal) => api.status(signal));
  return (
    <>
      <PageHeading>Doorlopend: samen leerroutes bouwen van vmbo naar mbo</PageHeading>
      <Paragraph appearance="lead">
        Doorlopend is er voor docenten, teamleiders en decanen van vmbo-scholen en mbo-instellingen die samen een doorlopende
        leerroute maken. U ziet wat een leerling in het vmbo al leert, wat het mbo vraagt en waar die twee elkaar raken.
      </Paragraph>

      {status?.isDemo ? <DemoNotice /> : null}

      <section aria-labelledby="wat-heading" className="doorlopend-section">
        <Heading level={2} id="wat-heading">
          Wat kunt u hier doen?
        </Heading>
        <UnorderedList className="doorlopend-link-list" aria-labelledby="wat-heading">
          <ListItem>
            <Link to="/zoeken">Zoeken</Link> in de examenprogramma’s van het vmbo en de kwalificaties en keuzedelen van het mbo.
          </ListItem>
          <ListItem>
            Met de <Link to="/zoekmonitor">zoekmonitor</Link> zien welke mbo-werkprocessen passen bij een keuzevak of profielmodule.
          </ListItem>
          <ListItem>
            Met uw partnerschool een <Link to="/inventaris">overlapinventaris</Link> maken: wat zit in beide opleidingen, wat alleen in het vmbo of
            alleen in het mbo?
          </ListItem>
          <ListItem>
            Samen een leerroute ontwerpen: de planning per leerjaar en periode, toetsen, activiteiten en materialen, met een PTA en een
            routedocument om te ondertekenen.
          </ListItem>
        </UnorderedList>
      </section>

      <section aria-labelledby="begin-heading" className="doorlopend-section">
        <Heading level={2} id="begin-heading">
          Waar begint u?
        </Heading>
        <OrderedList aria-labelledby="begin-heading">
          <OrderedListItem>Log in met het account van uw school of instelling.</OrderedListItem>
          <OrderedListItem>
            Open een <Link to="/samenwerkingen">samenwerking</Link> met uw vmbo- of mbo-partner, of begin er een (de beheerder van uw
            organisatie doet dat).
          </OrderedListItem>
          <OrderedListItem>Kies de keuzevakken en kwalificaties van uw route en bekijk samen de overlap.</OrderedListItem>
          <OrderedListItem>Maak in de samenwerking een leerroute en plan die over de leerjaren.</OrderedListItem>
        </OrderedList>
        <StartHere />
      </section>

      <section aria-labelledby="zoeken-heading" className="doorlopend-section">
        <Heading level={2} id="zoeken-heading">
          Zoek in de catalogus
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
