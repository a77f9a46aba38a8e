/**
 * Extra admission requirements of an mbo instelling per kwalificatie (issue 15): kept by the instelling's beheerder,
 * shown on the pupil's page for the kwalificaties of their chosen modules (published before 1 February).
 */
import type { Toelatingseis, Toelatingseisen, ToelatingseisWijzigen } from '../../../shared/keuze-api.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/keuze-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openToelatingseisen } from './access.js';

export async function getToelatingseisen(opts: UseCaseContext & { organisatieId: string }): Promise<Toelatingseisen> {
  const { naam } = await openToelatingseisen({ ...opts, action: 'read' });
  return { instelling: { id: opts.organisatieId, naam }, eisen: await repo.eisenVanInstelling(opts.db, opts.organisatieId) };
}

export async function saveToelatingseis(opts: UseCaseContext & { organisatieId: string; crebo: string; input: ToelatingseisWijzigen }): Promise<Toelatingseis> {
  const { auth } = await openToelatingseisen({ ...opts, action: 'write' });
  const namen = await repo.kwalificatieNamen(opts.db, [opts.crebo]);
  if (!namen.has(opts.crebo)) throw validationFailed('Deze kwalificatie staat niet in de catalogus.', [{ path: 'crebo', message: `kwalificatie ${opts.crebo} staat niet in de catalogus` }]);
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.saveEis(trx, opts.organisatieId, opts.crebo, opts.input.versie, opts.input.tekst, auth.user.id)))
      throw new AppError('conflict', 'Deze toelatingseisen zijn intussen gewijzigd. Laad de pagina opnieuw; er is niets opgeslagen.');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'toelatingseis.opgeslagen', subjectType: 'organisation', subjectId: opts.organisatieId, details: { crebo: opts.crebo } });
  });
  return (await repo.findEis(opts.db, opts.organisatieId, opts.crebo))!;
}

export async function deleteToelatingseis(opts: UseCaseContext & { organisatieId: string; crebo: string }): Promise<void> {
  const { auth } = await openToelatingseisen({ ...opts, action: 'write' });
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteEis(trx, opts.organisatieId, opts.crebo))) throw notFound('Voor deze kwalificatie zijn geen aanvullende eisen vastgelegd.');
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: opts.organisatieId, action: 'toelatingseis.verwijderd', subjectType: 'organisation', subjectId: opts.organisatieId, details: { crebo: opts.crebo } });
  });
}
