/**
 * Client calls of the pupil's own view and the vrijstelling (issue 14; contracts in src/shared/mijn-api.ts and
 * src/shared/vrijstelling-api.ts). Answers are parsed with the shared schemas; changes send the CSRF token.
 */
import { MboInstellingen, MijnResultaten, MijnVrijstellingen } from '../../../shared/mijn-api.js';
import type { VrijstellingAanvragen } from '../../../shared/mijn-api.js';
import { Verificatie, VrijstellingDetail, VrijstellingLijst, VrijstellingVerzoek } from '../../../shared/vrijstelling-api.js';
import type { VrijstellingBesluit } from '../../../shared/vrijstelling-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const vrijstellingUrls = {
  resultaten: () => apiUrl('/api/mijn/resultaten'),
  verklaring: (beoordelingId: string) => apiUrl(`/api/mijn/resultaten/${seg(beoordelingId)}/resultaatverklaring.pdf`),
  mijnVerzoeken: () => apiUrl('/api/mijn/vrijstellingen'),
  instellingen: () => apiUrl('/api/mijn/mbo-instellingen'),
  vanInstelling: (organisatieId: string) => apiUrl(`/api/organisaties/${seg(organisatieId)}/vrijstellingen`),
  besluit: (id: string) => apiUrl(`/api/vrijstellingen/${seg(id)}/besluit`),
  verificatie: (code: string) => apiUrl(`/api/verificatie/${seg(code)}`),
};

export const vrijstellingApi = {
  resultaten: (signal?: AbortSignal) => getJson(vrijstellingUrls.resultaten(), MijnResultaten, signal),
  mijnVerzoeken: (signal?: AbortSignal) => getJson(vrijstellingUrls.mijnVerzoeken(), MijnVrijstellingen, signal),
  instellingen: (signal?: AbortSignal) => getJson(vrijstellingUrls.instellingen(), MboInstellingen, signal),
  aanvragen: (body: VrijstellingAanvragen) => sendJson('POST', vrijstellingUrls.mijnVerzoeken(), body, VrijstellingVerzoek),
  vanInstelling: (organisatieId: string, signal?: AbortSignal) => getJson(vrijstellingUrls.vanInstelling(organisatieId), VrijstellingLijst, signal),
  besluit: (id: string, body: VrijstellingBesluit) => sendJson('POST', vrijstellingUrls.besluit(id), body, VrijstellingDetail),
  verificatie: (code: string, signal?: AbortSignal) => getJson(vrijstellingUrls.verificatie(code), Verificatie, signal),
};

export const vrijstellingenPath = (organisatieId: string) => `/organisaties/${seg(organisatieId)}/vrijstellingen`;

/** "12 maart 2027" */
export function datum(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
}

export const cijfer = (n: number | null): string => (n === null ? '' : n.toFixed(1).replace('.', ','));
