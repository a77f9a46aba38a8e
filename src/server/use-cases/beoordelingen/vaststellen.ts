/**
 * Vaststellen of an exam's results (issue 14): the mbo examencommissie takes every open form of the session (the
 * latest attempt of every registered pupil) in one action. When one is incomplete nothing is vastgesteld and the 409
 * lists, per pupil, what is missing. Each form gets status vastgesteld, the date, the member's name and a unique
 * verificatiecode; the exam gets `resultaten_vastgesteld_at`. One transaction with its history and audit entries.
 */
import { nieuweVerificatiecode } from '../../../domain/examen/beoordeling-code.js';
import { onvolledig } from '../../../domain/examen/beoordeling-status.js';
import type { VaststellenResultaat } from '../../../shared/beoordeling-api.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen } from '../../access/examen.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/beoordeling-repository.js';
import { laatstePogingen, planCache, scoreMaps } from './detail.js';
import { vandaag } from './opslaan.js';

export async function vaststellen(opts: UseCaseContext & { examenId: string }): Promise<VaststellenResultaat> {
  const { auth, examen } = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'resultaten.vaststellen' });
  return opts.db.transaction().execute(async (trx) => {
    await repo.lockExamen(trx, opts.examenId);
    const plan = await repo.findVastgesteldPlan(trx, opts.examenId);
    if (!plan) throw new AppError('conflict', 'Dit examen heeft nog geen vastgesteld examenplan, dus er zijn geen beoordelingen om vast te stellen.');
    await repo.ensureForms(trx, opts.examenId, plan.id);
    const open = laatstePogingen(await repo.formsOfExamen(trx, opts.examenId)).filter((f) => f.status === 'open');
    if (open.length === 0) throw new AppError('conflict', 'Er zijn geen open beoordelingen om vast te stellen: alle resultaten van dit examen zijn al vastgesteld.');
    const scoresVan = scoreMaps(await repo.scoresOfExamen(trx, opts.examenId));
    const planVan = planCache(trx);
    const fouten: Array<{ path: string; message: string }> = [];
    for (const f of open) {
      const s = scoresVan(f.id);
      const mist = onvolledig((await planVan(f.examenplanId)).inhoud, {
        scores: { eerste: new Set(s.eerste.keys()), tweede: new Set(s.tweede.keys()) },
        keuzedeelResultaat: f.keuzedeelResultaat,
        keuzedeelCijfer: f.keuzedeelCijfer,
        keuzevakCijfer: f.keuzevakCijfer,
      });
      if (mist.length > 0) fouten.push({ path: `formulieren.${f.id}`, message: `${f.leerling.naam} (${f.leerling.leerlingnummer}): ${mist.join(', ')}` });
    }
    if (fouten.length > 0) {
      const n = fouten.length;
      throw new AppError('conflict', `Niet vastgesteld: ${n === 1 ? 'één formulier is' : `${n} formulieren zijn`} nog niet compleet. ${fouten.map((f) => f.message).join('; ')}.`, { errors: fouten });
    }
    // One unique code per form: drawn, checked against the codes in use in one query, redrawn where taken.
    const codes = new Map<string, string>();
    const gebruikt = new Set<string>();
    let nodig = open.map((f) => f.id);
    while (nodig.length > 0) {
      const kandidaten = nodig.map((id) => [id, nieuweVerificatiecode()] as const).filter(([, c]) => !gebruikt.has(c));
      const bezet = await repo.bestaandeVerificatiecodes(trx, kandidaten.map(([, c]) => c));
      for (const [id, c] of kandidaten) if (!bezet.has(c) && !gebruikt.has(c)) (codes.set(id, c), gebruikt.add(c));
      nodig = nodig.filter((id) => !codes.has(id));
    }
    await repo.vaststelForms(trx, open.map((f) => ({ id: f.id, code: codes.get(f.id)! })), { userId: auth.user.id, naam: auth.user.naam, afgenomenOp: vandaag() });
    const at = await repo.markExamenVastgesteld(trx, opts.examenId, auth.user.id);
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: examen.mboOrganisationId,
      action: 'beoordeling.resultaten_vastgesteld',
      subjectType: 'examen',
      subjectId: opts.examenId,
      details: { examen: opts.examenId, keuzedeel: examen.keuzedeelCode, aantal: open.length },
    });
    return { examenId: opts.examenId, vastgesteld: open.length, resultatenVastgesteldAt: at };
  });
}
