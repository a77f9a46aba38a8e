/** Creates a user with a role in an organisation (created when it does not exist): the first beheerder, from the CLI. */
import type { Kysely } from 'kysely';
import type { OrganisationKind, Role } from '../../../shared/roles.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { findOrganisationByName, findUserByEmail, grantPlatformBeheerder, insertMembership, insertOrganisation, insertUser } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { Email } from '../../../shared/auth-api.js';

export interface CreateUserResult {
  userId: string;
  organisationId: string;
  organisationCreated: boolean;
}

export async function createUser(opts: {
  db: Kysely<DB>;
  email: string;
  naam: string;
  organisatie: string;
  soort?: OrganisationKind;
  rol: Role;
  password?: string;
  /** Platform beheerder: may upload tables into the national catalogue (migration 0009). */
  platformBeheerder?: boolean;
}): Promise<CreateUserResult> {
  const email = Email.safeParse(opts.email);
  if (!email.success) throw new AppError('validation_failed', `Ongeldig e-mailadres: "${opts.email}".`);
  if (!opts.naam.trim()) throw new AppError('validation_failed', 'Geef een naam (--naam).');
  if (opts.password !== undefined && opts.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.`);
  }
  const passwordHash = opts.password !== undefined ? await hashPassword(opts.password) : null;
  return opts.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email.data)) throw new AppError('conflict', `Er bestaat al een gebruiker met e-mailadres ${email.data}.`);
    let org = await findOrganisationByName(trx, opts.organisatie);
    let organisationCreated = false;
    if (!org) {
      if (!opts.soort) throw new AppError('validation_failed', `Organisatie "${opts.organisatie}" bestaat niet; geef --soort om haar aan te maken.`);
      org = { id: await insertOrganisation(trx, { naam: opts.organisatie, soort: opts.soort }), soort: opts.soort };
      organisationCreated = true;
      await appendAudit(trx, { actorUserId: null, organisationId: org.id, action: 'organisation.created', subjectType: 'organisation', subjectId: org.id, details: { via: 'cli' } });
    } else if (opts.soort && opts.soort !== org.soort) {
      throw new AppError('conflict', `Organisatie "${opts.organisatie}" bestaat al met soort ${org.soort}, niet ${opts.soort}.`);
    }
    const userId = await insertUser(trx, { email: email.data, naam: opts.naam.trim(), passwordHash });
    if (opts.platformBeheerder) {
      await grantPlatformBeheerder(trx, userId);
      await appendAudit(trx, { actorUserId: null, organisationId: null, action: 'platform.beheerder_granted', subjectType: 'user', subjectId: userId, details: { via: 'cli' } });
    }
    await insertMembership(trx, { userId, organisationId: org.id, rol: opts.rol });
    await appendAudit(trx, { actorUserId: null, organisationId: org.id, action: 'user.created', subjectType: 'user', subjectId: userId, details: { via: 'cli' } });
    await appendAudit(trx, { actorUserId: null, organisationId: org.id, action: 'membership.added', subjectType: 'user', subjectId: userId, details: { rol: opts.rol, via: 'cli' } });
    return { userId, organisationId: org.id, organisationCreated };
  });
}
