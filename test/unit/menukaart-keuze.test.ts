/** The pure rules of choosing menukaart modules (issue 15, the pupil's programme). */
import { describe, expect, it } from 'vitest';
import {
  afgeleidLeerlingnummer, beoordeelKeuze, cohortEinddatum, deadlineVoor, eindigtVoor, naamDelen, overlapt, periodeStart, schooljaarVan, standaardDeadline, type KeuzeContext,
} from '../../src/domain/menukaart/keuze.js';
import { decideSchoolKeuzes, decideToelatingseisen, keuzeSchool } from '../../src/domain/menukaart/keuze-rules.js';

const ctx = (o: Partial<KeuzeContext> = {}): KeuzeContext => ({
  module: { id: 'm', titel: 'Robotica', periode: 'P3', capaciteit: 10, voorwaarden: [] },
  schooljaar: '2026-2027',
  vandaag: '2026-12-07',
  eigen: [],
  bezet: 0,
  modulesPerPeriode: 2,
  deadlines: {},
  titels: new Map([['k', 'Kennismaken']]),
  ...o,
});

describe('periods and deadlines', () => {
  it('places the periods in the schooljaar and sets the default deadline two weeks before the start', () => {
    expect(periodeStart('2026-2027', 'P1')).toBe('2026-09-01');
    expect(periodeStart('2026-2027', 'P3')).toBe('2027-02-01');
    expect(standaardDeadline('2026-2027', 'P3')).toBe('2027-01-18');
    expect(standaardDeadline('2026-2027', 'P1')).toBe('2026-08-18');
    expect(deadlineVoor({ '2026-2027/P3': '2027-01-05' }, '2026-2027', 'P3')).toBe('2027-01-05');
    expect(schooljaarVan('2026-12-07')).toBe('2026-2027');
    expect(schooljaarVan('2027-03-01')).toBe('2026-2027');
    expect(schooljaarVan('2027-08-01')).toBe('2027-2028');
  });
  it('knows which periods overlap and which come first', () => {
    expect(overlapt('P1', 'P2')).toBe(false);
    expect(overlapt('jaar', 'P3')).toBe(true);
    expect(eindigtVoor({ schooljaar: '2026-2027', periode: 'P1' }, { schooljaar: '2026-2027', periode: 'P2' })).toBe(true);
    expect(eindigtVoor({ schooljaar: '2026-2027', periode: 'P2' }, { schooljaar: '2026-2027', periode: 'P2' })).toBe(false);
    expect(eindigtVoor({ schooljaar: '2026-2027', periode: 'jaar' }, { schooljaar: '2026-2027', periode: 'P4' })).toBe(false);
    expect(eindigtVoor({ schooljaar: '2025-2026', periode: 'P4' }, { schooljaar: '2026-2027', periode: 'P1' })).toBe(true);
  });
});

describe('beoordeelKeuze', () => {
  it('allows a choice within the settings', () => {
    expect(beoordeelKeuze(ctx())).toBeNull();
  });
  it('refuses after the deadline (the day itself still counts)', () => {
    expect(beoordeelKeuze(ctx({ vandaag: '2027-01-18' }))).toBeNull();
    expect(beoordeelKeuze(ctx({ vandaag: '2027-01-19' }))).toMatchObject({ status: 409, melding: expect.stringContaining('kon tot en met 18 januari 2027') });
  });
  it('refuses a missing prerequisite, and one chosen for the same or a later period', () => {
    const m = { id: 'm', titel: 'Robotica', periode: 'P3' as const, capaciteit: 10, voorwaarden: ['k'] };
    expect(beoordeelKeuze(ctx({ module: m }))).toMatchObject({ status: 400, melding: 'Voor ‘Robotica’ moet je eerst ‘Kennismaken’ volgen. Kies die eerst voor een eerdere periode.' });
    expect(beoordeelKeuze(ctx({ module: m, eigen: [{ moduleId: 'k', schooljaar: '2026-2027', periode: 'P3', status: 'aangevraagd' }] }))).toMatchObject({ status: 400 });
    expect(beoordeelKeuze(ctx({ module: m, eigen: [{ moduleId: 'k', schooljaar: '2026-2027', periode: 'P2', status: 'teruggestuurd' }] }))).toMatchObject({ status: 400 });
    expect(beoordeelKeuze(ctx({ module: m, eigen: [{ moduleId: 'k', schooljaar: '2026-2027', periode: 'P2', status: 'goedgekeurd' }] }))).toBeNull();
  });
  it('refuses more modules per period than the school allows (a whole-year module counts in every period)', () => {
    const eigen = [
      { moduleId: 'a', schooljaar: '2026-2027', periode: 'jaar' as const, status: 'goedgekeurd' as const },
      { moduleId: 'b', schooljaar: '2026-2027', periode: 'P3' as const, status: 'aangevraagd' as const },
    ];
    expect(beoordeelKeuze(ctx({ eigen }))).toMatchObject({ status: 409, melding: 'Je kiest op jouw school hoogstens 2 modules per periode, en voor periode 3 van 2026-2027 heb je er al 2.' });
    expect(beoordeelKeuze(ctx({ eigen, modulesPerPeriode: 3 }))).toBeNull();
  });
  it('refuses a full module and a duplicate', () => {
    expect(beoordeelKeuze(ctx({ bezet: 10 }))).toMatchObject({ status: 409, melding: expect.stringContaining('is vol') });
    expect(beoordeelKeuze(ctx({ eigen: [{ moduleId: 'm', schooljaar: '2026-2027', periode: 'P3', status: 'aangevraagd' }] }))).toMatchObject({ melding: 'Je hebt ‘Robotica’ voor 2026-2027 al gekozen.' });
    expect(beoordeelKeuze(ctx({ schooljaar: '2026-2028' }))).toMatchObject({ status: 400 });
  });
});

describe('placing and access', () => {
  it('derives the leerling record of a placed pupil', () => {
    expect(naamDelen('Lars van Leerling')).toEqual({ roepnaam: 'Lars', tussenvoegsel: '', achternaam: 'van Leerling' });
    expect(afgeleidLeerlingnummer('0a1b2c3d-4e5f-4000-8000-000000000000')).toMatch(/^K-[0-9a-f]{12}$/);
    expect(cohortEinddatum('2026-2027')).toBe('2027-07-31');
  });
  it('lets the decaan decide, the beheerder keep the settings, and nobody else in', () => {
    const actor = (rol: string, org = 's') => ({ userId: 'u', memberships: [{ organisationId: org, rol }] }) as never;
    expect(decideSchoolKeuzes(actor('decaan'), 'keuzes.besluit', 's')).toBe('allow');
    expect(decideSchoolKeuzes(actor('beheerder'), 'keuzes.read', 's')).toBe('forbidden');
    expect(decideSchoolKeuzes(actor('beheerder'), 'instellingen.write', 's')).toBe('allow');
    expect(decideSchoolKeuzes(actor('examinator'), 'instellingen.write', 's')).toBe('forbidden');
    expect(decideSchoolKeuzes(actor('leerling'), 'keuzes.read', 's')).toBe('not_found');
    expect(decideSchoolKeuzes(actor('decaan', 'x'), 'keuzes.read', 's')).toBe('not_found');
    expect(decideToelatingseisen(actor('beheerder'), 'write', 's', true)).toBe('allow');
    expect(decideToelatingseisen(actor('beheerder'), 'write', 's', false)).toBe('not_found');
    expect(decideToelatingseisen(actor('ontwikkelaar'), 'write', 's', true)).toBe('forbidden');
    expect(keuzeSchool(actor('leerling'))).toBe('s');
    expect(keuzeSchool(actor('decaan'))).toBeNull();
  });
});
