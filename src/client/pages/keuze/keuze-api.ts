/** Client calls of the pupil's programme (issue 15; contract in src/shared/keuze-api.ts). */
import { Keuze, KeuzeInstellingen, MijnProgramma, SchoolKeuzes, Toelatingseis, Toelatingseisen } from '../../../shared/keuze-api.js';
import type { KeuzeBesluit, KeuzeInstellingenWijzigen, KeuzeMaken, ToelatingseisWijzigen } from '../../../shared/keuze-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const keuzeUrls = {
  mijn: () => apiUrl('/api/keuze/mijn'),
  intrekken: (id: string) => apiUrl(`/api/keuze/mijn/${seg(id)}/intrekken`),
  school: (org: string) => apiUrl(`/api/keuze/organisaties/${seg(org)}/keuzes`),
  besluit: (org: string, id: string) => apiUrl(`/api/keuze/organisaties/${seg(org)}/keuzes/${seg(id)}/besluit`),
  instellingen: (org: string) => apiUrl(`/api/keuze/organisaties/${seg(org)}/instellingen`),
  eisen: (org: string) => apiUrl(`/api/keuze/organisaties/${seg(org)}/toelatingseisen`),
  eis: (org: string, crebo: string) => apiUrl(`/api/keuze/organisaties/${seg(org)}/toelatingseisen/${seg(crebo)}`),
};

export const keuzeApi = {
  mijn: (signal?: AbortSignal) => getJson(keuzeUrls.mijn(), MijnProgramma, signal),
  kies: (body: KeuzeMaken) => sendJson('POST', keuzeUrls.mijn(), body, Keuze),
  trekIn: (id: string) => sendJson('POST', keuzeUrls.intrekken(id), undefined, Keuze),
  school: (org: string, signal?: AbortSignal) => getJson(keuzeUrls.school(org), SchoolKeuzes, signal),
  besluit: (org: string, id: string, body: KeuzeBesluit) => sendJson('POST', keuzeUrls.besluit(org, id), body, Keuze),
  instellingen: (org: string, body: KeuzeInstellingenWijzigen) => sendJson('PUT', keuzeUrls.instellingen(org), body, KeuzeInstellingen),
  eisen: (org: string, signal?: AbortSignal) => getJson(keuzeUrls.eisen(org), Toelatingseisen, signal),
  bewaarEis: (org: string, crebo: string, body: ToelatingseisWijzigen) => sendJson('PUT', keuzeUrls.eis(org, crebo), body, Toelatingseis),
  verwijderEis: (org: string, crebo: string) => sendJson('DELETE', keuzeUrls.eis(org, crebo), undefined, null),
};

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const datumTekst = (iso: string) => `${Number(iso.slice(8, 10))} ${MAANDEN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
export const mijnKeuzesPath = '/leerling/keuzes';
export const schoolKeuzesPath = (org: string) => `/organisaties/${seg(org)}/keuzes`;
export const toelatingseisenPath = (org: string) => `/organisaties/${seg(org)}/toelatingseisen`;
