import { describe, expect, it } from 'vitest';
import { MboCatalog, slugify, TABLE_SOURCE, XML_SOURCE, type MboRows } from '../../../src/domain/mbo/read-model.js';

const base = (source: string, key: string) => ({ source, key, status: 'actief', bron: { bestand: 'x', regel: 1 }, first_release_id: 1, last_release_id: 1 });
const kwal = (source: string, crebo: string, naam: string, dossier: string, extra: Partial<MboRows['kwalificaties'][number]> = {}) => ({
  ...base(source, crebo), crebo, naam, niveau: 3, soort: 'vak', leerwegen: ['BOL', 'BBL'], dossier_crebo: dossier, opleidingsdomein: 'Zorg en welzijn', sectorkamer: null, profiel_code: null, ...extra,
});

function rows(partial: Partial<MboRows>): MboRows {
  return { dossiers: [], kwalificaties: [], kerntaken: [], werkprocessen: [], kennis: [], keuzedelen: [], aanbod: [], koppelingen: [], koppelingenGeladen: false, ...partial };
}

describe('MboCatalog', () => {
  const catalog = new MboCatalog(
    rows({
      dossiers: [
        { ...base(TABLE_SOURCE.kwalificaties, '23285'), dossier_crebo: '23285', titel: 'Pedagogisch werk', opleidingsdomein: 'Zorg en welzijn', sectorkamer: 'Zorg, welzijn en sport' },
        { ...base(XML_SOURCE, '23181'), dossier_crebo: '23181', titel: 'Pedagogisch werk', opleidingsdomein: 'Zorg en welzijn', sectorkamer: null },
      ],
      kwalificaties: [
        kwal(TABLE_SOURCE.kwalificaties, '25486', 'Pedagogisch medewerker kinderopvang', '23285'),
        kwal(XML_SOURCE, '25486', 'Pedagogisch medewerker kinderopvang', '23181', { leerwegen: null, profiel_code: 'P1' }),
        kwal(TABLE_SOURCE.kwalificaties, '25014', 'Uitvoerder', '23378', { niveau: 4 }),
        kwal(TABLE_SOURCE.kwalificaties, '25947', 'Uitvoerder ', '23378', { niveau: 4 }),
        kwal(TABLE_SOURCE.kwalificaties, '25498', 'Helpende Zorg en Welzijn', '23385', { niveau: 2 }),
      ],
      kerntaken: [
        { ...base(XML_SOURCE, '23181:B1-K1'), code: 'B1-K1', crebo: null, dossier_crebo: '23181', profiel_code: null, titel: 'Biedt zorg aan kinderen', position: 0 },
        { ...base(XML_SOURCE, '23181:P1-K1'), code: 'P1-K1', crebo: null, dossier_crebo: '23181', profiel_code: 'P1', titel: 'Profieltaak', position: 1 },
        { ...base(XML_SOURCE, '23181:P2-K1'), code: 'P2-K1', crebo: null, dossier_crebo: '23181', profiel_code: 'P2', titel: 'Ander profiel', position: 2 },
        { ...base(TABLE_SOURCE.kerntaken, '25486:B1-K1'), code: 'B1-K1', crebo: '25486', dossier_crebo: null, profiel_code: null, titel: 'Tabeltitel', position: 0 },
        { ...base(TABLE_SOURCE.kerntaken, '25498:B1-K1'), code: 'B1-K1', crebo: '25498', dossier_crebo: null, profiel_code: null, titel: null, position: 0 },
      ],
      werkprocessen: [
        { ...base(XML_SOURCE, '23181:B1-K1-W1'), kerntaak_key: '23181:B1-K1', code: 'B1-K1-W1', titel: 'Werkt veilig', omschrijving: 'Omschrijving', resultaat: 'Resultaat', gedrag: 'Gedrag', position: 0 },
        { ...base(TABLE_SOURCE.kerntaken, '25498:B1-K1-W1'), kerntaak_key: '25498:B1-K1', code: 'B1-K1-W1', titel: 'Helpt', omschrijving: null, resultaat: null, gedrag: null, position: 0 },
      ],
      keuzedelen: [{ ...base(TABLE_SOURCE.keuzedelen, 'K0219'), code: 'K0219', titel: 'Gezonde leefstijl', sbu: 240, niveau: null, omschrijving: null }],
      aanbod: [
        { ...base(TABLE_SOURCE.aanbod, '25486:K0219'), crebo: '25486', keuzedeel_code: 'K0219', instellingen: ['roc'] },
        { ...base(TABLE_SOURCE.aanbod, '23378:K0219'), crebo: '23378', keuzedeel_code: 'K0219', instellingen: null },
      ],
    }),
  );

  it('takes name and dossier from the kwalificaties table, and keeps every source row', () => {
    const k = catalog.kwalificaties.get('25486')!;
    expect(k.dossierCrebo).toBe('23285');
    expect(k.leerwegen).toEqual(['BOL', 'BBL']);
    expect(k.rows.map((r) => r.source)).toEqual([TABLE_SOURCE.kwalificaties, XML_SOURCE]);
  });

  it('takes kerntaken from the SBB dossier (basisdeel and own profieldeel) before the table', () => {
    const { kerntaken, source } = catalog.kerntakenOf(catalog.kwalificaties.get('25486')!);
    expect(source).toBe(XML_SOURCE);
    expect(kerntaken.map((k) => k.code)).toEqual(['B1-K1', 'P1-K1']);
    expect(kerntaken[0]!.werkprocessen[0]).toMatchObject({ code: 'B1-K1-W1', omschrijving: 'Omschrijving' });
  });

  it('falls back to the table, keeping a kerntaak without title as null', () => {
    const { kerntaken, source } = catalog.kerntakenOf(catalog.kwalificaties.get('25498')!);
    expect(source).toBe(TABLE_SOURCE.kerntaken);
    expect(kerntaken[0]).toMatchObject({ code: 'B1-K1', titel: null });
  });

  it('groups successive crebos with the same dossier, name and niveau, newest first', () => {
    expect(catalog.versiesOf(catalog.kwalificaties.get('25014')!).map((v) => v.crebo)).toEqual(['25947', '25014']);
    expect(catalog.versiesOf(catalog.kwalificaties.get('25498')!).map((v) => v.crebo)).toEqual(['25498']);
  });

  it('counts an offer for a whole dossier for each of its kwalificaties', () => {
    expect([...catalog.kwalificatieCrebosVan('K0219')].sort()).toEqual(['25014', '25486', '25947']);
  });

  it('says the official koppeling is unknown until it is imported', () => {
    expect(catalog.koppelingenOf('25486')).toBeNull();
  });

  it('groups dossiers by opleidingsdomein', () => {
    const [zorg] = catalog.opleidingsdomeinen();
    expect(zorg).toMatchObject({ slug: 'zorg-en-welzijn', naam: 'Zorg en welzijn' });
    expect(zorg!.dossiers.map((d) => d.crebo).sort()).toEqual(['23181', '23285']);
  });
});

describe('slugify', () => {
  it('makes URL-safe names', () => {
    expect(slugify('Afbouw, hout en onderhoud')).toBe('afbouw-hout-en-onderhoud');
    expect(slugify('Ambacht, laboratorium en gezondheidstechniek')).toBe('ambacht-laboratorium-en-gezondheidstechniek');
  });
});
