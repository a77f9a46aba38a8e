/**
 * Issue 16: watching a catalogue item (anyone signed in: a keuzevak, kwalificatie or keuzedeel; the mail about a
 * change comes with the import), and the account setting that turns these mails off.
 */
import type { ImpactMail, VolgStatus } from '../../../shared/impact-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';
import * as repo from '../../repositories/impact-repository.js';

export async function volgStatus(opts: UseCaseContext & { item: string }): Promise<VolgStatus> {
  const auth = requireAuth(opts.auth);
  return { item: opts.item, volgen: await repo.isWatching(opts.db, auth.user.id, opts.item) };
}

export async function zetVolgen(opts: UseCaseContext & { item: string; volgen: boolean }): Promise<VolgStatus> {
  const auth = requireAuth(opts.auth);
  await repo.watch(opts.db, auth.user.id, opts.item, opts.volgen);
  return { item: opts.item, volgen: opts.volgen };
}

export async function impactMailInstelling(opts: UseCaseContext): Promise<ImpactMail> {
  const auth = requireAuth(opts.auth);
  return { aan: await repo.impactMail(opts.db, auth.user.id) };
}

export async function zetImpactMail(opts: UseCaseContext & { aan: boolean }): Promise<ImpactMail> {
  const auth = requireAuth(opts.auth);
  await repo.setImpactMail(opts.db, auth.user.id, opts.aan);
  return { aan: opts.aan };
}
