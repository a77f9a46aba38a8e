/**
 * AVG right of access: everything Doorlopend holds about the signed-in user, as one JSON document.
 * Never a password hash, session token, CSRF token or link token (only their existence and dates). Of joint work in a
 * samenwerking (crosswalk reviews, leerroute history) only the user's own actions, never other people's names.
 */
import type { MijnGegevens } from '../../../shared/account-api.js';
import { unauthorized } from '../../errors.js';
import {
  accountOf,
  auditRowsAbout,
  crosswalkLinkRowsOf,
  crosswalkReviewRowsOf,
  crosswalkUnlinkedRowsOf,
  invitationRowsOf,
  leerlingGegevensOf,
  leerrouteHistoryRowsOf,
  membershipRowsOf,
  passwordResetRowsOf,
  sessionRowsOf,
} from '../../repositories/account-data-repository.js';
import { dossierScholen } from '../../repositories/lob-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import { buildDossier } from '../lob/dossier.js';
import type { UseCaseContext } from '../../access/context.js';

export async function exportMyData(opts: UseCaseContext & { now?: Date }): Promise<MijnGegevens> {
  const auth = requireAuth(opts.auth);
  const { db } = opts;
  const userId = auth.user.id;
  const account = await accountOf(db, userId);
  if (!account) throw unauthorized();
  return {
    exportVan: (opts.now ?? new Date()).toISOString(),
    account,
    lidmaatschappen: await membershipRowsOf(db, userId),
    sessies: await sessionRowsOf(db, userId, auth.sessionId),
    auditlog: await auditRowsAbout(db, userId),
    uitnodigingen: await invitationRowsOf(db, userId, account.email),
    wachtwoordHerstelAanvragen: await passwordResetRowsOf(db, userId),
    // Joint work in a samenwerking: only the user's own actions, with the samenwerking's (and route's) name.
    koppelingBeoordelingen: await crosswalkReviewRowsOf(db, userId),
    koppelingenLaatstDoorMij: await crosswalkLinkRowsOf(db, userId),
    bewustNietGekoppeldDoorMij: await crosswalkUnlinkedRowsOf(db, userId),
    leerrouteHistorie: await leerrouteHistoryRowsOf(db, userId),
    // Issue 14: as a pupil, the own records, registrations, results and vrijstelling requests.
    leerling: await leerlingGegevensOf(db, userId),
    // Issue 15: the pupil's own loopbaandossier per school, with the share links they made (one after another).
    loopbaandossiers: await dossiersOf(db, userId),
  };
}

async function dossiersOf(db: UseCaseContext['db'], accountId: string) {
  const out = [];
  for (const organisationId of await dossierScholen(db, accountId)) out.push(await buildDossier(db, { accountId, organisationId }, { metDeellinks: true }));
  return out;
}
