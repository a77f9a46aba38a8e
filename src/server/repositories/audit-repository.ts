/** The append-only audit log: this module only inserts and reads (the database refuses changes). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AuditEntry {
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: e.actorUserId,
      organisation_id: e.organisationId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: { id: string; naam: string } | null;
  /** As stored (ids only), for the sentence. */
  actorUserId: string | null;
  organisationId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

/** Ids whose names the entries of a log mention (see domain/audit/sentences benodigdeNamen). */
export interface NameRequest {
  personen: Iterable<string>;
  organisaties: Iterable<string>;
  samenwerkingen: Iterable<string>;
  leerroutes: Iterable<string>;
}

/**
 * The current names behind the ids of audit entries, one query per kind. An id that is gone (a deleted account,
 * samenwerking or leerroute) is simply absent. Only called with ids from entries the reader may already see.
 */
export async function namesForAudit(
  db: Db,
  ids: NameRequest,
): Promise<{ personen: Map<string, string>; organisaties: Map<string, string>; samenwerkingen: Map<string, string>; leerroutes: Map<string, string> }> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const only = (xs: Iterable<string>): string[] => [...new Set(xs)].filter((x) => uuid.test(x));
  const [p, o, s, l] = [only(ids.personen), only(ids.organisaties), only(ids.samenwerkingen), only(ids.leerroutes)];
  const [users, orgs, partnerships, routes] = await Promise.all([
    p.length ? db.selectFrom('app_user').select(['id', 'naam']).where('id', 'in', p).execute() : [],
    o.length ? db.selectFrom('organisation').select(['id', 'naam']).where('id', 'in', o).execute() : [],
    s.length ? db.selectFrom('partnership').select(['id', 'naam']).where('id', 'in', s).execute() : [],
    l.length ? db.selectFrom('leerroute').select(['id', 'naam']).where('id', 'in', l).execute() : [],
  ]);
  const map = (rows: Array<{ id: string; naam: string }>) => new Map(rows.map((r) => [r.id, r.naam]));
  return { personen: map(users), organisaties: map(orgs), samenwerkingen: map(partnerships), leerroutes: map(routes) };
}

/** The newest entries of one organisation, only when `actorUserId` is a member of it (else empty). */
export async function auditOfOrganisation(db: Db, actorUserId: string, organisationId: string, limit = 200): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_user_id')
    .select(['l.id', 'l.at', 'l.actor_user_id', 'u.naam', 'l.action', 'l.subject_type', 'l.subject_id', 'l.details'])
    .where('l.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(eb.selectFrom('membership as a').select('a.rol').where('a.organisation_id', '=', organisationId).where('a.user_id', '=', actorUserId)),
    )
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at),
    actor: r.actor_user_id ? { id: r.actor_user_id, naam: r.naam ?? '(verwijderd)' } : null,
    actorUserId: r.actor_user_id,
    organisationId,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));
}
