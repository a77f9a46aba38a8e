/**
 * Who is asking, and the one context every use case receives (issue 11: one home for access). A use case's options
 * are `UseCaseContext & { …its own input }`: the database handle and the signed-in user (null when anonymous); the
 * use case's first statement is the access decision (`requireAuth`, `authorizePartnership`, `authorizeOrganisation`,
 * `openRoute`, the platform rights in this folder), which the pure rules of src/domain/auth/rules.ts make.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/auth/rules.js';
import type { DB } from '../db/schema.js';
import type { MembershipInfo, UserRow } from '../repositories/account-repository.js';

/** Who is asking: the signed-in user with memberships, and the session's CSRF token (resolved by use-cases/auth/session). */
export interface AuthContext {
  sessionId: string;
  user: Omit<UserRow, 'passwordHash' | 'platformBeheerder'>;
  /** May upload tables into the national catalogue (a platform right, not an organisation's). */
  platformBeheerder?: boolean;
  memberships: MembershipInfo[];
  actor: Actor;
  csrfToken: string;
  csrfTokenHash: string;
}

/** What every use case gets: the database handle and who asks (null: not signed in). */
export interface UseCaseContext {
  db: Kysely<DB>;
  auth: AuthContext | null;
}

/** The context after `requireAuth`: someone is signed in. */
export interface AuthedContext extends UseCaseContext {
  auth: AuthContext;
}
