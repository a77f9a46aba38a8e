/**
 * Reviewing the crosswalk of a samenwerking (partnership.write): confirm, reject or retype a suggested link, add a
 * link the engine missed, and mark an item as deliberately unlinked. Every action is kept in the append-only
 * history (crosswalk_review) and in the audit log of the reviewer's organisation.
 */
import { applyReview, reviewRefusal, type RelatieType } from '../../../domain/crosswalk/crosswalk.js';
import { isEindtermId, parseMboItemId } from '../../../domain/inventory/ids.js';
import type { BeoordeeldeKoppeling, Crosswalk } from '../../../shared/inventory-api.js';
import { validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { alignerOf } from './aligner.js';

export interface CatalogueItemText {
  id: string;
  code: string;
  titel: string;
  text: string;
}

/** An eindterm (by SLO id) as it is in the catalogue now, or null. */
export function eindtermIn(snapshot: CatalogSnapshot, id: string): CatalogueItemText | null {
  const row = isEindtermId(id) ? snapshot.byId.get(id) : undefined;
  if (!row || row.kind !== 'eindterm' || row.status !== 'actief') return null;
  return { id, code: row.code, titel: row.title, text: row.title };
}

/** A werkproces (`crebo:code`) or keuzedeel (`keuzedeel:code`) as it is in the catalogue now, or null. */
export function mboItemIn(snapshot: CatalogSnapshot, id: string): CatalogueItemText | null {
  const ref = parseMboItemId(id);
  if (!ref) return null;
  if (ref.soort === 'keuzedeel') {
    const kd = snapshot.mbo.keuzedelen.get(ref.code);
    return kd ? { id, code: kd.code, titel: kd.titel, text: kd.omschrijving ? `${kd.titel}. ${kd.omschrijving}` : kd.titel } : null;
  }
  const k = snapshot.mbo.kwalificaties.get(ref.crebo);
  if (!k) return null;
  for (const kt of snapshot.mbo.kerntakenOf(k).kerntaken) {
    const w = kt.werkprocessen.find((x) => x.code === ref.code);
    if (w) return { id, code: w.code, titel: w.titel, text: w.titel };
  }
  return null;
}

/** The reviewer's own organisation in the samenwerking (for the audit log). */
function reviewerOrganisation(access: PartnershipAccess): string | null {
  return access.auth.memberships.map((m) => m.organisationId).find((id) => access.memberOrganisationIds.includes(id)) ?? null;
}

export async function reviewLink(opts: UseCaseContext & {
  partnershipId: string;
  input: { eindtermId: string; werkprocesId: string; actie: 'bevestigen' | 'afwijzen' | 'toevoegen' | 'herstellen'; relatie?: RelatieType; toelichting?: string };
}): Promise<BeoordeeldeKoppeling | null> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const { input } = opts;
  if (input.actie === 'afwijzen' && input.relatie) throw validationFailed('Een afgewezen koppeling heeft geen type.', [{ path: 'relatie', message: 'laat leeg bij afwijzen' }]);
  const snapshot = await snapshotOf(opts.db);
  const eindterm = eindtermIn(snapshot, input.eindtermId);
  const werkproces = mboItemIn(snapshot, input.werkprocesId);
  const errors = [
    ...(eindterm ? [] : [{ path: 'eindtermId', message: 'Deze eindterm staat niet in de catalogus.' }]),
    ...(werkproces ? [] : [{ path: 'werkprocesId', message: 'Dit werkproces of keuzedeel staat niet in de catalogus.' }]),
  ];
  if (errors.length > 0) throw validationFailed(errors.map((e) => e.message).join(' '), errors);
  const toelichting = input.toelichting?.trim() ? input.toelichting.trim() : null;
  const voorgesteld = alignerOf(snapshot).align([{ id: eindterm!.id, code: eindterm!.code, text: eindterm!.text }], [{ id: werkproces!.id, code: werkproces!.code, text: werkproces!.text }]).length > 0;
  const userId = access.auth.user.id;

  await opts.db.transaction().execute(async (trx) => {
    const bestaand = await crosswalk.findLink(trx, opts.partnershipId, input.eindtermId, input.werkprocesId);
    const refusal = reviewRefusal(bestaand, input.actie);
    if (refusal) throw validationFailed(refusal, [{ path: 'actie', message: refusal }]);
    const state = applyReview(bestaand, input.actie, input.relatie ?? null, voorgesteld);
    // Restoring a rejected suggestion forgets the review: the pair is a suggestion again (the history keeps it all).
    if (state) await crosswalk.upsertLink(trx, { partnershipId: opts.partnershipId, eindtermId: input.eindtermId, werkprocesId: input.werkprocesId, ...state, toelichting, userId });
    else await crosswalk.deleteLink(trx, opts.partnershipId, input.eindtermId, input.werkprocesId);
    await crosswalk.appendReview(trx, { partnershipId: opts.partnershipId, eindtermId: input.eindtermId, werkprocesId: input.werkprocesId, itemId: null, actie: input.actie, relatie: state?.relatie ?? null, toelichting, userId });
    await appendAudit(trx, {
      actorUserId: userId,
      organisationId: reviewerOrganisation(access),
      action: `crosswalk.${input.actie}`,
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { eindterm: eindterm!.code, werkproces: input.werkprocesId, relatie: state?.relatie ?? null },
    });
  });
  // null: the pair has no reviewed state any more (a restored suggestion).
  return crosswalk.findLink(opts.db, opts.partnershipId, input.eindtermId, input.werkprocesId);
}

export async function markUnlinked(opts: UseCaseContext & {
  partnershipId: string;
  input: { itemId: string; bewustNietGekoppeld: boolean; toelichting?: string };
}): Promise<{ itemId: string; bewustNietGekoppeld: boolean }> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const snapshot = await snapshotOf(opts.db);
  const item = isEindtermId(opts.input.itemId) ? eindtermIn(snapshot, opts.input.itemId) : mboItemIn(snapshot, opts.input.itemId);
  if (!item) throw validationFailed('Dit item staat niet in de catalogus.', [{ path: 'itemId', message: 'onbekend item' }]);
  const toelichting = opts.input.toelichting?.trim() ? opts.input.toelichting.trim() : null;
  // Issue 12: "bewust niet gekoppeld" is a decision the partner school must be able to follow: it needs a reason.
  if (opts.input.bewustNietGekoppeld && !toelichting) {
    throw validationFailed('Geef een toelichting: waarom wordt dit item bewust niet gekoppeld?', [{ path: 'toelichting', message: 'Geef een toelichting: waarom wordt dit item bewust niet gekoppeld?' }]);
  }
  const userId = access.auth.user.id;
  const actie = opts.input.bewustNietGekoppeld ? 'niet-koppelen' : 'wel-koppelen';
  await opts.db.transaction().execute(async (trx) => {
    await crosswalk.setUnlinked(trx, { partnershipId: opts.partnershipId, itemId: item.id, unlinked: opts.input.bewustNietGekoppeld, toelichting, userId });
    await crosswalk.appendReview(trx, { partnershipId: opts.partnershipId, eindtermId: null, werkprocesId: null, itemId: item.id, actie, relatie: null, toelichting, userId });
    await appendAudit(trx, {
      actorUserId: userId,
      organisationId: reviewerOrganisation(access),
      action: `crosswalk.${actie}`,
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { item: item.code },
    });
  });
  return { itemId: item.id, bewustNietGekoppeld: opts.input.bewustNietGekoppeld };
}

export async function getCrosswalk(opts: UseCaseContext & { partnershipId: string }): Promise<Crosswalk> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const [links, nietGekoppeld, geschiedenis] = await Promise.all([
    crosswalk.listLinks(opts.db, opts.partnershipId),
    crosswalk.listUnlinked(opts.db, opts.partnershipId),
    crosswalk.listReviews(opts.db, opts.partnershipId),
  ]);
  return { links, nietGekoppeld, geschiedenis };
}
