/**
 * A pupil asks for a vrijstelling (issue 14): on their own vastgesteld, passed keuzedeel result, at an mbo instelling
 * (the one that examined or another), for an opleiding. Only the pupil whose record is linked to the account can send
 * it: anyone else's result is a 404, so staff cannot send one for a pupil. One open request per result and instelling
 * (409). Audited in the receiving instelling's log (its examencommissie decides).
 */
import type { VrijstellingAanvragen } from '../../../shared/mijn-api.js';
import type { VrijstellingVerzoek } from '../../../shared/vrijstelling-api.js';
import { magVrijstellingAanvragen } from '../../../domain/examen/verklaring.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { eigenResultaat, findVerzoek, insertVerzoek, openVerzoekBestaat, organisatie } from '../../repositories/vrijstelling-repository.js';
import { RESULTAAT_NOT_FOUND } from './resultaatverklaring.js';
import { toVerzoekApi } from './verzoek-api.js';

export async function vraagVrijstellingAan(opts: UseCaseContext & { input: VrijstellingAanvragen & { crebo?: string | undefined } }): Promise<VrijstellingVerzoek> {
  const auth = requireAuth(opts.auth);
  const { db, input } = opts;
  const id = await db.transaction().execute(async (trx) => {
    const r = await eigenResultaat(trx, input.beoordelingId, auth.user.id);
    if (!r || r.status !== 'vastgesteld') throw notFound(RESULTAAT_NOT_FOUND);
    if (!magVrijstellingAanvragen({ status: r.status, keuzedeelResultaat: r.keuzedeelResultaat })) {
      throw validationFailed('Een vrijstelling kun je alleen vragen voor een keuzedeel dat je hebt behaald.', [{ path: 'beoordelingId', message: 'kies een behaald resultaat' }]);
    }
    const instelling = await organisatie(trx, input.organisatieId);
    if (!instelling || instelling.soort !== 'mbo-instelling') {
      throw validationFailed('Kies een mbo-school uit de lijst.', [{ path: 'organisatieId', message: 'kies een mbo-school uit de lijst' }]);
    }
    if (await openVerzoekBestaat(trx, r.beoordelingId, instelling.id)) {
      throw new AppError('conflict', `Je hebt voor dit resultaat al een vraag om vrijstelling bij ${instelling.naam} lopen. Wacht op het besluit.`);
    }
    const verzoekId = await insertVerzoek(trx, {
      beoordelingId: r.beoordelingId,
      leerlingId: r.leerlingId,
      accountId: auth.user.id,
      organisationId: instelling.id,
      opleiding: input.opleiding,
      crebo: input.crebo ?? null,
      toelichting: input.toelichting ?? '',
    });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: instelling.id,
      action: 'vrijstelling.aangevraagd',
      subjectType: 'vrijstelling_verzoek',
      subjectId: verzoekId,
      details: { keuzedeel: r.keuzedeelCode, opleiding: input.opleiding, ...(input.crebo ? { crebo: input.crebo } : {}) },
    });
    return verzoekId;
  });
  const verzoek = await findVerzoek(db, id);
  return toVerzoekApi(verzoek!);
}
