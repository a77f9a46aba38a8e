import { startTransition, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MijnGegevens } from '../../shared/account-api.js';
import { api, ApiError } from '../api.js';
import { ConfirmAction } from '../components/ConfirmAction.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { accountApi, accountUrls } from '../lib/account-api.js';
import { organisationPath, rollenLabel } from '../lib/accounts.js';
import { APP_NAME, count, formatDate } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { ImpactMailInstelling } from './impact/ImpactInstellingen.js';
import { Alert, Button, DataList, DocumentLink, Heading, Link, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField } from '../ui/index.js';

/** Delete the own account: confirmed with the password, or (no password: SSO only) with the e-mail address typed out. */
function DeleteAccountForm({ data }: { data: MijnGegevens }) {
  const { expired } = useSession();
  const navigate = useNavigate();
  const withPassword = data.account.wachtwoordIngesteld;
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!value.trim()) {
      setFieldError(withPassword ? 'Vul uw wachtwoord in om te bevestigen.' : 'Typ uw e-mailadres om te bevestigen.');
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      await accountApi.deleteAccount(withPassword ? { wachtwoord: value } : { bevestiging: value.trim() });
      startTransition(() => {
        navigate('/inloggen?account-verwijderd=1', { replace: true });
        expired();
      });
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Verwijderen is niet gelukt.');
      setError((prev) => ({ error: apiError, attempt: (prev?.attempt ?? 0) + 1 }));
      if (apiError.problem?.errors?.some((f) => f.path.endsWith('wachtwoord') || f.path.endsWith('bevestiging'))) setFieldError(apiError.message);
      if (withPassword) setValue('');
      setBusy(false);
    }
  };

  return (
    <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-labelledby="verwijderen-heading" aria-busy={busy || undefined}>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="Uw account is niet verwijderd" headingLevel={3}>
            <Paragraph>{error.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {withPassword ? (
        <TextField
          id="verwijderen-wachtwoord"
          name="wachtwoord"
          type="password"
          label="Uw wachtwoord, ter bevestiging"
          value={value}
          onChange={setValue}
          autoComplete="current-password"
          maxLength={1024}
          inputRef={inputRef}
          invalidMessage={fieldError ?? undefined}
        />
      ) : (
        <TextField
          id="verwijderen-bevestiging"
          name="bevestiging"
          type="text"
          label={`Typ ter bevestiging uw e-mailadres (${data.account.email})`}
          value={value}
          onChange={setValue}
          autoComplete="off"
          maxLength={254}
          inputRef={inputRef}
          invalidMessage={fieldError ?? undefined}
        />
      )}
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met verwijderen…' : 'Account definitief verwijderen'}
        </Button>
      </Paragraph>
    </form>
  );
}

/**
 * The own memberships, each organisation with "Organisatie verlaten" (after a confirmation). Always possible,
 * also as the last beheerder; the answer says who became beheerder then.
 */
function MyOrganisations() {
  const { session, signedIn } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // The row (and its button) is gone after leaving: focus moves to the message.
  useLayoutEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);
  if (session.status !== 'signed-in') return null;
  const organisations = new Map<string, { naam: string; rollen: string[] }>();
  for (const l of session.me.lidmaatschappen) {
    const o = organisations.get(l.organisatieId) ?? { naam: l.organisatieNaam, rollen: [] };
    o.rollen.push(l.rol);
    organisations.set(l.organisatieId, o);
  }
  return (
    <section aria-labelledby="organisaties-heading" className="doorlopend-section">
      <Heading level={2} id="organisaties-heading">
        Mijn organisaties
      </Heading>
      <div ref={statusRef} tabIndex={-1} role="status" className="doorlopend-form__status">
        {message ? (
          <Alert type="ok" role="none">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {organisations.size === 0 ? (
        <Paragraph>U bent geen lid van een organisatie.</Paragraph>
      ) : (
        <>
          <Paragraph>
            U kunt een organisatie altijd verlaten; u verliest dan al uw rollen daar. Bent u de laatste beheerder, dan wordt de medewerker die het langst
            lid is beheerder (een leerling nooit); is er niemand, dan heeft de organisatie geen beheerder meer.
          </Paragraph>
          <Table caption="Mijn organisaties" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
                <TableHeaderCell scope="col">Mijn rollen</TableHeaderCell>
                <TableHeaderCell scope="col">Verlaten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...organisations].map(([id, o]) => (
                <TableRow key={id}>
                  <TableHeaderCell scope="row">
                    <Link to={organisationPath(id)}>{o.naam}</Link>
                  </TableHeaderCell>
                  <TableCell>{rollenLabel(o.rollen)}</TableCell>
                  <TableCell>
                    <ConfirmAction
                      label="Organisatie verlaten"
                      accessibleLabel={`${o.naam} verlaten`}
                      question={`Weet u zeker dat u ${o.naam} wilt verlaten? U verliest al uw rollen daar.`}
                      confirmLabel="Ja, verlaten"
                      busyLabel="Bezig met verlaten…"
                      failureHeading="Verlaten is niet gelukt"
                      onConfirm={async () => {
                        const result = await accountApi.leaveOrganisation(id);
                        // The memberships of the session (menu, this table) are asked again; left is left, even if that fails.
                        const me = await api.me().catch(() => null);
                        setMessage(result.bericht);
                        if (me) signedIn(me);
                      }}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}

function AccountContent() {
  const { session } = useSession();
  const gegevens = useApi(accountUrls.mijnGegevens(), (signal) => accountApi.mijnGegevens(signal));
  useSessionExpiry(gegevens.error);
  if (session.status !== 'signed-in') return null;
  const { gebruiker, lidmaatschappen } = session.me;
  const byOrganisation = new Map<string, string[]>();
  for (const l of lidmaatschappen) byOrganisation.set(l.organisatieNaam, [...(byOrganisation.get(l.organisatieNaam) ?? []), l.rol]);
  const data = gegevens.data;
  return (
    <>
      <PageHeading>Mijn account</PageHeading>
      <DataList
        className="doorlopend-facts"
        items={[
          { key: 'naam', label: 'Naam', value: gebruiker.naam },
          { key: 'email', label: 'E-mailadres', value: gebruiker.email },
          {
            key: 'organisaties',
            label: 'Organisaties',
            value: byOrganisation.size === 0 ? 'geen' : [...byOrganisation].map(([naam, rollen]) => `${naam} (${rollenLabel(rollen)})`).join('; '),
          },
          ...(data ? [{ key: 'sinds', label: 'Account sinds', value: formatDate(data.account.aangemaaktOp) }] : []),
        ]}
      />
      <MyOrganisations />
      <ImpactMailInstelling />
      <section aria-labelledby="gegevens-heading" className="doorlopend-section">
        <Heading level={2} id="gegevens-heading">
          Mijn gegevens downloaden
        </Heading>
        <Paragraph>
          Alles wat {APP_NAME} over u bewaart, in één JSON-bestand: uw account, lidmaatschappen, sessies, de regels van het auditlog over u of door u,
          uitnodigingen, aanvragen voor een nieuw wachtwoord en wat u zelf deed in een samenwerking (uw beoordelingen van koppelingen en uw wijzigingen in
          leerroutes, met de naam van de samenwerking en de leerroute). Wachtwoorden en tokens staan er niet in; die bewaren wij alleen als onomkeerbare
          hash. Wat uw partners deden en hun namen staan er ook niet in.
        </Paragraph>
        {data ? (
          <Paragraph>
            Nu: {count(data.lidmaatschappen.length, 'lidmaatschap', 'lidmaatschappen')}, {count(data.sessies.length, 'actieve sessie', 'actieve sessies')} en{' '}
            {count(data.auditlog.length, 'regel', 'regels')} in het auditlog; in samenwerkingen{' '}
            {count(data.koppelingBeoordelingen.length, 'beoordeling', 'beoordelingen')} van koppelingen en{' '}
            {count(data.leerrouteHistorie.length, 'wijziging', 'wijzigingen')} in leerroutes.
          </Paragraph>
        ) : null}
        <Paragraph>
          <DocumentLink href={accountUrls.mijnGegevens()} download>
            Download mijn gegevens (JSON)
          </DocumentLink>
        </Paragraph>
      </section>
      <section aria-labelledby="verwijderen-heading" className="doorlopend-section">
        <Heading level={2} id="verwijderen-heading">
          Account verwijderen
        </Heading>
        <Paragraph>
          Hiermee verwijdert u uw account, uw lidmaatschappen, al uw sessies (u wordt overal uitgelogd), openstaande links om een wachtwoord te herstellen en
          uitnodigingen aan uw e-mailadres. Dit kan niet ongedaan worden gemaakt.
        </Paragraph>
        <Paragraph>
          Het auditlog van uw organisaties blijft bestaan, zodat te zien blijft wat er is gebeurd; het bevat alleen een nummer voor uw account, geen naam of
          e-mailadres. Zo blijft ook uw werk in een samenwerking (beoordeelde koppelingen, leerroutes en hun geschiedenis) bij die samenwerking, zonder uw
          naam. Bent u de laatste beheerder van een organisatie, dan wordt de medewerker die daar het langst lid is beheerder (een leerling nooit); is er
          niemand, dan heeft de organisatie geen beheerder meer.
        </Paragraph>
        {gegevens.error ? <InlineError error={gegevens.error} /> : !data ? <Loading label="Gegevens laden…" /> : <DeleteAccountForm data={data} />}
      </section>
    </>
  );
}

/** /account, "Mijn account": the export of the own data and deleting the account (AVG). */
export function AccountPage() {
  useDocumentTitle('Mijn account');
  return (
    <SignedInOnly>
      <AccountContent />
    </SignedInOnly>
  );
}
