import { describe, expect, it } from 'vitest';
import {
  diffMboRecords,
  dossierScope,
  mboContentHash,
  recordsFromDossiers,
  recordsFromTable,
  type MboRecord,
  type StoredMboState,
} from '../../../src/domain/mbo/catalog-records.js';
import { parseSbbXml } from '../../../src/domain/mbo/sbb-xml.js';
import { parseCsvTable } from '../../../src/domain/mbo/tables.js';
import { SBB_FIXTURE } from './fixtures/sbb-fixture.js';

const keuzedelen = (csv: string) => recordsFromTable(parseCsvTable(csv, 'keuzedelen.csv'));
const stateOf = (r: MboRecord, status: 'actief' | 'vervallen' = 'actief'): StoredMboState => ({
  kind: r.kind,
  key: r.key,
  scope: r.scope,
  contentHash: mboContentHash(r),
  status,
});

describe('recordsFromTable', () => {
  it('keys keuzedelen by code, in the scope of their table, with file and line', () => {
    const { source, scope, records } = keuzedelen('code,titel,sbu\nK0008,Basismanagement,240\n');
    expect(source).toBe('mbo-tabel:keuzedelen');
    expect(scope).toBe(source);
    expect(records).toEqual([
      {
        kind: 'keuzedeel',
        key: 'K0008',
        scope,
        columns: { code: 'K0008', titel: 'Basismanagement', sbu: 240, niveau: null, omschrijving: null },
        details: {},
        bron: { bestand: 'keuzedelen.csv', regel: 2 },
      },
    ]);
  });

  it('derives a missing kerntaak with titel null and counts it', () => {
    const csv = 'crebo,code,soort,titel\n25001,B1-K1,kerntaak,Bereidt voor\n25001,B1-K1-W1,werkproces,Plant\n25001,B1-K2-W1,werkproces,Voert uit\n';
    const table = parseCsvTable(csv, 'kt.csv', { werkprocesZonderKerntaak: 'kerntaak-afleiden' });
    const { records, derivedKerntaken } = recordsFromTable(table);
    expect(derivedKerntaken).toBe(1);
    expect(records.map((r) => [r.kind, r.key])).toEqual([
      ['kerntaak', '25001:B1-K1'],
      ['werkproces', '25001:B1-K1-W1'],
      ['kerntaak', '25001:B1-K2'],
      ['werkproces', '25001:B1-K2-W1'],
    ]);
    expect(records[2]!.columns.titel).toBeNull();
    expect(records[3]!.columns.kerntaak_key).toBe('25001:B1-K2');
  });

  it('makes dossiers and kwalificaties from the kwalificaties table', () => {
    const csv =
      'crebo,naam,niveau,soort,leerwegen,dossier_crebo,dossier_naam\n25001,Medewerker,2,basisberoepsopleiding,BBL BOL,23001,Afval\n25002,Allround,3,vakopleiding,,23001,Afval\n';
    const { records } = recordsFromTable(parseCsvTable(csv, 'kw.csv'));
    expect(records.map((r) => [r.kind, r.key])).toEqual([
      ['kwalificatiedossier', '23001'],
      ['kwalificatie', '25001'],
      ['kwalificatie', '25002'],
    ]);
    expect(records[1]!.columns).toMatchObject({ niveau: 2, soort: 'basisberoeps', leerwegen: ['BBL', 'BOL'], dossier_crebo: '23001' });
    expect(records[2]!.columns.leerwegen).toBeNull();
  });

  it('keys keuzedeel-koppelingen by crebo and keuzedeel, in their own source, apart from the offer', () => {
    const koppelingen = recordsFromTable(parseCsvTable('crebo,keuzedeel,geldig_vanaf,geldig_tot\n25001,K0072,2020-08-01,\n', 'kop.csv'));
    expect(koppelingen.source).toBe('mbo-tabel:keuzedeel-koppelingen');
    expect(koppelingen.records).toEqual([
      {
        kind: 'keuzedeel-koppeling',
        key: '25001:K0072',
        scope: 'mbo-tabel:keuzedeel-koppelingen',
        columns: { crebo: '25001', keuzedeel_code: 'K0072', geldig_vanaf: '2020-08-01', geldig_tot: null },
        details: {},
        bron: { bestand: 'kop.csv', regel: 2 },
      },
    ]);
    const aanbod = recordsFromTable(parseCsvTable('crebo,keuzedeel,instellingen\n25001,K0072,utrecht\n', 'aanbod.csv'));
    expect(aanbod.source).toBe('mbo-tabel:keuzedeel-aanbod');
    expect(aanbod.records[0]!.kind).toBe('keuzedeel-aanbod');
  });
});

describe('recordsFromDossiers', () => {
  it('scopes everything of a dossier to that dossier and keys kerntaken by dossier crebo and code', () => {
    const dossiers = parseSbbXml(SBB_FIXTURE, 'fixture.xml');
    const { scopes, records } = recordsFromDossiers(dossiers);
    expect(scopes).toEqual(dossiers.map((d) => dossierScope(d.dossier.crebo)));
    const crebo = dossiers[0]!.dossier.crebo;
    expect(records.every((r) => r.scope === dossierScope(crebo))).toBe(true);
    const kerntaken = records.filter((r) => r.kind === 'kerntaak');
    expect(kerntaken.length).toBeGreaterThan(0);
    expect(kerntaken.every((r) => r.key.startsWith(`${crebo}:`))).toBe(true);
    const werkprocessen = records.filter((r) => r.kind === 'werkproces');
    const kerntaakKeys = new Set(kerntaken.map((k) => k.key));
    expect(werkprocessen.every((w) => kerntaakKeys.has(w.columns.kerntaak_key as string))).toBe(true);
    expect(records.filter((r) => r.kind === 'kwalificatie')).toHaveLength(dossiers[0]!.kwalificaties.length);
    expect(records.filter((r) => r.kind === 'kennis-vaardigheid')).toHaveLength(dossiers[0]!.kennisEnVaardigheden.length);
  });
});

describe('diffMboRecords', () => {
  const v1 = keuzedelen('code,titel,sbu\nK0008,Basismanagement,240\nK0022,Digitaal,\nK0072,Ondernemend,480\n');
  const scopes = new Set([v1.scope]);

  it('everything is added into an empty catalogue; the same data again is unchanged', () => {
    expect(diffMboRecords([], v1.records, scopes).added).toHaveLength(3);
    const again = diffMboRecords(v1.records.map((r) => stateOf(r)), v1.records, scopes);
    expect([again.added.length, again.changed.length, again.unchanged.length, again.vervallen.length]).toEqual([0, 0, 3, 0]);
  });

  it('a moved line is no change', () => {
    const moved = keuzedelen('code,titel,sbu\n\nK0072,Ondernemend,480\nK0008,Basismanagement,240\nK0022,Digitaal,\n');
    expect(diffMboRecords(v1.records.map((r) => stateOf(r)), moved.records, scopes).unchanged).toHaveLength(3);
  });

  it('a removed row becomes vervallen, a changed row changed, a returning row changed (active again)', () => {
    const v2 = keuzedelen('code,titel,sbu\nK0008,Basismanagement,240\nK0072,Ondernemend,720\n');
    const diff = diffMboRecords(v1.records.map((r) => stateOf(r)), v2.records, scopes);
    expect(diff.vervallen.map((s) => s.key)).toEqual(['K0022']);
    expect(diff.changed.map((r) => r.key)).toEqual(['K0072']);
    const stored = v1.records.map((r) => stateOf(r, r.key === 'K0022' ? 'vervallen' : 'actief'));
    expect(diffMboRecords(stored, v1.records, scopes).changed.map((r) => r.key)).toEqual(['K0022']);
    expect(diffMboRecords(stored, v2.records, scopes).vervallen).toEqual([]);
  });

  it('only rows in the scopes of the import can become vervallen', () => {
    const other: StoredMboState = { kind: 'kwalificatie', key: '25001', scope: dossierScope('23001'), contentHash: 'x', status: 'actief' };
    const diff = diffMboRecords([other], [], new Set([dossierScope('23002')]));
    expect(diff.vervallen).toEqual([]);
    expect(diffMboRecords([other], [], new Set([dossierScope('23001')])).vervallen).toEqual([other]);
  });
});
