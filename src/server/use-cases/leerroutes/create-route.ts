/** A new leerroute in a samenwerking (beheerder or ontwikkelaar of a partner). */
import { LEERROUTE_TYPE_NAMEN, type LeerrouteDetail } from '../../../shared/leerroute-api.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership } from '../../access/partnership.js';
import { actingOrganisation } from '../../access/leerroute.js';
import { getRoute } from './get-route.js';
import { checkedSettings, type SettingsInput } from './settings.js';

export async function createRoute(opts: UseCaseContext & { partnershipId: string; input: SettingsInput }): Promise<LeerrouteDetail> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const snapshot = await snapshotOf(opts.db);
  const by = { userId: access.auth.user.id, organisationId: actingOrganisation(access.auth, access.memberOrganisationIds) };
  const id = await opts.db.transaction().execute(async (trx) => {
    const settings = await checkedSettings(trx, snapshot, opts.partnershipId, { ...opts.input, schooljaar: opts.input.schooljaar ?? null });
    const routeId = await repo.insertRoute(trx, { partnershipId: opts.partnershipId, settings, ...by });
    await repo.appendHistory(trx, {
      routeId,
      ...by,
      actie: 'leerroute.aangemaakt',
      omschrijving: `Maakte de leerroute ‘${settings.naam}’ aan (${LEERROUTE_TYPE_NAMEN[settings.type]}).`,
      entiteit: { soort: 'leerroute', id: routeId },
      details: { ...settings },
    });
    await appendAudit(trx, { actorUserId: by.userId, organisationId: by.organisationId, action: 'leerroute.created', subjectType: 'leerroute', subjectId: routeId, details: { samenwerking: opts.partnershipId, type: settings.type } });
    return routeId;
  });
  return getRoute({ db: opts.db, auth: opts.auth, routeId: id });
}
