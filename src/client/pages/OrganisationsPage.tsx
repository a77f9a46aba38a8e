import { api, urls } from '../api.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { organisationPath, rollenLabel, SOORT_LABELS } from '../lib/accounts.js';
import { count } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { Link, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.js';

function Organisations() {
  useDocumentTitle('Mijn organisaties');
  const { data, error } = useApi(urls.organisations(), (signal) => api.organisations(signal));
  useSessionExpiry(error);
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  return (
    <>
      <PageHeading>Mijn organisaties</PageHeading>
      {!data ? (
        <Loading />
      ) : data.length === 0 ? (
        <Paragraph>U bent nog geen lid van een organisatie. Vraag de beheerder van uw school of instelling om u toe te voegen.</Paragraph>
      ) : (
        <>
          <Paragraph role="status">U bent lid van {count(data.length, 'organisatie', 'organisaties')}.</Paragraph>
          <Paragraph>
            Samen met andere scholen en instellingen werkt u in <Link to="/samenwerkingen">samenwerkingen</Link>.
          </Paragraph>
          <Table caption="Mijn organisaties" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Mijn rollen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((org) => (
                <TableRow key={org.id}>
                  <TableHeaderCell scope="row">
                    <Link to={organisationPath(org.id)}>{org.naam}</Link>
                  </TableHeaderCell>
                  <TableCell>{SOORT_LABELS[org.soort]}</TableCell>
                  <TableCell>{rollenLabel(org.mijnRollen)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}

/** /organisaties: the organisations of the signed-in user. */
export function OrganisationsPage() {
  return (
    <SignedInOnly>
      <Organisations />
    </SignedInOnly>
  );
}
