import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import type { AuditRegel, Lid, Organisatie, Uitnodiging } from '../../shared/auth-api.js';
import { api, ApiError, urls } from '../api.js';
import { InlineError, LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { SsoSettingsForm } from '../components/SsoSettingsForm.js';
import { auditActionLabel, rolLabel, ROL_OPTIONS, rollenLabel, SOORT_LABELS } from '../lib/accounts.js';
import { count, formatDate, formatDateTime } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { NotFoundContent } from './NotFoundPage.js';
import {
  Alert,
  Button,
  Code,
  DataList,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function MembersTable({ members }: { members: readonly Lid[] }) {
  return (
    <Table caption="Leden" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
          <TableHeaderCell scope="col">Rollen</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.gebruikerId}>
            <TableHeaderCell scope="row">{m.naam}</TableHeaderCell>
            <TableCell>{m.email}</TableCell>
            <TableCell>{rollenLabel(m.rollen)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function auditDetails(regel: AuditRegel): string {
  return Object.entries(regel.details)
    .map(([key, value]) => (key === 'rol' && typeof value === 'string' ? `rol: ${rolLabel(value)}` : `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`))
    .join('; ');
}

function AuditTable({ regels, members }: { regels: readonly AuditRegel[]; members: readonly Lid[] }) {
  const nameOf = (regel: AuditRegel) => {
    if (regel.subjectType === 'user' && regel.subjectId) return members.find((m) => m.gebruikerId === regel.subjectId)?.naam ?? 'een gebruiker';
    return regel.subjectType;
  };
  return (
    <Table caption="Auditlog" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Tijdstip</TableHeaderCell>
          <TableHeaderCell scope="col">Door</TableHeaderCell>
          <TableHeaderCell scope="col">Actie</TableHeaderCell>
          <TableHeaderCell scope="col">Betreft</TableHeaderCell>
          <TableHeaderCell scope="col">Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {regels.map((regel) => (
          <TableRow key={regel.id}>
            <TableCell>
              <time dateTime={regel.at}>{formatDateTime(regel.at)}</time>
            </TableCell>
            <TableCell>{regel.actor?.naam ?? 'systeem'}</TableCell>
            <TableCell>{auditActionLabel(regel.action)}</TableCell>
            <TableCell>{nameOf(regel)}</TableCell>
            <TableCell>{auditDetails(regel)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

interface EmailRolFormProps {
  /** Prefix of element ids ("lid", "uitnodiging"). */
  idPrefix: string;
  heading: string;
  intro: string;
  submitLabel: string;
  busyLabel: string;
  failureHeading: string;
  emptyMessage: string;
  /** Sends the request; resolves with the success message to announce. */
  submit: (email: string, rol: string) => Promise<string>;
}

/** An e-mail address and a role, sent to the API (with the CSRF token); 400 and 409 problems are shown and focused. */
function EmailRolForm({ idPrefix, heading, intro, submitLabel, busyLabel, failureHeading, emptyMessage, submit }: EmailRolFormProps) {
  const [email, setEmail] = useState('');
  const [rol, setRol] = useState('ontwikkelaar');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  // A refused request moves focus to its message.
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    setError(null);
    const value = email.trim();
    if (!value || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setEmailError(value ? 'Vul een geldig e-mailadres in, zoals naam@school.nl.' : emptyMessage);
      emailRef.current?.focus();
      return;
    }
    setEmailError(null);
    setBusy(true);
    try {
      setDone(await submit(value, rol));
      setEmail('');
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, `${failureHeading}.`);
      setError(apiError);
      const emailProblem = apiError.problem?.errors?.find((f) => f.path.endsWith('email'));
      if (emailProblem) setEmailError(emailProblem.message);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {heading}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading={failureHeading} headingLevel={4}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <div role="status" className="doorlopend-form__status">
        {done ? (
          <Alert type="ok" role="none">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label="E-mailadres"
        value={email}
        onChange={setEmail}
        autoComplete="off"
        maxLength={254}
        inputRef={emailRef}
        invalidMessage={emailError ?? undefined}
      />
      <SelectField id={`${idPrefix}-rol`} name="rol" label="Rol" value={rol} options={ROL_OPTIONS} onChange={setRol} />
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </Button>
      </Paragraph>
    </form>
  );
}

/** Give an existing account a role in the organisation (POST …/members). */
function AddMemberForm({ organisationId, onAdded }: { organisationId: string; onAdded: (lid: Lid) => void }) {
  return (
    <EmailRolForm
      idPrefix="lid"
      heading="Lid toevoegen"
      intro="Geef een bestaand account een rol in deze organisatie. Iemand zonder account nodigt u hieronder uit."
      submitLabel="Lid toevoegen"
      busyLabel="Bezig met toevoegen…"
      failureHeading="Toevoegen is niet gelukt"
      emptyMessage="Vul het e-mailadres van het account in."
      submit={async (email, rol) => {
        const lid = await api.addMember(organisationId, { email, rol: rol as Lid['rollen'][number] });
        onAdded(lid);
        return `${lid.naam} is toegevoegd als ${rolLabel(rol)}.`;
      }}
    />
  );
}

/** Invite someone by e-mail with a role (POST …/uitnodigingen). */
function InviteForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  return (
    <EmailRolForm
      idPrefix="uitnodiging"
      heading="Uitnodigen"
      intro="Nodig iemand per e-mail uit met een rol. Wie nog geen account heeft, maakt er met de link een aan; de link is zeven dagen geldig en één keer te gebruiken."
      submitLabel="Uitnodiging versturen"
      busyLabel="Bezig met uitnodigen…"
      failureHeading="Uitnodigen is niet gelukt"
      emptyMessage="Vul het e-mailadres in van wie u wilt uitnodigen."
      submit={async (email, rol) => {
        const uitnodiging = await api.invite(organisationId, { email, rol: rol as Uitnodiging['rol'] });
        onInvited();
        return `Uitnodiging verstuurd naar ${uitnodiging.email} als ${rolLabel(uitnodiging.rol)}. De link in de e-mail is geldig tot en met ${formatDate(uitnodiging.verlooptOp)}.`;
      }}
    />
  );
}

function Management({ organisation }: { organisation: Organisatie }) {
  const [version, setVersion] = useState(0);
  const members = useApi(`${urls.members(organisation.id)}#${version}`, (signal) => api.members(organisation.id, signal));
  // The audit log is for beheerders too: only asked once the members answered.
  const audit = useApi(members.data && !members.error ? `${urls.audit(organisation.id)}#${version}` : null, (signal) => api.audit(organisation.id, signal));
  useSessionExpiry(members.error, audit.error);

  if (members.error?.isForbidden) {
    return (
      <section aria-labelledby="leden-heading" className="doorlopend-section">
        <Heading level={2} id="leden-heading">
          Leden
        </Heading>
        <Alert type="info" role="status">
          <Paragraph>Alleen beheerders van {organisation.naam} zien de leden en het auditlog en kunnen leden toevoegen of uitnodigen.</Paragraph>
        </Alert>
      </section>
    );
  }

  return (
    <>
      <section aria-labelledby="leden-heading" className="doorlopend-section">
        <Heading level={2} id="leden-heading">
          Leden
        </Heading>
        {members.error ? (
          <InlineError error={members.error} />
        ) : !members.data ? (
          <Loading label="Leden laden…" />
        ) : (
          <>
            <Paragraph>{organisation.naam} heeft {count(members.data.length, 'lid', 'leden')}.</Paragraph>
            <MembersTable members={members.data} />
          </>
        )}
        <AddMemberForm organisationId={organisation.id} onAdded={() => setVersion((v) => v + 1)} />
        {organisation.mijnRollen.includes('beheerder') ? <InviteForm organisationId={organisation.id} onInvited={() => setVersion((v) => v + 1)} /> : null}
      </section>
      {organisation.mijnRollen.includes('beheerder') ? <SsoSettingsForm organisationId={organisation.id} /> : null}
      <section aria-labelledby="audit-heading" className="doorlopend-section">
        <Heading level={2} id="audit-heading">
          Auditlog
        </Heading>
        <Paragraph>Wie wat heeft gewijzigd in deze organisatie, nieuwste eerst.</Paragraph>
        {audit.error ? (
          <InlineError error={audit.error} />
        ) : !audit.data ? (
          members.error ? null : <Loading label="Auditlog laden…" />
        ) : audit.data.length === 0 ? (
          <Paragraph>Er is nog niets gewijzigd.</Paragraph>
        ) : (
          <AuditTable regels={audit.data} members={members.data ?? []} />
        )}
      </section>
    </>
  );
}

function OrganisationView({ organisation }: { organisation: Organisatie }) {
  useDocumentTitle(organisation.naam);
  return (
    <article className="doorlopend-detail">
      <p className="doorlopend-preheading">
        <Link to="/organisaties">Mijn organisaties</Link>
      </p>
      <PageHeading>{organisation.naam}</PageHeading>
      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'soort', label: 'Soort', value: SOORT_LABELS[organisation.soort] },
          { key: 'brin', label: 'BRIN-nummer', value: organisation.brin ? <Code>{organisation.brin}</Code> : <span className="doorlopend-unknown">onbekend</span> },
          { key: 'rollen', label: 'Mijn rollen', value: rollenLabel(organisation.mijnRollen) },
        ]}
      />
      {organisation.vestigingen.length > 0 ? (
        <section aria-labelledby="vestigingen-heading" className="doorlopend-section">
          <Heading level={2} id="vestigingen-heading">
            Vestigingen
          </Heading>
          <UnorderedList>
            {organisation.vestigingen.map((v) => (
              <ListItem key={`${v.naam}-${v.brinVestiging ?? ''}`}>
                {v.naam}
                {v.brinVestiging ? (
                  <>
                    {' '}
                    (<Code>{v.brinVestiging}</Code>)
                  </>
                ) : null}
              </ListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
      <Management organisation={organisation} />
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
