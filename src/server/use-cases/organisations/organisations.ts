/**
 * Organisation use cases: list and read own organisations, members and audit log; management by the
 * beheerder: organisation data (naam, BRIN), vestigingen, removing a role or a member (never the last
 * beheerder: they invite another beheerder first, or leave); and leaving an organisation oneself (always possible, also as the last beheerder: see
 * succession.ts). Nobody is made a member by someone else: that goes through an invitation the person
 * accepts (invitations.ts). Each asks the pure rules first (404 for a foreign organisation, 403 for a role
 * without the right) and then reads with queries scoped to the user's memberships.
 */
import { auditZin, benodigdeNamen } from '../../../domain/audit/sentences.js';
import { rolesIn } from '../../../domain/auth/rules.js';
import type { AuditRegel, Lid, Organisatie, OrganisatieVerlaten, OrganisatieWijzigen, Vestiging, VestigingInvoer, VestigingWijzigen } from '../../../shared/auth-api.js';
import type { Role } from '../../../domain/auth/rules.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { membersOf, organisationsOfUser } from '../../repositories/account-repository.js';
import { appendAudit, auditOfOrganisation, namesForAudit } from '../../repositories/audit-repository.js';
import {
  beheerdersOf,
  createVestiging,
  deleteMembership,
  deleteVestiging,
  findVestiging,
  lockOrganisation,
  organisationNameTaken,
  organisationsWithBeheerder,
  rolesOfMember,
  updateOrganisation,
  updateVestiging,
  vestigingenOf,
  vestigingNameTaken,
} from '../../repositories/organisation-repository.js';
import type { MailQueue } from '../../mail/mailer.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizeOrganisation, ORGANISATION_NOT_FOUND as NOT_FOUND } from '../../access/organisation.js';
import { requireAuth } from '../../access/require-auth.js';
import { ensureBeheerder } from './succession.js';

/** @deprecated moved to server/access (issue 11) */
export { authorizeOrganisation } from '../../access/organisation.js';

export async function listOrganisations(opts: UseCaseContext): Promise<Organisatie[]> {
  const auth = requireAuth(opts.auth);
  const orgs = await organisationsOfUser(opts.db, auth.user.id);
  const withBeheerder = await organisationsWithBeheerder(opts.db, orgs.map((o) => o.id));
  return orgs.map((o) => ({ ...o, mijnRollen: rolesIn(auth.actor, o.id), heeftBeheerder: withBeheerder.has(o.id) }));
}

export async function getOrganisation(opts: UseCaseContext & { organisationId: string }): Promise<Organisatie> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.read', opts.organisationId);
  const [org] = await organisationsOfUser(opts.db, auth.user.id, opts.organisationId);
  if (!org) throw notFound(NOT_FOUND);
  const withBeheerder = await organisationsWithBeheerder(opts.db, [org.id]);
  return { ...org, mijnRollen: rolesIn(auth.actor, org.id), heeftBeheerder: withBeheerder.has(org.id) };
}

export async function listMembers(opts: UseCaseContext & { organisationId: string }): Promise<Lid[]> {
  const auth = authorizeOrganisation(opts.auth, 'members.read', opts.organisationId);
  const members = await membersOf(opts.db, auth.user.id, opts.organisationId);
  return members.map((m) => ({ gebruikerId: m.userId, naam: m.naam, email: m.email, rollen: m.rollen }));
}

export async function listAudit(opts: UseCaseContext & { organisationId: string }): Promise<AuditRegel[]> {
  const auth = authorizeOrganisation(opts.auth, 'audit.read', opts.organisationId);
  const rows = await auditOfOrganisation(opts.db, auth.user.id, opts.organisationId);
  const namen = await namesForAudit(opts.db, benodigdeNamen(rows));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    details: r.details,
    zin: auditZin(r, namen),
  }));
}

/** PostgreSQL's unique_violation (two requests racing for the same name). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

async function uniqueOrConflict<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', message);
    throw error;
  }
}

/** The beheerder changes the organisation's naam and/or BRIN number. */
export async function updateOrganisationData(opts: UseCaseContext & { organisationId: string; input: OrganisatieWijzigen }): Promise<Organisatie> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.update', opts.organisationId);
  const { naam, brin } = opts.input;
  await uniqueOrConflict(
    () =>
      opts.db.transaction().execute(async (trx) => {
        const org = await lockOrganisation(trx, opts.organisationId);
        if (!org) throw notFound(NOT_FOUND);
        const changes: { naam?: string; brin?: string | null } = {};
        const details: Record<string, { van: string | null; naar: string | null }> = {};
        if (naam !== undefined && naam !== org.naam) {
          if (await organisationNameTaken(trx, naam, org.id)) throw new AppError('conflict', `Er is al een organisatie met de naam ${naam}.`);
          changes.naam = naam;
          details.naam = { van: org.naam, naar: naam };
        }
        if (brin !== undefined && brin !== org.brin) {
          changes.brin = brin;
          details.brin = { van: org.brin, naar: brin };
        }
        if (Object.keys(changes).length === 0) return;
        await updateOrganisation(trx, org.id, changes);
        await appendAudit(trx, { actorUserId: auth.user.id, organisationId: org.id, action: 'organisation.updated', subjectType: 'organisation', subjectId: org.id, details });
      }),
    `Er is al een organisatie met de naam ${naam ?? ''}.`,
  );
  return getOrganisation({ db: opts.db, auth: opts.auth, organisationId: opts.organisationId });
}

export async function listVestigingen(opts: UseCaseContext & { organisationId: string }): Promise<Vestiging[]> {
  authorizeOrganisation(opts.auth, 'organisation.read', opts.organisationId);
  return vestigingenOf(opts.db, opts.organisationId);
}

const VESTIGING_NOT_FOUND = 'Deze vestiging bestaat niet (meer).';

/** A vestigingsnummer starts with the organisation's own BRIN number (when it has one). */
function checkBrinVestiging(org: { brin: string | null }, brinVestiging: string | null | undefined): void {
  if (brinVestiging && org.brin && !brinVestiging.startsWith(org.brin)) {
    throw new AppError('validation_failed', `Het vestigingsnummer ${brinVestiging} hoort niet bij BRIN-nummer ${org.brin}.`, {
      errors: [{ path: 'body.brinVestiging', message: `begint niet met ${org.brin}` }],
    });
  }
}

export async function addVestiging(opts: UseCaseContext & { organisationId: string; input: VestigingInvoer }): Promise<Vestiging> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.update', opts.organisationId);
  const { naam } = opts.input;
  const brinVestiging = opts.input.brinVestiging ?? null;
  const conflict = `Er is al een vestiging met de naam ${naam}.`;
  return uniqueOrConflict(
    () =>
      opts.db.transaction().execute(async (trx) => {
        const org = await lockOrganisation(trx, opts.organisationId);
        if (!org) throw notFound(NOT_FOUND);
        checkBrinVestiging(org, brinVestiging);
        if (await vestigingNameTaken(trx, org.id, naam)) throw new AppError('conflict', conflict);
        const id = await createVestiging(trx, org.id, { naam, brinVestiging });
        await appendAudit(trx, { actorUserId: auth.user.id, organisationId: org.id, action: 'vestiging.added', subjectType: 'vestiging', subjectId: id, details: { naam, brinVestiging } });
        return { id, naam, brinVestiging };
      }),
    conflict,
  );
}

export async function changeVestiging(opts: UseCaseContext & {
  organisationId: string;
  vestigingId: string;
  input: VestigingWijzigen;
}): Promise<Vestiging> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.update', opts.organisationId);
  const conflict = `Er is al een vestiging met de naam ${opts.input.naam ?? ''}.`;
  return uniqueOrConflict(
    () =>
      opts.db.transaction().execute(async (trx) => {
        const org = await lockOrganisation(trx, opts.organisationId);
        if (!org) throw notFound(NOT_FOUND);
        const current = await findVestiging(trx, org.id, opts.vestigingId);
        if (!current) throw notFound(VESTIGING_NOT_FOUND);
        const naam = opts.input.naam ?? current.naam;
        const brinVestiging = opts.input.brinVestiging === undefined ? current.brinVestiging : opts.input.brinVestiging;
        if (naam === current.naam && brinVestiging === current.brinVestiging) return current;
        checkBrinVestiging(org, brinVestiging);
        if (naam !== current.naam && (await vestigingNameTaken(trx, org.id, naam, current.id))) throw new AppError('conflict', conflict);
        await updateVestiging(trx, org.id, current.id, { naam, brin_vestiging: brinVestiging });
        await appendAudit(trx, {
          actorUserId: auth.user.id,
          organisationId: org.id,
          action: 'vestiging.updated',
          subjectType: 'vestiging',
          subjectId: current.id,
          details: { van: { naam: current.naam, brinVestiging: current.brinVestiging }, naar: { naam, brinVestiging } },
        });
        return { id: current.id, naam, brinVestiging };
      }),
    conflict,
  );
}

export async function removeVestiging(opts: UseCaseContext & { organisationId: string; vestigingId: string }): Promise<void> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.update', opts.organisationId);
  await opts.db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, opts.organisationId);
    if (!org) throw notFound(NOT_FOUND);
    const current = await findVestiging(trx, org.id, opts.vestigingId);
    if (!current || !(await deleteVestiging(trx, org.id, current.id))) throw notFound(VESTIGING_NOT_FOUND);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: org.id,
      action: 'vestiging.removed',
      subjectType: 'vestiging',
      subjectId: current.id,
      details: { naam: current.naam, brinVestiging: current.brinVestiging },
    });
  });
}

const MEMBER_NOT_FOUND = 'Deze persoon is geen lid van deze organisatie.';

/**
 * Only the last beheerder themselves can run into this (any other beheerder remains one): someone becomes beheerder only
 * by accepting an invitation, and leaving is always possible.
 */
export const lastBeheerderMessage = (organisationNaam: string) =>
  `U bent de laatste beheerder van ${organisationNaam}. Nodig eerst iemand uit met de rol beheerder; zodra die de uitnodiging heeft aangenomen, kunt u uw rol intrekken. Wilt u zelf weg, kies dan "Organisatie verlaten": dan wordt de medewerker die het langst lid is beheerder.`;

/**
 * The beheerder removes one role of a member (`rol`) or the member altogether. The organisation's row is
 * locked, so two beheerders removing each other at the same moment cannot leave it without a beheerder.
 */
export async function removeMember(opts: UseCaseContext & { organisationId: string; userId: string; rol?: Role }): Promise<void> {
  const auth = authorizeOrganisation(opts.auth, 'members.manage', opts.organisationId);
  await opts.db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, opts.organisationId);
    if (!org) throw notFound(NOT_FOUND);
    // The session's roles were read before the lock: another beheerder may have taken this one's role meanwhile.
    if (!(await rolesOfMember(trx, org.id, auth.user.id)).includes('beheerder')) throw forbidden();
    const roles = await rolesOfMember(trx, org.id, opts.userId);
    if (roles.length === 0) throw notFound(MEMBER_NOT_FOUND);
    if (opts.rol && !roles.includes(opts.rol)) throw notFound(`Dit lid heeft de rol ${opts.rol} niet in ${org.naam}.`);
    const losesBeheerder = opts.rol ? opts.rol === 'beheerder' : roles.includes('beheerder');
    if (losesBeheerder) {
      const others = (await beheerdersOf(trx, org.id)).filter((id) => id !== opts.userId);
      if (others.length === 0) throw new AppError('conflict', lastBeheerderMessage(org.naam));
    }
    const removed = await deleteMembership(trx, org.id, opts.userId, opts.rol);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: org.id,
      action: opts.rol ? 'membership.role_removed' : 'membership.removed',
      subjectType: 'user',
      subjectId: opts.userId,
      details: opts.rol ? { rol: opts.rol } : { rollen: removed },
    });
  });
}

/**
 * The signed-in user leaves the organisation (all their roles in it). Always allowed, also for the last
 * beheerder: then the longest-standing staff member becomes beheerder, or the organisation is left without
 * one (ensureBeheerder, audited). The organisation's row is locked, as for every member change.
 */
export async function leaveOrganisation(opts: UseCaseContext & {
  /** Tells whoever becomes beheerder, after the commit. */
  mail: MailQueue;
  /** Base of the link in that mail (config PUBLIC_URL). */
  publicUrl: string;
  organisationId: string;
}): Promise<OrganisatieVerlaten> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.read', opts.organisationId);
  const userId = auth.user.id;
  const { answer, mail } = await opts.db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, opts.organisationId);
    if (!org) throw notFound(NOT_FOUND);
    // Read again under the lock: the session's roles may be stale (removed meanwhile → nothing to leave).
    const removed = await deleteMembership(trx, org.id, userId);
    if (removed.length === 0) throw notFound(NOT_FOUND);
    await appendAudit(trx, { actorUserId: userId, organisationId: org.id, action: 'membership.left', subjectType: 'user', subjectId: userId, details: { rollen: removed } });
    const succession = removed.includes('beheerder')
      ? await ensureBeheerder(trx, { organisationId: org.id, organisationNaam: org.naam, departingUserId: userId, reason: 'lid-vertrokken', publicUrl: opts.publicUrl })
      : undefined;
    const nieuweBeheerder = succession?.nieuweBeheerder ?? null;
    const zonderBeheerder = succession !== undefined && nieuweBeheerder === null;
    const bericht = [
      `U bent geen lid meer van ${org.naam}.`,
      nieuweBeheerder ? `${nieuweBeheerder.naam} is nu beheerder van ${org.naam}, omdat u de laatste beheerder was.` : '',
      zonderBeheerder ? `${org.naam} heeft nu geen beheerder: er was geen medewerker om het over te nemen.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return { answer: { bericht, nieuweBeheerder, zonderBeheerder }, mail: succession?.mail ?? null };
  });
  if (mail) opts.mail.enqueue(mail);
  return answer;
}
