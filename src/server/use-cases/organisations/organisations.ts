/**
 * Organisation use cases: list and read own organisations, members and audit log, add a member.
 * Each asks the pure rules first (404 for a foreign organisation, 403 for a role without the right)
 * and then reads with queries scoped to the user's memberships.
 */
import type { Kysely } from 'kysely';
import { decide, rolesIn, type Action } from '../../../domain/auth/rules.js';
import type { AuditRegel, Lid, LidToevoegen, Organisatie } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { findUserByEmail, insertMembership, membersOf, organisationsOfUser } from '../../repositories/account-repository.js';
import { appendAudit, auditOfOrganisation } from '../../repositories/audit-repository.js';
import { requireAuth } from '../auth/get-me.js';
import type { AuthContext } from '../auth/session.js';

const NOT_FOUND = 'Deze organisatie bestaat niet of u hebt er geen toegang toe.';

function authorize(auth: AuthContext | null, action: Action, organisationId: string): AuthContext {
  const a = requireAuth(auth);
  const decision = decide(a.actor, action, { type: 'organisation', organisationId });
  if (decision === 'not_found') throw notFound(NOT_FOUND);
  if (decision === 'forbidden') throw forbidden();
  return a;
}

export async function listOrganisations(opts: { db: Kysely<DB>; auth: AuthContext | null }): Promise<Organisatie[]> {
  const auth = requireAuth(opts.auth);
  const orgs = await organisationsOfUser(opts.db, auth.user.id);
  return orgs.map((o) => ({ ...o, mijnRollen: rolesIn(auth.actor, o.id) }));
}

export async function getOrganisation(opts: { db: Kysely<DB>; auth: AuthContext | null; organisationId: string }): Promise<Organisatie> {
  const auth = authorize(opts.auth, 'organisation.read', opts.organisationId);
  const [org] = await organisationsOfUser(opts.db, auth.user.id, opts.organisationId);
  if (!org) throw notFound(NOT_FOUND);
  return { ...org, mijnRollen: rolesIn(auth.actor, org.id) };
}

export async function listMembers(opts: { db: Kysely<DB>; auth: AuthContext | null; organisationId: string }): Promise<Lid[]> {
  const auth = authorize(opts.auth, 'members.read', opts.organisationId);
  const members = await membersOf(opts.db, auth.user.id, opts.organisationId);
  return members.map((m) => ({ gebruikerId: m.userId, naam: m.naam, email: m.email, rollen: m.rollen }));
}

/** A beheerder gives an existing user a role in the organisation. */
export async function addMember(opts: { db: Kysely<DB>; auth: AuthContext | null; organisationId: string; input: LidToevoegen }): Promise<Lid> {
  const auth = authorize(opts.auth, 'members.manage', opts.organisationId);
  return opts.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, opts.input.email);
    // Invitations of new people by e-mail come later; for now the account must exist.
    if (!user) throw new AppError('validation_failed', `Er is geen account met e-mailadres ${opts.input.email}.`, { errors: [{ path: 'body.email', message: 'onbekend account' }] });
    const added = await insertMembership(trx, { userId: user.id, organisationId: opts.organisationId, rol: opts.input.rol });
    if (!added) throw new AppError('conflict', `${user.naam} heeft de rol ${opts.input.rol} al in deze organisatie.`);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: opts.organisationId,
      action: 'membership.added',
      subjectType: 'user',
      subjectId: user.id,
      details: { rol: opts.input.rol },
    });
    const [member] = await membersOf(trx, auth.user.id, opts.organisationId, user.id);
    return { gebruikerId: user.id, naam: user.naam, email: user.email, rollen: member?.rollen ?? [opts.input.rol] };
  });
}

export async function listAudit(opts: { db: Kysely<DB>; auth: AuthContext | null; organisationId: string }): Promise<AuditRegel[]> {
  const auth = authorize(opts.auth, 'audit.read', opts.organisationId);
  const rows = await auditOfOrganisation(opts.db, auth.user.id, opts.organisationId);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
