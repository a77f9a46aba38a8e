/**
 * The mail outbox (migration 0017): mails and mail-composing jobs waiting to be sent, shared by every instance on the
 * database. The sending rules (who claims what, backoff, retention) are in mail/mailer.ts; here only the queries.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OutboxRow {
  id: number;
  kind: 'mail' | 'compose';
  composer: string | null;
  recipient: string;
  subject: string | null;
  body: string | null;
  origin: string;
  createdAt: Date;
  attempts: number;
}

export async function insertOutboxMail(db: Db, m: { to: string; subject: string; text: string; origin: string; now: Date }): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ kind: 'mail', composer: null, recipient: m.to, subject: m.subject, body: m.text, origin: m.origin, created_at: m.now, next_attempt_at: m.now })
    .execute();
}

/** A job that composes its mail when it is sent: only the address and the time are stored. */
export async function insertComposeJob(db: Db, j: { composer: string; address: string; origin: string; now: Date }): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ kind: 'compose', composer: j.composer, recipient: j.address, subject: null, body: null, origin: j.origin, created_at: j.now, next_attempt_at: j.now })
    .execute();
}

/**
 * Claims up to `limit` due rows for `claimant` until `leaseUntil` (and counts the attempt): rows not sent, not given
 * up, due, not claimed by someone else whose lease still runs, and either inserted by `origin` or due since
 * `othersDueBefore` (another instance's rows are taken over only when that one has not sent them in time). Rows
 * another transaction is claiming at this moment are skipped (FOR UPDATE SKIP LOCKED), so no row is claimed twice.
 */
export async function claimDueOutboxRows(
  db: Kysely<DB>,
  c: { claimant: string; origin: string; now: Date; othersDueBefore: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  const result = await sql<{
    id: number | string;
    kind: 'mail' | 'compose';
    composer: string | null;
    recipient: string;
    subject: string | null;
    body: string | null;
    origin: string;
    created_at: Date;
    attempts: number;
  }>`
    UPDATE mail_outbox SET claimed_by = ${c.claimant}, claimed_until = ${c.leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox
      WHERE sent_at IS NULL AND given_up_at IS NULL
        AND (claimed_until IS NULL OR claimed_until <= ${c.now})
        AND ((origin = ${c.origin} AND next_attempt_at <= ${c.now}) OR next_attempt_at <= ${c.othersDueBefore})
      ORDER BY next_attempt_at, id
      LIMIT ${c.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, composer, recipient, subject, body, origin, created_at, attempts`.execute(db);
  return result.rows
    .map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      composer: r.composer,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      origin: r.origin,
      createdAt: new Date(r.created_at),
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Locks a compose job this claimant holds (null when its lease was lost to another instance, or it is done). */
export async function lockClaimedComposeJob(trx: Transaction<DB>, id: number, claimant: string): Promise<boolean> {
  const row = await trx
    .selectFrom('mail_outbox')
    .select('id')
    .where('id', '=', id)
    .where('claimed_by', '=', claimant)
    .where('kind', '=', 'compose')
    .where('sent_at', 'is', null)
    .where('given_up_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** The composed mail replaces the job (same row, still claimed: the claimant sends it next). */
export async function composeJobBecomesMail(trx: Transaction<DB>, id: number, mail: { to: string; subject: string; text: string }): Promise<void> {
  await trx.updateTable('mail_outbox').set({ kind: 'mail', composer: null, recipient: mail.to, subject: mail.subject, body: mail.text }).where('id', '=', id).execute();
}

export async function deleteOutboxRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('mail_outbox').where('id', '=', id).execute();
}

/** Sent: the content (with its one-time link) is removed at once; the row itself after the retention. False when the claim was lost. */
export async function markOutboxSent(db: Db, id: number, claimant: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('mail_outbox')
    .set({ sent_at: now, subject: null, body: null, claimed_by: null, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .where('claimed_by', '=', claimant)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Failed: tried again from `nextAttemptAt`, or given up (content removed). */
export async function markOutboxFailed(db: Db, id: number, claimant: string, f: { error: string; nextAttemptAt: Date | null; now: Date }): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set(
      f.nextAttemptAt
        ? { claimed_by: null, claimed_until: null, last_error: f.error.slice(0, 200), next_attempt_at: f.nextAttemptAt }
        : { claimed_by: null, claimed_until: null, last_error: f.error.slice(0, 200), given_up_at: f.now, subject: null, body: null },
    )
    .where('id', '=', id)
    .where('claimed_by', '=', claimant)
    .execute();
}

/**
 * How many rows of `origin` are still to be sent now (due, not given up), also those claimed by another instance; and
 * whether any row at all (of any origin) is due but not claimed, to be taken over.
 */
export async function outboxBacklog(db: Kysely<DB>, b: { origin: string; now: Date; othersDueBefore: Date }): Promise<{ own: number; takeover: number }> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => [
      eb.fn.count<number>(sql`CASE WHEN origin = ${b.origin} THEN 1 END`).as('own'),
      eb.fn.count<number>(sql`CASE WHEN origin <> ${b.origin} AND next_attempt_at <= ${b.othersDueBefore} AND (claimed_until IS NULL OR claimed_until <= ${b.now}) THEN 1 END`).as('takeover'),
    ])
    .where('sent_at', 'is', null)
    .where('given_up_at', 'is', null)
    .where('next_attempt_at', '<=', b.now)
    .executeTakeFirstOrThrow();
  return { own: Number(row.own), takeover: Number(row.takeover) };
}

/** Deletes the rows sent or given up before `before` (the retention). */
export async function deleteFinishedOutboxRows(db: Kysely<DB>, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('mail_outbox')
    .where((eb) => eb.or([eb('sent_at', '<', before), eb('given_up_at', '<', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
