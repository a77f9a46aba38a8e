/**
 * Demo mode: on a database without organisations and users, a demo region with a vmbo school and an mbo
 * instelling as its member schools (organisation.regio_id), their samenwerking and demo users (one of them the
 * region's beheerder) with the documented password (README, "Demo users";
 * docs/accounts-and-security.md), the region's menukaart, and a worked example of the joint exam (demo-examen.ts).
 * Never called in production mode.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { countAccounts, grantPlatformBeheerder, insertMembership, insertOrganisation, insertPartnership, insertUser, insertVestiging } from '../repositories/account-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { lockDemoSeeding } from '../repositories/demo-repository.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError } from '../errors.js';
import { DEMO_PASSWORD, DEMO_USERS, retireDemoAccounts } from './demo-accounts.js';
import { seedDemoExamen } from './demo-examen.js';
import { seedDemoMenukaart } from './demo-menukaart.js';
import { hasNonDemoCatalogue } from './seed-demo.js';

export { DEMO_PASSWORD, DEMO_USERS };
export const DEMO_ORGANISATIONS = { regio: 'Demo Regio Techniek', vmbo: 'Demo Vmbo College', mbo: 'Demo ROC' } as const;

export const DEMO_ACCOUNTS_REFUSED =
  'Demo-accounts niet aangemaakt: deze database bevat echte catalogusgegevens (een landelijke import), en demo-accounts ' +
  'hebben een openbaar wachtwoord. Gebruik voor de demo een lege database (een andere DATA_DIR of DATABASE_URL), of start ' +
  'met DOORLOPEND_MODE=production.';

/**
 * True when it seeded; false when there were organisations or users already (nothing changes). An `AppError`
 * ('conflict', DEMO_ACCOUNTS_REFUSED) when the database holds catalogue data other than the demo's: nothing is created.
 */
export async function seedDemoOrganisations(db: Kysely<DB>): Promise<boolean> {
  // A quick look first, so a database that has them skips hashing the password at every start.
  if (hasAccounts(await countAccounts(db))) return false;
  if (await hasNonDemoCatalogue(db)) throw new AppError('conflict', DEMO_ACCOUNTS_REFUSED);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    // Several instances starting at once on one empty database: one seeds, the others wait here and then find the
    // accounts (counted again under the lock), instead of failing on the unique organisation name.
    await lockDemoSeeding(trx);
    if (hasAccounts(await countAccounts(trx))) return false;
    if (await hasNonDemoCatalogue(trx)) throw new AppError('conflict', DEMO_ACCOUNTS_REFUSED);
    const regio = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.regio, soort: 'regio' });
    const vmbo = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.vmbo, soort: 'vmbo-school', brin: '99XX', regioId: regio });
    await insertVestiging(trx, { organisationId: vmbo, naam: 'Demo Vmbo College, locatie Centrum', brinVestiging: '99XX00' });
    const mbo = await insertOrganisation(trx, { naam: DEMO_ORGANISATIONS.mbo, soort: 'mbo-instelling', brin: '99YY', regioId: regio });
    const partnership = await insertPartnership(trx, 'Demo doorlopende leerroute techniek', [vmbo, mbo]);
    const orgIds = { vmbo, mbo, regio };
    for (const u of DEMO_USERS) {
      const userId = await insertUser(trx, { email: u.email, naam: u.naam, passwordHash });
      if (u.platformBeheerder) await grantPlatformBeheerder(trx, userId);
      for (const rol of u.rollen) await insertMembership(trx, { userId, organisationId: orgIds[u.org], rol });
    }
    // Issue 15: the demo region's menukaart with a few modules of both schools.
    await seedDemoMenukaart(trx, { regio, vmbo, mbo });
    // Issue 14: a worked example of the joint exam in the samenwerking, made by the demo users (demo-examen.ts).
    await seedDemoExamen(trx, { partnership });
    await appendAudit(trx, { actorUserId: null, organisationId: null, action: 'demo.seeded', subjectType: 'system', subjectId: null });
    return true;
  });
}

const hasAccounts = (counts: { users: number; organisations: number }) => counts.users > 0 || counts.organisations > 0;

/**
 * At every start: when the database holds non-demo catalogue data, or in production mode, the demo accounts that still
 * have the public password are retired (demo-accounts.ts). Answers their addresses, for a loud warning. In demo mode
 * on a database with only the demo catalogue nothing changes: that is what the demo accounts are for.
 */
export async function retireDemoAccountsAtStart(db: Kysely<DB>, mode: 'demo' | 'production'): Promise<string[]> {
  if (mode !== 'production' && !(await hasNonDemoCatalogue(db))) return [];
  return db.transaction().execute((trx) => retireDemoAccounts(trx));
}
