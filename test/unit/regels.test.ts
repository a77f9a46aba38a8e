/**
 * The regelbank (issue 13, src/domain/regels): every rule in the data has a check and every check a rule; every rule
 * has an example that passes and one that fails (status overtreden, or onbekend where the check can only miss data);
 * violations come first; the kalender follows RFC 5545; rule texts are written in our own words (no run of ten words
 * taken from the brochure).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, overgang } from '../../src/domain/regels/checks.js';
import { kalenderDatums, naarICalendar } from '../../src/domain/regels/kalender.js';
import { evalueer, REGELS } from '../../src/domain/regels/regels.js';
import type { InzetFeiten, OvereenkomstFeiten, RegelContext, RouteFeiten } from '../../src/domain/regels/types.js';
import { CLAUSULES } from '../../src/domain/regels/types.js';
import { RegelLijst } from '../../src/shared/regels-api.js';

const ROUTE_ID = 'route-1';
const kv = (code: string, n = 2) => ({ code, eindtermIds: Array.from({ length: n }, (_, i) => `${code}-e${i}`) });

function route(over: Partial<RouteFeiten> = {}): RouteFeiten {
  return {
    id: ROUTE_ID,
    type: 'doorlopend',
    schooljaar: '2026-2027',
    leerweg: 'BB',
    profiel: 'PIE',
    keuzevakken: [kv('K/PIE/16')],
    keuzedelen: [{ code: 'K0072', titel: 'Keuzedeel', sbu: 240 }],
    kwalificatieNiveau: 2,
    tijdpad: [
      { leerjaar: 3, fase: 'vmbo', perioden: 4 },
      { leerjaar: 4, fase: 'vmbo', perioden: 4 },
      { leerjaar: 5, fase: 'mbo', perioden: 4 },
    ],
    toetsen: [],
    activiteiten: [],
    ...over,
  };
}
const toets = (over: Partial<RouteFeiten['toetsen'][number]> = {}): RouteFeiten['toetsen'][number] => ({
  id: `t-${Math.random()}`, toetscode: 'PIE-1', naam: 'Praktijkopdracht', omschrijving: '', leerjaar: 3, periode: 2, onderdeelVan: 'pta', seWeging: 20, doelen: [], ...over,
});
const activiteit = (over: Partial<RouteFeiten['activiteiten'][number]> = {}): RouteFeiten['activiteiten'][number] => ({
  id: `a-${Math.random()}`, titel: 'Les', omschrijving: '', leerjaar: 3, periode: 1, uren: 4, ...over,
});
const ovk = (over: Partial<OvereenkomstFeiten> = {}): OvereenkomstFeiten => ({
  id: 'ovk-1', status: 'ondertekend', soort: 'doorlopende-leerroute', leerrouteIds: [ROUTE_ID], ingevuldeClausules: [...CLAUSULES], ...over,
});
const inzet = (over: Partial<InzetFeiten> = {}): InzetFeiten => ({
  id: `i-${Math.random()}`, naamOfRol: 'Gastdocent lassen', organisatie: { id: 'roc', naam: 'ROC', soort: 'mbo-instelling' }, bevoegdheid: 'gastdocent', onderwijsAan: 'vmbo', uren: 100, ...over,
});
const ctx = (over: Partial<RegelContext> = {}): RegelContext => ({ route: route(), docentinzet: [], schooljaar: '2026-2027', overeenkomsten: [ovk()], ...over });

const lwt = (r: Partial<RouteFeiten> = {}, extra: Partial<RegelContext> = {}) =>
  ctx({ route: route({ type: 'geintegreerd', ...r }), overeenkomsten: [ovk({ soort: 'leerwerktraject' })], ...extra });

/** Per rule: a context where it is met, and one where it is broken (or cannot be decided for lack of data). */
const EXAMPLES: Record<string, { voldaan: RegelContext; niet: RegelContext }> = {
  'ovk-doorlopende-leerroute': { voldaan: ctx(), niet: ctx({ overeenkomsten: [] }) },
  'ovk-clausules-doorlopende-leerroute': { voldaan: ctx(), niet: ctx({ overeenkomsten: [ovk({ ingevuldeClausules: ['a', 'b', 'c'] })] }) },
  'ovk-leerwerktraject': { voldaan: lwt(), niet: lwt({}, { overeenkomsten: [ovk({ soort: 'leerwerktraject', status: 'concept' })] }) },
  'ovk-entree': {
    voldaan: ctx({ route: route({ kwalificatieNiveau: 1 }), overeenkomsten: [ovk({ soort: 'entree' })] }),
    niet: ctx({ route: route({ kwalificatieNiveau: 1 }), overeenkomsten: [ovk({ soort: 'entree', status: 'ter-ondertekening' })] }),
  },
  'ovk-vastleggen': { voldaan: ctx(), niet: ctx({ overeenkomsten: [ovk({ leerrouteIds: ['andere-route'] })] }) },
  'keuzevakken-bb-kb': { voldaan: ctx({ route: route({ keuzevakken: ['A', 'B', 'C', 'D'].map((c) => kv(c)) }) }), niet: ctx({ route: route({ leerweg: 'KB', keuzevakken: ['A', 'B', 'C', 'D', 'E'].map((c) => kv(c)) }) }) },
  'keuzevakken-gl': { voldaan: ctx({ route: route({ leerweg: 'GL', keuzevakken: [kv('A'), kv('B')] }) }), niet: ctx({ route: route({ leerweg: 'GL', keuzevakken: [kv('A'), kv('B'), kv('C')] }) }) },
  'keuzevakken-tl': { voldaan: ctx({ route: route({ leerweg: 'TL', keuzevakken: [] }) }), niet: ctx({ route: route({ leerweg: 'TL', keuzevakken: [kv('A')] }) }) },
  'lwt-programma': { voldaan: lwt({ keuzevakken: ['A', 'B', 'C', 'D'].map((c) => kv(c)) }), niet: lwt({ leerweg: 'KB', keuzevakken: [kv('A')] }) },
  'lwt-praktijk': {
    voldaan: lwt({ activiteiten: [activiteit({ titel: 'Stage bij het leerbedrijf', leerjaar: 3, uren: 400 }), activiteit({ titel: 'Stage', leerjaar: 4, uren: 400 })] }),
    niet: lwt({ activiteiten: [activiteit({ titel: 'Stage', leerjaar: 4, uren: 1400 })] }),
  },
  'gastdocent-160-uur': {
    voldaan: ctx({ docentinzet: [inzet({ uren: 100 }), inzet({ naamOfRol: 'Andere gastdocent', uren: 100 })] }),
    // The same person (regardless of capitals) in two rows: 100 + 80 hours.
    niet: ctx({ docentinzet: [inzet({ uren: 100 }), inzet({ naamOfRol: 'gastdocent LASSEN', uren: 80 })] }),
  },
  'mbo-docent-overeenkomst': {
    voldaan: ctx({ docentinzet: [inzet({ bevoegdheid: 'pedagogisch-didactisch-getuigschrift', uren: 300 })] }),
    niet: ctx({ docentinzet: [inzet({ bevoegdheid: 'pedagogisch-didactisch-getuigschrift', uren: 300 })], overeenkomsten: [ovk({ status: 'concept' })] }),
  },
  'tweedegraads-in-mbo': {
    voldaan: ctx({ docentinzet: [inzet({ bevoegdheid: 'tweedegraads', onderwijsAan: 'mbo', organisatie: { id: 'v', naam: 'Vmbo', soort: 'vmbo-school' } })] }),
    niet: ctx({ docentinzet: [inzet({ bevoegdheid: 'tweedegraads', onderwijsAan: 'mbo', organisatie: { id: 'v', naam: 'Vmbo', soort: 'vmbo-school' } })], overeenkomsten: [ovk({ ingevuldeClausules: ['a', 'b'] })] }),
  },
  'lob-in-pta': { voldaan: ctx({ route: route({ toetsen: [toets({ toetscode: 'LOB-1', naam: 'Loopbaandossier', seWeging: null })] }) }), niet: ctx({ route: route({ toetsen: [toets()] }) }) },
  'lob-geen-cijfer': { voldaan: ctx({ route: route({ toetsen: [toets({ naam: 'LOB-gesprek', seWeging: 0 })] }) }), niet: ctx({ route: route({ toetsen: [toets({ naam: 'LOB-gesprek', seWeging: 10 })] }) }) },
  'keuzevak-afsluiting-pta': {
    voldaan: ctx({ route: route({ toetsen: [toets({ doelen: ['K/PIE/16-e1'] })] }) }),
    niet: ctx({ route: route({ toetsen: [toets({ doelen: ['K/PIE/16-e1'], onderdeelVan: 'examenplan' })] }) }),
  },
  'keuzedeel-240-sbu': { voldaan: ctx(), niet: ctx({ route: route({ keuzedelen: [{ code: 'K0001', titel: 'Te klein', sbu: 120 }] }) }) },
  'aanmelden-1-april': { voldaan: ctx(), niet: ctx({ route: route({ schooljaar: null }) }) },
  'aanvullende-eisen-1-februari': { voldaan: ctx(), niet: ctx({ route: route({ schooljaar: null }) }) },
  'loopbaandossier-leerling': {
    voldaan: ctx({ route: route({ activiteiten: [activiteit({ titel: 'Intake mbo', omschrijving: 'De leerling neemt het loopbaandossier zelf mee naar het intakegesprek.' })] }) }),
    niet: ctx({ route: route({ activiteiten: [activiteit({ titel: 'Warme overdracht', omschrijving: 'De mentor stuurt het loopbaandossier door naar het mbo.' })] }) }),
  },
};

describe('the rule set', () => {
  it('is valid data with unique ids, each with a source and texts', () => {
    expect(() => RegelLijst.parse(REGELS)).not.toThrow();
    const ids = REGELS.regels.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of REGELS.regels) {
      expect(r.bron.document.length, r.id).toBeGreaterThan(5);
      expect(r.bron.sectie.length, r.id).toBeGreaterThanOrEqual(3);
      expect(r.uitleg.length, r.id).toBeGreaterThan(40);
      expect(r.oplossing.length, r.id).toBeGreaterThan(20);
    }
  });

  it('has a check for every rule and a rule for every check', () => {
    const data = REGELS.regels.map((r) => r.id).sort();
    expect(Object.keys(CHECKS).sort()).toEqual(data);
  });

  it('has a passing and a failing example for every rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(REGELS.regels.map((r) => r.id).sort());
  });

  for (const regel of REGELS.regels) {
    it(`${regel.id}: the passing example is met, the failing one is not`, () => {
      const ex = EXAMPLES[regel.id]!;
      const goed = CHECKS[regel.id]!(ex.voldaan);
      expect(goed.status, goed.melding).toBe('voldaan');
      const fout = CHECKS[regel.id]!(ex.niet);
      expect(['overtreden', 'onbekend'], fout.melding).toContain(fout.status);
      expect(fout.melding.length).toBeGreaterThan(10);
    });
  }

  it('covers what the brochure states (the topics of issue 13)', () => {
    const ids = new Set(REGELS.regels.map((r) => r.id));
    for (const id of ['ovk-doorlopende-leerroute', 'ovk-clausules-doorlopende-leerroute', 'ovk-leerwerktraject', 'ovk-entree', 'keuzevakken-bb-kb', 'keuzevakken-gl', 'lwt-programma', 'lwt-praktijk', 'gastdocent-160-uur', 'mbo-docent-overeenkomst', 'lob-in-pta', 'keuzedeel-240-sbu', 'aanmelden-1-april', 'aanvullende-eisen-1-februari', 'loopbaandossier-leerling']) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(REGELS.regels.some((r) => r.niveau === 'mag-niet')).toBe(true);
    expect(REGELS.regels.some((r) => r.niveau === 'advies')).toBe(true);
  });
});

describe('evaluating a route', () => {
  it('without any agreement (the state until agreements exist): the doorlopende-leerroute rule fires, first', () => {
    const u = evalueer(ctx({ overeenkomsten: [] }));
    expect(u.uitkomsten[0]!.regel.id).toBe('ovk-doorlopende-leerroute');
    expect(u.uitkomsten[0]!.status).toBe('overtreden');
    expect(u.overeenkomst).toBe('geen');
    expect(u.totalen.overtreden).toBeGreaterThan(0);
  });

  it('puts unmarked violations first, then unknown, marked, met and not applying; a mark stays visible with its outcome', () => {
    const mark = { reden: 'Wij hebben hiervoor een landelijke afspraak.', door: { id: 'u', naam: 'Daan' }, organisatie: null, op: '2026-12-06T10:00:00.000Z' };
    const u = evalueer(ctx({ overeenkomsten: [], route: route({ schooljaar: null }) }), new Map([['ovk-doorlopende-leerroute', mark]]));
    const order = { open: 0, onbekend: 1, marked: 2, voldaan: 3, 'geldt-niet': 4 } as const;
    const rank = u.uitkomsten.map((x) => (x.markering ? order.marked : x.status === 'overtreden' ? order.open : order[x.status as 'onbekend' | 'voldaan' | 'geldt-niet']));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    const marked = u.uitkomsten.find((x) => x.regel.id === 'ovk-doorlopende-leerroute')!;
    expect(marked.status).toBe('overtreden');
    expect(marked.markering?.reden).toContain('landelijke afspraak');
    expect(u.totalen.gemarkeerd).toBe(1);
  });

  it('finds the schooljaar of the first mbo year', () => {
    expect(overgang(route())).toEqual({ leerjaar: 5, schooljaar: '2028-2029', beginjaar: 2028 });
    expect(CHECKS['aanmelden-1-april']!(ctx()).melding).toContain('1 april 2028');
  });

  it('runs all rules on a large route quickly enough to answer with every page (300 toetsen and activiteiten)', () => {
    const big = ctx({
      route: route({
        keuzevakken: ['A', 'B', 'C', 'D'].map((c) => kv(c, 75)),
        toetsen: Array.from({ length: 300 }, (_, i) => toets({ toetscode: `T${i}`, doelen: [`A-e${i % 75}`] })),
        activiteiten: Array.from({ length: 300 }, (_, i) => activiteit({ titel: `Les ${i}` })),
      }),
      docentinzet: Array.from({ length: 50 }, (_, i) => inzet({ naamOfRol: `Docent ${i}` })),
    });
    const u = evalueer(big);
    expect(u.uitkomsten).toHaveLength(REGELS.regels.length);
  });
});

describe('the kalender', () => {
  const datums = kalenderDatums('2026-2027');
  it('has the dates that follow from the rules for the schooljaar', () => {
    expect(datums.map((d) => [d.sleutel, d.datum])).toEqual([
      ['pta-bekend', '2026-10-01'],
      ['aanvullende-eisen', '2027-02-01'],
      ['aanmelden', '2027-04-01'],
      ['evaluatie-overeenkomst', '2027-04-01'],
    ]);
    expect(kalenderDatums('2026-2027', [{ id: 'o', geldigTot: '2027-07-31' }, { id: 'p', geldigTot: '2030-07-31' }]).map((d) => d.sleutel)).toContain('overeenkomst-o-einde');
  });

  it('is RFC 5545 iCalendar: CRLF, lines of at most 75 octets, all-day dates, escaped text, a UID and DTSTAMP per event', () => {
    const ics = naarICalendar({ naam: 'Demo; techniek, 2026', datums, uidBasis: 'p-2026-2027', stempel: new Date('2026-12-06T12:34:56.789Z') });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:Demo\\; techniek\\, 2026');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270401');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270402');
    expect(unfolded).toContain('DTSTAMP:20261206T123456Z');
    expect(unfolded).toContain('UID:aanmelden-p-2026-2027@doorlopend');
    expect(unfolded).toMatch(/DESCRIPTION:.*\\nBron: Wat moet en wat mag/);
  });
});

// The brochure is read at run time from ../shared (never copied into the project).
const BROCHURE = join(import.meta.dirname, '../../../shared/seeds/001_2af959ba718cfa16.txt');
describe.skipIf(!existsSync(BROCHURE) && process.env.CI !== 'true')('rule texts in our own words', () => {
  it('take no run of ten words from the brochure', () => {
    const words = (s: string) => s.toLowerCase().replace(/-\s*\n\s*/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
    const b = words(readFileSync(BROCHURE, 'utf8'));
    const runs = new Set<string>();
    for (let i = 0; i + 10 <= b.length; i++) runs.add(b.slice(i, i + 10).join(' '));
    const copied: string[] = [];
    for (const r of REGELS.regels) {
      for (const text of [r.titel, r.uitleg, r.oplossing]) {
        const w = words(text);
        for (let i = 0; i + 10 <= w.length; i++) if (runs.has(w.slice(i, i + 10).join(' '))) copied.push(`${r.id}: ${w.slice(i, i + 10).join(' ')}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
