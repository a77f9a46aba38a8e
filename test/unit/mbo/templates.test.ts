import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsvLine } from '../../../src/domain/mbo/csv.js';
import { parseCsvTable } from '../../../src/domain/mbo/tables.js';
import { TABLE_KINDS, TABLE_SPECS, allTemplates, renderTemplateCsv, templateFileName } from '../../../src/domain/mbo/templates.js';

const templatesDir = new URL('../../../templates/mbo/', import.meta.url);

describe('templates', () => {
  it.each(TABLE_KINDS)('renders the header only for %s', (kind) => {
    expect(renderTemplateCsv(kind)).toBe(`${TABLE_SPECS[kind].kolommen.map((c) => c.naam).join(',')}\n`);
  });

  it.each(TABLE_KINDS)('ships templates/mbo/%s.csv equal to the rendered template', (kind) => {
    expect(readFileSync(new URL(templateFileName(kind), templatesDir), 'utf8')).toBe(renderTemplateCsv(kind));
  });

  it.each(TABLE_KINDS)('reads the empty %s template back as that kind with no rows', (kind) => {
    const result = parseCsvTable(renderTemplateCsv(kind), `${kind}.csv`);
    expect(result).toMatchObject({ kind, aantalRegels: 0 });
  });

  it('lists all templates', () => {
    expect(allTemplates().map((t) => t.fileName)).toEqual([
      'kwalificaties.csv',
      'kerntaken-werkprocessen.csv',
      'keuzedelen.csv',
      'keuzedeel-aanbod.csv',
      'keuzedeel-koppelingen.csv',
    ]);
  });

  it('documents every column with a format and an example that passes validation', () => {
    for (const kind of TABLE_KINDS) {
      const spec = TABLE_SPECS[kind];
      for (const column of spec.kolommen) expect(column.formaat, `${kind}.${column.naam}`).not.toBe('');
      const example = `${renderTemplateCsv(kind)}${formatCsvLine(spec.kolommen.map((c) => c.voorbeeld))}\n`;
      const extra = kind === 'kerntaken-werkprocessen' ? '25486,B1-K1,kerntaak,Een kerntaak\n' : '';
      expect(parseCsvTable(example + extra, `${kind}.csv`).aantalRegels, kind).toBe(extra === '' ? 1 : 2);
    }
  });
});
