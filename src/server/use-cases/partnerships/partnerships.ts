/**
 * Samenwerkingen: my list (with open proposals for organisations I am beheerder of), creating one,
 * reading one (partners, and the people who work in it: name, organisation and roles only) and renaming.
 * Access to a samenwerking goes through `authorizePartnership` (only accepted partners count).
 */
import { can, decide, rolesIn, STAFF_ROLES } from '../../../domain/auth/rules.js';
import type { Partner, SamenwerkingDetail, SamenwerkingInLijst } from '../../../shared/partnership-api.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { findOrganisationById } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import {
  createPartnership,
  findPartnership,
  insertProposal,
  lockPartnership,
  partnersOf,
  partnershipsOfOrganisations,
  peopleOfPartnership,
  renamePartnership,
  type PartnerRow,
} from '../../repositories/partnership-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, PARTNERSHIP_NOT_FOUND } from '../../access/partnership.js';
import { notifyProposal, type ProposalNotifier } from './notify-proposal.js';

const ORGANISATION_NOT_FOUND = 'Deze organisatie bestaat niet of u hebt er geen toegang toe.';
/** Kinds of organisation that take part in a samenwerking. */
export const PARTNER_KINDS = ['vmbo-school', 'mbo-instelling'] as const;

export const toPartner = (p: PartnerRow): Partner => ({ id: p.id, naam: p.naam, soort: p.soort, brin: p.brin, status: p.status, voorgesteldDoor: p.voorgesteldDoor });

/** Appends one audit entry per organisation (each involved organisation's own log). */
export async function auditPartnership(
  db: Parameters<typeof appendAudit>[0],
  e: { actorUserId: string; organisationIds: Iterable<string>; action: string; partnershipId: string; details: Record<string, unknown> },
): Promise<void> {
  for (const organisationId of new Set(e.organisationIds)) {
    await appendAudit(db, { actorUserId: e.actorUserId, organisationId, action: e.action, subjectType: 'partnership', subjectId: e.partnershipId, details: e.details });
  }
}

export async function listPartnerships(opts: UseCaseContext): Promise<SamenwerkingInLijst[]> {
  const auth = requireAuth(opts.auth);
  const staffOrgs = [...new Set(auth.actor.memberships.filter((m) => STAFF_ROLES.includes(m.rol)).map((m) => m.organisationId))];
  const beheerderOrgs = [...new Set(auth.actor.memberships.filter((m) => m.rol === 'beheerder').map((m) => m.organisationId))];
  const [asMember, proposed] = await Promise.all([
    partnershipsOfOrganisations(opts.db, staffOrgs, 'lid'),
    partnershipsOfOrganisations(opts.db, beheerderOrgs, 'voorgesteld'),
  ]);
  const partners = await partnersOf(opts.db, [...new Set([...asMember, ...proposed].map((p) => p.id))]);
  const item = (p: (typeof asMember)[number], status: 'lid' | 'voorgesteld'): SamenwerkingInLijst => ({
    id: p.id,
    naam: p.naam,
    status,
    mijnOrganisaties: p.organisations,
    partners: partners.filter((x) => x.partnershipId === p.id).map(toPartner),
  });
  // Open proposals first: they ask for an answer.
  return [...proposed.map((p) => item(p, 'voorgesteld')), ...asMember.map((p) => item(p, 'lid'))];
}

export async function getPartnership(opts: UseCaseContext & { partnershipId: string }): Promise<SamenwerkingDetail> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const partnership = await findPartnership(opts.db, opts.partnershipId);
  if (!partnership) throw notFound(PARTNERSHIP_NOT_FOUND);
  const [partners, people] = await Promise.all([partnersOf(opts.db, [partnership.id]), peopleOfPartnership(opts.db, partnership.id)]);
  const { actor } = access.auth;
  const beheerderOf = access.memberOrganisationIds.filter((id) => rolesIn(actor, id).includes('beheerder'));
  return {
    id: partnership.id,
    naam: partnership.naam,
    aangemaaktOp: partnership.createdAt.toISOString(),
    partners: partners.map(toPartner),
    mensen: people.map((p) => ({ naam: p.naam, organisatie: { id: p.organisationId, naam: p.organisationNaam }, rollen: p.rollen })),
    mijnRechten: {
      wijzigen: can(actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds }),
      partnersVoorstellen: beheerderOf.length > 0,
      vertrekkenNamens: beheerderOf,
    },
  };
}

/** An organisation that can be proposed as partner: exists, is a school or instelling. 400 otherwise (the id came in the body). */
export async function partnerCandidate(db: Parameters<typeof findOrganisationById>[0], organisationId: string, path: string) {
  const org = await findOrganisationById(db, organisationId);
  if (!org || !(PARTNER_KINDS as readonly string[]).includes(org.soort)) {
    throw new AppError('validation_failed', 'Deze organisatie is onbekend of kan geen partner zijn (alleen vmbo-scholen en mbo-instellingen).', {
      errors: [{ path, message: 'onbekende organisatie' }],
    });
  }
  return org;
}

/** A beheerder of a vmbo-school or mbo-instelling starts a samenwerking and may propose partners at once. */
export async function createPartnershipUseCase(opts: UseCaseContext & {
  input: { naam: string; organisatieId: string; partners: string[] };
  notifier?: ProposalNotifier;
}): Promise<SamenwerkingDetail> {
  const auth = requireAuth(opts.auth);
  const { naam, organisatieId } = opts.input;
  const decision = decide(auth.actor, 'organisation.update', { type: 'organisation', organisationId: organisatieId });
  if (decision === 'not_found') throw notFound(ORGANISATION_NOT_FOUND);
  if (decision === 'forbidden') throw forbidden('Alleen een beheerder van de organisatie kan een samenwerking beginnen.');
  const partnerIds = [...new Set(opts.input.partners)];
  const { id, sends } = await opts.db.transaction().execute(async (trx) => {
    const own = await findOrganisationById(trx, organisatieId);
    if (!own) throw notFound(ORGANISATION_NOT_FOUND);
    if (!(PARTNER_KINDS as readonly string[]).includes(own.soort)) {
      throw new AppError('validation_failed', 'Alleen een vmbo-school of mbo-instelling kan een samenwerking beginnen.', {
        errors: [{ path: 'body.organisatieId', message: 'geen vmbo-school of mbo-instelling' }],
      });
    }
    const partners = [];
    for (const [i, partnerId] of partnerIds.entries()) {
      if (partnerId === own.id) {
        throw new AppError('validation_failed', 'Uw eigen organisatie is al partner in de samenwerking.', { errors: [{ path: `body.partners.${i}`, message: 'eigen organisatie' }] });
      }
      partners.push(await partnerCandidate(trx, partnerId, `body.partners.${i}`));
    }
    const partnershipId = await createPartnership(trx, naam, own.id);
    const mails: Array<() => void> = [];
    await auditPartnership(trx, { actorUserId: auth.user.id, organisationIds: [own.id], action: 'partnership.created', partnershipId, details: { naam } });
    for (const partner of partners) {
      await insertProposal(trx, { partnershipId, organisationId: partner.id, proposedBy: own.id });
      await auditPartnership(trx, {
        actorUserId: auth.user.id,
        organisationIds: [own.id, partner.id],
        action: 'partnership.partner_proposed',
        partnershipId,
        details: { naam, organisatie: partner.naam, voorgesteldDoor: own.naam },
      });
      mails.push(await notifyProposal(trx, opts.notifier, { actorNaam: auth.user.naam, proposerNaam: own.naam, partnershipNaam: naam, targetId: partner.id, targetNaam: partner.naam }));
    }
    return { id: partnershipId, sends: mails };
  });
  for (const send of sends) send();
  return getPartnership({ db: opts.db, auth, partnershipId: id });
}

/** Renames a samenwerking (beheerder or ontwikkelaar of a partner); audited in every partner's log. */
export async function renamePartnershipUseCase(opts: UseCaseContext & { partnershipId: string; naam: string }): Promise<SamenwerkingDetail> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  await opts.db.transaction().execute(async (trx) => {
    const current = await lockPartnership(trx, opts.partnershipId);
    if (!current) throw notFound(PARTNERSHIP_NOT_FOUND);
    if (current.naam === opts.naam) return;
    await renamePartnership(trx, current.id, opts.naam);
    await auditPartnership(trx, {
      actorUserId: access.auth.user.id,
      organisationIds: access.memberOrganisationIds,
      action: 'partnership.renamed',
      partnershipId: current.id,
      details: { van: current.naam, naar: opts.naam },
    });
  });
  return getPartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId });
}
