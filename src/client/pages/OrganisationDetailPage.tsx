/**
 * /organisaties/:id: an organisation of the signed-in user — its facts, vestigingen, its region (a school) or its
 * member schools (a region, issue 15), and for the beheerder its data, members, invitations, SSO and audit log; every
 * member may leave it.
 *
 * State and API calls live in the hooks of pages/organisatie (useOrganisationView, useManagement, useVestigingen, the
 * form hooks); the views there render. This page composes them.
 */
import { useParams } from 'react-router-dom';
import type { Organisatie } from '../../shared/auth-api.js';
import { api, urls } from '../api.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { rollenLabel, SOORT_LABELS } from '../lib/accounts.js';
import { useApi } from '../lib/useApi.js';
import { NotFoundContent } from './NotFoundPage.js';
import { Alert, Code, DataList, Link, PageHeading, Paragraph } from '../ui/index.js';
import { LeaveOrganisation, LeftOrganisation } from './organisatie/Leave.js';
import { Management } from './organisatie/Management.js';
import { OrganisationDataForm } from './organisatie/OrganisationDataForm.js';
import { RegioLeden } from './organisatie/RegioLeden.js';
import { RegioVanSchool } from './organisatie/RegioVanSchool.js';
import { useOrganisationView } from './organisatie/useOrganisationView.js';
import { Vestigingen } from './organisatie/Vestigingen.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Facts({ organisation }: { organisation: Organisatie }) {
  return (
    <DataList
      className="doorlopend-facts"
      items={[
        { key: 'soort', label: 'Soort', value: SOORT_LABELS[organisation.soort] },
        { key: 'brin', label: 'BRIN-nummer', value: organisation.brin ? <Code>{organisation.brin}</Code> : <span className="doorlopend-unknown">onbekend</span> },
        { key: 'rollen', label: 'Mijn rollen', value: rollenLabel(organisation.mijnRollen) },
      ]}
    />
  );
}

function WithoutBeheerder({ organisation }: { organisation: Organisatie }) {
  return (
    <Alert type="warning" role="none" heading={`${organisation.naam} heeft geen beheerder`} headingLevel={2}>
      <Paragraph>
        De laatste beheerder is weggegaan en er was geen medewerker om het over te nemen. Zolang er geen beheerder is, kan niemand nieuwe leden
        uitnodigen of de gegevens van de organisatie wijzigen. Neem contact op met het platformbeheer van Doorlopend om een beheerder te laten aanwijzen.
      </Paragraph>
    </Alert>
  );
}

function OrganisationView({ organisation: initial }: { organisation: Organisatie }) {
  const { organisation, setOrganisation, left, onLeft, beheerder } = useOrganisationView(initial);
  if (left) return <LeftOrganisation organisation={organisation} result={left} />;
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/organisaties">Mijn organisaties</Link>
      </p>
      <PageHeading>{organisation.naam}</PageHeading>
      <Facts organisation={organisation} />
      {organisation.heeftBeheerder ? null : <WithoutBeheerder organisation={organisation} />}
      <Paragraph>
        <Link to="/samenwerkingen">Samenwerkingen</Link> van mijn organisaties.
      </Paragraph>
      {beheerder ? <OrganisationDataForm organisation={organisation} onSaved={setOrganisation} /> : null}
      <Vestigingen organisation={organisation} />
      {organisation.soort === 'regio' ? <RegioLeden organisation={organisation} /> : <RegioVanSchool organisation={organisation} />}
      <Management organisation={organisation} />
      <LeaveOrganisation organisation={organisation} onLeft={onLeft} />
    </article>
  );
}

function OrganisationDetail({ id }: { id: string }) {
  const { data, error } = useApi(urls.organisation(id), (signal) => api.organisation(id, signal));
  useSessionExpiry(error);
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!data || data.id !== id) return <Loading />;
  return <OrganisationView key={data.id} organisation={data} />;
}

/** /organisaties/:id: an organisation of the user; a foreign or unknown id shows "Pagina niet gevonden". */
export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      {UUID.test(id) ? <OrganisationDetail id={id} /> : <NotFoundContent detail="Deze organisatie bestaat niet of u hebt er geen toegang toe." />}
    </SignedInOnly>
  );
}
