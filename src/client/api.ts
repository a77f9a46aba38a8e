/**
 * Typed fetch client for the public catalogue API. Every response is parsed
 * with the shared zod schemas, so the UI never works with unchecked data.
 */
import { z } from 'zod';
import {
  CatalogStatus,
  KeuzevakDetail,
  KeuzevakSummary,
  LeerwegInfo,
  Problem,
  ProfielDetail,
  ProfielmoduleDetail,
  ProfielmoduleSummary,
  ProfielSummary,
  SearchHit,
  SearchResult,
} from '../shared/catalog-api.js';
import type { Leerweg } from '../shared/catalog-api.js';
import { TOTAL_COUNT_HEADER } from '../shared/catalog-api.js';
import {
  DossierDetail,
  DossierSummary,
  KeuzedeelDetail,
  KeuzedeelSummary,
  KwalificatieDetail,
  KwalificatieSummary,
  OpleidingsdomeinSummary,
} from '../shared/mbo-api.js';
import { AuditRegel, Bericht, Lid, Me, Organisatie, Uitnodiging } from '../shared/auth-api.js';
import type { LoginRequest, Uitnodigen, UitnodigingAccepteren, WachtwoordHerstellen, WachtwoordVergeten } from '../shared/auth-api.js';

/** An API call that failed; `detail` is meant to be shown to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, message: string, problem: Problem | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Not signed in (any more): the session is missing or has expired. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }
}

type QueryValue = string | number | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds "/api/…?a=b", leaving out empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    const parsed = Problem.safeParse(body);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A request that takes longer than this is given up, so a page never stays "laden" forever. */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return (await request(url, schema, { method: 'GET' }, signal)) as z.infer<S>;
}

/** One page of a long list and the number of all matching items (header X-Total-Count). */
export interface Paged<T> {
  items: T[];
  totaal: number;
}

/** Which page of a long list (server-side paging: ?pagina=&perPagina=). */
export interface PageRequest {
  pagina?: number | null;
  perPagina?: number | null;
}

/** GET one page of a paged list: the items and the total from X-Total-Count. */
export async function getPage<S extends z.ZodType>(url: string, itemSchema: S, signal?: AbortSignal): Promise<Paged<z.infer<S>>> {
  let totaal: number | null = null;
  const items = (await request(url, z.array(itemSchema), { method: 'GET' }, signal, (response) => {
    const header = Number(response.headers.get(TOTAL_COUNT_HEADER));
    totaal = Number.isInteger(header) && header >= 0 ? header : null;
  })) as Array<z.infer<S>>;
  return { items, totaal: totaal ?? items.length };
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The CSRF token of the current session, as GET /api/auth/me (or the sign-in) gave it. Every
 * state-changing request sends it in the header x-csrf-token; `undefined` means: not known yet.
 */
let csrfToken: string | null | undefined;

/** Remembers the session's CSRF token (from /api/auth/me or the sign-in); `null` after signing out. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function currentCsrfToken(signal?: AbortSignal): Promise<string | null> {
  if (csrfToken === undefined) {
    const me = await api.me(signal);
    csrfToken = me?.csrfToken ?? null;
  }
  return csrfToken;
}

/**
 * A state-changing request (POST, PUT, PATCH, DELETE): JSON body, the session cookie
 * (same origin only) and the CSRF token of the session in x-csrf-token.
 * `schema` null: the answer has no body (204).
 */
export async function sendJson<S extends z.ZodType>(method: Method, url: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
export async function sendJson(method: Method, url: string, body: unknown, schema: null, signal?: AbortSignal): Promise<null>;
export async function sendJson(method: Method, url: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
  const token = await currentCsrfToken(signal);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-csrf-token'] = token;
  return request(url, schema, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, signal);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Uploads a file as the request body (not JSON or a form) with the session's CSRF token: an .xlsx file as a workbook,
 * any other as `otherType` (CSV by default). A refused file throws an ApiError whose problem names the rows. No time
 * limit: checking a large table can take the server longer than an ordinary request.
 */
export async function sendFile<S extends z.ZodType>(url: string, file: File, schema: S, options: { otherType?: string; signal?: AbortSignal } = {}): Promise<z.infer<S>> {
  const token = await currentCsrfToken(options.signal);
  const headers: Record<string, string> = { 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : (options.otherType ?? 'text/csv') };
  if (token) headers['x-csrf-token'] = token;
  return (await request(url, schema, { method: 'POST', headers, body: file }, options.signal, undefined, null)) as z.infer<S>;
}

interface RequestInitLite {
  method: 'GET' | Method;
  headers?: Record<string, string>;
  body?: string | Blob;
}

async function request(
  url: string,
  schema: z.ZodType | null,
  init: RequestInitLite,
  signal?: AbortSignal,
  onResponse?: (response: Response) => void,
  timeoutMs: number | null = REQUEST_TIMEOUT_MS,
): Promise<unknown> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  const timer = timeoutMs === null ? undefined : setTimeout(abort, timeoutMs);
  try {
    return await fetchJson(url, schema, init, controller.signal, signal, onResponse);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

async function fetchJson(
  url: string,
  schema: z.ZodType | null,
  init: RequestInitLite,
  signal: AbortSignal,
  callerSignal?: AbortSignal,
  onResponse?: (response: Response) => void,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    if (signal.aborted) throw new ApiError(0, 'De server reageert niet. Probeer het later opnieuw.');
    throw new ApiError(0, 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    const message =
      problem?.detail ??
      problem?.title ??
      (response.status === 404 ? 'Dit item bestaat niet.' : `De server gaf een foutmelding (${response.status}).`);
    throw new ApiError(response.status, message, problem);
  }
  onResponse?.(response);
  if (schema === null) return null;
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (callerSignal?.aborted) throw error;
    throw new ApiError(response.status, 'De server stuurde een antwoord dat niet gelezen kon worden.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Onverwacht antwoord van ${url}`, parsed.error.issues);
    throw new ApiError(response.status, 'De server stuurde een antwoord in een onverwachte vorm.');
  }
  return parsed.data;
}

export interface ListFilters extends PageRequest {
  profiel?: string | null;
  leerweg?: Leerweg | null;
  q?: string | null;
  status?: 'actief' | 'vervallen' | 'alle' | null;
}

export interface DetailOptions {
  leerweg?: Leerweg | null;
  versie?: string | null;
}

export type SearchSide = 'vmbo' | 'mbo' | 'alle';

export interface SearchParams {
  q: string;
  side?: SearchSide;
  /** A vmbo kind (profiel, eindterm, …) or an mbo kind (kwalificatie, werkproces, …). */
  kind?: string | null;
  leerweg?: Leerweg | null;
  profiel?: string | null;
  limit?: number;
  offset?: number;
}

export type MboStatusFilter = 'actief' | 'vervallen' | 'alle';

export interface KwalificatieFilters extends PageRequest {
  domein?: string | null;
  dossier?: string | null;
  niveau?: number | null;
  q?: string | null;
  status?: MboStatusFilter | null;
}

export interface KeuzedeelFilters extends PageRequest {
  sbu?: number | null;
  niveau?: number | null;
  kwalificatie?: string | null;
  q?: string | null;
  status?: MboStatusFilter | null;
}

export const SJABLOON_KINDS = ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod', 'keuzedeel-koppelingen'] as const;
export type SjabloonKind = (typeof SJABLOON_KINDS)[number];

/**
 * The status as the client reads it: the `mbo` block is optional, so a server
 * without it (or with a block this client cannot read) still shows the vmbo side.
 */
export const ClientCatalogStatus = CatalogStatus.extend({
  mbo: CatalogStatus.shape.mbo.nullable().optional().catch(undefined),
});
export type ClientCatalogStatus = z.infer<typeof ClientCatalogStatus>;

/** Search hits of both sides; `kind` is kept as a string so a kind this client does not know yet still shows. */
export const ClientSearchHit = SearchHit.extend({ kind: z.string() });
export type ClientSearchHit = z.infer<typeof ClientSearchHit>;
export const ClientSearchResult = SearchResult.extend({ hits: z.array(ClientSearchHit) });
export type ClientSearchResult = z.infer<typeof ClientSearchResult>;

const seg = encodeURIComponent;

/** URL builders: the URL doubles as the cache key of a request. */
export const urls = {
  status: () => apiUrl('/api/catalog/status'),
  leerwegen: () => apiUrl('/api/vmbo/leerwegen'),
  profielen: (leerweg?: Leerweg | null) => apiUrl('/api/vmbo/profielen', { leerweg }),
  profiel: (slug: string, o: DetailOptions = {}) => apiUrl(`/api/vmbo/profielen/${seg(slug)}`, { leerweg: o.leerweg }),
  profielmodulen: (f: ListFilters = {}) => apiUrl('/api/vmbo/profielmodulen', { ...f }),
  profielmodule: (slug: string, o: DetailOptions = {}) =>
    apiUrl(`/api/vmbo/profielmodulen/${seg(slug)}`, { leerweg: o.leerweg }),
  keuzevakken: (f: ListFilters = {}) => apiUrl('/api/vmbo/keuzevakken', { ...f }),
  keuzevak: (slug: string, o: DetailOptions = {}) =>
    apiUrl(`/api/vmbo/keuzevakken/${seg(slug)}`, { leerweg: o.leerweg, versie: o.versie }),
  search: (p: SearchParams) => apiUrl('/api/search', { ...p }),
  opleidingsdomeinen: () => apiUrl('/api/mbo/opleidingsdomeinen'),
  dossiers: (domein?: string | null) => apiUrl('/api/mbo/dossiers', { domein }),
  dossier: (crebo: string) => apiUrl(`/api/mbo/dossiers/${seg(crebo)}`),
  kwalificaties: (f: KwalificatieFilters = {}) => apiUrl('/api/mbo/kwalificaties', { ...f }),
  kwalificatie: (crebo: string) => apiUrl(`/api/mbo/kwalificaties/${seg(crebo)}`),
  keuzedelen: (f: KeuzedeelFilters = {}) => apiUrl('/api/mbo/keuzedelen', { ...f }),
  keuzedeel: (code: string) => apiUrl(`/api/mbo/keuzedelen/${seg(code)}`),
  sjabloon: (kind: SjabloonKind) => apiUrl(`/api/mbo/sjablonen/${seg(kind)}.csv`),
  me: () => apiUrl('/api/auth/me'),
  organisations: () => apiUrl('/api/organisaties'),
  organisation: (id: string) => apiUrl(`/api/organisaties/${seg(id)}`),
  members: (id: string) => apiUrl(`/api/organisaties/${seg(id)}/leden`),
  audit: (id: string) => apiUrl(`/api/organisaties/${seg(id)}/audit`),
  invitations: (id: string) => apiUrl(`/api/organisaties/${seg(id)}/uitnodigingen`),
};

/**
 * A POST that proves itself (password or the token from an e-mail) and so needs no CSRF token:
 * it works without a session and does not first ask /api/auth/me for one.
 */
function postWithoutCsrf<S extends z.ZodType>(url: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>>;
function postWithoutCsrf(url: string, body: unknown, schema: null, signal?: AbortSignal): Promise<null>;
function postWithoutCsrf(url: string, body: unknown, schema: z.ZodType | null, signal?: AbortSignal): Promise<unknown> {
  return request(url, schema, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, signal);
}

export const api = {
  status: (signal?: AbortSignal) => getJson(urls.status(), ClientCatalogStatus, signal),
  leerwegen: (signal?: AbortSignal) => getJson(urls.leerwegen(), z.array(LeerwegInfo), signal),
  profielen: (leerweg?: Leerweg | null, signal?: AbortSignal) =>
    getJson(urls.profielen(leerweg), z.array(ProfielSummary), signal),
  profiel: (slug: string, o?: DetailOptions, signal?: AbortSignal) => getJson(urls.profiel(slug, o), ProfielDetail, signal),
  profielmodulen: (f?: ListFilters, signal?: AbortSignal) =>
    getJson(urls.profielmodulen(f), z.array(ProfielmoduleSummary), signal),
  profielmodule: (slug: string, o?: DetailOptions, signal?: AbortSignal) =>
    getJson(urls.profielmodule(slug, o), ProfielmoduleDetail, signal),
  keuzevakken: (f?: ListFilters, signal?: AbortSignal) =>
    getJson(urls.keuzevakken(f), z.array(KeuzevakSummary), signal),
  keuzevak: (slug: string, o?: DetailOptions, signal?: AbortSignal) =>
    getJson(urls.keuzevak(slug, o), KeuzevakDetail, signal),
  search: (p: SearchParams, signal?: AbortSignal) => getJson(urls.search(p), ClientSearchResult, signal),
  opleidingsdomeinen: (signal?: AbortSignal) =>
    getJson(urls.opleidingsdomeinen(), z.array(OpleidingsdomeinSummary), signal),
  dossiers: (domein?: string | null, signal?: AbortSignal) => getJson(urls.dossiers(domein), z.array(DossierSummary), signal),
  dossier: (crebo: string, signal?: AbortSignal) => getJson(urls.dossier(crebo), DossierDetail, signal),
  kwalificaties: (f?: KwalificatieFilters, signal?: AbortSignal) =>
    getJson(urls.kwalificaties(f), z.array(KwalificatieSummary), signal),
  kwalificatie: (crebo: string, signal?: AbortSignal) => getJson(urls.kwalificatie(crebo), KwalificatieDetail, signal),
  keuzedelen: (f?: KeuzedeelFilters, signal?: AbortSignal) => getJson(urls.keuzedelen(f), z.array(KeuzedeelSummary), signal),
  /** One page of the kwalificaties, keuzedelen, keuzevakken or profielmodulen, with the total (long lists). */
  kwalificatiesPagina: (f: KwalificatieFilters, signal?: AbortSignal) => getPage(urls.kwalificaties(f), KwalificatieSummary, signal),
  keuzedelenPagina: (f: KeuzedeelFilters, signal?: AbortSignal) => getPage(urls.keuzedelen(f), KeuzedeelSummary, signal),
  keuzevakkenPagina: (f: ListFilters, signal?: AbortSignal) => getPage(urls.keuzevakken(f), KeuzevakSummary, signal),
  profielmodulenPagina: (f: ListFilters, signal?: AbortSignal) => getPage(urls.profielmodulen(f), ProfielmoduleSummary, signal),
  keuzedeel: (code: string, signal?: AbortSignal) => getJson(urls.keuzedeel(code), KeuzedeelDetail, signal),
  /** The signed-in user with memberships and CSRF token; `null` when nobody is signed in (401). */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      const me = await getJson(urls.me(), Me, signal);
      csrfToken = me.csrfToken;
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthorized) {
        csrfToken = null;
        return null;
      }
      throw error;
    }
  },
  login: async (body: LoginRequest, signal?: AbortSignal): Promise<Me> => {
    // The sign-in needs no CSRF token (there is no session yet); it answers with a new one.
    const me = await postWithoutCsrf(apiUrl('/api/auth/login'), body, Me, signal);
    csrfToken = me.csrfToken;
    return me;
  },
  /** Always answers with the same message (202), whether or not the address has an account. */
  forgotPassword: (body: WachtwoordVergeten, signal?: AbortSignal) => postWithoutCsrf(apiUrl('/api/auth/wachtwoord-vergeten'), body, Bericht, signal),
  /** Sets the new password (204); the server ends every session of the user, this browser's too. */
  resetPassword: async (body: WachtwoordHerstellen, signal?: AbortSignal): Promise<void> => {
    await postWithoutCsrf(apiUrl('/api/auth/wachtwoord-herstellen'), body, null, signal);
    csrfToken = null;
  },
  /** Accepts an invitation and signs in (a new session, answered like the sign-in). */
  acceptInvitation: async (body: UitnodigingAccepteren, signal?: AbortSignal): Promise<Me> => {
    const me = await postWithoutCsrf(apiUrl('/api/auth/uitnodiging-accepteren'), body, Me, signal);
    csrfToken = me.csrfToken;
    return me;
  },
  logout: async (signal?: AbortSignal): Promise<void> => {
    await sendJson('POST', apiUrl('/api/auth/logout'), undefined, null, signal);
    csrfToken = null;
  },
  organisations: (signal?: AbortSignal) => getJson(urls.organisations(), z.array(Organisatie), signal),
  organisation: (id: string, signal?: AbortSignal) => getJson(urls.organisation(id), Organisatie, signal),
  members: (id: string, signal?: AbortSignal) => getJson(urls.members(id), z.array(Lid), signal),
  audit: (id: string, signal?: AbortSignal) => getJson(urls.audit(id), z.array(AuditRegel), signal),
  invite: (id: string, body: Uitnodigen, signal?: AbortSignal) => sendJson('POST', urls.invitations(id), body, Uitnodiging, signal),
};
