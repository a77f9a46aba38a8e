import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api.js';
import { APP_NAME } from '../lib/format.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { homeAfterSignIn, safeReturnPath, useSession } from '../lib/session.js';
import { Alert, Button, Heading, Link, PageHeading, Paragraph, SelectField, TextField } from '../ui/index.js';
import { SsoFout } from '../../shared/account-api.js';
import type { Me } from '../../shared/auth-api.js';
import type { SsoOrganisatie } from '../../shared/account-api.js';
import { accountApi, accountUrls } from '../lib/account-api.js';
import { useApi } from '../lib/useApi.js';

/** Dutch text per reason the server gives when it sends the browser back from SSO (never text from the URL). */
function ssoFoutMelding(fout: SsoFout, org: string | null): string {
  const bij = org ?? 'uw school';
  switch (fout) {
    case 'verlopen':
      return 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw met inloggen via uw school.';
    case 'afgebroken':
      return `Inloggen bij ${bij} is afgebroken of geweigerd. Probeer het opnieuw, of log in met uw wachtwoord.`;
    case 'mislukt':
      return `Inloggen via ${bij} is niet gelukt: het antwoord van de identiteitsprovider klopte niet. Probeer het opnieuw.`;
    case 'geen-email':
      return `De identiteitsprovider van ${bij} gaf geen (bevestigd) e-mailadres door. Neem contact op met de beheerder van uw organisatie.`;
    case 'geen-account':
      return `U bent wel ingelogd bij ${bij}, maar in ${APP_NAME} hoort bij uw e-mailadres geen account van ${bij}. Vraag de beheerder van ${bij} om u uit te nodigen.`;
    case 'wachtwoord-nodig':
      return `Uw account heeft ook rechten buiten ${bij} (een rol bij een andere organisatie, of beheer van het hele platform). Daarvoor staat de identiteitsprovider van ${bij} niet in. Log in met uw e-mailadres en wachtwoord.`;
    case 'niet-ingesteld':
      return 'Voor deze organisatie is inloggen via de school niet (meer) ingesteld. Log in met uw e-mailadres en wachtwoord.';
    case 'onbereikbaar':
      return `De identiteitsprovider van ${bij} is nu niet bereikbaar. Probeer het later opnieuw.`;
    case 'ongeldig':
      return 'Deze inlogpoging was ongeldig. Begin opnieuw met inloggen.';
  }
}

/** Sign in through the school's identity provider: choose the organisation, the browser goes to its provider. */
function SsoLogin({ organisaties, terug }: { organisaties: readonly SsoOrganisatie[]; terug: string }) {
  const [gekozen, setGekozen] = useState(organisaties[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!gekozen || busy) return;
    setBusy(true);
    // A full navigation: the server sends the browser on to the provider (302).
    window.location.assign(accountUrls.ssoStart(gekozen, terug));
  };
  return (
    <section aria-labelledby="sso-heading" className="doorlopend-section doorlopend-login__sso">
      <Heading level={2} id="sso-heading">
        Inloggen via uw school (SURFconext / Entree)
      </Heading>
      <Paragraph>Heeft uw school of instelling inloggen via SURFconext of Entree Federatie ingesteld? Kies haar hier; u logt dan in bij uw school.</Paragraph>
      <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-labelledby="sso-heading" aria-busy={busy || undefined}>
        <SelectField id="sso-organisatie" name="organisatie" label="Uw school of instelling" value={gekozen} onChange={setGekozen} options={organisaties.map((o) => ({ value: o.id, label: o.naam }))} />
        <Paragraph>
          <Button type="submit" appearance="secondary-action-button" disabled={busy}>
            {busy ? 'Bezig met doorsturen…' : 'Inloggen via uw school'}
          </Button>
        </Paragraph>
      </form>
    </section>
  );
}

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
  // Without a page to return to, a pupil goes to the pupils' page and staff to their organisations.
  const afterSignIn = (me: Me) => (params.get('terug') ? terug : homeAfterSignIn(me));
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
      signedIn(me, () => navigate(afterSignIn(me), { replace: true }));
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
  const accountVerwijderd = params.get('account-verwijderd') === '1' && session.status === 'anonymous';
  const ssoOrganisaties = useApi(accountUrls.ssoOrganisaties(), (signal) => accountApi.ssoOrganisaties(signal));
  const ssoFout = SsoFout.safeParse(params.get('sso-fout'));
  const ssoFoutOrg = ssoOrganisaties.data?.find((o) => o.id === params.get('organisatie'))?.naam ?? null;
  const ssoFoutRef = useRef<HTMLDivElement>(null);
  // Back from the school's provider without success: the message is the first thing heard.
  useLayoutEffect(() => {
    if (ssoFout.success) ssoFoutRef.current?.focus();
  }, [ssoFout.success]);

  return (
    <>
      <PageHeading>Inloggen</PageHeading>
      {uitgelogd ? (
        <Alert type="ok">
          <Paragraph>U bent uitgelogd.</Paragraph>
        </Alert>
      ) : null}
      {accountVerwijderd ? (
        <Alert type="ok">
          <Paragraph>Uw account is verwijderd. U bent overal uitgelogd.</Paragraph>
        </Alert>
      ) : null}
      {session.status === 'signed-in' && !busy ? (
        <Alert type="info" role="status">
          <Paragraph>
            U bent ingelogd als {session.me.gebruiker.naam}. <Link to={afterSignIn(session.me)}>Verder</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {ssoFout.success ? (
        <div ref={ssoFoutRef} tabIndex={-1} className="doorlopend-login__message">
          <Alert type="error" heading="Inloggen via uw school is niet gelukt" headingLevel={2}>
            <Paragraph>{ssoFoutMelding(ssoFout.data, ssoFoutOrg)}</Paragraph>
          </Alert>
        </div>
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
      {ssoOrganisaties.data && ssoOrganisaties.data.length > 0 ? <SsoLogin organisaties={ssoOrganisaties.data} terug={terug} /> : null}
    </>
  );
}
