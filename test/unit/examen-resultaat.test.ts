/**
 * Issue 14, the result of an assessment form (src/domain/examen/resultaat.ts): totals, the cesuur, knock-out criteria
 * (minimumScore), the scale check, and the conversion of the total into the keuzevak grade (lineair-cesuur and tabel;
 * one decimal, 1.0–10.0). Also the verificatiecode and the completeness check used at vaststelling.
 */
import { describe, expect, it } from 'vitest';
import { nieuweVerificatiecode, normaliseerVerificatiecode, VERIFICATIECODE_PATROON, VERIFICATIE_ALFABET } from '../../src/domain/examen/beoordeling-code.js';
import { historieOmschrijving, onvolledig, telt } from '../../src/domain/examen/beoordeling-status.js';
import { afgerond, cijferNl, maximumPunten, omzetting, scoreFout, uitslag } from '../../src/domain/examen/resultaat.js';
import { ExamenplanInhoud } from '../../src/shared/examen-api.js';

const plan = (over: Partial<ExamenplanInhoud> = {}, minimum: number | null = null) =>
  ExamenplanInhoud.parse({
    onderdelen: [
      { id: 'o1', titel: 'Opdracht 1', criteria: [{ id: 'a', omschrijving: 'A', maxScore: 10, minimumScore: minimum }, { id: 'b', omschrijving: 'B', maxScore: 10 }] },
      { id: 'o2', titel: 'Opdracht 2', criteria: [{ id: 'c', omschrijving: 'C', maxScore: 20 }] },
    ],
    cesuur: { minimumPunten: 22 },
    ...over,
  });
const scores = (a: number, b: number, c: number) => new Map([['a', a], ['b', b], ['c', c]]);

describe('totals and cesuur', () => {
  it('adds the scores and compares with the cesuur', () => {
    expect(maximumPunten(plan())).toBe(40);
    expect(uitslag(plan(), scores(5, 5, 12))).toMatchObject({ totaal: 22, maximum: 40, behaald: true, compleet: true, ontbrekend: [] });
    expect(uitslag(plan(), scores(5, 5, 11.5))).toMatchObject({ totaal: 21.5, behaald: false });
  });
  it('counts a missing score as 0 and lists it', () => {
    const u = uitslag(plan(), new Map([['a', 10], ['c', 20]]));
    expect(u).toMatchObject({ totaal: 30, compleet: false, ontbrekend: ['b'], behaald: true });
  });
  it('a knock-out criterion under its minimum fails the exam whatever the total, and caps the grade at 5.4', () => {
    const u = uitslag(plan({}, 6), scores(5, 10, 20));
    expect(u.knockOuts).toEqual(['a']);
    expect(u.behaald).toBe(false);
    expect(u.cijfer).toBe(5.4);
    expect(uitslag(plan({}, 6), scores(6, 10, 20))).toMatchObject({ behaald: true, knockOuts: [] });
  });
});

describe('the scale of a score', () => {
  it('0 … maxScore in steps of 0.5', () => {
    expect(scoreFout(0, 4)).toBeNull();
    expect(scoreFout(4, 4)).toBeNull();
    expect(scoreFout(2.5, 4)).toBeNull();
    expect(scoreFout(-0.5, 4)).toMatch(/tussen 0 en 4/);
    expect(scoreFout(4.5, 4)).toMatch(/tussen 0 en 4/);
    expect(scoreFout(2.25, 4)).toMatch(/stappen van 0,5/);
    expect(scoreFout(Number.NaN, 4)).toMatch(/geen getal/);
  });
});

describe('omzetting lineair-cesuur', () => {
  const o = (totaal: number, cesuur = 22, maximum = 40) => omzetting(totaal, { maximum, cesuur, omzetting: { methode: 'lineair-cesuur' } });
  it('goes through (0 → 1.0), (cesuur → 5.5) and (maximum → 10.0)', () => {
    expect(o(0)).toBe(1);
    expect(o(22)).toBe(5.5);
    expect(o(40)).toBe(10);
    expect(o(11)).toBe(3.3); // 1 + 4.5 × 11/22 = 3.25 → 3.3 (half up)
    expect(o(31)).toBe(7.8); // 5.5 + 4.5 × 9/18 = 7.75 → 7.8
  });
  it('stays within 1.0 … 10.0 and handles a cesuur of 0 or at the maximum', () => {
    expect(o(50)).toBe(10);
    expect(o(-3)).toBe(1);
    expect(o(0, 0)).toBe(5.5);
    expect(o(40, 0)).toBe(10);
    expect(o(40, 40)).toBe(5.5);
    expect(o(39.5, 40)).toBe(5.4);
  });
  it('has one decimal', () => {
    for (let t = 0; t <= 40; t += 0.5) expect(Number.isInteger(Math.round(o(t) * 10 * 1e6) / 1e6)).toBe(true);
    expect(afgerond(7.45)).toBe(7.5);
    expect(afgerond(0.2)).toBe(1);
    expect(afgerond(12)).toBe(10);
    expect(cijferNl(7)).toBe('7,0');
  });
});

describe('omzetting tabel', () => {
  const tabel = { methode: 'tabel' as const, tabel: [{ vanafPunten: 30, cijfer: 8 }, { vanafPunten: 22, cijfer: 6 }, { vanafPunten: 36, cijfer: 9.5 }] };
  it('takes the grade of the highest row the total reaches, 1.0 below the first row', () => {
    const o = (t: number) => omzetting(t, { maximum: 40, cesuur: 22, omzetting: tabel });
    expect(o(21.5)).toBe(1);
    expect(o(22)).toBe(6);
    expect(o(29.5)).toBe(6);
    expect(o(30)).toBe(8);
    expect(o(40)).toBe(9.5);
  });
  it('feeds the result of a form', () => {
    expect(uitslag(plan({ omzetting: tabel }), scores(10, 10, 10))).toMatchObject({ totaal: 30, behaald: true, cijfer: 8 });
  });
});

describe('completeness, history and the attempt that counts', () => {
  it('lists what is missing before vaststelling', () => {
    const p = plan({ resultaatvorm: 'cijfer' });
    const leeg = { scores: { eerste: new Set<string>(), tweede: new Set(['a', 'b', 'c']) }, keuzedeelResultaat: null, keuzedeelCijfer: null, keuzevakCijfer: null };
    expect(onvolledig(p, leeg)).toEqual(['3 criteria zonder score van de 1e beoordelaar', 'geen keuzedeelresultaat', 'geen keuzedeelcijfer', 'geen keuzevakcijfer']);
    expect(onvolledig(p, { scores: { eerste: new Set(['a', 'b', 'c']), tweede: new Set(['a', 'b', 'c']) }, keuzedeelResultaat: 'behaald', keuzedeelCijfer: 7, keuzevakCijfer: 7 })).toEqual([]);
  });
  it('writes history entries as Dutch sentences', () => {
    expect(historieOmschrijving('score', { kant: 'tweede', criteriumId: 'a', van: 3, naar: 3.5 }, () => 'Veilig werken')).toBe('Score Veilig werken (2e beoordelaar): 3 → 3,5');
    expect(historieOmschrijving('keuzedeel-resultaat', { van: null, naar: 'niet-behaald' })).toBe('Keuzedeelresultaat: (leeg) → niet behaald');
  });
  it('counts a passed attempt over a failed one, then the higher grade', () => {
    expect(telt([{ poging: 1, keuzedeelResultaat: 'niet-behaald', keuzevakCijfer: 4.8 }, { poging: 2, keuzedeelResultaat: 'behaald', keuzevakCijfer: 6.1 }])?.poging).toBe(2);
    expect(telt([{ poging: 1, keuzedeelResultaat: 'niet-behaald', keuzevakCijfer: 5.2 }, { poging: 2, keuzedeelResultaat: 'niet-behaald', keuzevakCijfer: 4.1 }])?.poging).toBe(1);
  });
});

describe('verificatiecode', () => {
  it('is XXXX-XXXX-XXXX from the alphabet without look-alikes, and random', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => nieuweVerificatiecode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(VERIFICATIECODE_PATROON);
    expect(VERIFICATIE_ALFABET).not.toMatch(/[ILOU01]/);
    const used = new Set([...codes].join('').replaceAll('-', ''));
    expect(used.size).toBe(VERIFICATIE_ALFABET.length);
  });
  it('normalises typed-in codes', () => {
    expect(normaliseerVerificatiecode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normaliseerVerificatiecode('ABCD-EFGH-JKM0')).toBeNull();
    expect(normaliseerVerificatiecode('ABCD')).toBeNull();
  });
});
