import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SsoInstelling } from '../../shared/auth-api.js';
import { ApiError } from '../api.js';
import { accountApi, accountUrls } from '../lib/account-api.js';
import { useApi } from '../lib/useApi.js';
import { Alert, Button, CheckboxField, Code, Heading, Paragraph, TextField } from '../ui/index.js';
import { InlineError, Loading } from './PageStates.js';
import { useSessionExpiry } from './SignedInOnly.js';

type Field = 'issuer' | 'clientId' | 'clientSecret' | 'scopes' | 'emailClaim';

function SsoForm({ organisationId, initial }: { organisationId: string; initial: SsoInstelling }) {
  const [saved, setSaved] = useState(initial);
  const [issuer, setIssuer] = useState(initial.issuer ?? '');
  const [clientId, setClientId] = useState(initial.clientId ?? '');
  // Write-only: never filled from the server, which never sends it.
  const [clientSecret, setClientSecret] = useState('');
  const [scopes, setScopes] = useState(initial.scopes);
  const [emailClaim, setEmailClaim] = useState(initial.emailClaim);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const refs = { issuer: useRef<HTMLInputElement>(null), clientId: useRef<HTMLInputElement>(null), clientSecret: useRef<HTMLInputElement>(null), scopes: useRef<HTMLInputElement>(null), emailClaim: useRef<HTMLInputElement>(null) };

  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    setError(null);
    const errors: Partial<Record<Field, string>> = {};
    if (!/^https?:\/\/\S+$/.test(issuer.trim())) errors.issuer = 'Vul de issuer van de identiteitsprovider in, zoals https://connect.surfconext.nl.';
    if (!clientId.trim()) errors.clientId = 'Vul de client id in die u van de identiteitsprovider kreeg.';
    if (!clientSecret && !saved.clientSecretIngesteld) errors.clientSecret = 'Vul het client secret in; er is nog geen opgeslagen.';
    if (!scopes.trim().split(/\s+/).includes('openid')) errors.scopes = 'De scopes moeten openid bevatten, zoals: openid email.';
    if (!emailClaim.trim()) errors.emailClaim = 'Vul de claim met het e-mailadres in, meestal: email.';
    setFieldErrors(errors);
    const first = (Object.keys(errors) as Field[])[0];
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await accountApi.saveSsoConfig(organisationId, {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        scopes: scopes.trim().split(/\s+/).join(' '),
        emailClaim: emailClaim.trim(),
        enabled,
      });
      setSaved(result);
      setClientSecret('');
      setDone(result.enabled ? 'De instellingen zijn opgeslagen. Leden kunnen nu inloggen via uw school.' : 'De instellingen zijn opgeslagen. Inloggen via uw school staat uit.');
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Opslaan is niet gelukt.');
      setError(apiError);
      const byField: Partial<Record<Field, string>> = {};
      for (const f of apiError.problem?.errors ?? []) {
        const field = (['issuer', 'clientId', 'clientSecret', 'scopes', 'emailClaim'] as Field[]).find((k) => f.path.endsWith(k));
        if (field) byField[field] = f.message;
      }
      setFieldErrors(byField);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="doorlopend-form doorlopend-sso-form" noValidate onSubmit={onSubmit} aria-labelledby="sso-instellingen-heading">
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="Opslaan is niet gelukt" headingLevel={3}>
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
        id="sso-issuer"
        name="issuer"
        label="Issuer"
        description="Het adres van de identiteitsprovider, precies zoals in zijn /.well-known/openid-configuration (https)."
        value={issuer}
        onChange={setIssuer}
        maxLength={500}
        inputRef={refs.issuer}
        invalidMessage={fieldErrors.issuer}
      />
      <TextField id="sso-client-id" name="clientId" label="Client id" value={clientId} onChange={setClientId} maxLength={500} inputRef={refs.clientId} invalidMessage={fieldErrors.clientId} />
      <TextField
        id="sso-client-secret"
        name="clientSecret"
        type="password"
        label="Client secret"
        description={
          saved.clientSecretIngesteld
            ? 'Er is een client secret opgeslagen; het wordt nooit getoond. Laat dit veld leeg om het te houden, of vul een nieuw in.'
            : 'Wordt opgeslagen en nooit meer getoond.'
        }
        value={clientSecret}
        onChange={setClientSecret}
        autoComplete="new-password"
        maxLength={1000}
        inputRef={refs.clientSecret}
        invalidMessage={fieldErrors.clientSecret}
      />
      <TextField id="sso-scopes" name="scopes" label="Scopes" description="Gescheiden door spaties; openid is verplicht." value={scopes} onChange={setScopes} maxLength={500} inputRef={refs.scopes} invalidMessage={fieldErrors.scopes} />
      <TextField
        id="sso-email-claim"
        name="emailClaim"
        label="Claim met het e-mailadres"
        value={emailClaim}
        onChange={setEmailClaim}
        maxLength={100}
        inputRef={refs.emailClaim}
        invalidMessage={fieldErrors.emailClaim}
      />
      <CheckboxField id="sso-enabled" name="enabled" label="Inloggen via de school aanzetten" checked={enabled} onChange={setEnabled} />
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met opslaan…' : 'Instellingen opslaan'}
        </Button>
      </Paragraph>
    </form>
  );
}

/**
 * Single sign-on (OpenID Connect: SURFconext, Entree Federatie) of an organisation, for its beheerder:
 * GET/PUT /api/organisaties/:id/sso. The client secret is write-only.
 */
export function SsoSettingsForm({ organisationId }: { organisationId: string }) {
  const config = useApi(accountUrls.ssoConfig(organisationId), (signal) => accountApi.ssoConfig(organisationId, signal));
  useSessionExpiry(config.error);
  return (
    <section aria-labelledby="sso-instellingen-heading" className="doorlopend-section">
      <Heading level={2} id="sso-instellingen-heading">
        Inloggen via de school (SSO)
      </Heading>
      <Paragraph>
        Leden kunnen inloggen via de identiteitsprovider van de organisatie (SURFconext, Entree Federatie of een andere OpenID Connect-provider). Registreer
        bij de provider als redirect-URI het adres van deze site gevolgd door <Code>/api/auth/sso/callback</Code>. Alleen wie al lid is, kan zo inloggen.
      </Paragraph>
      {config.error ? (
        config.error.isForbidden ? null : <InlineError error={config.error} />
      ) : !config.data ? (
        <Loading label="Instellingen laden…" />
      ) : (
        <SsoForm organisationId={organisationId} initial={config.data} />
      )}
    </section>
  );
}
