/**
 * AVG right to erasure: the signed-in user deletes their own account. Re-confirmed with the current
 * password (wrong attempts count like failed sign-ins), or, for an account without a password (SSO
 * only), by typing the own e-mail address. Always possible, also for the last beheerder of an
 * organisation: the longest-standing staff member there becomes beheerder, or the organisation is left
 * without one (succession.ts, audited; the new beheerder gets a mail once the deletion is committed). Removed: the account, memberships, sessions, password reset tokens and invitations
 * to the address. The audit log stays (append-only) and keeps only ids: the deletion itself is recorded
 * in it, per organisation, without name or address.
 */
import type { AccountVerwijderen } from '../../../shared/account-api.js';
import { AppError, unauthorized } from '../../errors.js';
import { verifyPassword } from '../../auth/passwords.js';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import type { MailQueue, OutgoingMail } from '../../mail/mailer.js';
import { deleteAccountData, lockOrganisationsWhereOnlyBeheerder, membershipRowsOf, passwordHashOf } from '../../repositories/account-data-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { ensureBeheerder } from '../organisations/succession.js';

const WRONG_PASSWORD = 'Het wachtwoord klopt niet. Uw account is niet verwijderd.';

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

async function reconfirm(opts: { limiter: RateLimiter; ip: string; email: string; passwordHash: string | null; input: AccountVerwijderen }): Promise<void> {
  const { input, email } = opts;
  if (opts.passwordHash === null) {
    // SSO only: no password to ask for; the address typed out shows the intent.
    if ((input.bevestiging ?? '').trim().toLowerCase() !== email) {
      throw new AppError('validation_failed', 'Typ ter bevestiging uw eigen e-mailadres. Uw account is niet verwijderd.', {
        errors: [{ path: 'body.bevestiging', message: 'typ uw e-mailadres' }],
      });
    }
    return;
  }
  if (!input.wachtwoord) {
    throw new AppError('validation_failed', 'Vul uw wachtwoord in om te bevestigen. Uw account is niet verwijderd.', { errors: [{ path: 'body.wachtwoord', message: 'verplicht' }] });
  }
  // The same limits as sign-in (per account from all addresses, and per address).
  const attempt = await opts.limiter.beginPasswordAttempt(email, opts.ip);
  if (!(await verifyPassword(opts.passwordHash, input.wachtwoord))) {
    // 400, not 401: the session is fine, only the confirmation is wrong.
    throw new AppError('validation_failed', WRONG_PASSWORD, { errors: [{ path: 'body.wachtwoord', message: 'klopt niet' }] });
  }
  await opts.limiter.passwordAccepted(attempt);
}

export async function deleteOwnAccount(opts: UseCaseContext & {
  limiter: RateLimiter;
  ip: string;
  input: AccountVerwijderen;
  /** Tells whoever becomes beheerder in one of the user's organisations, after the commit. */
  mail: MailQueue;
  /** Base of the link in that mail (config PUBLIC_URL). */
  publicUrl: string;
}): Promise<void> {
  const auth = requireAuth(opts.auth);
  const { db } = opts;
  const userId = auth.user.id;
  const stored = await passwordHashOf(db, userId);
  if (!stored) throw unauthorized();
  await reconfirm({ limiter: opts.limiter, ip: opts.ip, email: stored.email, passwordHash: stored.passwordHash, input: opts.input });
  const mails: OutgoingMail[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const alone = await lockOrganisationsWhereOnlyBeheerder(trx, userId);
      const memberships = await membershipRowsOf(trx, userId);
      for (const organisationId of new Set(memberships.map((m) => m.organisatieId))) {
        await appendAudit(trx, {
          actorUserId: userId,
          organisationId,
          action: 'account.deleted',
          subjectType: 'user',
          subjectId: userId,
          details: { rollen: memberships.filter((m) => m.organisatieId === organisationId).map((m) => m.rol) },
        });
      }
      await appendAudit(trx, { actorUserId: userId, organisationId: null, action: 'account.deleted', subjectType: 'user', subjectId: userId });
      // The account still exists here, so the successor is chosen among the others (never this user).
      for (const org of alone) {
        const succession = await ensureBeheerder(trx, { organisationId: org.id, organisationNaam: org.naam, departingUserId: userId, reason: 'account-verwijderd', publicUrl: opts.publicUrl });
        if (succession?.mail) mails.push(succession.mail);
      }
      await deleteAccountData(trx, userId, stored.email);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      // Work of a samenwerking (or other data) still names this account: nothing was removed.
      throw new AppError(
        'conflict',
        'Uw account is nog verbonden aan gegevens van een organisatie of samenwerking die niet automatisch kunnen worden losgemaakt. Er is niets verwijderd; neem contact op met de beheerder van uw organisatie.',
      );
    }
    throw error;
  }
  for (const mail of mails) opts.mail.enqueue(mail);
}
