/**
 * Client calls of LOB and the loopbaandossier (issue 15; contract in src/shared/lob-api.ts). Answers are parsed with
 * the shared schemas; changes send the CSRF token (sendJson). The share link's token goes in a request body only.
 */
import { Deellink, DeellinkGemaakt, GedeeldDossier, LeerlingOverzicht, LobActiviteit, LobDossier, LobOnderdeel, LobProgramma, Oplegger, WieZiet } from '../../../shared/lob-api.js';
import type { ActiviteitInvoer, ActiviteitWijzigen, DeellinkMaken, OnderdeelInvoer, OnderdeelWijzigen, OpleggerWijzigen } from '../../../shared/lob-api.js';
import { ApiError, apiUrl, getJson, sendJson } from '../../api.js';
import { formatDatum } from '../../lib/format.js';

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

const hoofdletter = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The field of a refused request's error path: `body.verlooptOp` → `verlooptOp`, `body.inhoud.crebo` → `crebo`. */
const veldVan = (path: string) => path.replace(/^body\./, '').replace(/^inhoud\./, '').split('.')[0]!;

/** The messages of a refused request per field, to show at the fields (an empty object when there are none). */
export function veldMeldingen(error: ApiError | null): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const f of error?.problem?.errors ?? []) uit[veldVan(f.path)] ??= hoofdletter(f.message);
  return uit;
}

/**
 * A request refused by the schema says "Ongeldige parameters: body.verlooptOp: …", which means nothing to a pupil:
 * the same messages with the form's own labels ("Werkt tot en met: schrijf de datum als 2027-03-15."). Any other
 * error (a sentence of the use case) is left as it is.
 */
export function inWoorden(e: unknown, labels: Record<string, string>): unknown {
  if (!(e instanceof ApiError) || !e.problem?.errors?.length || !e.message.startsWith('Ongeldige parameters')) return e;
  // One message per field: the first says what to do ("schrijf de datum als …"), a second adds nothing ("geen bestaande datum").
  const zinnen = Object.entries(veldMeldingen(e)).map(([veld, melding]) => `${labels[veld] ?? 'Een veld'}: ${melding.charAt(0).toLowerCase()}${melding.slice(1)}.`);
  return new ApiError(e.status, zinnen.join(' '), e.problem);
}

/** The address of the public page a share link opens: the token in the fragment, which no server log or Referer sees. */
export const deelAdres = (token: string) => `${window.location.origin}/dossier/gedeeld#token=${token}`;

export const datumTekst = formatDatum;
export const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
export const overDagen = (n: number) => {
  const d = new Date(`${vandaag()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
