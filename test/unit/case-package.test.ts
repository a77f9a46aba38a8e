/**
 * Issue 18: every CASE package validates against the CASE 1.1 JSON binding (../shared/standards, read at run time).
 * Pure: the crosswalk package as built from a small framework on each side and a few links.
 */
import { describe, expect, it } from 'vitest';
import { buildCasePackage, type CaseExportInput } from '../../src/domain/crosswalk/case-package.js';
import { caseErrors, hasCaseSchema } from '../support/case-schema.js';

const input: CaseExportInput = {
  key: 'samenwerking:test',
  title: 'Crosswalk PIE ↔ 25282',
  creator: 'Doorlopend',
  description: 'test',
  catalogusDatum: '2026-11-01T10:00:00Z',
  nodes: [
    { key: 'vmbo', code: null, statement: 'vmbo', type: 'Examenprogramma', parentKey: null },
    { key: 'keuzevak:K/PIE/16', code: 'K/PIE/16', statement: 'Keuzevak', type: 'Keuzevak', parentKey: 'vmbo' },
    { key: 'et1', code: 'K/PIE/16.1.1', statement: 'Eindterm één', type: 'Eindterm', parentKey: 'keuzevak:K/PIE/16' },
    { key: 'mbo', code: null, statement: 'mbo', type: 'Kwalificatiedossier', parentKey: null },
    { key: 'wp1', code: 'B1-K1-W1', statement: 'Werkproces één', type: 'Werkproces', parentKey: 'mbo' },
  ],
  links: [
    { eindtermKey: 'et1', werkprocesKey: 'wp1', relatie: 'gelijk', toelichting: 'zelfde handeling', herkomst: 'voorgesteld', op: '2026-11-02T09:00:00Z' },
    { eindtermKey: 'et1', werkprocesKey: 'wp1', relatie: 'deels', toelichting: null, herkomst: 'handmatig', op: '2026-11-03T09:00:00Z' },
  ],
};

describe.skipIf(!hasCaseSchema)('the crosswalk as a CASE 1.1 package', () => {
  it('validates against the binding, with caseVersion 1.1 and lastChangeDateTime everywhere', () => {
    const pkg = buildCasePackage(input);
    expect(caseErrors(pkg)).toEqual([]);
    expect(pkg.CFDocument.caseVersion).toBe('1.1');
    expect(pkg.CFAssociations.map((a) => a.associationType)).toEqual(['isChildOf', 'isChildOf', 'isChildOf', 'isChildOf', 'isChildOf', 'exactMatchOf', 'isRelatedTo']);
  });

  it('rejects what the old export did: lastChangeDate, CFDocumentURI on items, CFPackageURI on the document', () => {
    const pkg = buildCasePackage(input) as unknown as { CFDocument: Record<string, unknown>; CFItems: Array<Record<string, unknown>> };
    const old = structuredClone(pkg);
    old.CFDocument.lastChangeDate = old.CFDocument.lastChangeDateTime;
    delete old.CFDocument.lastChangeDateTime;
    old.CFDocument.CFPackageURI = { title: 'x', identifier: old.CFDocument.identifier, uri: 'urn:uuid:x' };
    old.CFItems[0]!.CFDocumentURI = { title: 'x', identifier: old.CFDocument.identifier, uri: 'urn:uuid:x' };
    const errors = caseErrors(old);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.join('\n')).toMatch(/lastChangeDateTime/);
    expect(errors.join('\n')).toMatch(/CFPackageURI|additional/);
  });
});
