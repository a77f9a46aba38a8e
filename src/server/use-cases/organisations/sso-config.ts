/**
 * A beheerder reads and sets the organisation's single sign-on (OpenID Connect). The client secret is
 * stored but never returned, and never written to the audit log.
 */
import type { SsoInstellen, SsoInstelling } from '../../../shared/auth-api.js';
import { AppError } from '../../errors.js';
import { checkIssuer } from '../../../domain/net/outbound.js';
import { assertFetchAllowed, OutboundRefused, type OidcNetworkRules } from '../../auth/oidc.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { findSsoConfig, upsertSsoConfig, type SsoConfigRow } from '../../repositories/sso-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizeOrganisation as authorize } from '../../access/organisation.js';

const view = (c: SsoConfigRow | undefined): SsoInstelling =>
  c
    ? { ingesteld: true, issuer: c.issuer, clientId: c.clientId, scopes: c.scopes, emailClaim: c.emailClaim, enabled: c.enabled, clientSecretIngesteld: c.clientSecret !== '' }
    : { ingesteld: false, issuer: null, clientId: null, scopes: 'openid email', emailClaim: 'email', enabled: false, clientSecretIngesteld: false };

export async function getSsoConfig(opts: UseCaseContext & { organisationId: string }): Promise<SsoInstelling> {
  authorize(opts.auth, 'organisation.update', opts.organisationId);
  return view(await findSsoConfig(opts.db, opts.organisationId));
}

const issuerRefused = (message: string) =>
  new AppError('validation_failed', `De issuer is niet toegestaan. ${message}`, { errors: [{ path: 'body.issuer', message }] });

/**
 * The issuer a beheerder saves: https on a public host (domain/net/outbound; plain http and loopback only in an app
 * for tests), and a name that does not resolve to a private address. A name that does not resolve at all yet is
 * accepted: discovery checks again before every fetch.
 */
async function assertIssuerAllowed(issuer: string, rules: OidcNetworkRules): Promise<void> {
  const check = checkIssuer(issuer, rules);
  if (!check.ok) throw issuerRefused(check.message);
  try {
    await assertFetchAllowed(check.url, rules);
  } catch (err) {
    if (err instanceof OutboundRefused) throw issuerRefused('Deze servernaam verwijst naar een adres in een intern of lokaal netwerk.');
    // Not resolvable now (DNS not yet set up): the discovery will check it again.
  }
}

export async function setSsoConfig(opts: UseCaseContext & {
  organisationId: string;
  input: SsoInstellen;
  /** Where issuers may point; default: https on a public host only. */
  rules?: OidcNetworkRules;
  now?: Date;
}): Promise<SsoInstelling> {
  const auth = authorize(opts.auth, 'organisation.update', opts.organisationId);
  const { input } = opts;
  await assertIssuerAllowed(input.issuer, opts.rules ?? { allowInsecure: false });
  return opts.db.transaction().execute(async (trx) => {
    const existing = await findSsoConfig(trx, opts.organisationId);
    const clientSecret = input.clientSecret ?? existing?.clientSecret;
    if (clientSecret === undefined) {
      throw new AppError('validation_failed', 'Geef het client secret op; er is nog geen opgeslagen.', { errors: [{ path: 'body.clientSecret', message: 'verplicht' }] });
    }
    await upsertSsoConfig(trx, {
      organisationId: opts.organisationId,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecret,
      scopes: input.scopes,
      emailClaim: input.emailClaim,
      enabled: input.enabled,
      now: opts.now ?? new Date(),
    });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: opts.organisationId,
      action: 'sso.configured',
      subjectType: 'organisation',
      subjectId: opts.organisationId,
      details: { issuer: input.issuer, clientId: input.clientId, enabled: input.enabled, clientSecretGewijzigd: input.clientSecret !== undefined },
    });
    return view(await findSsoConfig(trx, opts.organisationId));
  });
}
