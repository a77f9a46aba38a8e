/**
 * The public check of a result statement (issue 14): anyone with the verification code sees that the result is
 * genuine, and only what makes it checkable: the keuzedeel (code and title), the result, the date of vaststelling,
 * the instelling whose examencommissie vaststelde it and the pupil's initials. No session needed.
 *
 * Guessing is limited per client address (table rate_limit, kind `verificatie-address`, as the sign-in limits):
 * failed look-ups (unknown or malformed codes) count; from the `max`-th in a window every look-up is refused with 429
 * and Retry-After until the window ends. An unknown and a malformed code answer the same 404, which says nothing.
 */
import type { Verificatie } from '../../../shared/vrijstelling-api.js';
import { decide, type LimitPolicy } from '../../auth/rate-limiter.js';
import { initialen, normaliseVerificatiecode } from '../../../domain/examen/verklaring.js';
import { dagInAmsterdam } from '../../../domain/exports/document-model.js';
import type { UseCaseContext } from '../../access/context.js';
import { AppError, notFound } from '../../errors.js';
import { lockCounter, saveCounter } from '../../repositories/rate-limit-repository.js';
import { keuzedeelTitels, resultaatMetCode } from '../../repositories/vrijstelling-repository.js';

export const VERIFICATIE_NOT_FOUND = 'Deze code is niet bekend. Controleer of u hem goed hebt overgenomen.';
const KIND = 'verificatie-address';

/** 20 failed look-ups per address per 15 minutes (a school checking real statements is never stopped). */
export const DEFAULT_VERIFICATIE_LIMIT: LimitPolicy = { max: 20, windowMs: 15 * 60_000 };

export async function verifieerResultaat(opts: UseCaseContext & { code: string; ip: string; limit?: LimitPolicy; now?: () => number }): Promise<Verificatie> {
  // Public: no access decision beyond the limit; the answer holds nothing but the checkable facts.
  const policy = opts.limit ?? DEFAULT_VERIFICATIE_LIMIT;
  const now = (opts.now ?? Date.now)();
  const key = opts.ip.slice(0, 320);
  const code = normaliseVerificatiecode(opts.code);
  const found = await opts.db.transaction().execute(async (trx) => {
    const counter = await lockCounter(trx, KIND, key, new Date(now));
    const fresh = counter.expiresAt.getTime() <= now;
    if (!fresh && counter.count >= policy.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((counter.expiresAt.getTime() - now) / 1000));
      throw new AppError('too_many_requests', 'Te veel onbekende codes geprobeerd. Probeer het later opnieuw.', { retryAfterSeconds });
    }
    const r = code ? await resultaatMetCode(trx, code) : undefined;
    if (!r) {
      const next = decide(policy, counter, now);
      if ('counter' in next) await saveCounter(trx, KIND, key, next.counter);
    }
    return r;
  });
  if (!found || !found.keuzedeelResultaat || !found.vastgesteldOp || !found.verificatiecode) throw notFound(VERIFICATIE_NOT_FOUND);
  const titels = await keuzedeelTitels(opts.db, [found.keuzedeelCode]);
  const dag = dagInAmsterdam(found.vastgesteldOp)!;
  return {
    verificatiecode: found.verificatiecode,
    keuzedeel: { code: found.keuzedeelCode, titel: titels.get(found.keuzedeelCode) ?? null },
    resultaat: found.keuzedeelResultaat,
    datum: `${dag.jaar}-${String(dag.maand).padStart(2, '0')}-${String(dag.dag).padStart(2, '0')}`,
    examencommissie: found.examencommissie,
    initialen: initialen(found.roepnaam, found.tussenvoegsel, found.achternaam),
  };
}
