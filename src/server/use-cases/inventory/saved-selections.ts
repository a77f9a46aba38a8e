/**
 * Saved selections of the overlap inventory (issue 12): within a samenwerking a selection is saved under a name, listed
 * and opened by both schools, renamed, changed and deleted. Read for staff of the partners (partnership.read), changes
 * for beheerder/ontwikkelaar of a partner (partnership.write), as the crosswalk. Each change: access checked in its
 * transaction, the versie compared (a stale versie is a 409 and changes nothing), an audit entry in the same
 * transaction. A selection must resolve against the catalogue (unknown codes are a 400 naming the field).
 */
import type { Kysely } from 'kysely';
import { can } from '../../../domain/auth/rules.js';
import type { Leerweg } from '../../../shared/catalog-api.js';
import type { Confidence, OpgeslagenSelectie, OpgeslagenSelectieInhoud, OpgeslagenSelecties } from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/inventaris-selectie-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership, type PartnershipAccess } from '../../access/partnership.js';
import { resolveSelection, type SelectionInput } from './selection.js';

export const SELECTIE_NOT_FOUND = 'Deze selectie bestaat niet (meer) in deze samenwerking.';
const stale = () => new AppError('conflict', 'Deze selectie is intussen door iemand anders gewijzigd of verwijderd. Laad de lijst opnieuw; uw wijziging is niet opgeslagen.');
const nameTaken = (naam: string) => new AppError('conflict', `Er is al een selectie met de naam "${naam}" in deze samenwerking. Kies een andere naam; er is niets opgeslagen.`);

/** The parsed selection (after zod: code lists are arrays). */
export interface SelectieInput extends SelectionInput {
  min?: Confidence;
}

/** The selection as stored: every field present, lists as arrays. */
export function normaliseSelectie(q: SelectieInput): OpgeslagenSelectieInhoud {
  return {
    profiel: q.profiel ?? null,
    leerweg: (q.leerweg ?? null) as Leerweg | null,
    keuzevakken: q.keuzevakken ?? [],
    profielmodulen: q.profielmodulen ?? [],
    kwalificatie: q.kwalificatie ?? null,
    keuzedelen: q.keuzedelen ?? [],
    min: q.min ?? null,
    ...(q.profielmodulenVanProfiel ? { profielmodulenVanProfiel: q.profielmodulenVanProfiel } : {}),
  };
}

/** A selection is saved only when it resolves against the catalogue, as the inventory would (field paths under `selectie`). */
async function checked(db: Kysely<DB>, q: SelectieInput): Promise<OpgeslagenSelectieInhoud> {
  const snapshot = await snapshotOf(db);
  try {
    resolveSelection(snapshot, q);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      const errors = (err.details?.errors as Array<{ path: string; message: string }> | undefined) ?? [];
      throw validationFailed(err.message, errors.map((e) => ({ ...e, path: `selectie.${e.path}` })));
    }
    throw err;
  }
  return normaliseSelectie(q);
}

function actingOrganisation(access: PartnershipAccess): string | null {
  return access.auth.memberships.map((m) => m.organisationId).find((id) => access.memberOrganisationIds.includes(id)) ?? null;
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

export async function listSelections(opts: UseCaseContext & { partnershipId: string }): Promise<OpgeslagenSelecties> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const magWijzigen = can(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds });
  return { selecties: await repo.listSelecties(opts.db, opts.partnershipId), magWijzigen };
}

export async function saveSelection(opts: UseCaseContext & {
  partnershipId: string;
  input: { naam: string; selectie: SelectieInput };
}): Promise<OpgeslagenSelectie> {
  // Access first (a 404 or 403 before any word about the selection), then the selection, then the write.
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const selectie = await checked(opts.db, opts.input.selectie);
  const naam = opts.input.naam.trim();
  let id: string;
  try {
    id = await opts.db.transaction().execute(async (trx) => {
      const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
      if (await repo.nameTaken(trx, opts.partnershipId, naam)) throw nameTaken(naam);
      const created = await repo.insertSelectie(trx, { partnershipId: opts.partnershipId, naam, selectie, userId: access.auth.user.id });
      await appendAudit(trx, {
        actorUserId: access.auth.user.id,
        organisationId: actingOrganisation(access),
        action: 'inventaris.selectie.opgeslagen',
        subjectType: 'partnership',
        subjectId: opts.partnershipId,
        details: { selectie: created },
      });
      return created;
    });
  } catch (err) {
    // Two people saving the same name at once: the unique index decides, the second gets the same 409.
    if (isUniqueViolation(err)) throw nameTaken(naam);
    throw err;
  }
  return (await repo.findSelectie(opts.db, opts.partnershipId, id))!;
}

export async function changeSelection(opts: UseCaseContext & {
  partnershipId: string;
  selectieId: string;
  input: { versie: number; naam?: string; selectie?: SelectieInput };
}): Promise<OpgeslagenSelectie> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const selectie = opts.input.selectie ? await checked(opts.db, opts.input.selectie) : undefined;
  const naam = opts.input.naam?.trim();
  try {
    await opts.db.transaction().execute(async (trx) => {
      const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
      const current = await repo.findSelectie(trx, opts.partnershipId, opts.selectieId);
      if (!current) throw notFound(SELECTIE_NOT_FOUND);
      if (current.versie !== opts.input.versie) throw stale();
      if (naam !== undefined && (await repo.nameTaken(trx, opts.partnershipId, naam, opts.selectieId))) throw nameTaken(naam);
      const ok = await repo.updateSelectie(trx, { partnershipId: opts.partnershipId, id: opts.selectieId, versie: opts.input.versie, naam, selectie, userId: access.auth.user.id });
      if (!ok) throw stale();
      await appendAudit(trx, {
        actorUserId: access.auth.user.id,
        organisationId: actingOrganisation(access),
        action: naam !== undefined && naam !== current.naam ? 'inventaris.selectie.hernoemd' : 'inventaris.selectie.gewijzigd',
        subjectType: 'partnership',
        subjectId: opts.partnershipId,
        details: { selectie: opts.selectieId, versie: opts.input.versie + 1 },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err) && naam !== undefined) throw nameTaken(naam);
    throw err;
  }
  return (await repo.findSelectie(opts.db, opts.partnershipId, opts.selectieId))!;
}

export async function deleteSelection(opts: UseCaseContext & { partnershipId: string; selectieId: string; versie: number }): Promise<void> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  await opts.db.transaction().execute(async (trx) => {
    const access = await authorizePartnership({ db: trx, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
    const current = await repo.findSelectie(trx, opts.partnershipId, opts.selectieId);
    if (!current) throw notFound(SELECTIE_NOT_FOUND);
    if (current.versie !== opts.versie || !(await repo.deleteSelectie(trx, opts.partnershipId, opts.selectieId, opts.versie))) throw stale();
    await appendAudit(trx, {
      actorUserId: access.auth.user.id,
      organisationId: actingOrganisation(access),
      action: 'inventaris.selectie.verwijderd',
      subjectType: 'partnership',
      subjectId: opts.partnershipId,
      details: { selectie: opts.selectieId },
    });
  });
}
