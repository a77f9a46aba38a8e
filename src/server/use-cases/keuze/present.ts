/** Turning the stored choices and settings into the answers of src/shared/keuze-api.ts. */
import { deadlineVoor, STANDAARD_MODULES_PER_PERIODE } from '../../../domain/menukaart/keuze.js';
import type { Keuze, KeuzeInstellingen } from '../../../shared/keuze-api.js';
import type { InstellingRow, KeuzeRow } from '../../repositories/keuze-repository.js';

export function toInstellingen(schoolId: string, row: InstellingRow | undefined): KeuzeInstellingen {
  return row ? { ...row } : { schoolId, modulesPerPeriode: STANDAARD_MODULES_PER_PERIODE, deadlines: {}, versie: 0 };
}

export function toKeuze(r: KeuzeRow, instellingen: KeuzeInstellingen): Keuze {
  return {
    id: r.id,
    leerling: { id: r.accountId, naam: r.accountNaam },
    module: { id: r.moduleId, titel: r.moduleTitel, slug: r.moduleSlug, regioSlug: r.regioSlug, soort: r.moduleSoort, aanbiederNaam: r.aanbiederNaam, periode: r.periode, kwalificaties: r.kwalificaties },
    schooljaar: r.schooljaar,
    periode: r.periode,
    status: r.status,
    reden: r.reden,
    cohort: r.cohortId && r.cohortNaam ? { id: r.cohortId, naam: r.cohortNaam } : null,
    beoordeeldDoor: r.beoordeeldDoorNaam,
    deadline: deadlineVoor(instellingen.deadlines, r.schooljaar, r.periode),
    versie: r.versie,
    createdAt: r.createdAt,
  };
}
