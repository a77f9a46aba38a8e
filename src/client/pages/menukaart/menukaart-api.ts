/**
 * Client calls of the regional menukaart (issue 15; contract in src/shared/menukaart-api.ts). Answers are parsed with
 * the shared schemas; changes send the CSRF token (sendJson).
 */
import {
  MenukaartBeheer, MenukaartDashboard, MijnMenukaarten, ModuleDetail, ModuleInschrijvingen, PubliekeMenukaart,
  type ExamensVastleggen, type LevenscyclusWijzigen, type MenukaartFilter, type ModuleBesluit, type ModuleInvoer, type ModuleWijzigen, type VoorstelIntrekken,
} from '../../../shared/menukaart-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;
type Filter = Partial<Record<keyof MenukaartFilter, string>>;

export const menukaartUrls = {
  mijn: () => apiUrl('/api/menukaarten'),
  beheer: (regioId: string) => apiUrl(`/api/regios/${seg(regioId)}/menukaart`),
  modulen: (regioId: string) => apiUrl(`/api/regios/${seg(regioId)}/menukaart/modulen`),
  dashboard: (regioId: string) => apiUrl(`/api/regios/${seg(regioId)}/menukaart/dashboard`),
  module: (id: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}`),
  besluit: (id: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}/besluit`),
  levenscyclus: (id: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}/levenscyclus`),
  examens: (id: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}/examens`),
  intrekken: (id: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}/intrekken`),
  inschrijvingen: (id: string, schooljaar?: string) => apiUrl(`/api/menukaart/modulen/${seg(id)}/inschrijvingen`, schooljaar ? { schooljaar } : {}),
  inschrijvingenExport: (id: string, formaat: 'csv' | 'xlsx', schooljaar?: string) =>
    apiUrl(`/api/menukaart/modulen/${seg(id)}/inschrijvingen/export`, { formaat, ...(schooljaar ? { schooljaar } : {}) }),
  publiek: (slug: string, filter: Filter) => apiUrl(`/api/publiek/menukaart/${seg(slug)}`, filter),
  publiekeModule: (slug: string, module: string) => apiUrl(`/api/publiek/menukaart/${seg(slug)}/modulen/${seg(module)}`),
  export: (slug: string, formaat: 'csv' | 'xlsx' | 'pdf', filter: Filter) => apiUrl(`/api/publiek/menukaart/${seg(slug)}/export`, { ...filter, formaat }),
};

export const menukaartApi = {
  mijn: (signal?: AbortSignal) => getJson(menukaartUrls.mijn(), MijnMenukaarten, signal),
  beheer: (regioId: string, signal?: AbortSignal) => getJson(menukaartUrls.beheer(regioId), MenukaartBeheer, signal),
  voorstellen: (regioId: string, body: ModuleInvoer) => sendJson('POST', menukaartUrls.modulen(regioId), body, ModuleDetail),
  dashboard: (regioId: string, signal?: AbortSignal) => getJson(menukaartUrls.dashboard(regioId), MenukaartDashboard, signal),
  module: (id: string, signal?: AbortSignal) => getJson(menukaartUrls.module(id), ModuleDetail, signal),
  wijzig: (id: string, body: ModuleWijzigen) => sendJson('PUT', menukaartUrls.module(id), body, ModuleDetail),
  besluit: (id: string, body: ModuleBesluit) => sendJson('POST', menukaartUrls.besluit(id), body, ModuleDetail),
  levenscyclus: (id: string, body: LevenscyclusWijzigen) => sendJson('PUT', menukaartUrls.levenscyclus(id), body, ModuleDetail),
  examens: (id: string, body: ExamensVastleggen) => sendJson('PUT', menukaartUrls.examens(id), body, ModuleDetail),
  intrekken: (id: string, body: VoorstelIntrekken) => sendJson('POST', menukaartUrls.intrekken(id), body, ModuleDetail),
  inschrijvingen: (id: string, schooljaar: string | undefined, signal?: AbortSignal) => getJson(menukaartUrls.inschrijvingen(id, schooljaar), ModuleInschrijvingen, signal),
  publiek: (slug: string, filter: Filter, signal?: AbortSignal) => getJson(menukaartUrls.publiek(slug, filter), PubliekeMenukaart, signal),
  publiekeModule: (slug: string, module: string, signal?: AbortSignal) => getJson(menukaartUrls.publiekeModule(slug, module), ModuleDetail, signal),
};

export const publiekPath = (slug: string) => `/regio/${seg(slug)}/menukaart`;
export const publiekeModulePath = (slug: string, module: string) => `/regio/${seg(slug)}/menukaart/${seg(module)}`;
export const beheerPath = (regioId: string) => `/regios/${seg(regioId)}/menukaart`;
export const modulePath = (id: string) => `/menukaart/modulen/${seg(id)}`;
export const inschrijvingenPath = (id: string) => `/menukaart/modulen/${seg(id)}/inschrijvingen`;
