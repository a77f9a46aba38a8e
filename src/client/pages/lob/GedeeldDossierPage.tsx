/**
 * /dossier/gedeeld#token=… (issue 15): what the receiver of a pupil's share link sees, without signing in. The token
 * is in the fragment, so it never reaches a server log or a Referer; the page sends it in a request body. A link
 * that is unknown, expired or revoked gets one page "Deze link werkt niet (meer)" (the API answers 404 for all three).
 */
import { useLocation } from 'react-router-dom';
import { LoadError, Loading } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Heading, ListItem, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList } from '../../ui/index.js';
import { ActiviteitWeergave, OpleggerWeergave } from './LobDelen.js';
import { datumTekst, lobApi } from './lob-api.js';

function tokenUit(hash: string): string | null {
  const t = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return t && /^[A-Za-z0-9_-]{20,100}$/.test(t) ? t : null;
}

export function GedeeldDossierPage() {
  const location = useLocation();
  const token = tokenUit(location.hash);
  const { data, error } = useApi(token ? `lob-gedeeld-${token}` : null, (signal) => lobApi.gedeeld(token!, signal));
  useDocumentTitle(data ? `Loopbaandossier van ${data.leerling.naam}` : error?.isNotFound ? 'Deze link werkt niet (meer)' : 'Gedeeld loopbaandossier');
  if (!token) {
    return (
      <>
        <PageHeading>Deze link werkt niet</PageHeading>
        <Paragraph>De link is niet compleet. Vraag de leerling om de link opnieuw te sturen.</Paragraph>
      </>
    );
  }
  if (error?.isNotFound) {
    // Unknown, expired and revoked links get one answer (the API's 404), in words for the person at the mbo.
    return (
      <>
        <PageHeading>Deze link werkt niet (meer)</PageHeading>
        <Paragraph>De link bestaat niet, is verlopen of is door de leerling ingetrokken. Alleen de leerling kan het dossier opnieuw delen: vraag de leerling om een nieuwe link.</Paragraph>
      </>
    );
  }
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeading>Loopbaandossier van {data.leerling.naam}</PageHeading>
      <Paragraph appearance="lead">
        {data.leerling.naam} ({data.school.naam}) deelt dit met {data.ontvanger}. De leerling koos wat hier staat; de link werkt tot en met{' '}
        {datumTekst(data.verlooptOp)} en de leerling kan hem eerder intrekken.
      </Paragraph>
      {data.oplegger ? (
        <section aria-labelledby="gedeeld-oplegger" className="doorlopend-section">
          <Heading level={2} id="gedeeld-oplegger">
            Oplegger voor de intake
          </Heading>
          <OpleggerWeergave o={data.oplegger} />
        </section>
      ) : null}
      <section aria-labelledby="gedeeld-activiteiten" className="doorlopend-section">
        <Heading level={2} id="gedeeld-activiteiten">
          LOB-activiteiten ({data.activiteiten.length})
        </Heading>
        {data.activiteiten.length === 0 ? <Paragraph>De leerling deelt geen activiteiten.</Paragraph> : data.activiteiten.map((a) => <ActiviteitWeergave key={a.id} a={a} />)}
      </section>
      {data.programma ? (
        <section aria-labelledby="gedeeld-programma" className="doorlopend-section">
          <Heading level={2} id="gedeeld-programma">
            LOB-programma van de school
          </Heading>
          {data.programma.length === 0 ? (
            <Paragraph>Geen onderdelen.</Paragraph>
          ) : (
            <Table caption="LOB-onderdelen van de school en of ze zijn afgerond" captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
                  <TableHeaderCell scope="col">Leerjaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Afgerond</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.programma.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>{p.titel}</TableCell>
                    <TableCell>{p.leerjaar}</TableCell>
                    <TableCell>{p.afgerond ? datumTekst(p.afgerond.op) : 'Nog niet'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      ) : null}
      <section aria-labelledby="gedeeld-regels" className="doorlopend-section">
        <Heading level={2} id="gedeeld-regels">
          Over dit dossier
        </Heading>
        <UnorderedList aria-labelledby="gedeeld-regels">
          <ListItem>Het loopbaandossier is van de leerling. Alleen de leerling geeft het aan een andere school.</ListItem>
          <ListItem>Bewaar of stuur deze link niet door; vraag de leerling om een eigen link als een collega meekijkt.</ListItem>
        </UnorderedList>
      </section>
    </>
  );
}
