/**
 * Issue 18, pure: a framework of the catalogue as a CASE 1.1 package (identifiers shared with the crosswalk export,
 * isChildOf, replacedBy, validation against the binding), the REST answers built from the index, the 404 payload,
 * and the import side: reading associations (types, notes, resolution, reasons), comparing with what a samenwerking
 * has, and reading the crosswalk spreadsheet with row numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  buildFrameworkPackage, documentsAnswer, indexFrameworks, itemAnswer, itemAssociationsAnswer, itemIdentifier, unknownObject, type FrameworkInput,
} from '../../src/domain/crosswalk/case-framework.js';
import { buildCasePackage } from '../../src/domain/crosswalk/case-package.js';
import { diffImport, readCaseAssociations, relatieFromNotes, type EndResolver } from '../../src/domain/crosswalk/case-import.js';
import { crosswalkRows, readCrosswalkTable } from '../../src/domain/crosswalk/case-xlsx.js';
import { caseDefErrors, caseErrors, hasCaseSchema } from '../support/case-schema.js';

const T = '2026-11-01T10:00:00Z';
const ET = '0b4c2a10-1111-4a2b-9c3d-000000000001';
const ET_OUD = '0b4c2a10-1111-4a2b-9c3d-000000000002';
const framework: FrameworkInput = {
  key: 'vmbo:profiel:PIE',
  title: 'Examenprogramma PIE',
  creator: 'Doorlopend',
  publisher: 'SLO',
  description: 'test',
  version: '2025-11',
  officialSourceURL: 'https://opendata.slo.nl/',
  notes: 'Bron: SLO',
  subject: ['vmbo'],
  frameworkType: 'Examenprogramma',
  lastChangeDateTime: T,
  nodes: [
    { key: 'keuzevak:K/PIE/16', code: 'K/PIE/16', statement: 'Koudetechniek', type: 'Keuzevak', parentKey: null, lastChangeDateTime: T },
    { key: 'deeltaak:d1', code: 'K/PIE/16.1', statement: 'Deeltaak', type: 'Deeltaak', parentKey: 'keuzevak:K/PIE/16', lastChangeDateTime: T },
    { key: ET, code: 'K/PIE/16.1.1', statement: 'Een schema lezen', type: 'Eindterm', parentKey: 'deeltaak:d1', lastChangeDateTime: T, educationLevel: ['BB', 'KB'] },
    { key: ET_OUD, code: 'K/PIE/16.1.0', statement: 'Oude eindterm', type: 'Eindterm', parentKey: 'deeltaak:d1', lastChangeDateTime: T, vervallen: true, replacedByKey: ET },
  ],
};

describe.skipIf(!hasCaseSchema)('a catalogue framework as CASE 1.1', () => {
  const pkg = buildFrameworkPackage(framework);

  it('validates against the binding, with the crosswalk export\'s item identifiers', () => {
    expect(caseErrors(pkg)).toEqual([]);
    expect(pkg.CFDocument).toMatchObject({ caseVersion: '1.1', publisher: 'SLO', version: '2025-11' });
    const crosswalk = buildCasePackage({ key: 'x', title: 'x', creator: 'x', description: 'x', catalogusDatum: T, nodes: [{ key: ET, code: 'K/PIE/16.1.1', statement: 'x', type: 'Eindterm', parentKey: null }], links: [] });
    expect(crosswalk.CFItems[0]!.identifier).toBe(itemIdentifier(ET));
    expect(pkg.CFItems.map((i) => i.identifier)).toContain(itemIdentifier(ET));
  });

  it('has isChildOf for the structure (roots to the document) and replacedBy from a vervallen item to its successor', () => {
    const childOf = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
    expect(childOf).toHaveLength(4);
    expect(childOf[0]!.destinationNodeURI.identifier).toBe(pkg.CFDocument.identifier);
    const replaced = pkg.CFAssociations.filter((a) => a.associationType === 'replacedBy');
    expect(replaced.map((a) => [a.originNodeURI.identifier, a.destinationNodeURI.identifier])).toEqual([[itemIdentifier(ET_OUD), itemIdentifier(ET)]]);
    expect(pkg.CFItems.find((i) => i.identifier === itemIdentifier(ET_OUD))!.notes).toMatch(/^Vervallen/);
    expect(pkg.CFItems.find((i) => i.identifier === itemIdentifier(ET))!.educationLevel).toEqual(['BB', 'KB']);
  });

  it('answers the REST binding from the index: documents with their package, items and associations with their document', () => {
    const index = indexFrameworks([pkg]);
    const docs = documentsAnswer(index, 'https://x.nl/ims/case/v1p1').CFDocuments;
    expect(docs[0]!.CFPackageURI.uri).toBe(`https://x.nl/ims/case/v1p1/CFPackages/${pkg.CFDocument.identifier}`);
    const { CFPackageURI, ...doc } = docs[0]!;
    expect(caseDefErrors('document', doc)).toEqual([]);
    expect(caseDefErrors('linkUri', CFPackageURI)).toEqual([]);
    const item = itemAnswer(index, itemIdentifier(ET))!;
    expect(item.CFDocumentURI.identifier).toBe(pkg.CFDocument.identifier);
    const set = itemAssociationsAnswer(index, itemIdentifier(ET))!;
    expect(set.CFAssociations.map((a) => a.associationType).sort()).toEqual(['isChildOf', 'replacedBy']);
    expect(itemAnswer(index, 'onbekend')).toBeNull();
    expect(unknownObject('x')).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: 'unknownobject' }] } });
  });
});

describe('reading a CASE package of associations', () => {
  const ids = { e: itemIdentifier(ET), w: itemIdentifier('25282:B1-K1-W1'), k: itemIdentifier('keuzedeel:K0072') };
  const resolve: EndResolver = (id, code) =>
    id === ids.e ? { id: ET, side: 'vmbo' } : id === ids.w ? { id: '25282:B1-K1-W1', side: 'mbo' } : id === ids.k ? { id: 'keuzedeel:K0072', side: 'mbo' } : code === 'B1-K1-W1' ? { reden: 'de code B1-K1-W1 is niet eenduidig' } : { reden: 'onbekend in de catalogus' };
  const end = (identifier: string) => ({ title: 't', identifier, uri: `urn:uuid:${identifier}` });
  const assoc = (identifier: string, type: string, from: string, to: string, notes?: string) => ({ identifier, associationType: type, originNodeURI: end(from), destinationNodeURI: end(to), ...(notes ? { notes } : {}) });

  it('maps types and notes: exactMatchOf is gelijk, our notes give the type and toelichting, others are untyped', () => {
    expect(relatieFromNotes('exactMatchOf', null)).toEqual({ relatie: 'gelijk', toelichting: null });
    expect(relatieFromNotes('isRelatedTo', 'Doorlopend-relatie: deels. voorgesteld en bevestigd. Toelichting: alleen meten')).toEqual({ relatie: 'deels', toelichting: 'alleen meten' });
    expect(relatieFromNotes('isRelatedTo', 'Doorlopend-relatie: niet getypeerd. handmatig toegevoegd')).toEqual({ relatie: null, toelichting: null });
    expect(relatieFromNotes('isPartOf', 'van een ander platform')).toEqual({ relatie: null, toelichting: 'CASE-type isPartOf. van een ander platform' });
  });

  it('resolves both ends in either direction, skips structure, and lists what it cannot place with the reason', () => {
    const r = readCaseAssociations(
      {
        CFItems: [{ identifier: 'aaaaaaaa-0000-4000-8000-000000000000', humanCodingScheme: 'B1-K1-W1' }],
        CFAssociations: [
          assoc('a1', 'exactMatchOf', ids.e, ids.w),
          assoc('a2', 'isRelatedTo', ids.k, ids.e, 'Doorlopend-relatie: verwant'),
          assoc('a3', 'isChildOf', ids.e, ids.w),
          assoc('a4', 'exactMatchOf', ids.e, 'aaaaaaaa-0000-4000-8000-000000000000'),
          assoc('a5', 'exactMatchOf', ids.w, ids.k),
          assoc('a6', 'exactMatchOf', ids.w, ids.e),
          assoc('a7', 'isVerwant', ids.e, ids.w),
        ],
      },
      resolve,
    );
    if ('fouten' in r) throw new Error('unexpected');
    expect(r.links.map((l) => [l.bron, l.eindtermId, l.werkprocesId, l.relatie])).toEqual([
      ['a1', ET, '25282:B1-K1-W1', 'gelijk'],
      ['a2', ET, 'keuzedeel:K0072', 'verwant'],
    ]);
    expect(r.structuur).toBe(1);
    expect(Object.fromEntries(r.onbekend.map((o) => [o.bron, o.reden]))).toEqual({
      a4: 'B1-K1-W1: de code B1-K1-W1 is niet eenduidig',
      a5: expect.stringMatching(/Beide kanten zijn mbo/),
      a6: 'Dit paar staat al eerder in het pakket.',
      a7: 'Onbekend associatietype isVerwant.',
    });
    expect('fouten' in readCaseAssociations([], resolve)).toBe(true);
    expect('fouten' in readCaseAssociations({ CFAssociations: [{ associationType: 'exactMatchOf' }] }, resolve)).toBe(true);
  });

  it('compares with the samenwerking: new, changed (confirmed, rejected or proposed before), unchanged, removed only for a full list', () => {
    const l = (w: string, relatie: 'gelijk' | 'deels' | null, toelichting: string | null = null) => ({ eindtermId: ET, werkprocesId: w, relatie, toelichting, bron: w });
    const diff = diffImport([l('w1', 'gelijk'), l('w2', 'deels'), l('w3', 'gelijk'), l('w4', null, 'x')], [
      { eindtermId: ET, werkprocesId: 'w1', status: 'bevestigd', relatie: 'gelijk', toelichting: null },
      { eindtermId: ET, werkprocesId: 'w2', status: 'bevestigd', relatie: 'gelijk', toelichting: null },
      { eindtermId: ET, werkprocesId: 'w3', status: 'afgewezen', relatie: null, toelichting: null },
      { eindtermId: ET, werkprocesId: 'w9', status: 'bevestigd', relatie: 'gelijk', toelichting: null },
    ], { volledig: true });
    expect(diff.ongewijzigd.map((x) => x.werkprocesId)).toEqual(['w1']);
    expect(diff.gewijzigd.map((x) => [x.werkprocesId, x.was.status])).toEqual([['w2', 'bevestigd'], ['w3', 'afgewezen']]);
    expect(diff.nieuw.map((x) => x.werkprocesId)).toEqual(['w4']);
    expect(diff.verwijderd.map((x) => x.werkprocesId)).toEqual(['w9']);
    expect(diffImport([], [{ eindtermId: ET, werkprocesId: 'w9', status: 'bevestigd', relatie: null, toelichting: null }]).verwijderd).toEqual([]);
  });
});

describe('the crosswalk spreadsheet', () => {
  const known = (id: string) => (id === ET ? 'vmbo' : id === '25282:B1-K1-W1' || id === '25282:B1-K1-W2' ? 'mbo' : null);
  const rows = crosswalkRows(
    [{ eindtermId: ET, eindtermCode: 'K/PIE/16.1.1', eindtermTitel: 'x', werkprocesId: '25282:B1-K1-W1', werkprocesCode: 'B1-K1-W1', werkprocesTitel: 'y', relatie: 'gelijk', toelichting: null }],
    'S1',
  );

  it('reads back what it wrote, with the samenwerking', () => {
    const r = readCrosswalkTable(rows, known);
    if ('fouten' in r) throw new Error('unexpected');
    expect(r.links).toEqual([{ eindtermId: ET, werkprocesId: '25282:B1-K1-W1', relatie: 'gelijk', toelichting: null, bron: 'rij 2' }]);
    expect([...r.samenwerkingen]).toEqual(['s1']);
  });

  it('names every bad row by its number: unknown ids, an unknown relatie, a pair twice; a missing column', () => {
    const bad = [...rows, [ET, '', '', '25282:B9', '', '', 'ongeveer', '', 'S1'], [...rows[1]!], [ET.toUpperCase(), '', '', '25282:B1-K1-W2', '', '', 'DEELS', 'ok', 'S1']];
    const r = readCrosswalkTable(bad, known);
    expect('fouten' in r && r.fouten.map((f) => f.path)).toEqual(['rij 3', 'rij 4']);
    expect('fouten' in r && r.fouten[0]!.message).toMatch(/staat niet in de catalogus; relatie ongeveer bestaat niet/);
    expect('fouten' in r && r.fouten[1]!.message).toMatch(/ook op rij 2/);
    expect(readCrosswalkTable([['Eindterm-id', 'Relatie']], known)).toEqual({ fouten: [expect.objectContaining({ path: 'rij 1' })] });
  });
});
