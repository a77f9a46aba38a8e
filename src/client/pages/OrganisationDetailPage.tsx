import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import type { AuditRegel, Lid, Organisatie, OrganisatieVerlaten, Uitnodiging, Vestiging } from '../../shared/auth-api.js';
import { api, ApiError, urls } from '../api.js';
import { ConfirmAction, FormFeedback, useAction } from '../components/ConfirmAction.js';
import { InlineError, LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { SsoSettingsForm } from '../components/SsoSettingsForm.js';
import { accountApi } from '../lib/account-api.js';
import { auditActionLabel, rolLabel, ROL_OPTIONS, rollenLabel, SOORT_LABELS } from '../lib/accounts.js';
import { count, formatDate, formatDateTime } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { organisationApi, partnershipUrls } from '../lib/partnership-api.js';
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

/** Remove a role (when the member has more than one) or the member, each after a confirmation. */
function MemberActions({ organisation, member, onChanged }: { organisation: Organisatie; member: Lid; onChanged: () => void }) {
  return (
    <UnorderedList>
      {member.rollen.length > 1
        ? member.rollen.map((rol) => (
            <ListItem key={rol}>
              <ConfirmAction
                label={`Rol ${rolLabel(rol)} intrekken`}
                accessibleLabel={`Rol ${rolLabel(rol)} van ${member.naam} intrekken`}
                question={`Weet u zeker dat u de rol ${rolLabel(rol)} van ${member.naam} wilt intrekken?`}
                confirmLabel="Ja, rol intrekken"
                failureHeading="Intrekken is niet gelukt"
                onConfirm={async () => {
                  await organisationApi.removeRole(organisation.id, member.gebruikerId, rol);
                  onChanged();
                }}
              />
            </ListItem>
          ))
        : null}
      <ListItem>
        <ConfirmAction
          label="Uit de organisatie verwijderen"
          accessibleLabel={`${member.naam} uit de organisatie verwijderen`}
          question={`Weet u zeker dat u ${member.naam} uit ${organisation.naam} wilt verwijderen? ${member.naam} verliest dan alle rollen in ${organisation.naam}.`}
          confirmLabel="Ja, verwijderen"
          failureHeading="Verwijderen is niet gelukt"
          onConfirm={async () => {
            await organisationApi.removeMember(organisation.id, member.gebruikerId);
            onChanged();
          }}
        />
      </ListItem>
    </UnorderedList>
  );
}

function MembersTable({ organisation, members, onChanged }: { organisation: Organisatie; members: readonly Lid[]; onChanged: () => void }) {
  return (
    <Table caption="Leden" captionHidden>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
          <TableHeaderCell scope="col">Rollen</TableHeaderCell>
          <TableHeaderCell scope="col">Beheer</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.gebruikerId}>
            <TableHeaderCell scope="row">{m.naam}</TableHeaderCell>
            <TableCell>{m.email}</TableCell>
            <TableCell>{rollenLabel(m.rollen)}</TableCell>
            <TableCell>
              <MemberActions organisation={organisation} member={m} onChanged={onChanged} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Labels of the audit actions of organisation management and samenwerkingen (the others come from lib/accounts). */
const MANAGEMENT_AUDIT_ACTIONS: Record<string, string> = {
  'membership.role_removed': 'Rol ingetrokken',
  'organisation.updated': 'Organisatiegegevens gewijzigd',
  'organisation.created': 'Organisatie aangemaakt',
  'vestiging.added': 'Vestiging toegevoegd',
  'vestiging.updated': 'Vestiging gewijzigd',
  'vestiging.removed': 'Vestiging verwijderd',
  'partnership.created': 'Samenwerking begonnen',
  'partnership.renamed': 'Samenwerking hernoemd',
  'partnership.partner_proposed': 'Partner voorgesteld',
  'partnership.partner_accepted': 'Voorstel aangenomen',
  'partnership.partner_declined': 'Voorstel afgewezen',
  'partnership.partner_left': 'Partner vertrokken',
};
const actionLabel = (action: string) => MANAGEMENT_AUDIT_ACTIONS[action] ?? auditActionLabel(action);

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '(leeg)';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'van' in value && 'naar' in value) {
    const { van, naar } = value as { van: unknown; naar: unknown };
    return `${detailValue(van)} → ${detailValue(naar)}`;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${detailValue(v)}`)
      .join(', ');
  }
  return JSON.stringify(value);
}

/** Why someone became beheerder (or nobody could): the `reden` of a succession. */
const REDENEN: Record<string, string> = { 'lid-vertrokken': 'de vorige beheerder verliet de organisatie', 'account-verwijderd': 'de vorige beheerder verwijderde zijn of haar account' };

function auditDetails(regel: AuditRegel, members: readonly Lid[]): string {
  return Object.entries(regel.details)
    .map(([key, value]) => {
      if (key === 'rol' && typeof value === 'string') return `rol: ${rolLabel(value)}`;
      if (key === 'rollen' && Array.isArray(value)) return `rollen: ${rollenLabel(value.map(String))}`;
      if (key === 'reden' && typeof value === 'string') return `reden: ${REDENEN[value] ?? value}`;
      if (key === 'vorigeBeheerder' && typeof value === 'string') return `vorige beheerder: ${members.find((m) => m.gebruikerId === value)?.naam ?? 'geen lid meer'}`;
      return `${key}: ${detailValue(value)}`;
    })
    .join('; ');
}

function AuditTable({ regels, members }: { regels: readonly AuditRegel[]; members: readonly Lid[] }) {
  const nameOf = (regel: AuditRegel) => {
    if (regel.subjectType === 'user' && regel.subjectId) return members.find((m) => m.gebruikerId === regel.subjectId)?.naam ?? 'een gebruiker';
    const naam = typeof regel.details.naam === 'string' ? regel.details.naam : null;
    if (regel.subjectType === 'partnership') return naam ? `samenwerking ${naam}` : 'een samenwerking';
    if (regel.subjectType === 'vestiging') return naam ? `vestiging ${naam}` : 'een vestiging';
    if (regel.subjectType === 'organisation') return 'de organisatie';
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
            <TableCell>{actionLabel(regel.action)}</TableCell>
            <TableCell>{nameOf(regel)}</TableCell>
            <TableCell>{auditDetails(regel, members)}</TableCell>
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

/**
 * Invite someone by e-mail with a role (POST …/uitnodigingen): the only way to make someone a member. The
 * answer is the same whether or not the address has an account; the role follows when the person accepts.
 */
function InviteForm({ organisationId, onInvited }: { organisationId: string; onInvited: () => void }) {
  return (
    <EmailRolForm
      idPrefix="uitnodiging"
      heading="Uitnodigen"
      intro="Nodig iemand per e-mail uit met een rol. Pas als die persoon de uitnodiging aanneemt, krijgt hij of zij de rol. Wie nog geen account heeft, maakt er met de link een aan; de link is zeven dagen geldig en één keer te gebruiken."
      submitLabel="Uitnodiging versturen"
      busyLabel="Bezig met uitnodigen…"
      failureHeading="Uitnodigen is niet gelukt"
      emptyMessage="Vul het e-mailadres in van wie u wilt uitnodigen."
      submit={async (email, rol) => {
        const uitnodiging = await api.invite(organisationId, { email, rol: rol as Uitnodiging['rol'] });
        onInvited();
        return `Uitnodiging verstuurd naar ${uitnodiging.email} als ${rolLabel(uitnodiging.rol)}. De link in de e-mail is geldig tot en met ${formatDate(uitnodiging.verlooptOp)}. Zodra de uitnodiging is aangenomen, staat de persoon bij de leden.`;
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
          <Paragraph>Alleen beheerders van {organisation.naam} zien de leden en het auditlog en kunnen nieuwe leden uitnodigen.</Paragraph>
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
            <MembersTable organisation={organisation} members={members.data} onChanged={() => setVersion((v) => v + 1)} />
          </>
        )}
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

const BRIN = /^[0-9]{2}[A-Za-z]{2}$/;

/** The beheerder edits naam and BRIN number. */
function OrganisationDataForm({ organisation, onSaved }: { organisation: Organisatie; onSaved: (o: Organisatie) => void }) {
  const [naam, setNaam] = useState(organisation.naam);
  const [brin, setBrin] = useState(organisation.brin ?? '');
  const [naamError, setNaamError] = useState<string | null>(null);
  const [brinError, setBrinError] = useState<string | null>(null);
  const state = useAction('Opslaan is niet gelukt.');
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = naam.trim();
    const b = brin.trim();
    setNaamError(n ? null : 'Vul de naam van de organisatie in.');
    setBrinError(!b || BRIN.test(b) ? null : 'Een BRIN-nummer is twee cijfers en twee letters, zoals 12AB.');
    if (!n) return document.getElementById('organisatie-naam')?.focus();
    if (b && !BRIN.test(b)) return document.getElementById('organisatie-brin')?.focus();
    await state.run(async () => {
      const saved = await organisationApi.update(organisation.id, { naam: n, brin: b ? b.toUpperCase() : null });
      onSaved(saved);
      setBrin(saved.brin ?? '');
      return 'De gegevens van de organisatie zijn opgeslagen.';
    });
  };
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSubmit} aria-labelledby="gegevens-heading">
      <Heading level={2} id="gegevens-heading">
        Gegevens wijzigen
      </Heading>
      <FormFeedback state={state} failureHeading="Opslaan is niet gelukt" headingLevel={3} />
      <TextField id="organisatie-naam" name="naam" label="Naam" value={naam} onChange={setNaam} maxLength={200} invalidMessage={naamError ?? undefined} />
      <TextField
        id="organisatie-brin"
        name="brin"
        label="BRIN-nummer"
        description="Twee cijfers en twee letters, zoals 12AB. Leeg laten als er geen is."
        value={brin}
        onChange={setBrin}
        maxLength={4}
        invalidMessage={brinError ?? undefined}
      />
      <Paragraph>
        <Button type="submit" disabled={state.busy}>
          {state.busy ? 'Bezig met opslaan…' : 'Gegevens opslaan'}
        </Button>
      </Paragraph>
    </form>
  );
}

const BRIN_VESTIGING = /^[0-9]{2}[A-Za-z]{2}[0-9]{2}$/;

/** Add a vestiging, or change one (`vestiging` given). */
function VestigingForm({
  organisation,
  vestiging,
  onSaved,
  onCancel,
}: {
  organisation: Organisatie;
  vestiging?: Vestiging;
  onSaved: (v: Vestiging, message: string) => void;
  onCancel?: () => void;
}) {
  const idPrefix = vestiging ? `vestiging-${vestiging.id}` : 'vestiging-nieuw';
  const [naam, setNaam] = useState(vestiging?.naam ?? '');
  const [nummer, setNummer] = useState(vestiging?.brinVestiging ?? '');
  const [naamError, setNaamError] = useState<string | null>(null);
  const [nummerError, setNummerError] = useState<string | null>(null);
  const state = useAction('Opslaan is niet gelukt.');
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = naam.trim();
    const b = nummer.trim();
    setNaamError(n ? null : 'Vul de naam van de vestiging in.');
    setNummerError(!b || BRIN_VESTIGING.test(b) ? null : 'Een vestigingsnummer is het BRIN-nummer met twee cijfers, zoals 12AB00.');
    if (!n) return document.getElementById(`${idPrefix}-naam`)?.focus();
    if (b && !BRIN_VESTIGING.test(b)) return document.getElementById(`${idPrefix}-nummer`)?.focus();
    await state.run(async () => {
      const body = { naam: n, brinVestiging: b ? b.toUpperCase() : null };
      const saved = vestiging ? await organisationApi.changeVestiging(organisation.id, vestiging.id, body) : await organisationApi.addVestiging(organisation.id, body);
      if (!vestiging) {
        setNaam('');
        setNummer('');
      }
      onSaved(saved, vestiging ? `Vestiging ${saved.naam} is gewijzigd.` : `Vestiging ${saved.naam} is toegevoegd.`);
      return null;
    });
  };
  const headingId = `${idPrefix}-heading`;
  return (
    <form className="doorlopend-form doorlopend-add-member" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {vestiging ? `${vestiging.naam} wijzigen` : 'Vestiging toevoegen'}
      </Heading>
      <FormFeedback state={state} failureHeading="Opslaan is niet gelukt" headingLevel={4} />
      <TextField id={`${idPrefix}-naam`} name="naam" label="Naam van de vestiging" value={naam} onChange={setNaam} maxLength={200} invalidMessage={naamError ?? undefined} />
      <TextField
        id={`${idPrefix}-nummer`}
        name="brinVestiging"
        label="Vestigingsnummer"
        description={`Het BRIN-nummer met twee cijfers${organisation.brin ? `, zoals ${organisation.brin}01` : ', zoals 12AB01'}. Leeg laten als er geen is.`}
        value={nummer}
        onChange={setNummer}
        maxLength={6}
        invalidMessage={nummerError ?? undefined}
      />
      <Paragraph>
        <Button type="submit" disabled={state.busy}>
          {state.busy ? 'Bezig met opslaan…' : vestiging ? 'Vestiging opslaan' : 'Vestiging toevoegen'}
        </Button>
        {onCancel ? (
          <>
            {' '}
            <Button appearance="secondary-action-button" onClick={onCancel}>
              Annuleren
            </Button>
          </>
        ) : null}
      </Paragraph>
    </form>
  );
}

function VestigingItem({ organisation, vestiging, beheerder, onChanged }: { organisation: Organisatie; vestiging: Vestiging; beheerder: boolean; onChanged: (message: string) => void }) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (editing) document.getElementById(`vestiging-${vestiging.id}-naam`)?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing, vestiging.id]);
  return (
    <ListItem>
      {vestiging.naam}
      {vestiging.brinVestiging ? (
        <>
          {' '}
          (<Code>{vestiging.brinVestiging}</Code>)
        </>
      ) : null}
      {beheerder ? (
        editing ? (
          <VestigingForm
            organisation={organisation}
            vestiging={vestiging}
            onSaved={(_, message) => {
              returnFocus.current = true;
              setEditing(false);
              onChanged(message);
            }}
            onCancel={() => {
              returnFocus.current = true;
              setEditing(false);
            }}
          />
        ) : (
          <Paragraph>
            <Button ref={editRef} appearance="secondary-action-button" aria-label={`${vestiging.naam} wijzigen`} onClick={() => setEditing(true)}>
              Wijzigen
            </Button>{' '}
            <ConfirmAction
              label="Verwijderen"
              accessibleLabel={`${vestiging.naam} verwijderen`}
              question={`Weet u zeker dat u vestiging ${vestiging.naam} wilt verwijderen?`}
              confirmLabel="Ja, verwijderen"
              failureHeading="Verwijderen is niet gelukt"
              onConfirm={async () => {
                await organisationApi.removeVestiging(organisation.id, vestiging.id);
                onChanged(`Vestiging ${vestiging.naam} is verwijderd.`);
              }}
            />
          </Paragraph>
        )
      ) : null}
    </ListItem>
  );
}

function Vestigingen({ organisation }: { organisation: Organisatie }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const { data, error } = useApi(`${partnershipUrls.vestigingen(organisation.id)}#${version}`, (signal) => organisationApi.vestigingen(organisation.id, signal));
  useSessionExpiry(error);
  const beheerder = organisation.mijnRollen.includes('beheerder');
  const changed = (text: string) => {
    setMessage(text);
    setVersion((v) => v + 1);
  };
  if (!beheerder && data?.length === 0) return null;
  return (
    <section aria-labelledby="vestigingen-heading" className="doorlopend-section">
      <Heading level={2} id="vestigingen-heading">
        Vestigingen
      </Heading>
      <div role="status">
        {message ? (
          <Alert type="ok" role="none">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {error ? (
        <InlineError error={error} />
      ) : !data ? (
        <Loading label="Vestigingen laden…" />
      ) : data.length === 0 ? (
        <Paragraph>{organisation.naam} heeft nog geen vestigingen.</Paragraph>
      ) : (
        <UnorderedList>
          {data.map((v) => (
            <VestigingItem key={v.id} organisation={organisation} vestiging={v} beheerder={beheerder} onChanged={changed} />
          ))}
        </UnorderedList>
      )}
      {beheerder ? <VestigingForm organisation={organisation} onSaved={(_, text) => changed(text)} /> : null}
    </section>
  );
}

/** Leave the organisation (every member may, also the last beheerder), after a confirmation. */
function LeaveOrganisation({ organisation, onLeft }: { organisation: Organisatie; onLeft: (result: OrganisatieVerlaten) => void }) {
  const beheerder = organisation.mijnRollen.includes('beheerder');
  return (
    <section aria-labelledby="verlaten-heading" className="doorlopend-section">
      <Heading level={2} id="verlaten-heading">
        Organisatie verlaten
      </Heading>
      <Paragraph>
        U verliest al uw rollen in {organisation.naam} en ziet de organisatie en haar samenwerkingen niet meer. Wilt u later terug, dan moet een
        beheerder u opnieuw uitnodigen.
        {beheerder
          ? ' Bent u de laatste beheerder, dan wordt de medewerker die het langst lid is beheerder (een leerling nooit); is er niemand, dan heeft de organisatie geen beheerder meer. Dat komt in het auditlog.'
          : ''}
      </Paragraph>
      <ConfirmAction
        label="Organisatie verlaten"
        accessibleLabel={`${organisation.naam} verlaten`}
        question={`Weet u zeker dat u ${organisation.naam} wilt verlaten?`}
        confirmLabel="Ja, verlaten"
        busyLabel="Bezig met verlaten…"
        failureHeading="Verlaten is niet gelukt"
        onConfirm={async () => onLeft(await accountApi.leaveOrganisation(organisation.id))}
      />
    </section>
  );
}

/** After leaving: what happened (and who became beheerder), focused, with the way back. */
function LeftOrganisation({ organisation, result }: { organisation: Organisatie; result: OrganisatieVerlaten }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <article className="doorlopend-detail">
      <PageHeading>{organisation.naam}</PageHeading>
      <div ref={ref} tabIndex={-1} role="status">
        <Alert type="ok" role="none" heading="Organisatie verlaten" headingLevel={2}>
          <Paragraph>{result.bericht}</Paragraph>
        </Alert>
      </div>
      <Paragraph>
        <Link to="/organisaties">Naar mijn organisaties</Link>
      </Paragraph>
    </article>
  );
}

function OrganisationView({ organisation: initial }: { organisation: Organisatie }) {
  const [organisation, setOrganisation] = useState(initial);
  const [left, setLeft] = useState<OrganisatieVerlaten | null>(null);
  const { signedIn } = useSession();
  useDocumentTitle(organisation.naam);
  const beheerder = organisation.mijnRollen.includes('beheerder');
  if (left) return <LeftOrganisation organisation={organisation} result={left} />;
  const onLeft = (result: OrganisatieVerlaten) => {
    setLeft(result);
    // The menu and "Mijn account" show the memberships of the session: ask for them again.
    void api.me().then((me) => (me ? signedIn(me) : undefined), () => undefined);
  };
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
      {organisation.heeftBeheerder ? null : (
        <Alert type="warning" role="none" heading={`${organisation.naam} heeft geen beheerder`} headingLevel={2}>
          <Paragraph>
            De laatste beheerder is weggegaan en er was geen medewerker om het over te nemen. Zolang er geen beheerder is, kan niemand nieuwe leden
            uitnodigen of de gegevens van de organisatie wijzigen. Neem contact op met het platformbeheer van Doorlopend om een beheerder te laten aanwijzen.
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Link to="/samenwerkingen">Samenwerkingen</Link> van mijn organisaties.
      </Paragraph>
      {beheerder ? <OrganisationDataForm organisation={organisation} onSaved={setOrganisation} /> : null}
      <Vestigingen organisation={organisation} />
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
