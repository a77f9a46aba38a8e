/** The exam plan's life (issue 14): status transitions, grondslag, content checks and what submission needs. */
import { describe, expect, it } from 'vitest';
import { dekking } from '../../src/domain/examen/dekking.js';
import { inschrijvingCsv, waarschuwingen, type InschrijvingRij } from '../../src/domain/examen/inschrijving-export.js';
import { controleerInhoud, grondslagProbleem, kanIndienen, magActie, maxPunten, type PlanContext } from '../../src/domain/examen/plan.js';
import { ExamenplanInhoud } from '../../src/shared/examen-api.js';

const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';
const T1 = '33333333-3333-4333-8333-333333333333';
const ctx: PlanContext = { eindtermIds: new Set(['e1', 'e2']), mboIds: new Set(['keuzedeel:K0072']), ptaToetsIds: new Set([T1]), examinatorIds: new Set([U1]), beoordelaarIds: new Set([U2]) };
const inhoud = (over: Record<string, unknown> = {}) =>
  ExamenplanInhoud.parse({
    onderdelen: [{ id: 'o1', titel: 'Opdracht', criteria: [{ id: 'c1', omschrijving: 'Ontwerp', maxScore: 10, eindtermen: ['e1'] }, { id: 'c2', omschrijving: 'Bouw', maxScore: 10, eindtermen: ['e2'], werkprocessen: ['keuzedeel:K0072'] }] }],
    cesuur: { minimumPunten: 11 },
    examinatorId: U1,
    beoordelaarId: U2,
    ...over,
  });

describe('status transitions', () => {
  it.each([
    ['concept', 'opslaan', true],
    ['concept', 'indienen', true],
    ['concept', 'vaststellen', false],
    ['ingediend', 'opslaan', false],
    ['ingediend', 'vaststellen', true],
    ['ingediend', 'terugsturen', true],
    ['ingediend', 'dekking-accepteren', true],
    ['vastgesteld', 'opslaan', false],
    ['vastgesteld', 'nieuwe-versie', true],
    ['vastgesteld', 'vaststellen', false],
    ['vervangen', 'nieuwe-versie', false],
    ['vervangen', 'opslaan', false],
  ] as const)('%s → %s: %s', (status, actie, ok) => {
    expect(magActie(status, actie).ok).toBe(ok);
  });

  it('says a vastgesteld plan is frozen and how to change it', () => {
    const r = magActie('vastgesteld', 'opslaan');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.melding).toContain('nieuwe versie');
  });
});

describe('grondslag', () => {
  it('extraneus is always possible; a joint PTA/OER only in a doorlopende or geïntegreerde route with a PTA toets', () => {
    expect(grondslagProbleem('extraneus', 'keuzevak-keuzedeel', 0)).toBeNull();
    expect(grondslagProbleem('gezamenlijk-pta-oer', 'keuzevak-keuzedeel', 3)).toContain('extraneus');
    expect(grondslagProbleem('gezamenlijk-pta-oer', 'doorlopend', 0)).toContain('PTA');
    expect(grondslagProbleem('gezamenlijk-pta-oer', 'geintegreerd', 1)).toBeNull();
    expect(grondslagProbleem('gezamenlijk-pta-oer', 'gl-tl-niveau4', 1)).not.toBeNull();
  });
});

describe('content checks', () => {
  it('accepts a sound plan', () => {
    expect(controleerInhoud(inhoud(), ctx)).toEqual([]);
    expect(maxPunten(inhoud())).toBe(20);
  });

  it('refuses duplicate ids, an unreachable cesuur, unknown eindtermen, wrong assessors and a toets outside the PTA', () => {
    const bad = inhoud({
      onderdelen: [{ id: 'o1', titel: 'A', criteria: [{ id: 'c1', omschrijving: 'x', maxScore: 5, minimumScore: 6, eindtermen: ['e9'] }, { id: 'c1', omschrijving: 'y', maxScore: 5, werkprocessen: ['x'] }] }],
      cesuur: { minimumPunten: 11 },
      examinatorId: U2,
      beoordelaarId: U1,
      ptaToetsId: U1,
    });
    const paths = controleerInhoud(bad, ctx).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.inhoud.onderdelen.0.criteria.1.id',
        'body.inhoud.onderdelen.0.criteria.0.minimumScore',
        'body.inhoud.onderdelen.0.criteria.0.eindtermen',
        'body.inhoud.onderdelen.0.criteria.1.werkprocessen',
        'body.inhoud.cesuur.minimumPunten',
        'body.inhoud.examinatorId',
        'body.inhoud.beoordelaarId',
        'body.inhoud.ptaToetsId',
      ]),
    );
  });

  it('a conversion table rises in points and has one decimal', () => {
    const t = inhoud({ omzetting: { methode: 'tabel', tabel: [{ vanafPunten: 0, cijfer: 1 }, { vanafPunten: 0, cijfer: 5.55 }] } });
    const paths = controleerInhoud(t, ctx).map((f) => f.path);
    expect(paths).toContain('body.inhoud.omzetting.tabel.1.vanafPunten');
    expect(paths).toContain('body.inhoud.omzetting.tabel.1.cijfer');
  });
});

describe('submission', () => {
  const E = [{ id: 'e1', code: 'E1', titel: 'a' }, { id: 'e2', code: 'E2', titel: 'b' }, { id: 'e3', code: 'E3', titel: 'c' }];
  it('needs onderdelen and both assessors, and the PTA toets for a joint PTA/OER', () => {
    const leeg = ExamenplanInhoud.parse({});
    expect(kanIndienen(leeg, 'extraneus', dekking([], []), true).map((f) => f.path)).toEqual(['inhoud.onderdelen', 'inhoud.examinatorId', 'inhoud.beoordelaarId']);
    expect(kanIndienen(inhoud(), 'gezamenlijk-pta-oer', dekking([], []), true).map((f) => f.path)).toEqual(['inhoud.ptaToetsId']);
  });
  it('is blocked by an open gap unless accepted', () => {
    const d = dekking(E, inhoud().onderdelen);
    expect(kanIndienen(inhoud(), 'extraneus', d, false)).toEqual([expect.objectContaining({ path: 'dekking', message: expect.stringContaining('E3') })]);
    expect(kanIndienen(inhoud(), 'extraneus', d, true)).toEqual([]);
  });
});

describe('registration export', () => {
  const rij = (over: Partial<InschrijvingRij>): InschrijvingRij => ({
    leerlingId: 'l1', leerlingnummer: '1001', roepnaam: 'Sanne', tussenvoegsel: '', achternaam: 'Bakker', geboortedatum: '2011-04-02', school: 'Demo Vmbo College',
    keuzedeelCode: 'K0072', keuzedeelTitel: 'Ondernemend gedrag', examendatum: '2027-04-12', status: 'aangemeld', ...over,
  });
  it('warns for a missing birth date and writes one CSV row per pupil, safe for spreadsheets', () => {
    const rijen = [rij({}), rij({ leerlingId: 'l2', leerlingnummer: '1002', roepnaam: '=Jip', tussenvoegsel: 'van', achternaam: 'Dijk; jr', geboortedatum: null })];
    expect(waarschuwingen(rijen)).toEqual([{ leerlingId: 'l2', naam: '=Jip van Dijk; jr', ontbreekt: ['geboortedatum'] }]);
    const lines = inschrijvingCsv(rijen).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('1001;Sanne;;Bakker;2011-04-02;Demo Vmbo College;K0072;Ondernemend gedrag;2027-04-12;aangemeld');
    expect(lines[2]).toBe(`1002;"'=Jip";van;"Dijk; jr";;Demo Vmbo College;K0072;Ondernemend gedrag;2027-04-12;aangemeld`);
  });
});
