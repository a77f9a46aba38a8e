/**
 * Crosswalks that travel (issue 18): a CASE 1.1 package of associations imported into a samenwerking. Links whose
 * items the catalogue knows become proposals (crosswalk_voorstel) that a partner confirms or rejects; nothing is
 * confirmed silently. Unknown items are listed with the reason. `dryRun`: only the preview. The import is one
 * transaction (all proposals or none) with a history row per link ('importeren', by the importer) and one audit entry.
 */
import { diffImport, readCaseAssociations, type ExistingPair, type ImportedLink } from '../../../domain/crosswalk/case-import.js';
import type { RelatieType } from '../../../domain/crosswalk/crosswalk.js';
import { isEindtermId } from '../../../domain/inventory/ids.js';
import type { ImportKoppeling, ImportVoorbeeld, Voorstel } from '../../../shared/case-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { caseFrameworksFor, endResolverOf } from '../../read-models/case-frameworks.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as voorstellen from '../../repositories/case-voorstel-repository.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import { eindtermIn, mboItemIn } from '../inventory/review-crosswalk.js';

function organisationOf(access: PartnershipAccess): string | null {
  return access.auth.memberships.map((m) => m.organisationId).find((id) => access.memberOrganisationIds.includes(id)) ?? null;
}

export const label = (snapshot: CatalogSnapshot, id: string) => {
  const item = isEindtermId(id) ? eindtermIn(snapshot, id) : mboItemIn(snapshot, id);
  return item ? `${item.code} ${item.titel}` : id;
};
export const labelled = (snapshot: CatalogSnapshot, l: ImportedLink): ImportKoppeling => ({ ...l, eindterm: label(snapshot, l.eindtermId), werkproces: label(snapshot, l.werkprocesId) });

export async function existingPairs(db: UseCaseContext['db'], partnershipId: string): Promise<ExistingPair[]> {
  const [links, open] = await Promise.all([crosswalk.listLinks(db, partnershipId), voorstellen.listVoorstellen(db, partnershipId)]);
  return [
    ...links.map((l) => ({ eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, status: l.status, relatie: l.relatie, toelichting: l.toelichting })),
    ...open.map((v) => ({ eindtermId: v.eindtermId, werkprocesId: v.werkprocesId, status: 'voorstel' as const, relatie: v.relatie, toelichting: v.toelichting })),
  ];
}

/** Writes the proposals of a preview (new and changed pairs), each with its history row, and one audit entry. */
export async function storeProposals(
  opts: UseCaseContext & {
    access: PartnershipAccess;
    partnershipId: string;
    links: readonly ImportedLink[];
    /** Confirmed links removed from a spreadsheet of this samenwerking's own crosswalk: rejected by the importer. */
    removals?: readonly ExistingPair[];
    bron: 'case' | 'xlsx';
    bronNaam: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const userId = opts.access.auth.user.id;
  await opts.db.transaction().execute(async (trx) => {
    for (const r of opts.removals ?? []) {
      const toelichting = `Verwijderd in de import van ${opts.bronNaam ?? 'een spreadsheet'}`;
      await crosswalk.upsertLink(trx, { partnershipId: opts.partnershipId, eindtermId: r.eindtermId, werkprocesId: r.werkprocesId, status: 'afgewezen', herkomst: 'voorgesteld', relatie: null, toelichting, userId });
      await crosswalk.appendReview(trx, { partnershipId: opts.partnershipId, eindtermId: r.eindtermId, werkprocesId: r.werkprocesId, itemId: null, actie: 'afwijzen', relatie: null, toelichting, userId });
    }
    for (const l of opts.links) {
      await voorstellen.upsertVoorstel(trx, { partnershipId: opts.partnershipId, eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, relatie: l.relatie, toelichting: l.toelichting, bron: opts.bron, bronNaam: opts.bronNaam, userId });
      await crosswalk.appendReview(trx, { partnershipId: opts.partnershipId, eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, itemId: null, actie: 'importeren', relatie: l.relatie, toelichting: l.toelichting, userId });
    }
    await appendAudit(trx, {
      actorUserId: userId,
      organisationId: organisationOf(opts.access),
      action: 'crosswalk.importeren',
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { bron: opts.bron, bestand: opts.bronNaam, voorstellen: opts.links.length, verwijderd: opts.removals?.length ?? 0, ...opts.details },
    });
  });
}

export async function importCaseCrosswalk(opts: UseCaseContext & { partnershipId: string; pakket: unknown; bestand?: string; dryRun: boolean }): Promise<ImportVoorbeeld> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const snapshot = await snapshotOf(opts.db);
  const reading = readCaseAssociations(opts.pakket, endResolverOf(caseFrameworksFor(snapshot)));
  if ('fouten' in reading) throw new AppError('import_invalid', `Dit CASE-pakket kan niet worden gelezen: ${reading.fouten.slice(0, 3).map((f) => `${f.path} ${f.message}`).join('; ')}`, { errors: reading.fouten.slice(0, 100) });
  const diff = diffImport(reading.links, await existingPairs(opts.db, opts.partnershipId));
  const proposals = [...diff.nieuw, ...diff.gewijzigd];
  const apply = !opts.dryRun && proposals.length > 0;
  if (apply) {
    await storeProposals({ ...opts, access, links: proposals, bron: 'case', bronNaam: opts.bestand ?? null, details: { onbekend: reading.onbekend.length } });
  }
  return {
    toegepast: apply,
    nieuw: diff.nieuw.map((l) => labelled(snapshot, l)),
    gewijzigd: diff.gewijzigd.map((l) => ({ ...labelled(snapshot, l), was: l.was })),
    ongewijzigd: diff.ongewijzigd.length,
    verwijderd: [],
    onbekend: reading.onbekend,
    structuur: reading.structuur,
  };
}

export async function listProposals(opts: UseCaseContext & { partnershipId: string }): Promise<Voorstel[]> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const [snapshot, open] = await Promise.all([snapshotOf(opts.db), voorstellen.listVoorstellen(opts.db, opts.partnershipId)]);
  return open.map((v) => ({ ...v, eindterm: label(snapshot, v.eindtermId), werkproces: label(snapshot, v.werkprocesId) }));
}

/** Confirms (with the proposed or a chosen type) or rejects a proposal: it becomes a reviewed link, attributed to the reviewer. */
export async function reviewProposal(opts: UseCaseContext & { partnershipId: string; input: { eindtermId: string; werkprocesId: string; actie: 'bevestigen' | 'afwijzen'; relatie?: RelatieType } }): Promise<{ eindtermId: string; werkprocesId: string; status: 'bevestigd' | 'afgewezen' }> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const { input } = opts;
  if (input.actie === 'afwijzen' && input.relatie) throw validationFailed('Een afgewezen koppeling heeft geen type.', [{ path: 'relatie', message: 'laat leeg bij afwijzen' }]);
  const snapshot = await snapshotOf(opts.db);
  const userId = access.auth.user.id;
  const status = input.actie === 'bevestigen' ? ('bevestigd' as const) : ('afgewezen' as const);
  await opts.db.transaction().execute(async (trx) => {
    const open = (await voorstellen.listVoorstellen(trx, opts.partnershipId)).find((v) => v.eindtermId === input.eindtermId && v.werkprocesId === input.werkprocesId);
    if (!open) throw notFound('Dit voorstel bestaat niet (meer) in deze samenwerking.');
    if (!eindtermIn(snapshot, input.eindtermId) || !mboItemIn(snapshot, input.werkprocesId)) {
      throw validationFailed('Een item van dit voorstel staat niet meer in de catalogus; wijs het af.', [{ path: 'actie', message: 'item niet in de catalogus' }]);
    }
    const relatie = status === 'bevestigd' ? (input.relatie ?? open.relatie) : null;
    await crosswalk.upsertLink(trx, { partnershipId: opts.partnershipId, eindtermId: input.eindtermId, werkprocesId: input.werkprocesId, status, herkomst: 'voorgesteld', relatie, toelichting: open.toelichting, userId });
    await voorstellen.deleteVoorstel(trx, opts.partnershipId, input.eindtermId, input.werkprocesId);
    await crosswalk.appendReview(trx, { partnershipId: opts.partnershipId, eindtermId: input.eindtermId, werkprocesId: input.werkprocesId, itemId: null, actie: input.actie, relatie, toelichting: open.toelichting, userId });
    await appendAudit(trx, {
      actorUserId: userId,
      organisationId: organisationOf(access),
      action: `crosswalk.${input.actie}`,
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { eindterm: eindtermIn(snapshot, input.eindtermId)!.code, werkproces: input.werkprocesId, relatie, voorstel: open.bron },
    });
  });
  return { eindtermId: input.eindtermId, werkprocesId: input.werkprocesId, status };
}
