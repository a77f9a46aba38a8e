/**
 * What the access checks of issue 14 read (server/access/examen.ts): the owner of a cohort, the parties of an exam
 * and the assessors its plan names. Nothing about pupils.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CohortAccessRow {
  id: string;
  organisationId: string;
  leerrouteId: string;
  partnershipId: string;
}

export async function findCohortAccessRow(db: Db, cohortId: string): Promise<CohortAccessRow | undefined> {
  const row = await db
    .selectFrom('cohort')
    .innerJoin('leerroute', 'leerroute.id', 'cohort.leerroute_id')
    .select(['cohort.id', 'cohort.organisation_id', 'cohort.leerroute_id', 'leerroute.partnership_id'])
    .where('cohort.id', '=', cohortId)
    .executeTakeFirst();
  return row && { id: row.id, organisationId: row.organisation_id, leerrouteId: row.leerroute_id, partnershipId: row.partnership_id };
}

export interface ExamenAccessRow {
  id: string;
  partnershipId: string;
  leerrouteId: string;
  cohortId: string;
  vmboOrganisationId: string;
  mboOrganisationId: string;
  keuzedeelCode: string;
  /** The assessors named by the newest vastgesteld plan version (else the newest version); null: not named. */
  examinatorId: string | null;
  beoordelaarId: string | null;
}

export async function findExamenAccessRow(db: Db, examenId: string): Promise<ExamenAccessRow | undefined> {
  const row = await db
    .selectFrom('examen')
    .select(['id', 'partnership_id', 'leerroute_id', 'cohort_id', 'vmbo_organisation_id', 'mbo_organisation_id', 'keuzedeel_code'])
    .where('id', '=', examenId)
    .executeTakeFirst();
  if (!row) return undefined;
  const plans = await db
    .selectFrom('examenplan')
    .select(['status', 'versienummer', 'inhoud'])
    .where('examen_id', '=', examenId)
    .orderBy('versienummer', 'desc')
    .execute();
  const plan = plans.find((p) => p.status === 'vastgesteld') ?? plans[0];
  const inhoud = (typeof plan?.inhoud === 'string' ? JSON.parse(plan.inhoud) : plan?.inhoud) as { examinatorId?: string | null; beoordelaarId?: string | null } | undefined;
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    leerrouteId: row.leerroute_id,
    cohortId: row.cohort_id,
    vmboOrganisationId: row.vmbo_organisation_id,
    mboOrganisationId: row.mbo_organisation_id,
    keuzedeelCode: row.keuzedeel_code,
    examinatorId: inhoud?.examinatorId ?? null,
    beoordelaarId: inhoud?.beoordelaarId ?? null,
  };
}
