import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { MIN_WACHTWOORD_LENGTE } from '../../shared/auth-api.js';
import { api, ApiError } from '../api.js';
import { useLinkToken } from '../lib/linkToken.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useSession } from '../lib/session.js';
import { Alert, Button, Link, PageHeading, Paragraph, TextField } from '../ui/index.js';

interface FieldErrors {
  wachtwoord?: string;
  herhaling?: string;
}

/** Client-side check of a new password and its repetition (the server checks the length too). */
export function checkNewPassword(wachtwoord: string, herhaling: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!wachtwoord) errors.wachtwoord = 'Kies een nieuw wachtwoord.';
  else if (wachtwoord.length < MIN_WACHTWOORD_LENGTE) errors.wachtwoord = `Het wachtwoord moet minstens ${MIN_WACHTWOORD_LENGTE} tekens hebben; dit zijn er ${wachtwoord.length}.`;
  if (!errors.wachtwoord && wachtwoord !== herhaling) errors.herhaling = herhaling ? 'De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord nog een keer.' : 'Herhaal het nieuwe wachtwoord.';
  return errors;
}

/** /wachtwoord-herstellen#token=…: choose a new password with the link from the e-mail. */
export function ResetPasswordPage() {
  useDocumentTitle('Nieuw wachtwoord kiezen');
  const token = useLinkToken();
  const { expired } = useSession();
  const [wachtwoord, setWachtwoord] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (error || done) messageRef.current?.focus();
  }, [error, done]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !token) return;
    const errors = checkNewPassword(wachtwoord, herhaling);
    setFieldErrors(errors);
    if (errors.wachtwoord || errors.herhaling) {
      setError(null);
      (errors.wachtwoord ? passwordRef : repeatRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.resetPassword({ token, wachtwoord });
      setWachtwoord('');
      setHerhaling('');
      setDone(true);
      // The server ended every session of this account, this browser's too.
      expired();
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Het instellen van het wachtwoord is niet gelukt. Probeer het opnieuw.');
      const passwordProblem = apiError.problem?.errors?.find((f) => f.path.endsWith('wachtwoord'));
      if (passwordProblem) setFieldErrors({ wachtwoord: `Het wachtwoord is niet goedgekeurd: ${passwordProblem.message}.` });
      setError((prev) => ({ message: apiError.message, attempt: (prev?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <>
        <PageHeading>Nieuw wachtwoord kiezen</PageHeading>
        <Alert type="error" heading="Deze link is niet compleet" headingLevel={2}>
          <Paragraph>
            Open de link uit de e-mail helemaal, of kopieer hem in zijn geheel naar de adresbalk. Werkt dat niet, vraag dan een nieuwe link aan.
          </Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
        </Paragraph>
      </>
    );
  }

  return (
    <>
      <PageHeading>Nieuw wachtwoord kiezen</PageHeading>
      <div ref={messageRef} tabIndex={-1} className="doorlopend-form__message">
        {done ? (
          <Alert type="ok" heading="Uw wachtwoord is gewijzigd" headingLevel={2}>
            <Paragraph>U bent op alle apparaten uitgelogd. Log opnieuw in met uw nieuwe wachtwoord.</Paragraph>
            <Paragraph>
              <Link to="/inloggen">Naar inloggen</Link>
            </Paragraph>
          </Alert>
        ) : error ? (
          <Alert type="error" heading="Het wachtwoord is niet gewijzigd" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
            {!fieldErrors.wachtwoord ? (
              <Paragraph>
                <Link to="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
              </Paragraph>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {done ? null : (
        <>
          <Paragraph>Kies een nieuw wachtwoord van minstens {MIN_WACHTWOORD_LENGTE} tekens. Een zin van een paar woorden is sterk en goed te onthouden.</Paragraph>
          <form className="doorlopend-form doorlopend-login" noValidate onSubmit={onSubmit} aria-label="Nieuw wachtwoord kiezen" aria-busy={busy || undefined}>
            <TextField
              id="herstel-wachtwoord"
              name="wachtwoord"
              type="password"
              label="Nieuw wachtwoord"
              description={`Minstens ${MIN_WACHTWOORD_LENGTE} tekens.`}
              value={wachtwoord}
              onChange={setWachtwoord}
              autoComplete="new-password"
              maxLength={1024}
              inputRef={passwordRef}
              invalidMessage={fieldErrors.wachtwoord}
            />
            <TextField
              id="herstel-herhaling"
              name="herhaling"
              type="password"
              label="Herhaal het nieuwe wachtwoord"
              value={herhaling}
              onChange={setHerhaling}
              autoComplete="new-password"
              maxLength={1024}
              inputRef={repeatRef}
              invalidMessage={fieldErrors.herhaling}
            />
            <Paragraph>
              <Button type="submit" disabled={busy}>
                {busy ? 'Bezig met opslaan…' : 'Wachtwoord opslaan'}
              </Button>
            </Paragraph>
          </form>
        </>
      )}
    </>
  );
}
