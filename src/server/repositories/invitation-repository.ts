/** Invitations to an organisation, by the sha256 of the token (the token itself is only in the e-mail). */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../domain/auth/rules.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface InvitationRow {
  id: string;
  organisationId: string;
  email: string;
  rol: Role;
  /** Null once the account that sent it is deleted. */
  invitedBy: string | null;
  expiresAt: Date;
  /** The pupil record whose account this invitation makes (rol leerling, issue 14); null for staff invitations. */
  leerlingId: string | null;
}

export async function insertInvitation(
  db: Db,
  i: { tokenHash: string; organisationId: string; email: string; rol: Role; invitedBy: string; expiresAt: Date; leerlingId?: string | null },
): Promise<string> {
  const row = await db
    .insertInto('invitation')
    .values({ token_hash: i.tokenHash, organisation_id: i.organisationId, email: i.email.toLowerCase(), rol: i.rol, invited_by: i.invitedBy, expires_at: i.expiresAt, leerling_id: i.leerlingId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const toRow = (r: { id: string; organisation_id: string; email: string; rol: Role; invited_by: string | null; expires_at: Date; leerling_id: string | null }): InvitationRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  email: r.email,
  rol: r.rol,
  invitedBy: r.invited_by,
  expiresAt: new Date(r.expires_at),
  leerlingId: r.leerling_id,
});

/** An invitation that is neither accepted nor expired. */
export async function findLiveInvitation(db: Db, tokenHash: string, now: Date): Promise<InvitationRow | undefined> {
  const row = await db
    .selectFrom('invitation')
    .select(['id', 'organisation_id', 'email', 'rol', 'invited_by', 'expires_at', 'leerling_id'])
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && toRow(row);
}

/** Marks a live invitation accepted, in one statement (single use under concurrency); undefined when it was not live. */
export async function consumeInvitation(db: Db, id: string, acceptedBy: string, now: Date): Promise<InvitationRow | undefined> {
  const row = await db
    .updateTable('invitation')
    .set({ accepted_at: now, accepted_by: acceptedBy })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'organisation_id', 'email', 'rol', 'invited_by', 'expires_at', 'leerling_id'])
    .executeTakeFirst();
  return row && toRow(row);
}
