/**
 * The difference between two versions of one agreement, per clause (issue 13). Read: staff of a partner; both versions
 * must belong to the same agreement (same reeks), else a 400; a version the user may not see is a 404.
 */
import { clausuleById } from '../../../domain/overeenkomst/clausules.js';
import { verschilPerClausule } from '../../../domain/overeenkomst/overeenkomst.js';
import type { Verschil } from '../../../shared/overeenkomst-api.js';
import { notFound, validationFailed } from '../../errors.js';
import * as repo from '../../repositories/overeenkomst-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openOvereenkomst, OVEREENKOMST_NOT_FOUND } from './access.js';

const ref = (o: repo.OvereenkomstRow) => ({ id: o.id, documentversie: o.documentversie, status: o.status, ondertekendOp: o.ondertekendAt });

export async function verschilTussenVersies(opts: UseCaseContext & { id: string; met: string }): Promise<Verschil> {
  const { row } = await openOvereenkomst({ db: opts.db, auth: opts.auth, id: opts.id, action: 'partnership.read' });
  const ander = await repo.findOvereenkomst(opts.db, opts.met);
  if (!ander || ander.partnershipId !== row.partnershipId) throw notFound(OVEREENKOMST_NOT_FOUND);
  if (ander.reeksId !== row.reeksId) throw validationFailed('Deze twee overeenkomsten zijn geen versies van dezelfde overeenkomst.', [{ path: 'querystring.met', message: 'geen versie van deze overeenkomst' }]);
  // Older first, whichever way round they were asked.
  const [van, naar] = row.documentversie <= ander.documentversie ? [row, ander] : [ander, row];
  const clausules = await repo.clausulesVan(opts.db, [van.id, naar.id]);
  const tekstVan = (o: repo.OvereenkomstRow) =>
    (o.bevroren ? o.bevroren.clausules.map((c) => ({ id: c.id, tekst: c.tekst })) : clausules.filter((c) => c.overeenkomstId === o.id).map((c) => ({ id: c.clausuleId, tekst: c.tekst }))).map((c) => ({
      ...c,
      titel: clausuleById(c.id)?.titel ?? c.id,
    }));
  return { van: ref(van), naar: ref(naar), clausules: verschilPerClausule(tekstVan(van), tekstVan(naar)) };
}
