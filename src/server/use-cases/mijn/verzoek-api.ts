/** A stored request as the API gives it (shared by the pupil's and the examencommissie's use cases). */
import type { VrijstellingVerzoek } from '../../../shared/vrijstelling-api.js';
import type { VerzoekRecord } from '../../repositories/vrijstelling-repository.js';

export function toVerzoekApi(v: VerzoekRecord): VrijstellingVerzoek {
  return {
    id: v.id,
    status: v.status,
    versie: v.versie,
    instelling: { id: v.organisationId, naam: v.instelling },
    opleiding: v.opleiding,
    crebo: v.crebo,
    toelichting: v.toelichting,
    ingediendOp: v.ingediendOp,
    besluitReden: v.besluitReden,
    beslotenOp: v.beslotenOp,
    beslotenDoor: v.beslotenDoor,
  };
}
