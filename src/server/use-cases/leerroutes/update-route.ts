/** Changing the settings of a leerroute (with its versie), or deleting it. */
import { LEERROUTE_TYPE_NAMEN, type LeerrouteDetail } from '../../../shared/leerroute-api.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { changeRoute } from './change-route.js';
import { openRoute } from '../../access/leerroute.js';
import { stale } from './context.js';
import { checkedSettings, type SettingsInput } from './settings.js';

/** JSON with sorted keys (jsonb does not keep the order of keys). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

function changedFields(before: repo.RouteSettings, after: repo.RouteSettings): string[] {
  const names: Record<keyof repo.RouteSettings, string> = { naam: 'naam', type: 'type', vmbo: 'vmbo-kant', mbo: 'mbo-kant', tijdpad: 'tijdpad', schooljaar: 'schooljaar' };
  return (Object.keys(names) as (keyof repo.RouteSettings)[]).filter((k) => canonical(before[k]) !== canonical(after[k])).map((k) => names[k]);
}

export async function updateRouteSettings(opts: UseCaseContext & { routeId: string; input: SettingsInput & { versie: number } }): Promise<LeerrouteDetail> {
  return changeRoute(opts, async ({ trx, route, by, snapshot, history }) => {
    if (route.versie !== opts.input.versie) throw stale('De instellingen van deze leerroute zijn');
    const settings = await checkedSettings(trx, snapshot, route.partnershipId, { ...opts.input, tijdpad: opts.input.tijdpad ?? route.tijdpad, schooljaar: opts.input.schooljaar === undefined ? route.schooljaar : opts.input.schooljaar });
    if (!(await repo.updateRouteSettings(trx, route.id, opts.input.versie, settings, by))) throw stale('De instellingen van deze leerroute zijn');
    const velden = changedFields(route, settings);
    await history({
      actie: 'leerroute.gewijzigd',
      omschrijving: velden.length ? `Wijzigde de instellingen (${velden.join(', ')}).` : 'Sloeg de instellingen op zonder wijziging.',
      entiteit: { soort: 'leerroute', id: route.id },
      details: { velden, voor: { naam: route.naam, type: route.type, vmbo: route.vmbo, mbo: route.mbo, tijdpad: route.tijdpad, schooljaar: route.schooljaar }, na: { ...settings } },
    });
    await appendAudit(trx, { actorUserId: by.userId, organisationId: by.organisationId, action: 'leerroute.updated', subjectType: 'leerroute', subjectId: route.id, details: { velden, type: LEERROUTE_TYPE_NAMEN[settings.type] } });
  });
}

export async function deleteRoute(opts: UseCaseContext & { routeId: string; versie: number }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    const { route, by } = await openRoute({ db: trx, auth: opts.auth, routeId: opts.routeId, action: 'partnership.write' });
    if (!(await repo.deleteRoute(trx, route.id, opts.versie, by))) throw stale('De instellingen van deze leerroute zijn');
    await repo.appendHistory(trx, { routeId: route.id, ...by, actie: 'leerroute.verwijderd', omschrijving: `Verwijderde de leerroute ‘${route.naam}’.`, entiteit: { soort: 'leerroute', id: route.id } });
    await appendAudit(trx, { actorUserId: by.userId, organisationId: by.organisationId, action: 'leerroute.deleted', subjectType: 'leerroute', subjectId: route.id, details: { samenwerking: route.partnershipId } });
  });
}
