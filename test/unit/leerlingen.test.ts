/**
 * Issue 14, pupils: the pure parts. Reading a Magister/Somtoday export (header variants, a column mapping, the
 * validation with line numbers, a BSN or onderwijsnummer column never read), what a re-import changes, and which
 * cohorts are due for the retention clean-up.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  bepaalKolommen, importVerschil, isVerbodenKop, leesDatum, leesKolomtoewijzing, leesLeerlingBestand, leesLeerlingen, leesLeerweg, LeerlingImportError, type RuweTabel,
} from '../../src/domain/leerlingen/import.js';
import { cohortenDieOpgeschoondMoeten, dagInNederland, plusMaanden, standaardEinddatum, verwijderdatum } from '../../src/domain/leerlingen/bewaartermijn.js';

const tabel = (rows: string[][]): RuweTabel => ({ rows, lineNumbers: rows.map((_, i) => i + 1) });
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('header variants', () => {
  it('recognises a Magister export (Stamnr, Roepnaam, Tussenv., Achternaam, Klas, Leerweg)', () => {
    const k = bepaalKolommen(['Stamnr', 'Roepnaam', 'Tussenv.', 'Achternaam', 'Klas', 'Leerweg', 'Geb. datum']);
    expect(k.toewijzing).toEqual({ leerlingnummer: 'Stamnr', roepnaam: 'Roepnaam', tussenvoegsel: 'Tussenv.', achternaam: 'Achternaam', klas: 'Klas', leerweg: 'Leerweg', geboortedatum: 'Geb. datum' });
    expect(k.ontbrekend).toEqual([]);
  });

  it('recognises a Somtoday export (Leerlingnummer, Voorvoegsel, Stamgroep, Niveau, ECK iD)', () => {
    const k = bepaalKolommen(['Leerlingnummer', 'Roepnaam', 'Voorvoegsel', 'Achternaam', 'Stamgroep', 'Niveau', 'ECK iD']);
    expect(k.toewijzing).toMatchObject({ leerlingnummer: 'Leerlingnummer', tussenvoegsel: 'Voorvoegsel', klas: 'Stamgroep', leerweg: 'Niveau', eckId: 'ECK iD' });
  });

  it('names the required columns it cannot find, and lists unused columns', () => {
    const k = bepaalKolommen(['Nr.', 'Voornaam', 'Familie', 'Mentor']);
    expect(k.ontbrekend).toEqual(['leerlingnummer', 'achternaam']);
    expect(k.nietGelezen.map((n) => n.kop)).toEqual(['Nr.', 'Familie', 'Mentor']);
  });

  it('takes a column mapping for other exports; the mapping wins over recognition', () => {
    const k = bepaalKolommen(['Nr.', 'Voornaam', 'Familie', 'Achternaam'], { leerlingnummer: 'Nr.', achternaam: 'Familie' });
    expect(k.toewijzing).toMatchObject({ leerlingnummer: 'Nr.', roepnaam: 'Voornaam', achternaam: 'Familie' });
    expect(k.ontbrekend).toEqual([]);
  });

  it('refuses a mapping to a header that is not in the file', () => {
    expect(bepaalKolommen(['Nr'], { leerlingnummer: 'Nummer' }).fouten).toEqual([{ path: 'kolommen.leerlingnummer', message: 'de kolom ‘Nummer’ staat niet in de kopregel' }]);
  });
});

describe('data minimisation: BSN and onderwijsnummer', () => {
  it.each(['BSN', 'bsn leerling', 'Burgerservicenummer', 'Sofinummer', 'Onderwijsnummer', 'OWN', 'PGN', 'Persoonsgebonden nummer', 'Leerling BSN'])('%s is never read', (kop) => {
    expect(isVerbodenKop(kop)).toBe(true);
  });
  it.each(['Leerlingnummer', 'Stamnr', 'Roepnaam', 'Klas', 'Niveau', 'ECK iD'])('%s is an ordinary column', (kop) => {
    expect(isVerbodenKop(kop)).toBe(false);
  });

  it('does not read a BSN column, even when the mapping names it, and says so', () => {
    const r = leesLeerlingen(tabel([['Stamnr', 'BSN', 'Roepnaam', 'Achternaam'], ['1001', '123456782', 'Sam', 'Jansen']]));
    expect(r.fouten).toEqual([]);
    expect(r.leerlingen[0]).not.toHaveProperty('bsn');
    expect(JSON.stringify(r.leerlingen)).not.toContain('123456782');
    expect(r.kolommen.nietGelezen).toEqual([{ kop: 'BSN', reden: expect.stringContaining('BSN of onderwijsnummer') }]);
    const mapped = bepaalKolommen(['Nr', 'BSN', 'Roepnaam', 'Achternaam'], { leerlingnummer: 'BSN' });
    expect(mapped.fouten[0]?.message).toContain('BSN of onderwijsnummer');
    expect(mapped.toewijzing.leerlingnummer).toBeUndefined();
  });
});

describe('values', () => {
  it.each([
    ['BB', 'BB'], ['kb', 'KB'], ['basis', 'BB'], ['VMBO-K', 'KB'], ['vmbo kb 3', 'KB'], ['Gemengde leerweg', 'GL'], ['mavo', 'TL'], ['TL', 'TL'], ['', null], ['havo', undefined],
  ] as const)('leerweg %s → %s', (v, out) => expect(leesLeerweg(v)).toBe(out));

  it.each([
    ['2011-03-15', '2011-03-15'], ['15-03-2011', '2011-03-15'], ['5/3/2011', '2011-03-05'], ['15.03.2011', '2011-03-15'], ['', null], ['31-02-2011', undefined], ['morgen', undefined],
  ] as const)('date %s → %s', (v, out) => expect(leesDatum(v)).toBe(out));
});

describe('validation, all or nothing with line numbers', () => {
  it('collects every error with its line and field; no pupils when there is one', () => {
    const r = leesLeerlingen(
      tabel([
        ['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Klas', 'Leerweg'],
        ['1001', 'Sam', '', 'Jansen', '3A', 'BB'],
        ['10 02', 'Noor', '', 'Bakker', '3A', 'BB'],
        ['1003', '', '', 'Visser', '3B', 'XX'],
        ['1001', 'Sam', '', 'Jansen', '3A', 'BB'],
      ]),
    );
    expect(r.fouten.map((f) => f.path)).toEqual(['regel 3, leerlingnummer', 'regel 4, roepnaam', 'regel 4, leerweg', 'regel 5, leerlingnummer']);
    expect(r.fouten[3]!.message).toContain('regel 2');
  });

  it('reads a valid file; empty rows are skipped and line numbers follow the file', () => {
    const r = leesLeerlingen({ rows: [['Stamnr', 'Roepnaam', 'Achternaam'], ['', '', ''], ['1001', ' Sam ', 'Jansen']], lineNumbers: [1, 2, 4] });
    expect(r.fouten).toEqual([]);
    expect(r.leerlingen).toEqual([{ leerlingnummer: '1001', roepnaam: 'Sam', tussenvoegsel: '', achternaam: 'Jansen', klas: '', leerweg: null, geboortedatum: null, eckId: null, regel: 4 }]);
  });

  it('reads a CSV with semicolons and a BOM, and an XLSX, through the project readers', async () => {
    const t = await leesLeerlingBestand(csv('\uFEFFStamnr;Roepnaam;Achternaam\r\n1001;Sam;Jansen\r\n'), 'magister.csv');
    expect(t.rows).toEqual([['Stamnr', 'Roepnaam', 'Achternaam'], ['1001', 'Sam', 'Jansen']]);
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Leerlingen');
    s.addRow(['Leerlingnummer', 'Roepnaam', 'Achternaam']);
    s.addRow(['1002', 'Noor', 'Bakker']);
    const x = await leesLeerlingBestand(Buffer.from(await wb.xlsx.writeBuffer()), 'somtoday.xlsx');
    expect(x.rows[1]).toEqual(['1002', 'Noor', 'Bakker']);
  });

  it('an unreadable file is one error for the file', async () => {
    await expect(leesLeerlingBestand(csv('a,"b\n'), 'kapot.csv')).rejects.toBeInstanceOf(LeerlingImportError);
  });

  it('parses the mapping JSON strictly', () => {
    expect(leesKolomtoewijzing('{"leerlingnummer":"Nr"}')).toEqual({ toewijzing: { leerlingnummer: 'Nr' }, fouten: [] });
    expect(leesKolomtoewijzing('{"bsn":"BSN"}').fouten[0]!.path).toBe('kolommen.bsn');
    expect(leesKolomtoewijzing('{').fouten[0]!.path).toBe('kolommen');
  });
});

describe('re-import', () => {
  const sam = { leerlingnummer: '1001', roepnaam: 'Sam', tussenvoegsel: '', achternaam: 'Jansen', klas: '3A', leerweg: 'BB' as const, geboortedatum: null, eckId: null };
  it('updates by leerlingnummer, adds new ones, never duplicates, keeps fields the file has no column for', () => {
    const bestaand = [{ ...sam, id: 'a', geboortedatum: '2011-03-15' }];
    const v = importVerschil(bestaand, [{ ...sam, klas: '3B' }, { ...sam, leerlingnummer: '1002', roepnaam: 'Noor' }], new Set(['leerlingnummer', 'roepnaam', 'achternaam', 'klas', 'leerweg', 'tussenvoegsel']));
    expect(v.toevoegen.map((l) => l.leerlingnummer)).toEqual(['1002']);
    expect(v.wijzigen).toEqual([{ id: 'a', gegevens: { ...sam, klas: '3B', geboortedatum: '2011-03-15' } }]);
    expect(importVerschil(bestaand, [sam], new Set(['leerlingnummer', 'roepnaam', 'achternaam', 'klas', 'leerweg', 'tussenvoegsel']))).toEqual({ toevoegen: [], wijzigen: [], ongewijzigd: 1 });
  });
});

describe('retention', () => {
  it('ends a cohort on 31 July of the schooljaar and removes its pupils 24 months later by default', () => {
    expect(standaardEinddatum('2026-2027')).toBe('2027-07-31');
    expect(verwijderdatum({ einddatum: '2027-07-31', bewaartermijnMaanden: 24 })).toBe('2029-07-31');
    expect(plusMaanden('2027-08-31', 6)).toBe('2028-02-29');
    expect(plusMaanden('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('selects the cohorts that are due: removal day reached and not yet cleaned', () => {
    const c = (id: string, einddatum: string, maanden: number, opgeschoondAt: string | null = null) => ({ id, einddatum, bewaartermijnMaanden: maanden, opgeschoondAt });
    const all = [c('due', '2023-07-31', 24), c('today', '2025-07-01', 12), c('later', '2025-07-31', 24), c('done', '2020-07-31', 24, '2022-08-01T00:00:00Z')];
    expect(cohortenDieOpgeschoondMoeten(all, '2026-07-01').map((x) => x.id)).toEqual(['due', 'today']);
    expect(cohortenDieOpgeschoondMoeten(all, '2026-06-30').map((x) => x.id)).toEqual(['due']);
  });

  it('counts the day in the Netherlands', () => {
    expect(dagInNederland(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
  });
});
