import { describe, expect, it } from 'vitest';
import { parseSloDataset } from '../../src/domain/vmbo/slo-dataset.js';
import { buildVmboSearchDocuments, foldCode } from '../../src/domain/vmbo/search-documents.js';
import { stem } from '../../src/domain/text/analyzer.js';
import { sloFiles } from '../support/slo-factory.js';

describe('buildVmboSearchDocuments', () => {
  const items = parseSloDataset(sloFiles([{ code: 'K/PIE/08', title: 'Praktisch booglassen' }, { code: 'K/PIE/09', title: 'Lassen van dunne plaat' }, { code: 'K/PIE/02', title: 'Booglasprocessen' }])).items;
  const { documents, lexicon } = buildVmboSearchDocuments(items);

  it('makes a document per profiel, keuzevak, deeltaak and eindterm, linking to the page that shows it', () => {
    const kv = documents.find((d) => d.code === 'K/PIE/08')!;
    expect(kv).toMatchObject({ kind: 'keuzevak', url: '/vmbo/keuzevakken/K-PIE-08', side: 'vmbo' });
    const eindterm = documents.find((d) => d.kind === 'eindterm' && d.code.startsWith('K/PIE/08'))!;
    expect(eindterm.url).toBe(`/vmbo/keuzevakken/K-PIE-08#${eindterm.code.replaceAll('/', '-')}`);
    expect(eindterm.context).toBe('K/PIE/08 Praktisch booglassen');
    expect(documents.find((d) => d.kind === 'profiel')!.url).toBe('/vmbo/profielen/PIE');
  });

  it('indexes the parts of compounds the catalogue knows, and ranks keuzevakken above eindtermen', () => {
    expect(lexicon.has('lassen')).toBe(true);
    const kv = documents.find((d) => d.code === 'K/PIE/08')!;
    expect(kv.weighted.A).toEqual(expect.arrayContaining([stem('booglassen'), stem('lassen')]));
    expect(kv.boost).toBeGreaterThan(documents.find((d) => d.kind === 'eindterm')!.boost);
  });
});

describe('foldCode', () => {
  it('normalises how people type codes', () => {
    expect(foldCode(' k-pie-16 ')).toBe('k/pie/16');
    expect(foldCode('K/PIE/16')).toBe('k/pie/16');
  });
});
