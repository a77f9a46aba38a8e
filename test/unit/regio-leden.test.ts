/** The pure rules of a region's member schools (src/domain/regio/leden.ts): who may do what, adding, leaving. */
import { describe, expect, it } from 'vitest';
import { beoordeelToevoegen, beoordeelVertrek, decideRegioLeden, decideSchoolRegio, vertrekBericht, vertrekGeweigerd } from '../../src/domain/regio/leden.js';
import type { Actor } from '../../src/domain/auth/rules.js';

const REGIO = 'regio-1';
const SCHOOL = 'school-1';
const actor = (...m: Array<[string, Actor['memberships'][number]['rol']]>): Actor => ({ userId: 'u', memberships: m.map(([organisationId, rol]) => ({ organisationId, rol })) });

describe('who sees and manages the member schools of a region', () => {
  it('lets the region’s staff read, its beheerder manage; anyone else does not learn it exists', () => {
    expect(decideRegioLeden(actor([REGIO, 'beheerder']), 'lezen', REGIO)).toBe('allow');
    expect(decideRegioLeden(actor([REGIO, 'beheerder']), 'beheren', REGIO)).toBe('allow');
    expect(decideRegioLeden(actor([REGIO, 'ontwikkelaar']), 'lezen', REGIO)).toBe('allow');
    expect(decideRegioLeden(actor([REGIO, 'ontwikkelaar']), 'beheren', REGIO)).toBe('forbidden');
    expect(decideRegioLeden(actor([REGIO, 'leerling']), 'lezen', REGIO)).toBe('forbidden');
    // The beheerder of a member school is no one in the region itself.
    expect(decideRegioLeden(actor([SCHOOL, 'beheerder']), 'lezen', REGIO)).toBe('not_found');
    expect(decideRegioLeden(null, 'lezen', REGIO)).toBe('not_found');
  });

  it('shows every member of a school its region; only the school’s beheerder takes it out', () => {
    expect(decideSchoolRegio(actor([SCHOOL, 'leerling']), 'lezen', SCHOOL)).toBe('allow');
    expect(decideSchoolRegio(actor([SCHOOL, 'decaan']), 'verlaten', SCHOOL)).toBe('forbidden');
    expect(decideSchoolRegio(actor([SCHOOL, 'beheerder']), 'verlaten', SCHOOL)).toBe('allow');
    expect(decideSchoolRegio(actor([REGIO, 'beheerder']), 'verlaten', SCHOOL)).toBe('not_found');
  });
});

describe('adding a school', () => {
  const regio = { id: REGIO, naam: 'Regio Noord' };
  it('adds a vmbo school or mbo instelling that is in no region', () => {
    expect(beoordeelToevoegen({ naam: 'Het College', soort: 'vmbo-school', regio: null }, regio)).toEqual({ ok: true });
    expect(beoordeelToevoegen({ naam: 'ROC Noord', soort: 'mbo-instelling', regio: null }, regio)).toEqual({ ok: true });
  });
  it('never takes over a school of another region, and says who can free it', () => {
    const r = beoordeelToevoegen({ naam: 'Het College', soort: 'vmbo-school', regio: { id: 'r2', naam: 'Regio Zuid' } }, regio);
    expect(r).toEqual({
      ok: false,
      status: 'conflict',
      melding:
        'Het College hoort al bij regio Regio Zuid. Een school hoort bij één regio: de beheerder van Regio Zuid haalt Het College eerst uit die regio, of de beheerder van Het College meldt de school daar af. Daarna kunt u Het College toevoegen.',
    });
  });
  it('refuses a member twice and a region as a member', () => {
    expect(beoordeelToevoegen({ naam: 'Het College', soort: 'vmbo-school', regio }, regio)).toEqual({ ok: false, status: 'conflict', melding: 'Het College is al lid van regio Regio Noord.' });
    expect(beoordeelToevoegen({ naam: 'Regio Zuid', soort: 'regio', regio: null }, regio)).toMatchObject({ ok: false, status: 'validation_failed' });
  });
});

describe('a school leaving its region', () => {
  const vrij = { gepubliceerd: [], keuzesOpen: 0, keuzesGoedgekeurd: 0, schooljaar: '2026-2027' };
  it('may leave when the menukaart does not depend on it (open proposals are withdrawn, not a reason)', () => {
    expect(beoordeelVertrek(vrij, 'regio')).toEqual([]);
    expect(vertrekBericht('Het College', 'Regio Noord', 0)).toBe('Het College is geen lid meer van regio Regio Noord.');
    expect(vertrekBericht('Het College', 'Regio Noord', 2)).toBe('Het College is geen lid meer van regio Regio Noord. 2 open voorstellen voor de menukaart zijn ingetrokken.');
  });
  it('is refused while it has published modules, saying who withdraws them', () => {
    const b = { ...vrij, gepubliceerd: ['Lassen', 'Solderen'] };
    expect(beoordeelVertrek(b, 'regio')).toEqual(['De school biedt nog 2 gepubliceerde modules aan op de menukaart (‘Lassen’ en ‘Solderen’). Trek die eerst in op de menukaart van de regio.']);
    expect(beoordeelVertrek({ ...vrij, gepubliceerd: ['Lassen'] }, 'school')).toEqual([
      'De school biedt nog 1 gepubliceerde module aan op de menukaart (‘Lassen’). Vraag de beheerder van de regio die eerst in te trekken.',
    ]);
  });
  it('is refused while pupils’ choices wait or are approved for this schooljaar or later, in one message', () => {
    const redenen = beoordeelVertrek({ ...vrij, keuzesOpen: 1, keuzesGoedgekeurd: 3 }, 'regio');
    expect(redenen).toEqual([
      'Er wacht nog 1 keuze van leerlingen op een besluit. De decaan keurt die eerst goed of stuurt ze terug, of de leerlingen trekken ze in.',
      '3 goedgekeurde keuzes van leerlingen horen bij schooljaar 2026-2027 of later. Een goedgekeurde keuze is deel van het programma van de leerling: de school kan pas weg als die schooljaren voorbij zijn.',
    ]);
    expect(vertrekGeweigerd('Het College', 'Regio Noord', redenen)).toMatch(/^Het College kan nu niet uit regio Regio Noord\. Er wacht nog 1 keuze/);
  });
});
