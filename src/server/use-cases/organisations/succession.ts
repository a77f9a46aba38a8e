/**
 * When the last beheerder goes (leaves the organisation or deletes the account), the organisation is not
 * left stranded and the person is not held back: the remaining member with a staff role who has held one
 * longest becomes beheerder (leerlingen never become beheerder by this rule). With no such member the
 * organisation has no beheerder; members see that on its page. Either way it is written to the audit log.
 *
 * Called inside the transaction of the departure, with the organisation's row locked (so two departures
 * at once cannot both see "another beheerder remains").
 */
import type { Transaction } from 'kysely';
import { STAFF_ROLES } from '../../../domain/auth/rules.js';
import type { DB } from '../../db/schema.js';
import { insertMembership } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { beheerdersOf, longestStandingStaffMember } from '../../repositories/organisation-repository.js';

export type DepartureReason = 'lid-vertrokken' | 'account-verwijderd';

export interface Succession {
  /** Who became beheerder; null when no one could (then the organisation has none). */
  nieuweBeheerder: { gebruikerId: string; naam: string } | null;
}

/**
 * Makes sure the organisation keeps a beheerder now that `departingUserId` goes. Undefined when another
 * beheerder remains (nothing to do).
 */
export async function ensureBeheerder(
  trx: Transaction<DB>,
  opts: { organisationId: string; departingUserId: string; reason: DepartureReason },
): Promise<Succession | undefined> {
  const { organisationId, departingUserId, reason } = opts;
  const others = (await beheerdersOf(trx, organisationId)).filter((id) => id !== departingUserId);
  if (others.length > 0) return undefined;
  const successor = await longestStandingStaffMember(trx, organisationId, departingUserId, STAFF_ROLES);
  if (!successor) {
    await appendAudit(trx, {
      actorUserId: departingUserId,
      organisationId,
      action: 'organisation.without_beheerder',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { reden: reason, vorigeBeheerder: departingUserId },
    });
    return { nieuweBeheerder: null };
  }
  await insertMembership(trx, { userId: successor.userId, organisationId, rol: 'beheerder' });
  await appendAudit(trx, {
    actorUserId: departingUserId,
    organisationId,
    action: 'membership.beheerder_succeeded',
    subjectType: 'user',
    subjectId: successor.userId,
    details: { rol: 'beheerder', reden: reason, vorigeBeheerder: departingUserId },
  });
  return { nieuweBeheerder: { gebruikerId: successor.userId, naam: successor.naam } };
}
