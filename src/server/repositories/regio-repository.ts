/**
 * The member schools of a region (issue 15): organisation.regio_id (migration 0004), and what ties a school to the
 * region's menukaart (its modules there, the pupil choices on them or by its pupils). Every query is scoped to one
 * region and, where it is about one school, to that school.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OrganisationKind } from '../../shared/roles.js';
import type { Binding } from '../../domain/regio/leden.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface RegioRef {
  id: string;
  naam: string;
}

export interface SchoolRow {
  id: string;
  naam: string;
  soort: OrganisationKind;
  brin: string | null;
  regioId: string | null;
}

export async function findRegio(db: Db, regioId: string): Promise<RegioRef | undefined> {
  return db.selectFrom('organisation').select(['id', 'naam']).where('id', '=', regioId).where('soort', '=', 'regio').executeTakeFirst();
}

/** An organisation with its region (for the school's page), or undefined. */
export async function findSchool(db: Db, id: string): Promise<SchoolRow | undefined> {
  const r = await db.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin', 'regio_id']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, naam: r.naam, soort: r.soort as OrganisationKind, brin: r.brin, regioId: r.regio_id };
}

/** The school's row, locked until the transaction ends: two changes of its membership never cross. */
export async function lockSchool(trx: Transaction<DB>, id: string): Promise<SchoolRow | undefined> {
  const r = await trx.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin', 'regio_id']).where('id', '=', id).forUpdate().executeTakeFirst();
  return r && { id: r.id, naam: r.naam, soort: r.soort as OrganisationKind, brin: r.brin, regioId: r.regio_id };
}

/** Holds the school's row shared until the transaction ends: a module proposed for it waits for a leave in progress. */
export async function shareLockSchool(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.selectFrom('organisation').select('id').where('id', '=', id).forShare().execute();
}

export async function setRegio(trx: Transaction<DB>, schoolId: string, regioId: string | null): Promise<void> {
  await trx.updateTable('organisation').set({ regio_id: regioId }).where('id', '=', schoolId).execute();
}

/** The member schools of the region, by name. */
export async function ledenVan(db: Db, regioId: string): Promise<SchoolRow[]> {
  const rows = await db.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin', 'regio_id']).where('regio_id', '=', regioId).orderBy('naam').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, soort: r.soort as OrganisationKind, brin: r.brin, regioId: r.regio_id }));
}

/**
 * Schools and instellingen to add, by a part of the name or BRIN number: those in no region, and those in another
 * region (with its name: they cannot be added). The region's own members are left out. At most `limit`, by name.
 */
export async function kandidaten(db: Db, regioId: string, q: string | undefined, limit = 25): Promise<Array<SchoolRow & { regioNaam: string | null }>> {
  let query = db
    .selectFrom('organisation as o')
    .leftJoin('organisation as r', 'r.id', 'o.regio_id')
    .select(['o.id', 'o.naam', 'o.soort', 'o.brin', 'o.regio_id', 'r.naam as regio_naam'])
    .where('o.soort', 'in', ['vmbo-school', 'mbo-instelling'])
    .where((eb) => eb.or([eb('o.regio_id', 'is', null), eb('o.regio_id', '!=', regioId)]))
    .orderBy('o.naam')
    .orderBy('o.id')
    .limit(limit);
  const term = q?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('o.naam', 'ilike', pattern), eb('o.brin', 'ilike', pattern)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, soort: r.soort as OrganisationKind, brin: r.brin, regioId: r.regio_id, regioNaam: r.regio_naam }));
}

export interface ModuleTelling {
  gepubliceerd: string[];
  open: number;
}

/** Per school of the region: the titles of its published modules and the number of its open proposals. */
export async function modulesPerSchool(db: Db, regioId: string, schoolIds: readonly string[]): Promise<Map<string, ModuleTelling>> {
  const result = new Map<string, ModuleTelling>(schoolIds.map((id) => [id, { gepubliceerd: [], open: 0 }]));
  if (schoolIds.length === 0) return result;
  const rows = await db
    .selectFrom('menukaart_module')
    .select(['aanbieder_id', 'titel', 'status'])
    .where('regio_id', '=', regioId)
    .where('aanbieder_id', 'in', [...schoolIds])
    .where('status', 'in', ['gepubliceerd', 'voorgesteld', 'teruggestuurd'])
    .orderBy('titel')
    .execute();
  for (const r of rows) {
    const t = result.get(r.aanbieder_id)!;
    if (r.status === 'gepubliceerd') t.gepubliceerd.push(r.titel);
    else t.open += 1;
  }
  return result;
}

/**
 * Per school of the region: the pupil choices of schooljaar `vanaf` or later that are waiting or approved, on a module
 * of the school or by a pupil of the school (a choice of a pupil of one member school on another's module counts for
 * both).
 */
export async function keuzesPerSchool(db: Db, regioId: string, schoolIds: readonly string[], vanaf: string): Promise<Map<string, { open: number; goedgekeurd: number }>> {
  const result = new Map(schoolIds.map((id) => [id, { open: 0, goedgekeurd: 0 }]));
  if (schoolIds.length === 0) return result;
  const rows = await db
    .selectFrom('menukaart_keuze as k')
    .innerJoin('menukaart_module as m', 'm.id', 'k.module_id')
    .select(['k.id', 'k.status', 'k.school_id', 'm.aanbieder_id'])
    .where('m.regio_id', '=', regioId)
    .where('k.status', 'in', ['aangevraagd', 'goedgekeurd'])
    .where('k.schooljaar', '>=', vanaf)
    .where((eb) => eb.or([eb('k.school_id', 'in', [...schoolIds]), eb('m.aanbieder_id', 'in', [...schoolIds])]))
    .execute();
  for (const r of rows) {
    for (const id of new Set([r.school_id, r.aanbieder_id])) {
      const t = result.get(id);
      if (!t) continue;
      if (r.status === 'goedgekeurd') t.goedgekeurd += 1;
      else t.open += 1;
    }
  }
  return result;
}

/** What ties one school to the region's menukaart now (see domain/regio/leden.ts). */
export async function bindingVan(db: Db, regioId: string, schoolId: string, schooljaar: string): Promise<Binding> {
  const modules = (await modulesPerSchool(db, regioId, [schoolId])).get(schoolId)!;
  const keuzes = (await keuzesPerSchool(db, regioId, [schoolId], schooljaar)).get(schoolId)!;
  return { gepubliceerd: modules.gepubliceerd, keuzesOpen: keuzes.open, keuzesGoedgekeurd: keuzes.goedgekeurd, schooljaar };
}

/**
 * The school's modules on the region's menukaart, locked until the transaction ends (a pupil's choice locks its module
 * row too, so no choice slips in while the school leaves).
 */
export async function lockModulesVan(trx: Transaction<DB>, regioId: string, schoolId: string): Promise<Array<{ id: string; titel: string; status: string; versie: number }>> {
  return trx
    .selectFrom('menukaart_module')
    .select(['id', 'titel', 'status', 'versie'])
    .where('regio_id', '=', regioId)
    .where('aanbieder_id', '=', schoolId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Withdraws a waiting or returned proposal (status ingetrokken, versie + 1). */
export async function trekVoorstelIn(trx: Transaction<DB>, moduleId: string): Promise<void> {
  await trx
    .updateTable('menukaart_module')
    .set({ status: 'ingetrokken', reden_teruggestuurd: null, versie: sql<number>`versie + 1`, updated_at: new Date() })
    .where('id', '=', moduleId)
    .where('status', 'in', ['voorgesteld', 'teruggestuurd'])
    .execute();
}

/** The slug of the region's menukaart, when it has one. */
export async function menukaartSlug(db: Db, regioId: string): Promise<string | null> {
  return (await db.selectFrom('menukaart').select('slug').where('regio_id', '=', regioId).executeTakeFirst())?.slug ?? null;
}
