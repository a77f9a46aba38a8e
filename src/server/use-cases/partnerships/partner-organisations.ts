/**
 * Partner organisations of a samenwerking: a beheerder of a member proposes another school or instelling;
 * the proposed organisation's beheerder accepts or declines; a member's beheerder can take it out of the
 * samenwerking. Every change is written to the audit log of each organisation involved.
 */
import { rolesIn } from '../../../domain/auth/rules.js';
import type { Partner } from '../../../shared/partnership-api.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { findOrganisationById } from '../../repositories/account-repository.js';
import { acceptProposal, deletePartner, deleteProposals, insertProposal, lockPartnership, memberOrganisationIds, partnersOf } from '../../repositories/partnership-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { notifyProposal, type ProposalNotifier } from './notify-proposal.js';
import { authorizeOrganisation } from '../../access/organisation.js';
import { authorizePartnership, PARTNERSHIP_NOT_FOUND } from '../../access/partnership.js';
import { auditPartnership, partnerCandidate, toPartner } from './partnerships.js';

export type { ProposalNotifier };
const NO_PROPOSAL = 'Er is geen openstaand voorstel voor deze organisatie in deze samenwerking.';

/** A beheerder of a member organisation proposes another organisation as partner (201 with its row). */
export async function proposePartner(opts: UseCaseContext & {
  partnershipId: string;
  organisationId: string;
  notifier?: ProposalNotifier;
}): Promise<Partner> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const proposerIds = access.memberOrganisationIds.filter((id) => rolesIn(access.auth.actor, id).includes('beheerder'));
  if (proposerIds.length === 0) throw forbidden('Alleen een beheerder van een partner in de samenwerking kan organisaties voorstellen.');
  const { partner, send } = await opts.db.transaction().execute(async (trx) => {
    const partnership = await lockPartnership(trx, opts.partnershipId);
    if (!partnership) throw notFound(PARTNERSHIP_NOT_FOUND);
    const target = await partnerCandidate(trx, opts.organisationId, 'body.organisatieId');
    const partners = await partnersOf(trx, [partnership.id]);
    const existing = partners.find((p) => p.id === target.id);
    if (existing) {
      throw new AppError(
        'conflict',
        existing.status === 'lid' ? `${target.naam} is al partner in deze samenwerking.` : `${target.naam} is al voorgesteld en heeft nog niet geantwoord.`,
      );
    }
    // The proposer: the (first, by name) member organisation of which the user is beheerder.
    const proposer = partners.filter((p) => p.status === 'lid' && proposerIds.includes(p.id))[0];
    if (!proposer) throw forbidden('Alleen een beheerder van een partner in de samenwerking kan organisaties voorstellen.');
    if (!(await insertProposal(trx, { partnershipId: partnership.id, organisationId: target.id, proposedBy: proposer.id }))) {
      throw new AppError('conflict', `${target.naam} is al voorgesteld of partner in deze samenwerking.`);
    }
    const members = partners.filter((p) => p.status === 'lid').map((p) => p.id);
    await auditPartnership(trx, {
      actorUserId: access.auth.user.id,
      organisationIds: [...members, target.id],
      action: 'partnership.partner_proposed',
      partnershipId: partnership.id,
      details: { naam: partnership.naam, organisatie: target.naam, voorgesteldDoor: proposer.naam },
    });
    const [row] = (await partnersOf(trx, [partnership.id])).filter((p) => p.id === target.id);
    if (!row) throw new Error('proposal not stored');
    const mails = await notifyProposal(trx, opts.notifier, {
      actorNaam: access.auth.user.naam,
      proposerNaam: proposer.naam,
      partnershipNaam: partnership.naam,
      targetId: target.id,
      targetNaam: target.naam,
    });
    return { partner: toPartner(row), send: mails };
  });
  // Only once the proposal is stored.
  send();
  return partner;
}

/** The proposed organisation's beheerder answers a proposal: accept (member from now on) or decline (the proposal is removed). */
export async function answerProposal(opts: UseCaseContext & { partnershipId: string; organisationId: string; accept: boolean }): Promise<void> {
  const auth = authorizeOrganisation(opts.auth, 'organisation.update', opts.organisationId);
  await opts.db.transaction().execute(async (trx) => {
    const partnership = await lockPartnership(trx, opts.partnershipId);
    if (!partnership) throw notFound(NO_PROPOSAL);
    const org = await findOrganisationById(trx, opts.organisationId);
    if (!org) throw notFound(NO_PROPOSAL);
    const done = opts.accept ? await acceptProposal(trx, partnership.id, org.id) : await deletePartner(trx, partnership.id, org.id, 'voorgesteld');
    if (!done) throw notFound(NO_PROPOSAL);
    const members = await memberOrganisationIds(trx, partnership.id);
    await auditPartnership(trx, {
      actorUserId: auth.user.id,
      organisationIds: [...members, org.id],
      action: opts.accept ? 'partnership.partner_accepted' : 'partnership.partner_declined',
      partnershipId: partnership.id,
      details: { naam: partnership.naam, organisatie: org.naam },
    });
  });
}

/**
 * A beheerder takes their organisation out of the samenwerking. When no member is left, its open
 * proposals are withdrawn too (nobody could answer for the samenwerking any more).
 */
export async function leavePartnership(opts: UseCaseContext & { partnershipId: string; organisationId: string }): Promise<void> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  if (!access.memberOrganisationIds.includes(opts.organisationId)) throw notFound('Deze organisatie is geen partner in deze samenwerking.');
  if (!rolesIn(access.auth.actor, opts.organisationId).includes('beheerder')) {
    throw forbidden('Alleen een beheerder van de organisatie kan haar uit de samenwerking halen.');
  }
  await opts.db.transaction().execute(async (trx) => {
    const partnership = await lockPartnership(trx, opts.partnershipId);
    if (!partnership) throw notFound(PARTNERSHIP_NOT_FOUND);
    const org = await findOrganisationById(trx, opts.organisationId);
    if (!org || !(await deletePartner(trx, partnership.id, org.id, 'lid'))) throw notFound('Deze organisatie is geen partner in deze samenwerking.');
    const remaining = await memberOrganisationIds(trx, partnership.id);
    const withdrawn = remaining.length === 0 ? await deleteProposals(trx, partnership.id) : [];
    await auditPartnership(trx, {
      actorUserId: access.auth.user.id,
      organisationIds: [org.id, ...remaining, ...withdrawn],
      action: 'partnership.partner_left',
      partnershipId: partnership.id,
      details: { naam: partnership.naam, organisatie: org.naam, ...(withdrawn.length > 0 ? { voorstellenIngetrokken: withdrawn.length } : {}) },
    });
  });
}
