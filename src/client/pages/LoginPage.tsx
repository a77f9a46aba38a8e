import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api.js';
import { APP_NAME } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { safeReturnPath, useSession } from '../lib/session.js';
import { Alert, Button, Link, PageHeading, Paragraph, TextField } from '../ui/index.js';

interface FieldErrors {
  email?: string;
  wachtwoord?: string;
}

/** Sign in with e-mail address and password; afterwards back to `?terug=` (a path inside the app). */
export function LoginPage() {
  useDocumentTitle('Inloggen');
  const { session, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const terug = safeReturnPath(params.get('terug'));
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = 'Vul uw e-mailadres in.';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = 'Vul een geldig e-mailadres in, zoals naam@school.nl.';
    if (!wachtwoord) errors.wachtwoord = 'Vul uw wachtwoord in.';
    setFieldErrors(errors);
    if (errors.email || errors.wachtwoord) {
      setError(null);
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api.login({ email: email.trim(), wachtwoord });
      signedIn(me, () => navigate(terug, { replace: true }));
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Inloggen is niet gelukt. Probeer het opnieuw.');
      // 401: wrong e-mail or password; 429: too many attempts, the detail says when to try again.
      setError((prev) => ({ message: apiError.message, attempt: (prev?.attempt ?? 0) + 1 }));
      setWachtwoord('');
      setBusy(false);
    }
  };

  // A (new) failed attempt moves focus to the message, so keyboard and screen reader users hear it and start there.
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const uitgelogd = params.get('uitgelogd') === '1' && session.status === 'anonymous';

  return (
    <>
      <PageHeading>Inloggen</PageHeading>
      {uitgelogd ? (
        <Alert type="ok">
          <Paragraph>U bent uitgelogd.</Paragraph>
        </Alert>
      ) : null}
      {session.status === 'signed-in' && !busy ? (
        <Alert type="info" role="status">
          <Paragraph>
            U bent ingelogd als {session.me.gebruiker.naam}. <Link to={terug}>Verder</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw account bij {APP_NAME}.</Paragraph>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-login__message">
        {error ? (
          <Alert type="error" heading="Inloggen is niet gelukt" headingLevel={2}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <form className="doorlopend-form doorlopend-login" noValidate onSubmit={onSubmit} aria-label="Inloggen" aria-busy={busy || undefined}>
        <TextField
          id="login-email"
          name="email"
          type="email"
          label="E-mailadres"
          value={email}
          onChange={setEmail}
          autoComplete="username"
          maxLength={254}
          inputRef={emailRef}
          invalidMessage={fieldErrors.email}
        />
        <TextField
          id="login-wachtwoord"
          name="wachtwoord"
          type="password"
          label="Wachtwoord"
          value={wachtwoord}
          onChange={setWachtwoord}
          autoComplete="current-password"
          maxLength={1024}
          inputRef={passwordRef}
          invalidMessage={fieldErrors.wachtwoord}
        />
        <Paragraph>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </Paragraph>
        <Paragraph>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig met inloggen…' : 'Inloggen'}
          </Button>
        </Paragraph>
      </form>
    </>
  );
}
