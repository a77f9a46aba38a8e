/**
 * When the last beheerder goes (leaves the organisation or deletes the account), the organisation is not
 * left stranded and the person is not held back: the remaining member with a staff role who has held one
 * longest becomes beheerder (leerlingen never become beheerder by this rule). With no such member the
 * organisation has no beheerder; members see that on its page. Either way it is written to the audit log.
 *
 * Called inside the transaction of the departure, with the organisation's row locked (so two departures
 * at once cannot both see "another beheerder remains"). The new beheerder is told by e-mail: the mail is
 * composed here and handed to the mail queue by the caller after the commit (never for a role that was rolled back).
 */
import type { Transaction } from 'kysely';
import { STAFF_ROLES } from '../../../domain/auth/rules.js';
import type { DB } from '../../db/schema.js';
import type { OutgoingMail } from '../../mail/mailer.js';
import { findUserById, insertMembership } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { beheerdersOf, longestStandingStaffMember } from '../../repositories/organisation-repository.js';

export type DepartureReason = 'lid-vertrokken' | 'account-verwijderd';

export interface Succession {
  /** Who became beheerder; null when no one could (then the organisation has none). */
  nieuweBeheerder: { gebruikerId: string; naam: string } | null;
  /** The mail to the new beheerder (null when no one became beheerder): enqueue it after the commit. */
  mail: OutgoingMail | null;
}

const REASON_TEXT: Record<DepartureReason, string> = {
  'lid-vertrokken': 'de organisatie heeft verlaten',
  'account-verwijderd': 'zijn of haar account heeft verwijderd',
};

/** Tells the new beheerder what happened and what they can do now; names no one else (the previous beheerder neither). */
export function successionMail(opts: {
  to: string;
  naam: string;
  organisationId: string;
  organisationNaam: string;
  reason: DepartureReason;
  publicUrl: string;
}): OutgoingMail {
  const { organisationNaam: org } = opts;
  return {
    to: opts.to,
    subject: `U bent nu beheerder van ${org} op Doorlopend`,
    text: [
      `Goedendag ${opts.naam},`,
      '',
      `U bent nu beheerder van ${org} op Doorlopend, omdat de laatste beheerder ${REASON_TEXT[opts.reason]}. Van de medewerkers was u het langst lid.`,
      'Als beheerder nodigt u nieuwe leden uit, beheert u hun rollen, de gegevens en de vestigingen van de organisatie, en ziet u het auditlog:',
      '',
      `${opts.publicUrl}/organisaties/${opts.organisationId}`,
      '',
      'Wilt u geen beheerder zijn? Nodig dan iemand anders uit met de rol beheerder; zodra die de uitnodiging heeft aangenomen, kunt u uw eigen rol beheerder intrekken. U kunt de organisatie ook verlaten.',
    ].join('\n'),
  };
}

/**
 * Makes sure the organisation keeps a beheerder now that `departingUserId` goes. Undefined when another
 * beheerder remains (nothing to do).
 */
export async function ensureBeheerder(
  trx: Transaction<DB>,
  opts: { organisationId: string; organisationNaam: string; departingUserId: string; reason: DepartureReason; publicUrl: string },
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
    return { nieuweBeheerder: null, mail: null };
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
  const account = await findUserById(trx, successor.userId);
  const mail = account ? successionMail({ to: account.email, naam: successor.naam, organisationId, organisationNaam: opts.organisationNaam, reason, publicUrl: opts.publicUrl }) : null;
  return { nieuweBeheerder: { gebruikerId: successor.userId, naam: successor.naam }, mail };
}
