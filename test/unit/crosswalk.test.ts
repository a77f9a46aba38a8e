/** Crosswalk rules and the CASE 1.1 package (pure): review state, deterministic UUIDs, association types, structure. */
import { describe, expect, it } from 'vitest';
import { applyReview, reviewRefusal } from '../../src/domain/crosswalk/crosswalk.js';
import { buildCasePackage, caseAssociationType, uuidV5, type CaseExportInput } from '../../src/domain/crosswalk/case-package.js';

describe('applyReview', () => {
  it('confirms a suggestion, adds an unsuggested pair by hand, keeps the origin when retyped or rejected', () => {
    expect(applyReview(null, 'bevestigen', 'gelijk', true)).toEqual({ status: 'bevestigd', herkomst: 'voorgesteld', relatie: 'gelijk' });
    expect(applyReview(null, 'bevestigen', null, false)).toEqual({ status: 'bevestigd', herkomst: 'handmatig', relatie: null });
    expect(applyReview(null, 'toevoegen', 'deels', true)).toEqual({ status: 'bevestigd', herkomst: 'handmatig', relatie: 'deels' });
    const manual = applyReview(null, 'toevoegen', 'deels', false)!;
    expect(applyReview(manual, 'bevestigen', 'breder', true)).toEqual({ status: 'bevestigd', herkomst: 'handmatig', relatie: 'breder' });
    // Confirming again without a type keeps the type.
    expect(applyReview(manual, 'bevestigen', null, true)!.relatie).toBe('deels');
    expect(applyReview(manual, 'afwijzen', null, true)).toEqual({ status: 'afgewezen', herkomst: 'handmatig', relatie: null });
    // After a rejection, a confirmation starts without the old type.
    expect(applyReview({ status: 'afgewezen', herkomst: 'voorgesteld', relatie: null }, 'bevestigen', null, true)).toEqual({ status: 'bevestigd', herkomst: 'voorgesteld', relatie: null });
  });
});

describe('herstellen (issue 12)', () => {
  it('makes a rejected suggestion a suggestion again and a rejected manual link confirmed again; only a rejected link', () => {
    expect(applyReview({ status: 'afgewezen', herkomst: 'voorgesteld', relatie: null }, 'herstellen', null, true)).toBeNull();
    expect(applyReview({ status: 'afgewezen', herkomst: 'handmatig', relatie: null }, 'herstellen', 'deels', false)).toEqual({ status: 'bevestigd', herkomst: 'handmatig', relatie: 'deels' });
    expect(reviewRefusal({ status: 'afgewezen', herkomst: 'voorgesteld', relatie: null }, 'herstellen')).toBeNull();
    expect(reviewRefusal({ status: 'bevestigd', herkomst: 'voorgesteld', relatie: null }, 'herstellen')).toMatch(/niet afgewezen/);
    expect(reviewRefusal(null, 'herstellen')).toMatch(/niet afgewezen/);
    expect(reviewRefusal(null, 'bevestigen')).toBeNull();
    expect(() => applyReview(null, 'herstellen', null, true)).toThrow();
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector and is stable', () => {
    // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('x')).toBe(uuidV5('x'));
    expect(uuidV5('x')).not.toBe(uuidV5('y'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

const input = (over: Partial<CaseExportInput> = {}): CaseExportInput => ({
  key: 'samenwerking:1|sel',
  title: 'Crosswalk test',
  creator: 'Doorlopend',
  description: 'test',
  catalogusDatum: '2026-11-01T00:00:00.000Z',
  nodes: [
    { key: 'vmbo', code: null, statement: 'vmbo', type: 'Examenprogramma', parentKey: null },
    { key: 'keuzevak:K/PIE/16', code: 'K/PIE/16', statement: 'Koudetechniek', type: 'Keuzevak', parentKey: 'vmbo' },
    { key: 'e1', code: 'K/PIE/16/1', statement: 'Koelinstallatie vullen', type: 'Eindterm', parentKey: 'keuzevak:K/PIE/16' },
    { key: 'mbo', code: null, statement: 'mbo', type: 'Kwalificatiedossier', parentKey: null },
    { key: '25282:B1-K1-W1', code: 'B1-K1-W1', statement: 'Leest tekeningen', type: 'Werkproces', parentKey: 'mbo' },
  ],
  links: [{ eindtermKey: 'e1', werkprocesKey: '25282:B1-K1-W1', relatie: 'smaller', toelichting: 'deel ervan', herkomst: 'voorgesteld', op: '2026-11-23T10:00:00.000Z' }],
  ...over,
});

describe('buildCasePackage', () => {
  it('maps gelijk to exactMatchOf and every other type to isRelatedTo', () => {
    expect(caseAssociationType('gelijk')).toBe('exactMatchOf');
    for (const r of ['deels', 'breder', 'smaller', 'verwant', null] as const) expect(caseAssociationType(r)).toBe('isRelatedTo');
  });

  it('builds one document with items, the tree as isChildOf, and the links with their type in notes', () => {
    const pkg = buildCasePackage(input());
    expect(pkg.CFItems).toHaveLength(5);
    expect(pkg.CFItems.every((i) => i.uri === `urn:uuid:${i.identifier}`)).toBe(true);
    const tree = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
    expect(tree).toHaveLength(5);
    // Roots hang under the document.
    expect(tree.filter((a) => a.destinationNodeURI.identifier === pkg.CFDocument.identifier).map((a) => a.originNodeURI.title)).toEqual(['vmbo', 'mbo']);
    const [link] = pkg.CFAssociations.filter((a) => a.associationType !== 'isChildOf');
    expect(link).toMatchObject({ associationType: 'isRelatedTo', originNodeURI: { title: 'Koelinstallatie vullen' }, destinationNodeURI: { title: 'Leest tekeningen' }, lastChangeDateTime: '2026-11-23T10:00:00.000Z' });
    expect(link!.notes).toBe('Doorlopend-relatie: smaller. voorgesteld en bevestigd. Toelichting: deel ervan');
    // The document changed when the newest review was made.
    expect(pkg.CFDocument.lastChangeDateTime).toBe('2026-11-23T10:00:00.000Z');
  });

  it('gives the same identifiers on every export and different ones for another crosswalk', () => {
    const a = buildCasePackage(input());
    const b = buildCasePackage(input());
    expect(b).toEqual(a);
    const other = buildCasePackage(input({ key: 'samenwerking:2|sel' }));
    expect(other.CFDocument.identifier).not.toBe(a.CFDocument.identifier);
    // Items are the same catalogue items: same identifiers across crosswalks.
    expect(other.CFItems.map((i) => i.identifier)).toEqual(a.CFItems.map((i) => i.identifier));
  });

  it('refuses a node whose parent is missing, and skips links to items outside the package', () => {
    expect(() => buildCasePackage(input({ nodes: [{ key: 'x', code: null, statement: 'x', type: 'Eindterm', parentKey: 'nergens' }], links: [] }))).toThrow(/unknown parent/);
    const pkg = buildCasePackage(input({ links: [{ eindtermKey: 'e1', werkprocesKey: '99999:X', relatie: 'gelijk', toelichting: null, herkomst: 'handmatig', op: '2026-11-23T10:00:00.000Z' }] }));
    expect(pkg.CFAssociations.filter((a) => a.associationType !== 'isChildOf')).toEqual([]);
  });
});
