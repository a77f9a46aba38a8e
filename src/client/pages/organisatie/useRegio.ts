/** Client calls and state of a region's member schools and of a school's region (issue 15; src/shared/regio-api.ts). */
import { z } from 'zod';
import { RegioKandidaat, RegioLeden, RegioLid, RegioVertrek, SchoolRegio } from '../../../shared/regio-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';
import { useReloading } from '../../lib/useReloading.js';

const seg = encodeURIComponent;

export const regioUrls = {
  leden: (regioId: string) => apiUrl(`/api/regios/${seg(regioId)}/leden`),
  lid: (regioId: string, schoolId: string) => apiUrl(`/api/regios/${seg(regioId)}/leden/${seg(schoolId)}`),
  kandidaten: (regioId: string, q: string) => apiUrl(`/api/regios/${seg(regioId)}/kandidaten`, { q }),
  schoolRegio: (schoolId: string) => apiUrl(`/api/organisaties/${seg(schoolId)}/regio`),
  verlaten: (schoolId: string) => apiUrl(`/api/organisaties/${seg(schoolId)}/regio/verlaten`),
};

export const regioApi = {
  leden: (regioId: string, signal?: AbortSignal) => getJson(regioUrls.leden(regioId), RegioLeden, signal),
  kandidaten: (regioId: string, q: string, signal?: AbortSignal) => getJson(regioUrls.kandidaten(regioId, q), z.array(RegioKandidaat), signal),
  toevoegen: (regioId: string, organisatieId: string) => sendJson('POST', regioUrls.leden(regioId), { organisatieId }, RegioLid),
  verwijderen: (regioId: string, schoolId: string) => sendJson('DELETE', regioUrls.lid(regioId, schoolId), undefined, RegioVertrek),
  schoolRegio: (schoolId: string, signal?: AbortSignal) => getJson(regioUrls.schoolRegio(schoolId), SchoolRegio, signal),
  verlaten: (schoolId: string) => sendJson('POST', regioUrls.verlaten(schoolId), undefined, RegioVertrek),
};

export const useRegioLeden = (regioId: string) => useReloading(regioUrls.leden(regioId), (signal) => regioApi.leden(regioId, signal));
export const useSchoolRegio = (schoolId: string) => useReloading(regioUrls.schoolRegio(schoolId), (signal) => regioApi.schoolRegio(schoolId, signal));
