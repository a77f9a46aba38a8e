import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/domain/search/search-index.js';
import type { SearchDocumentInput } from '../../src/domain/vmbo/search-documents.js';

function doc(id: string, kind: string, A: string[], extra: Partial<SearchDocumentInput> = {}): SearchDocumentInput {
  return {
    id, side: 'vmbo', kind: kind as SearchDocumentInput['kind'], itemId: id, code: id, codeFolded: id.toLowerCase(), title: id, body: '', context: '', url: '/',
    leerwegen: ['BB', 'KB', 'GL'], profielCode: 'PIE', boost: 1, weighted: { A, B: [], C: [], D: [] }, ...extra,
  };
}

describe('SearchIndex', () => {
  const index = new SearchIndex([
    doc('K/PIE/08', 'keuzevak', ['boog', 'lass'], { boost: 2.5 }),
    doc('E1', 'eindterm', ['lass', 'staal']),
    doc('E2', 'eindterm', ['zorg', 'klant'], { leerwegen: ['GL'] }),
    doc('E3', 'eindterm', ['klant', 'lass']),
  ]);
  const q = (terms: string[], mode: 'and' | 'or' | 'prefix' = 'and', extra = {}) =>
    index.search({ terms, mode, codeFolded: null, filters: {}, limit: 10, offset: 0, ...extra });

  it('needs every term in and-mode, any term in or-mode', () => {
    expect(q(['klant', 'lass']).hits.map((h) => h.doc.id)).toEqual(['E3']);
    expect(q(['klant', 'lass'], 'or').total).toBe(4);
  });
  it('ranks by boost and weight', () => {
    expect(q(['lass']).hits[0]!.doc.id).toBe('K/PIE/08');
  });
  it('expands word beginnings', () => {
    expect(q(['kla'], 'prefix').hits.map((h) => h.doc.id).sort()).toEqual(['E2', 'E3']);
  });
  it('filters by leerweg and kind, and pages', () => {
    expect(q(['klant'], 'and', { filters: { leerweg: 'BB' } }).hits.map((h) => h.doc.id)).toEqual(['E3']);
    expect(q(['lass'], 'and', { filters: { kind: 'eindterm' } }).total).toBe(2);
    const page = q(['lass'], 'and', { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.hits).toHaveLength(1);
  });
  it('puts an exact code first even without a text match', () => {
    const r = q(['nergens'], 'and', { codeFolded: 'k/pie/08' });
    expect(r.hits[0]!.doc.id).toBe('K/PIE/08');
  });
});
