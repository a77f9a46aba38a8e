/**
 * The member schools of a region (issue 15): who may see and change them, and when a school may leave. Pure, no I/O;
 * the first statement of every use case in src/server/use-cases/organisations/regio-leden.ts asks it.
 *
 * A school (vmbo-school or mbo-instelling) belongs to at most one region: `organisation.regio_id`. The region's
 * beheerder adds a school that is in no region yet and removes a member school; a school's beheerder may take the
 * school out of its region. Both under the same rule (`beoordeelVertrek`): a school leaves only when the region's
 * menukaart no longer depends on it —
 *
 * - it offers no published module there (the region's beheerder withdraws those first: pupils choose them);
 * - no pupil choice is open or approved for the current or a later schooljaar, on a module of the school or by a
 *   pupil of the school (the decaan decides on the open ones first; an approved choice is part of a pupil's programme,
 *   so the school stays until that schooljaar is over).
 *
 * What the school still had waiting (proposals, proposals sent back) is withdrawn when it leaves; withdrawn modules
 * and recorded exams stay, as history and for the counts.
 */
import { rolesIn, STAFF_ROLES, type Actor, type Decision } from '../auth/rules.js';
import type { OrganisationKind } from '../../shared/roles.js';

export type RegioLedenActie = 'lezen' | 'beheren';

/** The region's staff read its member schools; its beheerder adds and removes them; anyone else: not found. */
export function decideRegioLeden(actor: Actor | null, actie: RegioLedenActie, regioId: string): Decision {
  const roles = rolesIn(actor, regioId);
  if (roles.length === 0) return 'not_found';
  if (actie === 'lezen') return roles.some((r) => STAFF_ROLES.includes(r)) ? 'allow' : 'forbidden';
  return roles.includes('beheerder') ? 'allow' : 'forbidden';
}

export type SchoolRegioActie = 'lezen' | 'verlaten';

/** Every member of a school sees which region it belongs to; its beheerder may take it out; anyone else: not found. */
export function decideSchoolRegio(actor: Actor | null, actie: SchoolRegioActie, schoolId: string): Decision {
  const roles = rolesIn(actor, schoolId);
  if (roles.length === 0) return 'not_found';
  if (actie === 'lezen') return 'allow';
  return roles.includes('beheerder') ? 'allow' : 'forbidden';
}

/** The kinds of organisation that can be a member of a region. */
export const LID_SOORTEN: readonly OrganisationKind[] = ['vmbo-school', 'mbo-instelling'];

export type Toevoegen = { ok: true } | { ok: false; status: 'conflict' | 'validation_failed'; melding: string };

/** Whether `school` can be added to `regio` (its current region, if any, by name). */
export function beoordeelToevoegen(school: { naam: string; soort: OrganisationKind; regio: { id: string; naam: string } | null }, regio: { id: string; naam: string }): Toevoegen {
  if (!LID_SOORTEN.includes(school.soort)) {
    return { ok: false, status: 'validation_failed', melding: `Alleen een vmbo-school of mbo-instelling kan lid worden van een regio; ${school.naam} is dat niet.` };
  }
  if (school.regio?.id === regio.id) return { ok: false, status: 'conflict', melding: `${school.naam} is al lid van regio ${regio.naam}.` };
  if (school.regio) {
    return {
      ok: false,
      status: 'conflict',
      melding:
        `${school.naam} hoort al bij regio ${school.regio.naam}. Een school hoort bij één regio: de beheerder van ${school.regio.naam} haalt ` +
        `${school.naam} eerst uit die regio, of de beheerder van ${school.naam} meldt de school daar af. Daarna kunt u ${school.naam} toevoegen.`,
    };
  }
  return { ok: true };
}

/** What ties a school to the region's menukaart at this moment. */
export interface Binding {
  /** Titles of the school's published modules on the region's menukaart. */
  gepubliceerd: readonly string[];
  /** Pupil choices waiting for the decaan (aangevraagd), current or later schooljaar. */
  keuzesOpen: number;
  /** Approved pupil choices of the current or a later schooljaar. */
  keuzesGoedgekeurd: number;
  /** The current schooljaar, e.g. 2026-2027. */
  schooljaar: string;
}

const aantal = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;
const opsomming = (items: readonly string[]): string => {
  const q = items.map((t) => `‘${t}’`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} en ${q.at(-1)}`;
};

/**
 * The reasons the school cannot leave yet, each saying what to do first (empty: it may leave). `wie`: who asks — the
 * region's beheerder or the school's own beheerder — so the advice names the right person.
 */
export function beoordeelVertrek(b: Binding, wie: 'regio' | 'school'): string[] {
  const redenen: string[] = [];
  if (b.gepubliceerd.length > 0) {
    redenen.push(
      `De school biedt nog ${aantal(b.gepubliceerd.length, 'gepubliceerde module', 'gepubliceerde modules')} aan op de menukaart (${opsomming(b.gepubliceerd)}). ` +
        (wie === 'regio' ? 'Trek die eerst in op de menukaart van de regio.' : 'Vraag de beheerder van de regio die eerst in te trekken.'),
    );
  }
  if (b.keuzesOpen > 0) {
    redenen.push(
      `Er ${b.keuzesOpen === 1 ? 'wacht' : 'wachten'} nog ${aantal(b.keuzesOpen, 'keuze', 'keuzes')} van leerlingen op een besluit. ` +
        'De decaan keurt die eerst goed of stuurt ze terug, of de leerlingen trekken ze in.',
    );
  }
  if (b.keuzesGoedgekeurd > 0) {
    redenen.push(
      `${aantal(b.keuzesGoedgekeurd, 'goedgekeurde keuze', 'goedgekeurde keuzes')} van leerlingen ${b.keuzesGoedgekeurd === 1 ? 'hoort' : 'horen'} bij schooljaar ${b.schooljaar} of later. ` +
        'Een goedgekeurde keuze is deel van het programma van de leerling: de school kan pas weg als die schooljaren voorbij zijn.',
    );
  }
  return redenen;
}

/** The 409 detail when a school cannot leave its region yet. */
export function vertrekGeweigerd(school: string, regio: string, redenen: readonly string[]): string {
  return `${school} kan nu niet uit regio ${regio}. ${redenen.join(' ')}`;
}

/** The answer after a school left: what happened to its waiting proposals. */
export function vertrekBericht(school: string, regio: string, ingetrokken: number): string {
  const voorstellen = ingetrokken === 0 ? '' : ` ${aantal(ingetrokken, 'open voorstel', 'open voorstellen')} voor de menukaart ${ingetrokken === 1 ? 'is' : 'zijn'} ingetrokken.`;
  return `${school} is geen lid meer van regio ${regio}.${voorstellen}`;
}
