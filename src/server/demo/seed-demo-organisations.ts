/**
 * Demo mode: on a database without organisations and users, a demo region with a vmbo school, an mbo
 * instelling, their samenwerking and demo users with the documented password (README, "Demo users";
 * docs/accounts-and-security.md).
 * Never called in production mode.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/auth/rules.js';
import type { DB } from '../db/schema.js';
import { countAccounts, insertMembership, insertOrganisation, insertPartnership, insertUser, insertVestiging } from '../repositories/account-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { hasNonDemoCatalogue } from './seed-demo.js';

export const DEMO_PASSWORD = 'demo-wachtwoord';
export const DEMO_ORGANISATIONS = { regio: 'Demo Regio Techniek', vmbo: 'Demo Vmbo College', mbo: 'Demo ROC' } as const;
/** `platformBeheerder`: may also upload tables into the national catalogue (/beheer/import). */
export const DEMO_USERS: ReadonlyArray<{ email: string; naam: string; org: 'vmbo' | 'mbo'; rollen: Role[]; platformBeheerder?: boolean }> = [
  { email: 'beheerder@vmbo.demo', naam: 'Bea Beheerder', org: 'vmbo', rollen: ['beheerder'], platformBeheerder: true },
  { email: 'docent@vmbo.demo', naam: 'Daan Docent', org: 'vmbo', rollen: ['ontwikkelaar'] },
  { email: 'beheerder@roc.demo', naam: 'Rik Beheerder', org: 'mbo', rollen: ['beheerder'] },
  { email: 'docent@roc.demo', naam: 'Roos Docent', org: 'mbo', rollen: ['ontwikkelaar'] },
  { email: 'leerling@vmbo.demo', naam: 'Lars Leerling', org: 'vmbo', rollen: ['leerling'] },
];

export const DEMO_ACCOUNTS_REFUSED =
  'Demo-accounts niet aangemaakt: deze database bevat echte catalogusgegevens (een landelijke import), en demo-accounts ' +
  'hebben een openbaar wachtwoord. Gebruik voor de demo een lege database (een andere DATA_DIR of DATABASE_URL), of start ' +
  'met DOORLOPEND_MODE=production.';

/**
 * True when it seeded; false when there were organisations or users already (nothing changes). An `AppError`
 * ('conflict', DEMO_ACCOUNTS_REFUSED) when the database holds catalogue data other than the demo's: nothing is created.
 */
export async function seedDemoOrganisations(db: Kysely<DB>): Promise<boolean> {
  const counts = await countAccounts(db);
  if (counts.users > 0 || counts.organisations > 0) return false;
  if (await hasNonDemoCatalogue(db)) throw new AppError('conflict', DEMO_ACCOUNTS_REFUSED);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const regio = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.regio, soort: 'regio' });
    const vmbo = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.vmbo, soort: 'vmbo-school', brin: '99XX', regioId: regio });
    await insertVestiging(trx, { organisationId: vmbo, naam: 'Demo Vmbo College, locatie Centrum', brinVestiging: '99XX00' });
    const mbo = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.mbo, soort: 'mbo-instelling', brin: '99YY', regioId: regio });
    await insertPartnership(trx, 'Demo doorlopende leerroute techniek', [vmbo, mbo]);
    const orgIds = { vmbo, mbo };
    for (const u of DEMO_USERS) {
      const userId = await insertUser(trx, { email: u.email, naam: u.naam, passwordHash });
      if (u.platformBeheerder) await trx.updateTable('app_user').set({ platform_beheerder: true }).where('id', '=', userId).execute();
      for (const rol of u.rollen) await insertMembership(trx, { userId, organisationId: orgIds[u.org], rol });
    }
    await appendAudit(trx, { actorUserId: null, organisationId: null, action: 'demo.seeded', subjectType: 'system', subjectId: null });
  });
  return true;
}
