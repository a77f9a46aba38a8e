import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leerwegOfNiveau, parseSloDataset, SloDatasetError } from '../../src/domain/vmbo/slo-dataset.js';
import { contentHash, diffCatalog } from '../../src/domain/vmbo/catalog-diff.js';
import { sloFiles } from '../support/slo-factory.js';

describe('parseSloDataset', () => {
  it('builds the tree with parents before children and leerwegen from the niveaus', () => {
    const ds = parseSloDataset(sloFiles([{ code: 'K/PIE/01', deeltaken: [{ eindtermen: [['BB'], ['KB', 'GL']] }] }]));
    expect(ds.items.map((i) => i.kind)).toEqual(['profiel', 'keuzevak', 'deeltaak', 'eindterm', 'eindterm']);
    const [profiel, keuzevak, deeltaak, e1, e2] = ds.items;
    expect(keuzevak!.parentId).toBe(profiel!.id);
    expect(deeltaak!.parentId).toBe(keuzevak!.id);
    expect(e1!.leerwegen).toEqual(['BB']);
    expect(e2!.leerwegen).toEqual(['KB', 'GL']);
    // Without niveaus on the keuzevaktaak, the keuzevak gets the union of its eindtermen.
    expect(keuzevak!.leerwegen).toEqual(['BB', 'KB', 'GL']);
    expect(deeltaak!.leerwegen).toEqual(['BB', 'KB', 'GL']);
  });

  it('uses the leerwegen of the keuzevaktaak when SLO gives them', () => {
    const ds = parseSloDataset(sloFiles([{ code: 'K/PIE/01', taakNiveaus: ['KB'] }]));
    expect(ds.items.find((i) => i.kind === 'keuzevak')!.leerwegen).toEqual(['KB']);
  });

  it('keeps both records of a duplicated code and chooses the one to show by completeness', () => {
    const complete = randomUUID();
    const ds = parseSloDataset(sloFiles([{ code: 'K/EO/09' }, { code: 'K/EO/09', id: complete, taakNiveaus: ['BB'] }]));
    expect(ds.duplicates).toEqual([{ code: 'K/EO/09', shownId: complete, otherIds: [expect.any(String)], reason: expect.stringMatching(/leerwegen/) }]);
    const kvs = ds.items.filter((i) => i.kind === 'keuzevak');
    expect(kvs.find((k) => k.id === complete)!.duplicateOf).toBeNull();
    expect(kvs.find((k) => k.id !== complete)!.duplicateOf).toBe(complete);
  });

  it('chooses by lowest id when the records are equally complete, so the choice is stable', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const ds = parseSloDataset(sloFiles([{ code: 'K/EO/10', id: b }, { code: 'K/EO/10', id: a }]));
    expect(ds.duplicates[0]!.shownId).toBe(a);
  });

  it('rejects a dangling reference naming file, item and missing id', () => {
    const files = sloFiles([{ code: 'K/PIE/01' }]);
    const missing = randomUUID();
    ((files.keuzevak as Array<Record<string, string[]>>)[0]!.examenprogramma_bg_deeltaak_id!).push(missing);
    expect(() => parseSloDataset(files)).toThrowError(new RegExp(`examenprogramma-bg/keuzevak.json: K/PIE/01 .*${missing}`));
  });

  it('rejects a child with two parents', () => {
    const files = sloFiles([{ code: 'K/PIE/01' }, { code: 'K/PIE/02' }]);
    const kvs = files.keuzevak as Array<Record<string, string[]>>;
    kvs[1]!.examenprogramma_bg_deeltaak_id = [...kvs[0]!.examenprogramma_bg_deeltaak_id!];
    expect(() => parseSloDataset(files)).toThrowError(/hoort bij twee ouders: K\/PIE\/01 en K\/PIE\/02/);
  });

  it('rejects a collection that is not a list, an item without id, and duplicate ids', () => {
    expect(() => parseSloDataset({ ...sloFiles([{ code: 'K/PIE/01' }]), deeltaak: {} })).toThrowError(SloDatasetError);
    const noId = sloFiles([{ code: 'K/PIE/01' }]);
    delete (noId.keuzevak as Array<Record<string, unknown>>)[0]!.id;
    expect(() => parseSloDataset(noId)).toThrowError(/keuzevak.json: K\/PIE\/01: "id" ontbreekt/);
    const dup = sloFiles([{ code: 'K/PIE/01' }]);
    (dup.deeltaak as unknown[]).push((dup.deeltaak as unknown[])[0]);
    expect(() => parseSloDataset(dup)).toThrowError(/twee keer/);
  });

  it('warns about items that belong to no profiel', () => {
    const files = sloFiles([{ code: 'K/PIE/01' }]);
    (files.profiel as Array<Record<string, unknown>>)[0]!.examenprogramma_bg_keuzevak_id = [];
    const ds = parseSloDataset(files);
    expect(ds.warnings.some((w) => w.includes('K/PIE/01'))).toBe(true);
  });
});

describe('leerwegOfNiveau', () => {
  it('recognises the vmbo leerwegen and nothing else', () => {
    expect(leerwegOfNiveau('bb vmbo kb')).toBe('KB');
    expect(leerwegOfNiveau('ob vmbo tl')).toBe('TL');
    expect(leerwegOfNiveau('havo')).toBeNull();
    expect(leerwegOfNiveau('vmbo bb, 3')).toBeNull();
  });
});

describe('diffCatalog', () => {
  const items = parseSloDataset(sloFiles([{ code: 'K/PIE/01' }, { code: 'K/PIE/02' }])).items;
  const stored = items.map((i) => ({ id: i.id, kind: i.kind, contentHash: contentHash(i), status: 'actief' as const }));

  it('finds nothing to do for the same data', () => {
    const d = diffCatalog(stored, items);
    expect([d.added.length, d.changed.length, d.vervallen.length, d.unchanged.length]).toEqual([0, 0, 0, items.length]);
  });

  it('finds added, changed and vervallen items, with the successor named in replaces', () => {
    const [profiel, kv1] = items;
    const successor = { ...kv1!, id: randomUUID(), replaces: [kv1!.id] };
    const next = items.filter((i) => i.id !== kv1!.id).map((i) => (i.id === profiel!.id ? { ...i, title: 'Nieuwe titel' } : i));
    const d = diffCatalog(stored, [...next, successor]);
    expect(d.added.map((i) => i.id)).toEqual([successor.id]);
    expect(d.changed.map((i) => i.id)).toEqual([profiel!.id]);
    expect(d.vervallen).toEqual([{ id: kv1!.id, kind: 'keuzevak', replacedBy: successor.id }]);
  });

  it('brings a vervallen item back as changed when it reappears', () => {
    const back = stored.map((s, i) => (i === 1 ? { ...s, status: 'vervallen' as const } : s));
    expect(diffCatalog(back, items).changed.map((i) => i.id)).toEqual([items[1]!.id]);
  });
});
