import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { SamenwerkingInLijst } from '../../shared/partnership-api.js';
import { FormFeedback, useAction } from '../components/ConfirmAction.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { SOORT_LABELS } from '../lib/accounts.js';
import { count } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { partnershipApi, partnershipPath, partnershipUrls } from '../lib/partnership-api.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import {
  Alert,
  Button,
  Heading,
  Link,
  ListItem,
  PageHeading,
  Paragraph,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  UnorderedList,
} from '../ui/index.js';

const partnerNames = (p: SamenwerkingInLijst, status: 'lid' | 'voorgesteld') =>
  p.partners
    .filter((x) => x.status === status)
    .map((x) => x.naam)
    .join(', ');

/** An open proposal for one of my organisations: accept or decline. */
function Invitation({ item, onAnswered }: { item: SamenwerkingInLijst; onAnswered: (message: string, acceptedId?: string) => void }) {
  const state = useAction('Antwoorden is niet gelukt.');
  const headingId = `voorstel-${item.id}`;
  const org = item.mijnOrganisaties[0];
  if (!org) return null;
  const proposer = item.partners.find((p) => p.id === org.id)?.voorgesteldDoor;
  return (
    <section aria-labelledby={headingId} className="doorlopend-invitation">
      <Heading level={3} id={headingId}>
        {item.naam}
      </Heading>
      <Paragraph>
        {proposer ? `${proposer} stelt ${org.naam} voor als partner.` : `${org.naam} is voorgesteld als partner.`} Partners nu: {partnerNames(item, 'lid') || 'geen'}.
        Na het aannemen werken de medewerkers van {org.naam} mee in deze samenwerking en zien zij de namen en rollen van de mensen erin.
      </Paragraph>
      <FormFeedback state={state} failureHeading="Antwoorden is niet gelukt" headingLevel={4} />
      <Paragraph>
        <Button
          disabled={state.busy}
          onClick={() =>
            void state.run(async () => {
              await partnershipApi.accept(item.id, org.id);
              onAnswered(`${org.naam} doet nu mee in ${item.naam}.`, item.id);
              return null;
            })
          }
        >
          Voorstel aannemen
        </Button>{' '}
        <Button
          appearance="secondary-action-button"
          disabled={state.busy}
          onClick={() =>
            void state.run(async () => {
              await partnershipApi.decline(item.id, org.id);
              onAnswered(`Het voorstel voor ${item.naam} is afgewezen.`);
              return null;
            })
          }
        >
          Voorstel afwijzen
        </Button>
      </Paragraph>
    </section>
  );
}

/** Start a samenwerking: a name and (when the user is beheerder of several) the own organisation. */
function CreateForm({ organisations }: { organisations: ReadonlyArray<{ id: string; naam: string }> }) {
  const navigate = useNavigate();
  const [naam, setNaam] = useState('');
  const [organisatieId, setOrganisatieId] = useState(organisations[0]?.id ?? '');
  const [naamError, setNaamError] = useState<string | null>(null);
  const state = useAction('Aanmaken is niet gelukt.');
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!naam.trim()) {
      setNaamError('Vul een naam in voor de samenwerking.');
      document.getElementById('samenwerking-naam')?.focus();
      return;
    }
    setNaamError(null);
    await state.run(async () => {
      const created = await partnershipApi.create({ naam: naam.trim(), organisatieId });
      navigate(partnershipPath(created.id), { state: { bericht: `De samenwerking ${created.naam} is aangemaakt. Stel hieronder partners voor.` } });
      return null;
    });
  };
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSubmit} aria-labelledby="nieuw-heading">
      <Heading level={2} id="nieuw-heading">
        Nieuwe samenwerking
      </Heading>
      <Paragraph>Begin een samenwerking en stel daarna partners voor. Een voorgestelde organisatie doet pas mee als haar beheerder het voorstel aanneemt.</Paragraph>
      <FormFeedback state={state} failureHeading="Aanmaken is niet gelukt" />
      <TextField id="samenwerking-naam" name="naam" label="Naam van de samenwerking" value={naam} onChange={setNaam} maxLength={200} invalidMessage={naamError ?? undefined} />
      {organisations.length > 1 ? (
        <SelectField
          id="samenwerking-organisatie"
          name="organisatieId"
          label="Namens"
          value={organisatieId}
          options={organisations.map((o) => ({ value: o.id, label: o.naam }))}
          onChange={setOrganisatieId}
        />
      ) : (
        <Paragraph>Namens {organisations[0]?.naam}.</Paragraph>
      )}
      <Paragraph>
        <Button type="submit" disabled={state.busy}>
          {state.busy ? 'Bezig met aanmaken…' : 'Samenwerking aanmaken'}
        </Button>
      </Paragraph>
    </form>
  );
}

function Partnerships() {
  useDocumentTitle('Mijn samenwerkingen');
  const { session } = useSession();
  const location = useLocation();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(((location.state as { bericht?: unknown } | null)?.bericht as string | undefined) ?? null);
  const { data, error } = useApi(`${partnershipUrls.partnerships()}#${version}`, (signal) => partnershipApi.list(signal));
  // After answering a proposal its section disappears: focus goes to the message that says what happened.
  const messageRef = useRef<HTMLDivElement>(null);
  const focusMessage = useRef(false);
  useLayoutEffect(() => {
    if (focusMessage.current && message) {
      focusMessage.current = false;
      messageRef.current?.focus();
    }
  }, [message]);
  useSessionExpiry(error);
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  const memberships = session.status === 'signed-in' ? session.me.lidmaatschappen : [];
  const creators = memberships
    .filter((m) => m.rol === 'beheerder' && (m.soort === 'vmbo-school' || m.soort === 'mbo-instelling'))
    .map((m) => ({ id: m.organisatieId, naam: m.organisatieNaam }));
  const onlyLeerling = memberships.length > 0 && memberships.every((m) => m.rol === 'leerling');
  // One proposal per organisation of mine (a beheerder of two proposed organisations answers for each).
  const proposals = (data ?? []).filter((p) => p.status === 'voorgesteld').flatMap((p) => p.mijnOrganisaties.map((o) => ({ ...p, mijnOrganisaties: [o] })));
  const mine = data?.filter((p) => p.status === 'lid') ?? [];
  return (
    <>
      <PageHeading>Mijn samenwerkingen</PageHeading>
      <Paragraph>In een samenwerking werken vmbo-scholen en mbo-instellingen samen aan doorlopende leerroutes.</Paragraph>
      <div role="status" ref={messageRef} tabIndex={-1} className="doorlopend-form__message">
        {message ? (
          <Alert type="ok" role="none">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {!data ? (
        <Loading />
      ) : (
        <>
          {proposals.length > 0 ? (
            <section aria-labelledby="voorstellen-heading" className="doorlopend-section">
              <Heading level={2} id="voorstellen-heading">
                Voorstellen voor mijn organisatie
              </Heading>
              <Paragraph>Als beheerder beslist u of uw organisatie meedoet.</Paragraph>
              {proposals.map((p) => (
                <Invitation
                  key={`${p.id}-${p.mijnOrganisaties[0]?.id ?? ''}`}
                  item={p}
                  onAnswered={(text) => {
                    focusMessage.current = true;
                    setMessage(text);
                    setVersion((v) => v + 1);
                  }}
                />
              ))}
            </section>
          ) : null}
          <section aria-labelledby="lijst-heading" className="doorlopend-section">
            <Heading level={2} id="lijst-heading">
              Samenwerkingen
            </Heading>
            {mine.length === 0 ? (
              <Paragraph>
                {onlyLeerling
                  ? 'Samenwerkingen zijn voor medewerkers van scholen en instellingen.'
                  : 'Uw organisatie doet nog niet mee in een samenwerking.'}
              </Paragraph>
            ) : (
              <>
                <Paragraph>U werkt mee in {count(mine.length, 'samenwerking', 'samenwerkingen')}.</Paragraph>
                <Table caption="Samenwerkingen" captionHidden>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Samenwerking</TableHeaderCell>
                      <TableHeaderCell scope="col">Partners</TableHeaderCell>
                      <TableHeaderCell scope="col">Voorgesteld, nog geen antwoord</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {mine.map((p) => (
                      <TableRow key={p.id}>
                        <TableHeaderCell scope="row">
                          <Link to={partnershipPath(p.id)}>{p.naam}</Link>
                        </TableHeaderCell>
                        <TableCell>
                          <UnorderedList>
                            {p.partners
                              .filter((x) => x.status === 'lid')
                              .map((x) => (
                                <ListItem key={x.id}>
                                  {x.naam} ({SOORT_LABELS[x.soort]})
                                </ListItem>
                              ))}
                          </UnorderedList>
                        </TableCell>
                        <TableCell>{partnerNames(p, 'voorgesteld') || '–'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </section>
          {creators.length > 0 ? <CreateForm organisations={creators} /> : null}
        </>
      )}
    </>
  );
}

/** /samenwerkingen: my samenwerkingen, open proposals for my organisations, and a form to start one. */
export function PartnershipsPage() {
  return (
    <SignedInOnly>
      <Partnerships />
    </SignedInOnly>
  );
}
