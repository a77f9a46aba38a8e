import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { MIN_WACHTWOORD_LENGTE } from '../../shared/auth-api.js';
import { api, ApiError } from '../api.js';
import { accountApi } from '../lib/account-api.js';
import { useLinkToken } from '../lib/linkToken.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { homeAfterSignIn, useSession } from '../lib/session.js';
import { Alert, Button, Heading, PageHeading, Paragraph, TextField } from '../ui/index.js';

interface FieldErrors {
  naam?: string;
  wachtwoord?: string;
}

/**
 * A signed-in user accepts with the session alone (for an invitation to the own address; also the way for an
 * account without a password, which signs in through its school). Another address: the server says so.
 */
function AcceptSignedIn({ token, naam, email }: { token: string; naam: string; email: string }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (error) messageRef.current?.focus();
  }, [error]);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await accountApi.acceptInvitation(token);
      signedIn(me, () => navigate(homeAfterSignIn(me), { replace: true }));
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Het aannemen van de uitnodiging is niet gelukt. Probeer het opnieuw.');
      setError((prev) => ({ message: apiError.message, attempt: (prev?.attempt ?? 0) + 1 }));
      setBusy(false);
    }
  };
  return (
    <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-label="Uitnodiging aannemen met mijn account" aria-busy={busy || undefined}>
      <Paragraph>
        U bent ingelogd als {naam} ({email}). Is de uitnodiging aan dit e-mailadres, dan neemt u haar hier aan zonder wachtwoord.
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="De uitnodiging is niet aangenomen" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met aannemen…' : `Aannemen als ${naam}`}
        </Button>
      </Paragraph>
    </form>
  );
}

/**
 * /uitnodiging-accepteren#token=…: accept an invitation from an e-mail. A new address gets an account with the
 * name and password given here; for an address that already has an account the password is its current one
 * (the server decides which, and checks the name and the length of a new password). Afterwards the person is
 * signed in. A signed-in user can also accept with the session alone (AcceptSignedIn).
 */
export function AcceptInvitationPage() {
  useDocumentTitle('Uitnodiging aannemen');
  const token = useLinkToken();
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const [naam, setNaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const naamRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (error) messageRef.current?.focus();
  }, [error]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !token) return;
    // The name is only needed for a new account (the server says so); an existing account only gives its password.
    const errors: FieldErrors = {};
    if (!wachtwoord) errors.wachtwoord = 'Vul een wachtwoord in.';
    setFieldErrors(errors);
    if (errors.wachtwoord) {
      setError(null);
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api.acceptInvitation({ token, ...(naam.trim() ? { naam: naam.trim() } : {}), wachtwoord });
      signedIn(me, () => navigate(homeAfterSignIn(me), { replace: true }));
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Het aannemen van de uitnodiging is niet gelukt. Probeer het opnieuw.');
      const problems = apiError.problem?.errors ?? [];
      const next: FieldErrors = {};
      const naamProblem = problems.find((f) => f.path.endsWith('naam'));
      const passwordProblem = problems.find((f) => f.path.endsWith('wachtwoord'));
      if (naamProblem) next.naam = 'Vul uw naam in: u krijgt een nieuw account.';
      if (passwordProblem) next.wachtwoord = `Het wachtwoord moet minstens ${MIN_WACHTWOORD_LENGTE} tekens hebben.`;
      setFieldErrors(next);
      // 400: used or expired (or a field above); 401: wrong current password of an existing account; 429: too many attempts.
      setError((prev) => ({
        message: passwordProblem || naamProblem ? 'Controleer de velden hieronder.' : apiError.message,
        attempt: (prev?.attempt ?? 0) + 1,
      }));
      setWachtwoord('');
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <>
        <PageHeading>Uitnodiging aannemen</PageHeading>
        <Alert type="error" heading="Deze link is niet compleet" headingLevel={2}>
          <Paragraph>
            Open de link uit de e-mail helemaal, of kopieer hem in zijn geheel naar de adresbalk. Werkt dat niet, vraag dan de beheerder die u uitnodigde om een nieuwe uitnodiging.
          </Paragraph>
        </Alert>
      </>
    );
  }

  const me = session.status === 'signed-in' ? session.me : null;
  return (
    <>
      <PageHeading>Uitnodiging aannemen</PageHeading>
      {me ? <AcceptSignedIn token={token} naam={me.gebruiker.naam} email={me.gebruiker.email} /> : null}
      {me ? (
        <Heading level={2} id="ander-account-heading">
          Met een ander of een nieuw account
        </Heading>
      ) : null}
      <Paragraph>
        U bent uitgenodigd voor een organisatie op Doorlopend. Hebt u nog geen account, vul dan uw naam in en kies een wachtwoord van minstens{' '}
        {MIN_WACHTWOORD_LENGTE} tekens. Hebt u met dit e-mailadres al een account, vul dan alleen uw huidige wachtwoord in. Logt u in via uw school,
        log dan eerst in en open de link daarna opnieuw.
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="De uitnodiging is niet aangenomen" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <form className="doorlopend-form doorlopend-login" noValidate onSubmit={onSubmit} aria-label="Uitnodiging aannemen" aria-busy={busy || undefined}>
        <TextField
          id="uitnodiging-naam"
          name="naam"
          label="Uw naam"
          description="Alleen voor een nieuw account: zoals anderen in de organisatie u zien. Hebt u al een account, laat dit dan leeg."
          value={naam}
          onChange={setNaam}
          autoComplete="name"
          maxLength={200}
          inputRef={naamRef}
          invalidMessage={fieldErrors.naam}
        />
        <TextField
          id="uitnodiging-wachtwoord"
          name="wachtwoord"
          type="password"
          label="Wachtwoord"
          description={`Nieuw account: minstens ${MIN_WACHTWOORD_LENGTE} tekens. Bestaand account: uw huidige wachtwoord.`}
          value={wachtwoord}
          onChange={setWachtwoord}
          autoComplete="new-password"
          maxLength={1024}
          inputRef={passwordRef}
          invalidMessage={fieldErrors.wachtwoord}
        />
        <Paragraph>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig met aannemen…' : 'Uitnodiging aannemen'}
          </Button>
        </Paragraph>
      </form>
    </>
  );
}
