/**
 * Client calls of LOB and the loopbaandossier (issue 15; contract in src/shared/lob-api.ts). Answers are parsed with
 * the shared schemas; changes send the CSRF token (sendJson). The share link's token goes in a request body only.
 */
import { Deellink, DeellinkGemaakt, GedeeldDossier, LeerlingOverzicht, LobActiviteit, LobDossier, LobOnderdeel, LobProgramma, Oplegger, WieZiet } from '../../../shared/lob-api.js';
import type { ActiviteitInvoer, ActiviteitWijzigen, DeellinkMaken, OnderdeelInvoer, OnderdeelWijzigen, OpleggerWijzigen } from '../../../shared/lob-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const lobUrls = {
  mijnDossier: () => apiUrl('/api/lob/mijn-dossier'),
  wieZiet: () => apiUrl('/api/lob/mijn-dossier/wie-ziet'),
  activiteiten: () => apiUrl('/api/lob/mijn-dossier/activiteiten'),
  activiteit: (id: string) => apiUrl(`/api/lob/mijn-dossier/activiteiten/${seg(id)}`),
  oplegger: () => apiUrl('/api/lob/mijn-dossier/oplegger'),
  deellinks: () => apiUrl('/api/lob/mijn-dossier/deellinks'),
  intrekken: (id: string) => apiUrl(`/api/lob/mijn-dossier/deellinks/${seg(id)}/intrekken`),
  download: (formaat: 'json' | 'pdf') => apiUrl(`/api/lob/mijn-dossier/loopbaandossier.${formaat}`),
  gedeeld: () => apiUrl('/api/lob/gedeeld'),
  programma: (org: string) => apiUrl(`/api/lob/organisaties/${seg(org)}/programma`),
  onderdeel: (org: string, id: string) => apiUrl(`/api/lob/organisaties/${seg(org)}/programma/${seg(id)}`),
  leerlingen: (org: string) => apiUrl(`/api/lob/organisaties/${seg(org)}/leerlingen`),
  leerling: (org: string, gebruiker: string) => apiUrl(`/api/lob/organisaties/${seg(org)}/leerlingen/${seg(gebruiker)}`),
  afronding: (org: string, gebruiker: string, onderdeel: string) => apiUrl(`/api/lob/organisaties/${seg(org)}/leerlingen/${seg(gebruiker)}/onderdelen/${seg(onderdeel)}`),
};

export const lobApi = {
  mijnDossier: (signal?: AbortSignal) => getJson(lobUrls.mijnDossier(), LobDossier, signal),
  wieZiet: (signal?: AbortSignal) => getJson(lobUrls.wieZiet(), WieZiet, signal),
  voegToe: (body: ActiviteitInvoer) => sendJson('POST', lobUrls.activiteiten(), body, LobActiviteit),
  wijzig: (id: string, body: ActiviteitWijzigen) => sendJson('PUT', lobUrls.activiteit(id), body, LobActiviteit),
  verwijder: (id: string) => sendJson('DELETE', lobUrls.activiteit(id), undefined, null),
  oplegger: (body: OpleggerWijzigen) => sendJson('PUT', lobUrls.oplegger(), body, Oplegger),
  deel: (body: DeellinkMaken) => sendJson('POST', lobUrls.deellinks(), body, DeellinkGemaakt),
  trekIn: (id: string) => sendJson('POST', lobUrls.intrekken(id), undefined, Deellink),
  gedeeld: (token: string, signal?: AbortSignal) => sendJson('POST', lobUrls.gedeeld(), { token }, GedeeldDossier, signal),
  programma: (org: string, signal?: AbortSignal) => getJson(lobUrls.programma(org), LobProgramma, signal),
  voegOnderdeelToe: (org: string, body: OnderdeelInvoer) => sendJson('POST', lobUrls.programma(org), body, LobOnderdeel),
  wijzigOnderdeel: (org: string, id: string, body: OnderdeelWijzigen) => sendJson('PUT', lobUrls.onderdeel(org, id), body, LobOnderdeel),
  leerlingen: (org: string, signal?: AbortSignal) => getJson(lobUrls.leerlingen(org), LeerlingOverzicht, signal),
  leerling: (org: string, gebruiker: string, signal?: AbortSignal) => getJson(lobUrls.leerling(org, gebruiker), LobDossier, signal),
  afronding: (org: string, gebruiker: string, onderdeel: string, afgerond: boolean) => sendJson('PUT', lobUrls.afronding(org, gebruiker, onderdeel), { afgerond }, LobDossier),
};

/** The address of the public page a share link opens: the token in the fragment, which no server log or Referer sees. */
export const deelAdres = (token: string) => `${window.location.origin}/dossier/gedeeld#token=${token}`;

export const datumTekst = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
export const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
export const overDagen = (n: number) => {
  const d = new Date(`${vandaag()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
