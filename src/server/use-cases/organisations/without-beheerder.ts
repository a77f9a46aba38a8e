/**
 * Organisations without a beheerder (the last one left and no staff member could take over, succession.ts) get one
 * through the platform: a platform beheerder sees them (public facts and counts only, no members' names) and invites
 * someone with the role beheerder into one of them. The invitation is an ordinary one: a mail with a single-use link,
 * audited in the organisation's log, and nobody gets the role until the invitee accepts. An organisation that has a
 * beheerder manages itself: the platform does not invite there (409).
 */
import { decideBeheerderAppointment } from '../../../domain/auth/rules.js';
import type { Uitnodiging } from '../../../shared/auth-api.js';
import type { BeheerderUitnodigen, OrganisatieZonderBeheerder } from '../../../shared/beheer-api.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { MailQueue } from '../../mail/mailer.js';
import { beheerdersOf, lockOrganisation } from '../../repositories/organisation-repository.js';
import { organisationsWithoutBeheerder } from '../../repositories/platform-beheer-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizeBeheerderAppointment, PLATFORM_ONLY_MESSAGE } from '../../access/platform.js';
import { INVITATION_SENT_MESSAGE, invitationMail, recordInvitation } from './invitations.js';

/** @deprecated moved to server/access (issue 11) */
export { PLATFORM_ONLY_MESSAGE } from '../../access/platform.js';
const NOT_FOUND = 'Deze organisatie bestaat niet (meer).';
export const HAS_BEHEERDER_MESSAGE = (naam: string) =>
  `${naam} heeft een beheerder. Die nodigt zelf nieuwe leden en beheerders uit; het platformbeheer nodigt alleen uit bij organisaties zonder beheerder.`;

export async function listOrganisationsWithoutBeheerder(opts: UseCaseContext & { now?: Date }): Promise<OrganisatieZonderBeheerder[]> {
  authorizeBeheerderAppointment(opts.auth);
  const rows = await organisationsWithoutBeheerder(opts.db, opts.now ?? new Date());
  return rows.map((r) => ({
    id: r.id,
    naam: r.naam,
    soort: r.soort,
    brin: r.brin,
    aantalLeden: r.memberCount,
    uitnodigingGeldigTot: r.openBeheerderInvitationUntil?.toISOString() ?? null,
  }));
}

/**
 * The platform beheerder invites an e-mail address with the role beheerder. Checked under the organisation's lock,
 * so an organisation that got a beheerder meanwhile is refused (409) and nothing is written or sent.
 */
export async function inviteBeheerderAsPlatform(opts: UseCaseContext & {
  mail: MailQueue;
  publicUrl: string;
  organisationId: string;
  input: BeheerderUitnodigen;
  now?: Date;
}): Promise<Uitnodiging> {
  const auth = authorizeBeheerderAppointment(opts.auth);
  const now = opts.now ?? new Date();
  const { email } = opts.input;
  const { organisationNaam, invitation } = await opts.db.transaction().execute(async (trx) => {
    const org = await lockOrganisation(trx, opts.organisationId);
    const decision = decideBeheerderAppointment(auth, org && { heeftBeheerder: (await beheerdersOf(trx, org.id)).length > 0 });
    if (decision === 'forbidden') throw forbidden(PLATFORM_ONLY_MESSAGE);
    if (decision === 'not_found' || !org) throw notFound(NOT_FOUND);
    if (decision === 'conflict') throw new AppError('conflict', HAS_BEHEERDER_MESSAGE(org.naam));
    const recorded = await recordInvitation(trx, { organisationId: org.id, email, rol: 'beheerder', invitedBy: auth.user.id, now, via: 'platformbeheer' });
    return { organisationNaam: org.naam, invitation: recorded };
  });
  opts.mail.enqueue(
    invitationMail({
      ...invitation,
      to: email,
      inviter: `${auth.user.naam} (platformbeheer van Doorlopend)`,
      organisationNaam,
      rol: 'beheerder',
      publicUrl: opts.publicUrl,
      context: `${organisationNaam} heeft op dit moment geen beheerder. Als beheerder nodigt u nieuwe leden uit en beheert u de gegevens van de organisatie.`,
    }),
  );
  return { bericht: INVITATION_SENT_MESSAGE, email, rol: 'beheerder', verlooptOp: invitation.expiresAt.toISOString() };
}
