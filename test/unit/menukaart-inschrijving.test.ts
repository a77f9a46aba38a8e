/**
 * The provider's enrolment list (src/domain/menukaart/inschrijving.ts): who may see it (each rule with an example that
 * passes and one that fails), the places used and left per period, the CSV (BOM, semicolons, no formula injection).
 */
import { describe, expect, it } from 'vitest';
import { decideInschrijvingen, inschrijvingCsv, plaatsenPerPeriode, sorteerInschrijvingen, type InschrijvingRij } from '../../src/domain/menukaart/inschrijving.js';
import type { Actor } from '../../src/domain/auth/rules.js';
import type { Role } from '../../src/shared/roles.js';

const scope = { regioId: 'regio', scholen: ['vmbo', 'mbo'] };
const module = { aanbiederId: 'mbo' };
const actor = (organisationId: string, rol: Role): Actor => ({ userId: 'u', memberships: [{ organisationId, rol }] });

describe('who sees the enrolment list of a module', () => {
  it.each([
    ['the region’s beheerder', actor('regio', 'beheerder'), 'allow'],
    ['the provider’s beheerder', actor('mbo', 'beheerder'), 'allow'],
    ['the provider’s decaan', actor('mbo', 'decaan'), 'allow'],
    ['the provider’s examinator', actor('mbo', 'examinator'), 'allow'],
    ['the provider’s beoordelaar', actor('mbo', 'beoordelaar'), 'allow'],
    ['the provider’s ontwikkelaar (no pupil data)', actor('mbo', 'ontwikkelaar'), 'forbidden'],
    ['the provider’s examencommissie', actor('mbo', 'examencommissie'), 'forbidden'],
    ['the region’s ontwikkelaar', actor('regio', 'ontwikkelaar'), 'forbidden'],
    ['the decaan of another school of the region', actor('vmbo', 'decaan'), 'forbidden'],
    ['a pupil of the region', actor('vmbo', 'leerling'), 'forbidden'],
    ['someone outside the region', actor('elders', 'beheerder'), 'not_found'],
  ] as const)('%s: %s', (_naam, a, besluit) => {
    expect(decideInschrijvingen(a, scope, module)).toBe(besluit);
  });
  it('nobody signed in: not found', () => expect(decideInschrijvingen(null, scope, module)).toBe('not_found'));
});

describe('places per period', () => {
  it('counts approved and waiting choices against the capacity, never below zero, and always shows the asked schooljaar', () => {
    const p = plaatsenPerPeriode(
      3,
      'P2',
      [
        { schooljaar: '2026-2027', periode: 'P2', status: 'goedgekeurd', aantal: 2 },
        { schooljaar: '2026-2027', periode: 'P2', status: 'aangevraagd', aantal: 2 },
        { schooljaar: '2025-2026', periode: 'P2', status: 'goedgekeurd', aantal: 1 },
      ],
      ['2027-2028'],
    );
    expect(p).toEqual([
      { schooljaar: '2025-2026', periode: 'P2', capaciteit: 3, goedgekeurd: 1, aangevraagd: 0, vrij: 2 },
      { schooljaar: '2026-2027', periode: 'P2', capaciteit: 3, goedgekeurd: 2, aangevraagd: 2, vrij: 0 },
      { schooljaar: '2027-2028', periode: 'P2', capaciteit: 3, goedgekeurd: 0, aangevraagd: 0, vrij: 3 },
    ]);
  });
});

describe('the enrolment list as CSV', () => {
  const rij = (naam: string, school = 'Vmbo College'): InschrijvingRij => ({ naam, school, leerweg: 'KB', leerjaar: 3, schooljaar: '2026-2027', periode: 'P1' });
  it('sorts by schooljaar, period, school and name and writes a BOM, semicolons, quotes where needed and no formulas', () => {
    const rijen = sorteerInschrijvingen([rij('Zoë de Vries'), rij('=HYPERLINK("x")'), { ...rij('Anna; Bakker'), leerweg: null }, rij('Bram', 'Andere school')]);
    expect(rijen.map((r) => r.naam)).toEqual(['Bram', '=HYPERLINK("x")', 'Anna; Bakker', 'Zoë de Vries']);
    const csv = inschrijvingCsv(rijen);
    expect(csv.startsWith('\uFEFFLeerling;School;Leerweg;Leerjaar;Schooljaar;Periode\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")";Vmbo College;KB;3;2026-2027;Periode 1`);
    expect(csv).toContain('"Anna; Bakker";Vmbo College;onbekend;3;2026-2027;Periode 1');
  });
});
