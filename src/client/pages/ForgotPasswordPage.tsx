import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { Alert, Button, Link, PageHeading, Paragraph, TextField } from '../ui/index.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /wachtwoord-vergeten: asks for a link to choose a new password; the answer is the same for every address. */
export function ForgotPasswordPage() {
  useDocumentTitle('Wachtwoord vergeten');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  // The confirmation or a refusal receives focus, so keyboard and screen reader users start there.
  useLayoutEffect(() => {
    if (error || sent) messageRef.current?.focus();
  }, [error, sent]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const value = email.trim();
    const problem = !value ? 'Vul uw e-mailadres in.' : !EMAIL_PATTERN.test(value) ? 'Vul een geldig e-mailadres in, zoals naam@school.nl.' : null;
    setEmailError(problem);
    if (problem) {
      setError(null);
      emailRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await api.forgotPassword({ email: value });
      setSent(answer.bericht);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Het aanvragen is niet gelukt. Probeer het opnieuw.');
      // 429: too many requests, the detail says when to try again.
      setError((prev) => ({ message: apiError.message, attempt: (prev?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>Wachtwoord vergeten</PageHeading>
      <div ref={messageRef} tabIndex={-1} className="doorlopend-form__message">
        {sent ? (
          <Alert type="ok" heading="Aanvraag ontvangen" headingLevel={2}>
            <Paragraph>{sent}</Paragraph>
            <Paragraph>Geen e-mail ontvangen? Kijk ook in uw map met ongewenste e-mail.</Paragraph>
          </Alert>
        ) : error ? (
          <Alert type="error" heading="Aanvragen is niet gelukt" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {sent ? (
        <Paragraph>
          <Link to="/inloggen">Naar inloggen</Link>
        </Paragraph>
      ) : (
        <>
          <Paragraph>Vul het e-mailadres van uw account in. U ontvangt dan een e-mail met een link om een nieuw wachtwoord te kiezen.</Paragraph>
          <form className="doorlopend-form doorlopend-login" noValidate onSubmit={onSubmit} aria-label="Wachtwoord vergeten" aria-busy={busy || undefined}>
            <TextField
              id="vergeten-email"
              name="email"
              type="email"
              label="E-mailadres"
              value={email}
              onChange={setEmail}
              autoComplete="email"
              maxLength={254}
              inputRef={emailRef}
              invalidMessage={emailError ?? undefined}
            />
            <Paragraph>
              <Button type="submit" disabled={busy}>
                {busy ? 'Bezig met versturen…' : 'Link aanvragen'}
              </Button>
            </Paragraph>
          </form>
          <Paragraph>
            <Link to="/inloggen">Terug naar inloggen</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}
