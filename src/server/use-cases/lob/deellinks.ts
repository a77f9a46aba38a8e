/**
 * The pupil hands their dossier over by their own action (issue 15): a share link with an expiry date, showing only
 * what the pupil chose, revocable at any time. The token is random (256 bits) and shown once; only its sha256 is
 * stored (like reset tokens). Opening it is anonymous: the token travels in the request body, never in a URL, so no
 * log or Referer carries it. An unknown, expired or revoked link answers 404, all alike.
 */
import { newToken, sha256 } from '../../auth/tokens.js';
import { deellinkStatus, verloopdatumProbleem, verlooptAt } from '../../../domain/lob/deellink.js';
import { DeellinkMaken, type DeellinkGemaakt, type Deellink, type GedeeldDossier } from '../../../shared/lob-api.js';
import type { DeellinkMaken as DeellinkMakenIn } from '../../../shared/lob-api.js';
import { notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/lob-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { openEigenDossier } from './access.js';
import { buildDossier, toDeellink } from './dossier.js';

export const DEELLINK_NOT_FOUND = 'Deze link werkt niet (meer): hij bestaat niet, is verlopen of is door de leerling ingetrokken.';
const DEELLINK_ONBEKEND = 'Deze deellink bestaat niet in je dossier.';

export async function maakDeellink(opts: UseCaseContext & { input: DeellinkMakenIn; now?: Date }): Promise<DeellinkGemaakt> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  const now = opts.now ?? new Date();
  const input = DeellinkMaken.parse(opts.input);
  const probleem = verloopdatumProbleem(input.verlooptOp, now);
  if (probleem) throw validationFailed(`De link kan niet tot die datum werken: ${probleem}.`, [{ path: 'body.verlooptOp', message: probleem }]);
  if (input.activiteitIds.length === 0 && !input.oplegger && !input.programma) {
    const melding = 'kies minstens één activiteit, de oplegger of het LOB-programma';
    throw validationFailed(`Er valt niets te delen: ${melding}.`, [{ path: 'body.activiteitIds', message: melding }]);
  }
  const token = newToken();
  const id = await opts.db.transaction().execute(async (trx) => {
    const eigen = new Set((await repo.listActiviteiten(trx, eigenaar)).map((a) => a.id));
    const activiteitIds = [...new Set(input.activiteitIds)];
    if (activiteitIds.some((a) => !eigen.has(a))) {
      const melding = 'Een gekozen activiteit staat niet (meer) in je dossier.';
      throw validationFailed(melding, [{ path: 'body.activiteitIds', message: melding }]);
    }
    const nieuw = await repo.insertDeellink(trx, eigenaar, {
      tokenHash: sha256(token),
      ontvanger: input.ontvanger,
      inhoud: { activiteitIds, oplegger: input.oplegger, programma: input.programma },
      verlooptAt: verlooptAt(input.verlooptOp),
    });
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.deellink.gemaakt', subjectType: 'user', subjectId: auth.user.id, details: { ontvanger: input.ontvanger, verlooptOp: input.verlooptOp } });
    return nieuw;
  });
  const row = await repo.findDeellink(opts.db, eigenaar, id);
  if (!row) throw notFound(DEELLINK_ONBEKEND);
  return { deellink: toDeellink(row, now), token };
}

export async function trekDeellinkIn(opts: UseCaseContext & { deellinkId: string }): Promise<Deellink> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  const now = new Date();
  await opts.db.transaction().execute(async (trx) => {
    const link = await repo.findDeellink(trx, eigenaar, opts.deellinkId);
    if (!link) throw notFound(DEELLINK_ONBEKEND);
    if (link.ingetrokkenAt) return;
    await repo.revokeDeellink(trx, eigenaar, opts.deellinkId, now);
    await appendAudit(trx, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.deellink.ingetrokken', subjectType: 'user', subjectId: auth.user.id, details: { ontvanger: link.ontvanger } });
  });
  const row = await repo.findDeellink(opts.db, eigenaar, opts.deellinkId);
  if (!row) throw notFound(DEELLINK_ONBEKEND);
  return toDeellink(row, now);
}

/** What the holder of a link sees: only what the pupil chose, while the link is active. No sign-in needed. */
export async function openGedeeldDossier(opts: Pick<UseCaseContext, 'db'> & { token: string; now?: Date }): Promise<GedeeldDossier> {
  const now = opts.now ?? new Date();
  const link = await repo.findDeellinkByTokenHash(opts.db, sha256(opts.token));
  if (!link || deellinkStatus(link, now) !== 'actief') throw notFound(DEELLINK_NOT_FOUND);
  const eigenaar = { accountId: link.accountId, organisationId: link.organisationId };
  return opts.db.transaction().execute(async (trx) => {
    const d = await buildDossier(trx, eigenaar, { metDeellinks: false, now });
    await repo.markDeellinkOpened(trx, link.id, now);
    await appendAudit(trx, { actorUserId: null, organisationId: link.organisationId, action: 'lob.deellink.geopend', subjectType: 'user', subjectId: link.accountId, details: { ontvanger: link.ontvanger } });
    const gekozen = new Set(link.inhoud.activiteitIds);
    return {
      leerling: { naam: d.leerling.naam },
      school: { naam: d.school.naam },
      ontvanger: link.ontvanger,
      verlooptOp: toDeellink(link, now).verlooptOp,
      activiteiten: d.activiteiten.filter((a) => gekozen.has(a.id)).map(({ versie: _v, onderdeelId: _o, ...a }) => a),
      oplegger: link.inhoud.oplegger && d.oplegger ? { inhoud: { ...d.oplegger.inhoud, activiteitIds: d.oplegger.inhoud.activiteitIds.filter((a) => gekozen.has(a)) }, datums: d.oplegger.datums, bijgewerkt: d.oplegger.bijgewerkt } : null,
      programma: link.inhoud.programma ? d.programma.map((p) => ({ titel: p.titel, leerjaar: p.leerjaar, periode: p.periode, afgerond: p.afgerond })) : null,
    };
  });
}
