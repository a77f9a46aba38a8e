/**
 * Opening a region's menukaart or one of its modules through the pure rules of src/domain/menukaart/rules.ts: the
 * first statement of every signed-in menukaart use case. Outsiders get a 404 (like a region or module that does not
 * exist), a role without the right a 403.
 */
import type { Kysely, Transaction } from 'kysely';
import { decideMenukaart, type MenukaartActie, type MenukaartScope } from '../../../domain/menukaart/rules.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../errors.js';
import * as repo from '../../repositories/menukaart-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { AuthContext } from '../../access/context.js';

export const REGIO_NOT_FOUND = 'Deze regio bestaat niet of u hebt er geen toegang toe.';
export const MODULE_NOT_FOUND = 'Deze module bestaat niet of u hebt er geen toegang toe.';

export interface RegioAccess {
  auth: AuthContext;
  regio: repo.RegioRow;
  scholen: Array<{ id: string; naam: string }>;
  scope: MenukaartScope;
}

function check(auth: AuthContext, actie: MenukaartActie, scope: MenukaartScope, melding: string, module?: { aanbiederId: string }): void {
  const d = decideMenukaart(auth.actor, actie, scope, module);
  if (d === 'not_found') throw notFound(melding);
  if (d === 'forbidden') throw forbidden();
}

export async function openRegio(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; regioId: string; actie: MenukaartActie }): Promise<RegioAccess> {
  const auth = requireAuth(opts.auth);
  const regio = await repo.findRegio(opts.db, opts.regioId);
  if (!regio) throw notFound(REGIO_NOT_FOUND);
  const scholen = await repo.regioScholen(opts.db, regio.id);
  const scope = { regioId: regio.id, scholen: scholen.map((s) => s.id) };
  check(auth, opts.actie, scope, REGIO_NOT_FOUND);
  return { auth, regio, scholen, scope };
}

export interface ModuleAccess extends RegioAccess {
  module: repo.ModuleRow;
}

/** `lock`: in a transaction, the module row is locked until it ends. */
export async function openModule(opts: { db: Kysely<DB> | Transaction<DB>; auth: AuthContext | null; moduleId: string; actie: MenukaartActie; lock?: boolean }): Promise<ModuleAccess> {
  const auth = requireAuth(opts.auth);
  const module = opts.lock ? await repo.lockModule(opts.db as Transaction<DB>, opts.moduleId) : await repo.findModule(opts.db, opts.moduleId);
  if (!module) throw notFound(MODULE_NOT_FOUND);
  const regio = await repo.findRegio(opts.db, module.regioId);
  if (!regio) throw notFound(MODULE_NOT_FOUND);
  const scholen = await repo.regioScholen(opts.db, regio.id);
  const scope = { regioId: regio.id, scholen: scholen.map((s) => s.id) };
  // Reading first: an outsider learns nothing (404) whatever the action.
  check(auth, 'lezen', scope, MODULE_NOT_FOUND);
  check(auth, opts.actie, scope, MODULE_NOT_FOUND, module);
  return { auth, regio, scholen, scope, module };
}
