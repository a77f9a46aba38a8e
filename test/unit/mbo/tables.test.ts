import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/mbo/csv.js';
import { TABLE_SPECS, detectTableKind, parseCsvTable, parseTable, type ParseTableOptions, type TableKind } from '../../../src/domain/mbo/tables.js';
import { catchImportError } from './helpers.js';

const FILE = 'invoer.csv';

const KWALIFICATIES_HEADER = 'crebo,naam,niveau,soort,leerwegen,opleidingsdomein,dossier_crebo,dossier_naam,sectorkamer';
const KERNTAKEN_HEADER = 'crebo,code,soort,titel';
const KEUZEDELEN_HEADER = 'code,titel,sbu';
const AANBOD_HEADER = 'crebo,keuzedeel,instellingen';
const KOPPELINGEN_HEADER = 'crebo,keuzedeel,geldig_vanaf,geldig_tot';

function table<K extends TableKind>(kind: K, text: string, options: ParseTableOptions = {}) {
  return parseTable(kind, parseCsv(text, FILE).rows, FILE, options);
}

/** The MboImportError of parsing `lines` (joined with LF) as `kind`. */
function failure(kind: TableKind, lines: readonly string[], options: ParseTableOptions = {}) {
  return catchImportError(() => table(kind, `${lines.join('\n')}\n`, options));
}

describe('kwalificaties', () => {
  const text = [
    KWALIFICATIES_HEADER,
    '25001,Allround testmedewerker,2,basisberoepsopleiding,BBL BOL OVO,"Bouw, test en meer",23001,"Testen, meten & weten",Techniek',
    '25002, Testmedewerker ,3,vakopleiding,BOL,"Bouw, test en meer",23001,"Testen, meten & weten",Bovensectoraal',
    '26003,Specialist testen,4,specialisten,,,23002,Specialistisch testen,',
    '',
  ].join('\n');

  it('reads rows into kwalificaties; what the table does not give is null', () => {
    const result = table('kwalificaties', text);
    expect(result.kind).toBe('kwalificaties');
    expect(result.aantalRegels).toBe(3);
    expect(result.kwalificaties[0]).toEqual({
      crebo: '25001',
      naam: 'Allround testmedewerker',
      niveau: 2,
      soort: 'basisberoeps',
      leerwegen: ['BBL', 'BOL', 'OVO'],
      dossierCrebo: '23001',
      opleidingsdomein: 'Bouw, test en meer',
      sectorkamer: 'Techniek',
      geldigheid: { geldigVanaf: null, eindeInstroom: null, eindeOpleiding: null },
      profielCode: null,
      studiebelastingSbu: null,
      bron: { bestand: FILE, regel: 2 },
    });
    expect(result.kwalificaties[1]).toMatchObject({ naam: 'Testmedewerker', soort: 'vak', leerwegen: ['BOL'] });
    expect(result.kwalificaties[2]).toMatchObject({ soort: 'specialisten', leerwegen: null, opleidingsdomein: null, sectorkamer: null });
  });

  it('derives the dossiers; a sectorkamer only when all its kwalificaties agree', () => {
    const { dossiers } = table('kwalificaties', text);
    expect(dossiers).toEqual([
      {
        crebo: '23001',
        titel: 'Testen, meten & weten',
        geldigheid: { geldigVanaf: null, eindeInstroom: null, eindeOpleiding: null },
        opleidingsdomein: { naam: 'Bouw, test en meer', crebo: null, sbbNr: null },
        sectorkamer: null,
        bron: { bestand: FILE, regel: 2 },
      },
      expect.objectContaining({ crebo: '23002', titel: 'Specialistisch testen', opleidingsdomein: null, sectorkamer: null }),
    ]);
    const one = table('kwalificaties', `${KWALIFICATIES_HEADER}\n25001,A,2,basisberoepsopleiding,BOL,D,23001,X,Handel\n`);
    expect(one.dossiers[0]?.sectorkamer).toEqual({ naam: 'Handel', sbbNr: null });
  });

  it('accepts leerwegen separated by commas or slashes, in any case', () => {
    const result = table('kwalificaties', `${KWALIFICATIES_HEADER}\n25001,A,2,basisberoepsopleiding,"bol, BBL/bol",D,23001,X,S\n`);
    expect(result.kwalificaties[0]?.leerwegen).toEqual(['BOL', 'BBL']);
  });

  it('accepts the header with the optional columns left out', () => {
    const result = table('kwalificaties', 'crebo,naam,niveau,soort,dossier_crebo,dossier_naam\n25001,A,1,entreeopleiding,23001,X\n');
    expect(result.kwalificaties[0]).toMatchObject({ niveau: 1, soort: 'entree', leerwegen: null, opleidingsdomein: null, sectorkamer: null });
  });

  const row = (fields: Partial<Record<string, string>>) => {
    const base: Record<string, string> = {
      crebo: '25001',
      naam: 'Test',
      niveau: '2',
      soort: 'basisberoepsopleiding',
      leerwegen: 'BOL',
      opleidingsdomein: 'Domein',
      dossier_crebo: '23001',
      dossier_naam: 'Dossier',
      sectorkamer: 'Kamer',
    };
    return KWALIFICATIES_HEADER.split(',').map((c) => fields[c] ?? base[c]).join(',');
  };

  it.each([
    ['a crebo of 4 digits', { crebo: '2500' }, 'crebo "2500" is ongeldig: verwacht 5 cijfers'],
    ['a crebo with letters', { crebo: '2500A' }, 'crebo "2500A" is ongeldig'],
    ['an empty naam', { naam: '' }, 'kolom naam is leeg'],
    ['niveau 0', { niveau: '0' }, 'niveau "0" is ongeldig: toegestaan zijn 1, 2, 3 en 4'],
    ['niveau 5', { niveau: '5' }, 'niveau "5" is ongeldig'],
    ['niveau 2.0', { niveau: '2.0' }, 'niveau "2.0" is ongeldig'],
    ['an unknown soort', { soort: 'cursus' }, 'soort "cursus" is ongeldig'],
    ['a soort that does not fit the niveau', { soort: 'vakopleiding' }, 'soort vakopleiding hoort bij niveau 3, niet bij niveau 2'],
    ['an unknown leerweg', { leerwegen: 'BOL DUAAL' }, 'leerweg "DUAAL" is onbekend: toegestaan zijn BOL, BBL, OVO'],
    ['an invalid dossier crebo', { dossier_crebo: '230011' }, 'dossier_crebo "230011" is ongeldig'],
    ['a dossier crebo equal to the crebo', { dossier_crebo: '25001' }, 'dossier_crebo 25001 is gelijk aan de crebo van de kwalificatie'],
    ['an empty dossier naam', { dossier_naam: '' }, 'kolom dossier_naam is leeg'],
  ])('rejects %s with the line number', (_label, fields, reason) => {
    const error = failure('kwalificaties', [KWALIFICATIES_HEADER, row({ crebo: '25009' }), row(fields)]);
    expect(error.message).toContain(`invoer.csv, regel 3: ${reason}`);
    expect(error.line).toBe(3);
    expect(error.location).toBe('regel 3');
  });

  it('rejects a duplicate crebo, naming both lines', () => {
    const error = failure('kwalificaties', [KWALIFICATIES_HEADER, row({}), row({ crebo: '25002' }), row({})]);
    expect(error.message).toBe('invoer.csv, regel 4: dubbele crebo 25001: staat ook op regel 2');
  });

  it('rejects two names or two opleidingsdomeinen for one dossier', () => {
    const naam = failure('kwalificaties', [KWALIFICATIES_HEADER, row({}), row({ crebo: '25002', dossier_naam: 'Ander dossier' })]);
    expect(naam.message).toBe('invoer.csv, regel 3: dossier 23001 heeft hier de naam "Ander dossier", op regel 2 "Dossier"');
    const domein = failure('kwalificaties', [KWALIFICATIES_HEADER, row({}), row({ crebo: '25002', opleidingsdomein: 'Ander' })]);
    expect(domein.message).toBe('invoer.csv, regel 3: dossier 23001 heeft hier opleidingsdomein "Ander", op regel 2 "Domein"');
  });
});

describe('headers and row shape', () => {
  it.each([
    ['an unknown column', `${KEUZEDELEN_HEADER},opmerking`, 'onbekende kolom "opmerking" in tabel keuzedelen; toegestaan: code, titel, sbu, niveau, omschrijving'],
    ['a missing required column', 'code,sbu', 'verplichte kolom ontbreekt: titel'],
    ['two missing required columns', 'sbu', 'verplichte kolommen ontbreken: code, titel'],
    ['a duplicate column', 'code,titel,code', 'kolom "code" staat twee keer in de kopregel'],
    ['a column without name', 'code,,titel', 'kolom 2 van de kopregel heeft geen naam'],
    ['a header in another case', 'Code,Titel', 'onbekende kolom "Code"'],
  ])('rejects %s on line 1', (_label, header, reason) => {
    const error = failure('keuzedelen', [header, 'K0001,Test']);
    expect(error.message).toContain(`invoer.csv, regel 1: ${reason}`);
    expect(error.line).toBe(1);
  });

  it('rejects an empty file', () => {
    expect(catchImportError(() => parseTable('keuzedelen', [], FILE)).message).toBe(
      'invoer.csv, regel 1: de kopregel ontbreekt; verwacht: code,titel,sbu,niveau,omschrijving',
    );
  });

  it('accepts a header only: no rows', () => {
    expect(table('keuzedelen', `${KEUZEDELEN_HEADER}\n`).keuzedelen).toEqual([]);
  });

  it('rejects a row with too few or too many fields', () => {
    expect(failure('keuzedelen', [KEUZEDELEN_HEADER, 'K0001,Test,240', 'K0002,Test']).message).toBe(
      'invoer.csv, regel 3: de regel heeft 2 velden, de kopregel 3',
    );
    expect(failure('keuzedelen', [KEUZEDELEN_HEADER, 'K0001,Test,240,extra']).message).toBe(
      'invoer.csv, regel 2: de regel heeft 4 velden, de kopregel 3',
    );
  });

  it('skips blank rows but keeps counting lines', () => {
    const error = failure('keuzedelen', [KEUZEDELEN_HEADER, 'K0001,Test,', '', ',,', 'K001,Fout,']);
    expect(error.line).toBe(5);
    expect(table('keuzedelen', `${KEUZEDELEN_HEADER}\n\nK0001,A,\n,,\n`).aantalRegels).toBe(1);
  });

  it('trims cells and accepts a header with a BOM and surrounding spaces', () => {
    const result = parseTable('keuzedelen', [['\uFEFFcode', ' titel ', 'sbu'], [' K0001 ', ' Titel ', ' 240 ']], FILE);
    expect(result.keuzedelen[0]).toMatchObject({ code: 'K0001', titel: 'Titel', sbu: 240 });
  });

  it('uses the given line numbers (quoted fields over several lines)', () => {
    const text = `${KEUZEDELEN_HEADER}\nK0001,"twee\nregels",240\nK0002,Test,241\n`;
    const error = catchImportError(() => parseCsvTable(text, FILE));
    expect(error.message).toBe('invoer.csv, regel 4: sbu "241" is ongeldig: een keuzedeel is 240, 480 of 720 sbu (een veelvoud van 240)');
  });
});

describe('kerntaken-werkprocessen', () => {
  const text = [
    KERNTAKEN_HEADER,
    '25001,B1-K1,kerntaak,Bereidt het werk voor',
    '25001,B1-K1-W2,werkproces,"Plant het werk, en meer"',
    '25001,B1-K1-W1,werkproces,Verzamelt informatie',
    '25001,P2-K1-W1,werkproces,Werkproces vóór zijn kerntaak',
    '25001,P2-K1,kerntaak,Voert uit',
    '25002,B1-K1,kerntaak,Andere crebo zelfde code',
    '',
  ].join('\n');

  it('groups kerntaken per crebo and werkprocessen per kerntaak, in code order', () => {
    const result = table('kerntaken-werkprocessen', text);
    expect(result.aantalRegels).toBe(6);
    expect(result.perKwalificatie.map((k) => [k.crebo, k.kerntaken.map((t) => [t.code, t.werkprocessen.map((w) => w.code)])])).toEqual([
      ['25001', [['B1-K1', ['B1-K1-W1', 'B1-K1-W2']], ['P2-K1', ['P2-K1-W1']]]],
      ['25002', [['B1-K1', []]]],
    ]);
    const kerntaak = result.perKwalificatie[0]?.kerntaken[0];
    expect(kerntaak).toMatchObject({
      titel: 'Bereidt het werk voor',
      complexiteit: null,
      verantwoordelijkheid: null,
      vakkennisEnVaardigheden: null,
      bron: { bestand: FILE, regel: 2 },
    });
    expect(kerntaak?.werkprocessen[1]).toEqual({
      code: 'B1-K1-W2',
      titel: 'Plant het werk, en meer',
      omschrijving: null,
      resultaat: null,
      gedrag: null,
      competenties: null,
      aanvullingenPerProfiel: [],
      bron: { bestand: FILE, regel: 3 },
    });
  });

  it('rejects a werkproces whose kerntaak is not in the same crebo', () => {
    const error = failure('kerntaken-werkprocessen', [KERNTAKEN_HEADER, '25001,B1-K1,kerntaak,A', '25002,B1-K1-W1,werkproces,B']);
    expect(error.message).toBe('invoer.csv, regel 3: werkproces B1-K1-W1 hoort bij kerntaak B1-K1, maar die kerntaak staat niet bij crebo 25002');
  });

  it('can instead add such a kerntaak with titel null when asked to', () => {
    const result = table('kerntaken-werkprocessen', `${KERNTAKEN_HEADER}\n25002,B1-K1-W1,werkproces,B\n25002,B1-K1-W2,werkproces,C\n`, {
      werkprocesZonderKerntaak: 'kerntaak-afleiden',
    });
    expect(result.perKwalificatie[0]?.kerntaken).toEqual([
      expect.objectContaining({ code: 'B1-K1', titel: null, bron: { bestand: FILE, regel: 2 }, werkprocessen: [expect.objectContaining({ code: 'B1-K1-W1' }), expect.objectContaining({ code: 'B1-K1-W2' })] }),
    ]);
  });

  it.each([
    ['a malformed code', '25001,B1-K,kerntaak,X', 'kerntaakcode "B1-K" is ongeldig: verwacht bijv. B1-K1 of P2-K1'],
    ['a malformed werkproces code', '25001,B1-K1-W,werkproces,X', 'werkprocescode "B1-K1-W" is ongeldig'],
    ['a code with leading zero', '25001,B1-K01,kerntaak,X', 'kerntaakcode "B1-K01" is ongeldig'],
    ['a kerntaak with a werkproces code', '25001,B1-K1-W1,kerntaak,X', 'soort is kerntaak, maar "B1-K1-W1" is een werkprocescode'],
    ['a werkproces with a kerntaak code', '25001,B1-K2,werkproces,X', 'soort is werkproces, maar "B1-K2" is een kerntaakcode'],
    ['an unknown soort', '25001,B1-K2,taak,X', 'soort "taak" is ongeldig: toegestaan zijn kerntaak en werkproces'],
    ['an empty titel', '25001,B1-K2,kerntaak,', 'kolom titel is leeg'],
    ['an invalid crebo', '2500,B1-K2,kerntaak,X', 'crebo "2500" is ongeldig'],
    ['a duplicate code within a crebo', '25001,B1-K1,kerntaak,Nog eens', 'dubbele code B1-K1 bij crebo 25001: staat ook op regel 2'],
  ])('rejects %s with the line number', (_label, line, reason) => {
    const error = failure('kerntaken-werkprocessen', [KERNTAKEN_HEADER, '25001,B1-K1,kerntaak,A', line]);
    expect(error.message).toContain(`invoer.csv, regel 3: ${reason}`);
  });
});

describe('keuzedelen', () => {
  it('reads code, titel and sbu; unknown values are null', () => {
    const result = table('keuzedelen', `${KEUZEDELEN_HEADER}\nK0072,Ondernemend  gedrag,240\nK0125,Voorbereiding hbo,\nK0999,Groot keuzedeel,960\n`);
    expect(result.keuzedelen).toEqual([
      { code: 'K0072', titel: 'Ondernemend gedrag', sbu: 240, niveau: null, omschrijving: null, werkprocessen: null, kennisEnVaardigheden: null, bron: { bestand: FILE, regel: 2 } },
      expect.objectContaining({ code: 'K0125', sbu: null }),
      expect.objectContaining({ code: 'K0999', sbu: 960 }),
    ]);
  });

  it('reads the optional niveau and omschrijving columns', () => {
    const result = table('keuzedelen', 'code,titel,niveau,omschrijving\nK0001,Test,4,"Een tekst\nover twee regels"\n');
    expect(result.keuzedelen[0]).toMatchObject({ niveau: 4, omschrijving: 'Een tekst\nover twee regels', sbu: null });
  });

  it.each([
    ['a code without K', '0072,Test,240', 'keuzedeelcode "0072" is ongeldig: verwacht K gevolgd door 4 cijfers (bijv. K0072)'],
    ['a code with 3 digits', 'K072,Test,240', 'keuzedeelcode "K072" is ongeldig'],
    ['a lower case code', 'k0072,Test,240', 'keuzedeelcode "k0072" is ongeldig'],
    ['a sbu that is not a number', 'K0002,Test,veel', 'sbu "veel" is ongeldig: verwacht een positief geheel getal'],
    ['sbu 0', 'K0002,Test,0', 'sbu "0" is ongeldig: verwacht een positief geheel getal'],
    ['a negative sbu', 'K0002,Test,-240', 'sbu "-240" is ongeldig'],
    ['a decimal sbu', 'K0002,Test,240.5', 'sbu "240.5" is ongeldig'],
    ['sbu 300 (not a multiple of 240)', 'K0002,Test,300', 'sbu "300" is ongeldig: een keuzedeel is 240, 480 of 720 sbu (een veelvoud van 240)'],
    ['a duplicate code', 'K0001,Nog eens,240', 'dubbele keuzedeelcode K0001: staat ook op regel 2'],
  ])('rejects %s with the line number', (_label, line, reason) => {
    expect(failure('keuzedelen', [KEUZEDELEN_HEADER, 'K0001,Eerste,480', line]).message).toContain(`invoer.csv, regel 3: ${reason}`);
  });

  it('rejects an invalid niveau', () => {
    expect(failure('keuzedelen', ['code,titel,niveau', 'K0001,Test,5']).message).toBe('invoer.csv, regel 2: niveau "5" is ongeldig: toegestaan zijn 1, 2, 3 en 4');
  });
});

describe('keuzedeel-aanbod', () => {
  it('reads the offer and splits the instellingen', () => {
    const result = table('keuzedeel-aanbod', `${AANBOD_HEADER}\n25001,K0072,utrecht\n23001,K0072,"talland utrecht;talland"\n25001,K0125,\n`);
    expect(result.aanbod).toEqual([
      { crebo: '25001', keuzedeelCode: 'K0072', instellingen: ['utrecht'], bron: { bestand: FILE, regel: 2 } },
      { crebo: '23001', keuzedeelCode: 'K0072', instellingen: ['talland', 'utrecht'], bron: { bestand: FILE, regel: 3 } },
      { crebo: '25001', keuzedeelCode: 'K0125', instellingen: null, bron: { bestand: FILE, regel: 4 } },
    ]);
  });

  it.each([
    ['an invalid crebo', '2500,K0001,x', 'crebo "2500" is ongeldig: verwacht 5 cijfers'],
    ['an invalid keuzedeel', '25001,K01,x', 'keuzedeelcode "K01" is ongeldig'],
    ['an empty keuzedeel', '25001,,x', 'kolom keuzedeel is leeg'],
    ['a duplicate pair', '25001,K0001,y', 'dubbele combinatie crebo 25001 en keuzedeel K0001: staat ook op regel 2'],
  ])('rejects %s with the line number', (_label, line, reason) => {
    expect(failure('keuzedeel-aanbod', [AANBOD_HEADER, '25001,K0001,x', line]).message).toContain(`invoer.csv, regel 3: ${reason}`);
  });
});

describe('keuzedeel-koppelingen', () => {
  it('reads the official links; empty dates are null', () => {
    const result = table('keuzedeel-koppelingen', `${KOPPELINGEN_HEADER}\n25001,K0072,2020-08-01,2025-07-31\n25001,K0125,,\n 25002 , K0072 ,2021-08-01,\n`);
    expect(result.kind).toBe('keuzedeel-koppelingen');
    expect(result.aantalRegels).toBe(3);
    expect(result.koppelingen).toEqual([
      { crebo: '25001', keuzedeelCode: 'K0072', geldigVanaf: '2020-08-01', geldigTot: '2025-07-31', bron: { bestand: FILE, regel: 2 } },
      { crebo: '25001', keuzedeelCode: 'K0125', geldigVanaf: null, geldigTot: null, bron: { bestand: FILE, regel: 3 } },
      { crebo: '25002', keuzedeelCode: 'K0072', geldigVanaf: '2021-08-01', geldigTot: null, bron: { bestand: FILE, regel: 4 } },
    ]);
  });

  it('accepts a header without the optional date columns', () => {
    const result = table('keuzedeel-koppelingen', 'keuzedeel,crebo\nK0072,25001\n');
    expect(result.koppelingen).toEqual([{ crebo: '25001', keuzedeelCode: 'K0072', geldigVanaf: null, geldigTot: null, bron: { bestand: FILE, regel: 2 } }]);
  });

  it.each([
    ['an invalid crebo', '2500,K0001,,', 'crebo "2500" is ongeldig: verwacht 5 cijfers'],
    ['an empty crebo', ',K0001,,', 'kolom crebo is leeg'],
    ['an invalid keuzedeel', '25001,K01,,', 'keuzedeelcode "K01" is ongeldig'],
    ['an empty keuzedeel', '25001,,,', 'kolom keuzedeel is leeg'],
    ['a Dutch date', '25002,K0001,01-08-2020,', 'geldig_vanaf "01-08-2020" is geen datum (verwacht jjjj-mm-dd)'],
    ['a date that does not exist', '25002,K0001,,2021-02-30', 'geldig_tot "2021-02-30" is geen bestaande datum'],
    ['an end before the start', '25002,K0001,2021-08-01,2021-07-31', 'geldig_tot 2021-07-31 ligt vóór geldig_vanaf 2021-08-01'],
    ['a duplicate pair', '25001,K0001,2022-08-01,', 'dubbele combinatie crebo 25001 en keuzedeel K0001: staat ook op regel 2'],
  ])('rejects %s with the line number', (_label, line, reason) => {
    expect(failure('keuzedeel-koppelingen', [KOPPELINGEN_HEADER, '25001,K0001,,', line]).message).toContain(`invoer.csv, regel 3: ${reason}`);
  });

  it('rejects the instellingen column of the offer', () => {
    const error = failure('keuzedeel-koppelingen', [AANBOD_HEADER, '25001,K0001,x']);
    expect(error.message).toMatch(/regel 1: onbekende kolom "instellingen" in tabel keuzedeel-koppelingen/);
  });
});

describe('detectTableKind', () => {
  it.each([
    [KWALIFICATIES_HEADER, 'kwalificaties'],
    [KERNTAKEN_HEADER, 'kerntaken-werkprocessen'],
    [KEUZEDELEN_HEADER, 'keuzedelen'],
    [AANBOD_HEADER, 'keuzedeel-aanbod'],
    ['titel,code', 'keuzedelen'],
    ['\uFEFFcrebo , keuzedeel , instellingen', 'keuzedeel-aanbod'],
    ['keuzedeel,crebo,instellingen', 'keuzedeel-aanbod'],
    [KOPPELINGEN_HEADER, 'keuzedeel-koppelingen'],
    ['\uFEFFcrebo , keuzedeel , geldig_vanaf', 'keuzedeel-koppelingen'],
    ['keuzedeel,geldig_tot,crebo', 'keuzedeel-koppelingen'],
    ['crebo,naam,niveau,soort,dossier_crebo,dossier_naam', 'kwalificaties'],
  ])('recognises %s', (header, kind) => {
    expect(detectTableKind(header.split(','))).toBe(kind);
  });

  it.each([
    ['crebo,naam'],
    ['code,titel,opmerking'],
    ['code,code,titel'],
    [''],
    // Fits both keuzedeel-aanbod and keuzedeel-koppelingen: not guessed.
    ['crebo,keuzedeel'],
    // Columns of both: fits neither.
    ['crebo,keuzedeel,instellingen,geldig_vanaf'],
  ])('does not recognise %s', (header) => {
    expect(detectTableKind(header.split(','))).toBeNull();
  });

  it('knows every kind', () => {
    for (const spec of Object.values(TABLE_SPECS)) expect(detectTableKind(spec.kolommen.map((c) => c.naam))).toBe(spec.kind);
  });
});

describe('parseCsvTable', () => {
  it('detects the kind from the header', () => {
    expect(parseCsvTable(`${AANBOD_HEADER}\n25001,K0001,x\n`, FILE).kind).toBe('keuzedeel-aanbod');
  });

  it('detects keuzedeel-koppelingen and keuzedeel-aanbod apart', () => {
    expect(parseCsvTable(`${KOPPELINGEN_HEADER}\n25001,K0001,,\n`, FILE).kind).toBe('keuzedeel-koppelingen');
    expect(parseCsvTable(`crebo,keuzedeel,geldig_tot\n25001,K0001,\n`, FILE).kind).toBe('keuzedeel-koppelingen');
    expect(parseCsvTable(`${AANBOD_HEADER}\n25001,K0001,\n`, FILE).kind).toBe('keuzedeel-aanbod');
  });

  it('asks for the kind when the header fits both keuzedeel-aanbod and keuzedeel-koppelingen', () => {
    const error = catchImportError(() => parseCsvTable('crebo,keuzedeel\n25001,K0001\n', FILE));
    expect(error.message).toBe(
      'invoer.csv, regel 1: kopregel past bij meer dan één mbo-tabel (keuzedeel-aanbod, keuzedeel-koppelingen); geef de soort tabel op of voeg de optionele kolommen toe',
    );
    const given = parseCsvTable('crebo,keuzedeel\n25001,K0001\n', FILE, { kind: 'keuzedeel-koppelingen' });
    expect(given.kind === 'keuzedeel-koppelingen' && given.koppelingen).toHaveLength(1);
  });

  it('reads semicolon-separated files', () => {
    const result = parseCsvTable('code;titel;sbu\r\nK0001;Test, met komma;240\r\n', FILE);
    expect(result.kind === 'keuzedelen' && result.keuzedelen[0]?.titel).toBe('Test, met komma');
  });

  it('rejects a header it does not recognise', () => {
    expect(catchImportError(() => parseCsvTable('a,b\n1,2\n', FILE)).message).toMatch(/^invoer\.csv, regel 1: kopregel niet herkend als mbo-tabel/);
  });

  it('checks the header against a given kind', () => {
    const error = catchImportError(() => parseCsvTable(`${AANBOD_HEADER}\n25001,K0001,x\n`, FILE, { kind: 'keuzedelen' }));
    expect(error.message).toMatch(/regel 1: onbekende kolom "crebo" in tabel keuzedelen/);
  });
});
