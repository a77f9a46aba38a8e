/**
 * The demo accounts and their public password, and what keeps them out of real data: as soon as a database holds
 * non-demo catalogue data (a national import or upload), every demo account (the `.demo` addresses below) that still
 * has the public password is retired: no password sign-in any more (its hash removed), no platform right, its sessions
 * ended and its open reset links retired, with an audit entry `demo.account_retired` per account. The accounts are
 * blocked rather than deleted: their memberships and history stay (a deletion would run the beheerder succession in
 * the demo organisations), and nothing about them works with the public password.
 *
 * Called in the same transaction as every non-demo catalogue release (SLO import, mbo import and upload) and at every
 * start of the server (`retireDemoAccountsAtStart` in seed-demo-organisations). Cheap: at most the nine demo
 * addresses are read, and only their hashes are checked against the demo password.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';
import { verifyPassword } from '../auth/passwords.js';
import { blockPasswordSignIn, findUsersByEmails } from '../repositories/account-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { retirePasswordResetsOfUser } from '../repositories/password-reset-repository.js';
import { deleteSessionsOfUser } from '../repositories/session-repository.js';

export const DEMO_PASSWORD = 'demo-wachtwoord';

/** `platformBeheerder`: may also upload tables into the national catalogue (/beheer/import). */
export const DEMO_USERS: ReadonlyArray<{ email: string; naam: string; org: 'vmbo' | 'mbo' | 'regio'; rollen: Role[]; platformBeheerder?: boolean }> = [
  { email: 'beheerder@vmbo.demo', naam: 'Bea Beheerder', org: 'vmbo', rollen: ['beheerder'], platformBeheerder: true },
  { email: 'docent@vmbo.demo', naam: 'Daan Docent', org: 'vmbo', rollen: ['ontwikkelaar'] },
  { email: 'beheerder@roc.demo', naam: 'Rik Beheerder', org: 'mbo', rollen: ['beheerder'] },
  { email: 'docent@roc.demo', naam: 'Roos Docent', org: 'mbo', rollen: ['ontwikkelaar'] },
  { email: 'leerling@vmbo.demo', naam: 'Lars Leerling', org: 'vmbo', rollen: ['leerling'] },
  // Issue 14: the joint exam's assessors and the mbo examencommissie.
  { email: 'examinator@vmbo.demo', naam: 'Eva Examinator', org: 'vmbo', rollen: ['examinator'] },
  { email: 'beoordelaar@roc.demo', naam: 'Bram Beoordelaar', org: 'mbo', rollen: ['beoordelaar'] },
  { email: 'examencommissie@roc.demo', naam: 'Emma Examencommissie', org: 'mbo', rollen: ['examencommissie'] },
  // Issue 15: the demo region's beheerder, who publishes the menukaart and manages the region's member schools.
  { email: 'beheerder@regio.demo', naam: 'Rianne Regio', org: 'regio', rollen: ['beheerder'] },
];

/**
 * Retires the demo accounts that still have the public demo password (see the module comment). Answers their
 * addresses (empty when none had it). Pass the import's transaction to do it together with the release.
 */
export async function retireDemoAccounts(db: Kysely<DB> | Transaction<DB>, now = new Date()): Promise<string[]> {
  const retired: string[] = [];
  for (const user of await findUsersByEmails(db, DEMO_USERS.map((u) => u.email))) {
    if (user.passwordHash === null || !(await verifyPassword(user.passwordHash, DEMO_PASSWORD))) continue;
    await blockPasswordSignIn(db, user.id);
    const sessions = await deleteSessionsOfUser(db, user.id);
    await retirePasswordResetsOfUser(db, user.id, now);
    await appendAudit(db, {
      actorUserId: null,
      organisationId: null,
      action: 'demo.account_retired',
      subjectType: 'user',
      subjectId: user.id,
      details: { reden: 'openbaar demowachtwoord in een database met echte catalogusgegevens', platformBeheerderIngetrokken: user.platformBeheerder, sessiesBeeindigd: sessions },
    });
    retired.push(user.email);
  }
  return retired;
}

/** The import report's warning when a non-demo release retired demo accounts; none otherwise. */
export function retiredWarning(emails: readonly string[]): string[] {
  return emails.length === 0
    ? []
    : [`Demo-accounts met het openbare wachtwoord uitgeschakeld (geen wachtwoord-inlog en geen platformbeheerdersrecht meer): ${emails.join(', ')}.`];
}

/** The loud warning of the start when demo accounts were retired. */
export function demoAccountsRetiredWarning(emails: readonly string[]): string {
  return [
    '',
    '!'.repeat(78),
    '  LET OP: DEMO-ACCOUNTS MET HET OPENBARE WACHTWOORD UITGESCHAKELD',
    `  ${emails.join(', ')}`,
    '  Deze database bevat echte gegevens (of draait in productiemodus). Deze accounts kunnen niet meer met een',
    '  wachtwoord inloggen, hun sessies zijn beëindigd en het platformbeheerdersrecht is ingetrokken.',
    '  Maak echte beheerders aan met: doorlopend admin create-user.',
    '!'.repeat(78),
    '',
  ].join('\n');
}
