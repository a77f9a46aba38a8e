/**
 * PDF exports: a table with column headers that runs over a page break shows its header row again at the top of every
 * page it continues on, and the PDF stays tagged: the repeated header is an artifact, the original TH cells on the
 * first page are the table's only header cells in the structure tree, the data rows on later pages stay tagged.
 * Opened again with pdfjs-dist (text with positions and marked content per page, structure tree per page).
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExportDocument } from '../../src/domain/exports/document-model.js';
import { renderPdf } from '../../src/server/exports/pdf.js';

interface Tekst {
  str: string;
  /** Baseline, from the bottom of the page. */
  y: number;
  /** The innermost marked-content sequence around the text: 'Artifact', a tagged sequence ('mcid') or none. */
  markering: 'Artifact' | 'mcid' | null;
}

interface Node {
  role?: string;
  type?: string;
  children?: Node[];
}

/**
 * Per page: the text items in content order with their marking; the roles of the structure elements with content on
 * the page (pdfjs gives the whole tree of every element that has some, content leaves only for this page); and the
 * number of TR and TH elements of each Table.
 */
async function openPdf(body: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: Array<{ items: Tekst[]; roles: string[]; tables: Array<{ rows: number; th: number }> }> = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: Array<Tekst['markering']> = [];
    const items: Tekst[] = [];
    for (const it of content.items) {
      if ('str' in it) {
        if (it.str.trim()) items.push({ str: it.str, y: it.transform[5] as number, markering: stack.at(-1) ?? null });
      } else if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
        // pdfjs also gives the tag of the sequence (not in its types).
        stack.push((it as { tag?: string }).tag === 'Artifact' ? 'Artifact' : it.id ? 'mcid' : null);
      } else if (it.type === 'endMarkedContent') {
        stack.pop();
      }
    }
    const roles: string[] = [];
    const tables: Array<{ rows: number; th: number }> = [];
    const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
    const walk = (n: Node | null) => {
      if (!n) return;
      if (n.role && n.children?.some((c) => c.type === 'content')) roles.push(n.role);
      if (n.role === 'Table') {
        const inner = all(n);
        tables.push({ rows: inner.filter((c) => c.role === 'TR').length, th: inner.filter((c) => c.role === 'TH').length });
      }
      for (const c of n.children ?? []) walk(c);
    };
    walk((await page.getStructTree()) as Node | null);
    pages.push({ items, roles, tables });
  }
  const markInfo = await pdf.getMarkInfo();
  await pdf.destroy();
  return { pages, markInfo };
}

const KOPPEN = ['Toetscode', 'Inhoud en eindtermen', 'SE-weging'];
const count = (roles: string[], role: string) => roles.filter((r) => r === role).length;

function document(blokken: ExportDocument['blokken']): ExportDocument {
  return { titel: 'Lange tabel', onderwerp: 'Test', taal: 'nl-NL', orientatie: 'staand', stand: '2026-11-01T00:00:00Z', blokken };
}

describe('PDF table header on every page', { timeout: 60_000 }, () => {
  it('repeats the header row of a long table at the top of each continuation page, as an artifact, and stays tagged', async () => {
    const rijen = Array.from({ length: 140 }, (_, i) => [`T-${i + 1}`, `Inhoud van toets ${i + 1}\nmet een tweede regel`, String(i + 1)]);
    const body = await renderPdf(
      document([
        { soort: 'kop', niveau: 1, tekst: 'Lange tabel' },
        { soort: 'tabel', kolommen: [{ kop: KOPPEN[0]!, breedte: 1 }, { kop: KOPPEN[1]!, breedte: 4 }, { kop: KOPPEN[2]!, breedte: 1 }], rijen },
      ]),
    );
    const { pages, markInfo } = await openPdf(body);
    expect(markInfo).toMatchObject({ Marked: true });
    expect(body.toString('latin1')).toContain('/StructTreeRoot');
    expect(pages.length).toBeGreaterThanOrEqual(3);

    // Page 1: the heading, then the real header row (tagged, not an artifact).
    const first = pages[0]!.items;
    expect(first.map((t) => t.str).slice(0, 4)).toEqual(['Lange tabel', ...KOPPEN]);
    expect(first.slice(1, 4).every((t) => t.markering === 'mcid')).toBe(true);
    expect(count(pages[0]!.roles, 'TH')).toBe(KOPPEN.length);
    // One table in the structure: the header row plus one TR per row, its three TH cells the only header cells.
    expect(pages[0]!.tables).toEqual([{ rows: rijen.length + 1, th: KOPPEN.length }]);

    const rowsSeen: string[] = first.filter((t) => /^T-\d+$/.test(t.str)).map((t) => t.str);
    for (const [n, page] of pages.slice(1).entries()) {
      const items = page.items.filter((t) => !t.str.includes('pagina'));
      // Starts with the header texts, drawn as an artifact…
      expect(items.slice(0, 3).map((t) => t.str), `page ${n + 2}`).toEqual(KOPPEN);
      expect(items.slice(0, 3).every((t) => t.markering === 'Artifact')).toBe(true);
      // …above the rows, which do not overlap it and are still tagged content of the table.
      const headerY = Math.min(...items.slice(0, 3).map((t) => t.y));
      const data = items.slice(3);
      expect(data.length).toBeGreaterThan(0);
      expect(Math.max(...data.map((t) => t.y))).toBeLessThan(headerY - 8);
      expect(data.every((t) => t.markering === 'mcid')).toBe(true);
      // On this page the structure has content in the same table's data cells only, in no header cell, and the
      // table has no row more than on page 1.
      expect(page.roles).toContain('TD');
      expect(page.roles).not.toContain('TH');
      expect(page.tables).toEqual(pages[0]!.tables);
      rowsSeen.push(...data.filter((t) => /^T-\d+$/.test(t.str)).map((t) => t.str));
    }
    // Every row once, in order: the repeated header took no row's place.
    expect(rowsSeen).toEqual(rijen.map((r) => r[0]));
  });

  it('leaves tables without a header row alone and gives the pages after the table their normal top margin', async () => {
    const rijen = Array.from({ length: 60 }, (_, i) => [`R-${i + 1}`, `Regel ${i + 1}`]);
    const gegevens = Array.from({ length: 80 }, (_, i): [string, string] => [`Gegeven ${i + 1}`, `Waarde ${i + 1}`]);
    const { pages } = await openPdf(
      await renderPdf(
        document([
          { soort: 'tabel', kolommen: [{ kop: 'Code', breedte: 1 }, { kop: 'Omschrijving', breedte: 3 }], rijen },
          { soort: 'gegevens', rijen: gegevens },
        ]),
      ),
    );
    const starts = pages.map((p) => p.items.filter((t) => !t.str.includes('pagina')));
    // The table continues on page 2 under its repeated header and ends there; the key–value block follows it on page 2.
    expect(starts[1]!.slice(0, 2).map((t) => t.str)).toEqual(['Code', 'Omschrijving']);
    expect(starts[1]!.map((t) => t.str)).toContain('R-60');
    expect(starts[1]!.map((t) => t.str)).toContain('Gegeven 1');
    // The key–value block continues on page 3 with its next row (row headers only: nothing repeated), at the same
    // height as the repeated header on page 2, so the raised top margin of the long table did not stay behind.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const third = starts[2]!;
    const lastOnPage2 = Number(starts[1]!.filter((t) => /^Gegeven \d+$/.test(t.str)).at(-1)!.str.split(' ')[1]);
    expect(third[0]!.str).toBe(`Gegeven ${lastOnPage2 + 1}`);
    expect(third[0]!.markering).toBe('mcid');
    expect(third[0]!.y).toBeCloseTo(starts[1]![0]!.y, 0);
    expect(count(pages[2]!.roles, 'TH')).toBeGreaterThan(0);
  });
});
