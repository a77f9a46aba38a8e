/**
 * Client calls of pupils and cohorts (issue 14; contract in src/shared/leerlingen-api.ts). Answers are parsed with the
 * shared schemas; changes send the CSRF token. The import sends the file itself as the body, like the catalogue upload.
 */
import {
  CohortDetail, CohortLijst, LeerlingImportRapport, LeerlingUitnodiging, type CohortAanmaken, type CohortWijzigen, type Kolomtoewijzing, type LeerlingInvoerIn, type LeerlingWijzigen,
} from '../../../shared/leerlingen-api.js';
import { apiUrl, getJson, sendFile, sendJson } from '../../api.js';
import { formatDatum } from '../../lib/format.js';

const seg = encodeURIComponent;

export const leerlingenUrls = {
  cohorten: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/cohorten`),
  cohort: (cohortId: string) => apiUrl(`/api/cohorten/${seg(cohortId)}`),
  leerlingen: (cohortId: string) => apiUrl(`/api/cohorten/${seg(cohortId)}/leerlingen`),
  leerling: (cohortId: string, leerlingId: string) => apiUrl(`/api/cohorten/${seg(cohortId)}/leerlingen/${seg(leerlingId)}`),
  uitnodiging: (cohortId: string, leerlingId: string) => apiUrl(`/api/cohorten/${seg(cohortId)}/leerlingen/${seg(leerlingId)}/uitnodiging`),
  export: (cohortId: string) => apiUrl(`/api/cohorten/${seg(cohortId)}/leerlingen.csv`),
};

export const leerlingenApi = {
  cohorten: (routeId: string, signal?: AbortSignal) => getJson(leerlingenUrls.cohorten(routeId), CohortLijst, signal),
  maakCohort: (routeId: string, body: CohortAanmaken) => sendJson('POST', leerlingenUrls.cohorten(routeId), body, CohortDetail),
  cohort: (cohortId: string, signal?: AbortSignal) => getJson(leerlingenUrls.cohort(cohortId), CohortDetail, signal),
  wijzigCohort: (cohortId: string, body: CohortWijzigen) => sendJson('PATCH', leerlingenUrls.cohort(cohortId), body, CohortDetail),
  voegToe: (cohortId: string, body: LeerlingInvoerIn) => sendJson('POST', leerlingenUrls.leerlingen(cohortId), body, CohortDetail),
  wijzig: (cohortId: string, leerlingId: string, body: LeerlingWijzigen) => sendJson('PATCH', leerlingenUrls.leerling(cohortId, leerlingId), body, CohortDetail),
  verwijder: (cohortId: string, leerlingId: string) => sendJson('DELETE', leerlingenUrls.leerling(cohortId, leerlingId), undefined, CohortDetail),
  nodigUit: (cohortId: string, leerlingId: string, email: string) => sendJson('POST', leerlingenUrls.uitnodiging(cohortId, leerlingId), { email }, LeerlingUitnodiging),
};

export const cohortenPath = (routeId: string) => `/leerroutes/${seg(routeId)}/leerlingen`;
export const cohortPath = (cohortId: string) => `/cohorten/${seg(cohortId)}`;
export const importPath = (cohortId: string) => `/cohorten/${seg(cohortId)}/import`;

/** Uploads the file for a dry run or the import. A refused import (422) throws with the problem's errors. */
export function importeer(cohortId: string, upload: { file: File; dryRun: boolean; kolommen: Kolomtoewijzing }, signal?: AbortSignal): Promise<LeerlingImportRapport> {
  const kolommen = Object.fromEntries(Object.entries(upload.kolommen).filter(([, v]) => v));
  const url = apiUrl(`/api/cohorten/${seg(cohortId)}/leerlingen/import`, {
    bestandsnaam: upload.file.name,
    dryRun: String(upload.dryRun),
    kolommen: Object.keys(kolommen).length > 0 ? JSON.stringify(kolommen) : undefined,
  });
  return sendFile(url, upload.file, LeerlingImportRapport, { signal });
}

export const datum = formatDatum;
export const volledigeNaam = (l: { roepnaam: string; tussenvoegsel?: string; achternaam: string }) => [l.roepnaam, l.tussenvoegsel, l.achternaam].filter(Boolean).join(' ');
