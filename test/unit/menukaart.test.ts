/**
 * The pure rules of the regional menukaart (issue 15): the lifecycle (five-year review, revision within a year,
 * removal after five schooljaren without an exam), the public filters and their options, the sectors, who may do what.
 */
import { describe, expect, it } from 'vitest';
import { filterModulen, filterOpties, slugVan, type FilterbareModule } from '../../src/domain/menukaart/filter.js';
import { herzieningDeadlineFout, levenscyclus, plusJaren, reviewDatumFout, schooljaarVan } from '../../src/domain/menukaart/lifecycle.js';
import { decideMenukaart, voorstelScholen } from '../../src/domain/menukaart/rules.js';
import { profielVanCode, sectorenVan } from '../../src/domain/menukaart/sectoren.js';
import { menukaartCsv } from '../../src/domain/menukaart/export.js';

describe('menukaart lifecycle', () => {
  const basis = { sinds: '2019-09-01', laatsteReview: null, herziening: null, examens: [] };

  it('counts the five-year review from the last review, else from publication; due half a year ahead, overdue after', () => {
    expect(levenscyclus({ ...basis, laatsteReview: '2022-03-01' }, '2026-01-01')).toMatchObject({ volgendeReview: '2027-03-01', reviewVerlopen: false, reviewNodig: false });
    expect(levenscyclus({ ...basis, laatsteReview: '2022-03-01' }, '2026-10-01')).toMatchObject({ reviewVerlopen: false, reviewNodig: true });
    expect(levenscyclus({ ...basis, laatsteReview: '2022-03-01' }, '2027-03-01')).toMatchObject({ reviewVerlopen: true, reviewNodig: true });
    expect(levenscyclus(basis, '2024-01-01').volgendeReview).toBe('2024-09-01');
    expect(plusJaren('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('marks a revision overdue after its deadline, and accepts a deadline only within a year', () => {
    expect(levenscyclus({ ...basis, herziening: { opdracht: 'x', deadline: '2026-05-01' } }, '2026-05-02').herzieningVerlopen).toBe(true);
    expect(levenscyclus({ ...basis, herziening: { opdracht: 'x', deadline: '2026-05-01' } }, '2026-05-01').herzieningVerlopen).toBe(false);
    expect(herzieningDeadlineFout('2027-01-10', '2026-01-10')).toBeNull();
    expect(herzieningDeadlineFout('2027-01-11', '2026-01-10')).toMatch(/binnen een jaar.*2027-01-10/);
    expect(herzieningDeadlineFout('2026-01-10', '2026-01-10')).toMatch(/na vandaag/);
    expect(reviewDatumFout('2026-01-11', '2026-01-10')).toMatch(/toekomst/);
    expect(reviewDatumFout('2026-01-10', '2026-01-10')).toBeNull();
  });

  it('proposes removal after five completed schooljaren without an exam, not for a module younger than that', () => {
    expect(schooljaarVan('2026-07-31')).toBe('2025-2026');
    expect(schooljaarVan('2026-08-01')).toBe('2026-2027');
    // Peildatum in 2026-2027: the window is 2021-2022 … 2025-2026.
    const oud = { ...basis, sinds: '2020-09-01' };
    expect(levenscyclus({ ...oud, examens: [{ schooljaar: '2020-2021', aantal: 8 }] }, '2026-10-01')).toMatchObject({ voorstelVerwijderen: true, laatsteExamen: '2020-2021' });
    expect(levenscyclus({ ...oud, examens: [{ schooljaar: '2021-2022', aantal: 1 }] }, '2026-10-01').voorstelVerwijderen).toBe(false);
    // Zero counts are no exams.
    expect(levenscyclus({ ...oud, examens: [{ schooljaar: '2024-2025', aantal: 0 }] }, '2026-10-01').voorstelVerwijderen).toBe(true);
    // An exam this schooljaar counts too.
    expect(levenscyclus({ ...oud, examens: [{ schooljaar: '2026-2027', aantal: 2 }] }, '2026-10-01').voorstelVerwijderen).toBe(false);
    // Published in 2022: not five years yet.
    expect(levenscyclus({ ...basis, sinds: '2022-09-01' }, '2026-10-01').voorstelVerwijderen).toBe(false);
    expect(levenscyclus({ ...oud }, '2026-10-01').meldingen.join(' ')).toMatch(/geen examen afgenomen: voorstel/);
  });
});

describe('menukaart filters', () => {
  const m = (o: Partial<FilterbareModule>): FilterbareModule => ({
    titel: 'Module', samenvatting: '', soort: 'kennismakend', locatie: 'Centrum', leerjaar: 3, periode: 'P1', leerwegen: ['BB'], sectoren: ['techniek'], profielen: [{ code: 'PIE', naam: 'Produceren, installeren en energie' }], ...o,
  });
  const a = m({ titel: 'Lassen', periode: 'P1' });
  const b = m({ titel: 'Zorg', soort: 'verdiepend', leerwegen: ['GL', 'TL'], sectoren: ['zorg-en-welzijn'], profielen: [{ code: 'ZW', naam: 'Zorg en welzijn' }], locatie: 'Campus Noord', periode: 'jaar', leerjaar: 4 });
  const alle = [a, b];

  it('filters by each field, ignores case in codes and places, and lets a whole-year module match every period', () => {
    expect(filterModulen(alle, {})).toEqual(alle);
    expect(filterModulen(alle, { profiel: 'zw' })).toEqual([b]);
    expect(filterModulen(alle, { leerweg: 'bb' })).toEqual([a]);
    expect(filterModulen(alle, { sector: 'techniek' })).toEqual([a]);
    expect(filterModulen(alle, { locatie: 'campus noord' })).toEqual([b]);
    expect(filterModulen(alle, { soort: 'verdiepend' })).toEqual([b]);
    expect(filterModulen(alle, { periode: 'P1' })).toEqual([a, b]);
    expect(filterModulen(alle, { periode: 'P3' })).toEqual([b]);
    expect(filterModulen(alle, { periode: 'jaar' })).toEqual([b]);
    expect(filterModulen(alle, { leerjaar: 3 })).toEqual([a]);
    expect(filterModulen(alle, { q: 'LAS' })).toEqual([a]);
    expect(filterModulen(alle, { profiel: 'ZW', leerweg: 'BB' })).toEqual([]);
  });

  it('offers only values that occur, in the order people expect', () => {
    const o = filterOpties([b, a]);
    expect(o.leerwegen).toEqual(['BB', 'GL', 'TL']);
    expect(o.soorten.map((s) => s.code)).toEqual(['kennismakend', 'verdiepend']);
    expect(o.perioden).toEqual([{ code: 'P1', naam: 'Periode 1' }, { code: 'jaar', naam: 'Hele schooljaar' }]);
    expect(o.sectoren).toEqual([{ code: 'techniek', naam: 'Techniek' }, { code: 'zorg-en-welzijn', naam: 'Zorg en welzijn' }]);
    expect(o.locaties).toEqual(['Campus Noord', 'Centrum']);
  });

  it('makes slugs and sectors', () => {
    expect(slugVan('Kennismaken met Installatietechniek!')).toBe('kennismaken-met-installatietechniek');
    expect(slugVan('Zorg & welzijn: één dag')).toBe('zorg-welzijn-een-dag');
    expect(slugVan('!!!')).toBe('module');
    expect(sectorenVan(['PIE', 'ZW', 'BWI', 'XX'])).toEqual(['techniek', 'zorg-en-welzijn']);
    expect(profielVanCode('K/PIE/16')).toBe('PIE');
    expect(profielVanCode('geen code')).toBeNull();
  });

  it('writes CSV that a spreadsheet does not run as a formula', () => {
    const csv = menukaartCsv([{ ...m({ titel: '=SOM(A1)' }), omvangEenheden: 1, aanbieder: { id: 'x', naam: 'School; A' }, voorwaarden: [], keuzevakken: [], profielmodulen: [], keuzedelen: [], capaciteit: 5, leidtNaar: { bevestigd: [], suggesties: [], toelichting: '' } } as never], () => 'https://x/y');
    const [kop, rij] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(kop!.startsWith('Titel;Soort')).toBe(true);
    expect(rij!.startsWith("'=SOM(A1);Kennismakende module;1;\"School; A\"")).toBe(true);
  });
});

describe('menukaart rules', () => {
  const scope = { regioId: 'R', scholen: ['V', 'M'] };
  const actor = (...ms: Array<[string, 'beheerder' | 'ontwikkelaar' | 'examencommissie' | 'decaan' | 'leerling']>) => ({ userId: 'u', memberships: ms.map(([organisationId, rol]) => ({ organisationId, rol })) });

  it('answers outsiders 404 and pupils 403; staff read', () => {
    expect(decideMenukaart(null, 'lezen', scope)).toBe('not_found');
    expect(decideMenukaart(actor(['X', 'beheerder']), 'lezen', scope)).toBe('not_found');
    expect(decideMenukaart(actor(['V', 'leerling']), 'lezen', scope)).toBe('forbidden');
    expect(decideMenukaart(actor(['V', 'decaan']), 'lezen', scope)).toBe('allow');
    expect(decideMenukaart(actor(['R', 'ontwikkelaar']), 'lezen', scope)).toBe('allow');
  });

  it('lets schools propose and change their own modules, the region decide, and the provider record exams', () => {
    const vmboDocent = actor(['V', 'ontwikkelaar']);
    const regio = actor(['R', 'beheerder']);
    expect(decideMenukaart(vmboDocent, 'voorstellen', scope)).toBe('allow');
    expect(decideMenukaart(regio, 'voorstellen', scope)).toBe('forbidden');
    expect(decideMenukaart(vmboDocent, 'wijzigen', scope, { aanbiederId: 'V' })).toBe('allow');
    expect(decideMenukaart(vmboDocent, 'wijzigen', scope, { aanbiederId: 'M' })).toBe('forbidden');
    expect(decideMenukaart(regio, 'wijzigen', scope, { aanbiederId: 'M' })).toBe('allow');
    for (const a of ['besluiten', 'levenscyclus', 'dashboard'] as const) {
      expect(decideMenukaart(regio, a, scope)).toBe('allow');
      expect(decideMenukaart(actor(['V', 'beheerder']), a, scope)).toBe('forbidden');
      expect(decideMenukaart(actor(['R', 'ontwikkelaar']), a, scope)).toBe('forbidden');
    }
    expect(decideMenukaart(actor(['V', 'examencommissie']), 'examens', scope, { aanbiederId: 'V' })).toBe('allow');
    expect(decideMenukaart(actor(['M', 'examencommissie']), 'examens', scope, { aanbiederId: 'V' })).toBe('forbidden');
    expect(voorstelScholen(actor(['V', 'ontwikkelaar'], ['M', 'decaan']), scope)).toEqual(['V']);
  });
});
