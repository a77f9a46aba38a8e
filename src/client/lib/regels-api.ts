/**
 * Client calls of the regelbank (issue 13; contract in src/shared/regels-api.ts): the rule list, the rules on a
 * route, the "niet van toepassing" mark, docentinzet and the kalender download. Answers are parsed with the shared
 * schemas; changes send the CSRF token (sendJson).
 */
import { Docentinzet, DocentinzetLijst, RegelLijst, RegelUitkomsten } from '../../shared/regels-api.js';
import type { DocentinzetToevoegen, DocentinzetWijzigen, RegelPlek } from '../../shared/regels-api.js';
import { apiUrl, getJson, sendJson } from '../api.js';
import { leerroutePath } from './leerroute-api.js';

const seg = encodeURIComponent;

export const regelsUrls = {
  lijst: () => apiUrl('/api/regels'),
  route: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/regels`),
  markering: (routeId: string, regelId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/regels/${seg(regelId)}/markering`),
  docentinzet: (partnershipId: string, schooljaar?: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/docentinzet`, { schooljaar }),
  inzet: (partnershipId: string, inzetId: string, versie?: number) => apiUrl(`/api/partnerships/${seg(partnershipId)}/docentinzet/${seg(inzetId)}`, { versie }),
  kalender: (partnershipId: string, schooljaar: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/kalender.ics`, { schooljaar }),
};

export const regelsApi = {
  lijst: (signal?: AbortSignal) => getJson(regelsUrls.lijst(), RegelLijst, signal),
  route: (routeId: string, signal?: AbortSignal) => getJson(regelsUrls.route(routeId), RegelUitkomsten, signal),
  markeer: (routeId: string, regelId: string, reden: string) => sendJson('PUT', regelsUrls.markering(routeId, regelId), { reden }, RegelUitkomsten),
  ontmarkeer: (routeId: string, regelId: string) => sendJson('DELETE', regelsUrls.markering(routeId, regelId), undefined, RegelUitkomsten),
  docentinzet: (partnershipId: string, schooljaar: string | undefined, signal?: AbortSignal) => getJson(regelsUrls.docentinzet(partnershipId, schooljaar), DocentinzetLijst, signal),
  inzetToevoegen: (partnershipId: string, body: DocentinzetToevoegen) => sendJson('POST', regelsUrls.docentinzet(partnershipId), body, Docentinzet),
  inzetWijzigen: (partnershipId: string, inzetId: string, body: DocentinzetWijzigen) => sendJson('PUT', regelsUrls.inzet(partnershipId, inzetId), body, Docentinzet),
  inzetVerwijderen: (partnershipId: string, inzetId: string, versie: number) => sendJson('DELETE', regelsUrls.inzet(partnershipId, inzetId, versie), undefined, null),
};

export const docentinzetPath = (partnershipId: string, schooljaar?: string | null) =>
  `/samenwerkingen/${seg(partnershipId)}/docentinzet${schooljaar ? `?schooljaar=${seg(schooljaar)}` : ''}`;

/** Where a rule's outcome is fixed, as a link in the app, with its text. */
export function plekLink(plek: RegelPlek, ctx: { routeId: string | null; partnershipId: string }): { to: string; tekst: string } {
  switch (plek.soort) {
    case 'leerroute': {
      if (!ctx.routeId) return { to: `/samenwerkingen/${seg(ctx.partnershipId)}/leerroutes`, tekst: 'Naar de leerroutes' };
      if (plek.stap === 'instellingen') return { to: leerroutePath(ctx.routeId), tekst: 'Naar de instellingen' };
      const namen = { inventarisatie: 'de inventarisatie', planning: 'de planning', toetsing: 'de toetsing', activiteiten: 'de activiteiten', materialen: 'de materialen' } as const;
      return { to: leerroutePath(ctx.routeId, plek.stap, { leerjaar: plek.leerjaar, periode: plek.periode }), tekst: `Naar ${namen[plek.stap]}` };
    }
    case 'docentinzet':
      return { to: docentinzetPath(ctx.partnershipId, plek.schooljaar), tekst: 'Naar de docentinzet' };
    case 'kalender':
      return { to: docentinzetPath(ctx.partnershipId, plek.schooljaar), tekst: 'Naar de kalender' };
    case 'overeenkomst':
      return plek.overeenkomstId
        ? { to: `/overeenkomsten/${seg(plek.overeenkomstId)}`, tekst: 'Naar de overeenkomst' }
        : { to: `/samenwerkingen/${seg(ctx.partnershipId)}`, tekst: 'Naar de samenwerking (overeenkomst)' };
  }
}
