/**
 * Renders an ExportDocument as an accessible PDF with pdfkit: a tagged PDF (PDF/UA identifier, MarkInfo, a structure
 * tree with Document, H1–H3, P, L/LI, Table/TR/TH/TD with header scopes), document language nl-NL, the title in the
 * metadata and shown as the window title, fonts embedded (Noto Sans from the @fontsource/noto-sans package, read from
 * node_modules: nothing is fetched at run time) and page numbers marked as artifacts. A table with column headers that
 * runs over a page break shows its header row again at the top of every page it continues on (as an artifact, see
 * `table`). Keep-with-next: a heading (and an introduction marked `houdBijVolgende`) starts a new page unless it fits
 * together with the first line or row of what follows; a signature block (its heading and all its fields) is never
 * split over two pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Blok, ExportDocument } from '../../domain/exports/document-model.js';
import { woffToSfnt } from './woff.js';

const require = createRequire(import.meta.url);
/** Read and converted once, on first use. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: woffToSfnt(readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'))),
    bold: woffToSfnt(readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'))),
  };
  return fonts;
}

const MARGIN = 40;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const HEADING_SIZE = { 1: 17, 2: 13.5, 3: 11.5 } as const;
/** Lines of one cell per table row; longer cells continue in the next row, so no row is taller than a page. */
const LINES_PER_ROW = 12;
/** Table rows rendered before the event loop gets a turn. */
const ROWS_PER_TURN = 20;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Cell padding of tables, and the width of the row-header column of key–value blocks and signature blocks. */
const CELL_PADDING = 3;
const KEY_WIDTH = 150;
const SIGNATURE_ROW = (veld: string) => (veld === 'Handtekening' ? 60 : 30);

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** Replaces characters the embedded font cannot show by their base letter (ł → l) or "?", so no text is lost silently. */
function makeSafe(doc: Doc): (text: string) => string {
  const font = (doc as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
  if (!font) return (t) => t;
  const has = (ch: string) => ch === '\n' || font.hasGlyphForCodePoint(ch.codePointAt(0)!);
  return (text) => {
    let out = '';
    for (const ch of text) {
      if (has(ch)) out += ch;
      else {
        const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        out += base && [...base].every(has) ? base : '?';
      }
    }
    return out;
  };
}

/** Splits a row whose cells have many lines into several rows of at most LINES_PER_ROW lines. */
function splitRow(cells: string[]): string[][] {
  const lines = cells.map((c) => c.split('\n'));
  const chunks = Math.max(1, ...lines.map((l) => Math.ceil(l.length / LINES_PER_ROW)));
  if (chunks === 1) return [cells];
  return Array.from({ length: chunks }, (_, i) =>
    lines.map((l, col) => {
      const part = l.slice(i * LINES_PER_ROW, (i + 1) * LINES_PER_ROW).join('\n');
      return i > 0 && col === 0 && part === '' ? '(vervolg)' : part;
    }),
  );
}

export async function renderPdf(document: ExportDocument): Promise<Buffer> {
  const stand = new Date(document.stand);
  const date = Number.isNaN(stand.getTime()) ? new Date(0) : stand;
  const options: PDFKit.PDFDocumentOptions = {
    size: 'A4',
    layout: document.orientatie === 'liggend' ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    // The PDF/UA identifier (pdfuaid:part 1) in the XMP metadata; the types of @types/pdfkit only know PDF/A.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: document.taal,
    displayTitle: true,
    bufferPages: true,
    // No standard (non-embedded) font: the first font is the embedded one.
    font: null as unknown as string,
    info: { Title: document.titel, Subject: document.onderwerp, Author: 'Doorlopend', Creator: 'Doorlopend', CreationDate: date, ModDate: date },
  };
  const doc = new PDFDocument(options);
  // Parse each font once per document and register it under its own PostScript name, also as family: pdfkit caches a
  // font by that name when it first reads it, and its table restores the previous font after every cell with a font of
  // its own (the bold headers) by source and family. Under any other name each switch would load the font again.
  const { regular, bold } = loadFonts();
  const register = (data: Buffer) => {
    const loaded = (doc.font(data) as unknown as { _font: { name: string; font: PDFKit.Mixins.PDFFontSource } })._font;
    doc.registerFont(loaded.name, loaded.font, loaded.name);
    return loaded.name;
  };
  const REGULAR = register(regular);
  const BOLD = register(bold);
  doc.font(REGULAR).fontSize(BODY_SIZE);
  const safe = makeSafe(doc);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const left = MARGIN;
  const width = () => doc.page.width - 2 * MARGIN;
  /** Starts a new page when less than `needed` points are left, unless the page is still empty. */
  const keep = (needed: number) => {
    if (doc.y + needed > doc.page.maxY() && doc.y > doc.page.margins.top + 1) doc.addPage();
  };

  // Heights, measured with the fonts and widths the blocks are drawn with (for keep-with-next).
  const lineGap = (size: number) => doc.font(REGULAR).fontSize(size).currentLineHeight(true);
  const textHeight = (text: string, font: string, size: number, w: number) => doc.font(font).fontSize(size).heightOfString(safe(text), { width: w });
  const rowHeight = (cells: Array<{ text: string; width: number; bold?: boolean }>, min = 0) =>
    Math.max(min, ...cells.map((c) => textHeight(c.text || ' ', c.bold ? BOLD : REGULAR, TABLE_SIZE, c.width - 2 * CELL_PADDING) + 2 * CELL_PADDING)) + 1;
  const columnWidths = (b: Extract<Blok, { soort: 'tabel' }>) => {
    const total = b.kolommen.reduce((s, k) => s + k.breedte, 0);
    return b.kolommen.map((k) => Math.floor((width() * k.breedte) / total));
  };
  const headingHeight = (niveau: 1 | 2 | 3, text: string) => (niveau > 1 ? 0.4 * lineGap(BODY_SIZE) : 0) + textHeight(text, BOLD, HEADING_SIZE[niveau], width()) + 0.3 * lineGap(BODY_SIZE);
  const signatureHeight = (b: Extract<Blok, { soort: 'ondertekening' }>) =>
    0.4 * lineGap(BODY_SIZE) + textHeight(`Namens ${b.partij}`, BOLD, HEADING_SIZE[3], width()) + 0.3 * lineGap(BODY_SIZE) + b.velden.reduce((s, v) => s + SIGNATURE_ROW(v) + 1, 0);
  /** The height of the part of a block that must be on the same page as a heading before it. */
  const firstPart = (b: Blok): number => {
    switch (b.soort) {
      case 'kop':
        return headingHeight(b.niveau, b.tekst);
      case 'alinea':
        return textHeight(b.tekst, REGULAR, BODY_SIZE, width());
      case 'lijst':
        return b.items.length ? textHeight(b.items[0]!, REGULAR, BODY_SIZE, width() - 6) : 0;
      case 'gegevens': {
        if (b.rijen.length === 0) return 0;
        const [k, v] = splitRow(b.rijen[0]!)[0]!;
        return rowHeight([{ text: k!, width: KEY_WIDTH, bold: true }, { text: v!, width: width() - KEY_WIDTH }]);
      }
      case 'tabel': {
        const widths = columnWidths(b);
        const header = rowHeight(b.kolommen.map((k, i) => ({ text: k.kop, width: widths[i]!, bold: true })));
        const first = b.rijen[0] ? rowHeight(splitRow(b.rijen[0])[0]!.map((c, i) => ({ text: c, width: widths[i]! }))) : 0;
        return header + first;
      }
      case 'ondertekening':
        return signatureHeight(b);
    }
  };
  const keepsWithNext = (b: Blok | undefined) => b !== undefined && (b.soort === 'kop' || (b.soort === 'alinea' && b.houdBijVolgende === true));
  /** A heading (or an introduction) with everything that keeps with it, down to the first part of the block after them. */
  const chainHeight = (i: number): number => {
    const b = document.blokken[i];
    if (!b) return 0;
    if (!keepsWithNext(b)) return firstPart(b);
    const own = b.soort === 'kop' ? headingHeight(b.niveau, b.tekst) : firstPart(b) + 0.6 * lineGap(BODY_SIZE);
    return own + chainHeight(i + 1);
  };

  /**
   * A table, fed row by row; every ROWS_PER_TURN rows the event loop gets a turn, so a long document does not hold up
   * the other requests of the server while it is rendered (nothing else touches this document in between).
   *
   * With `kopRij`, row 0 is a row of column headers that is drawn again at the top of every page the table continues
   * on. pdfkit's table has no header rows of its own (foliojs/pdfkit#1657), so this is done around it:
   * - pdfkit puts the row that no longer fits at `page.margins.top` of the page it leaves, then calls
   *   `continueOnNewPage`, which emits `pageAdded` before the row is drawn. While the table runs, the top margin of
   *   its pages is raised by the height of the header row (restored when the table ends), so the row lands below the
   *   repeated header, and the `pageAdded` listener draws the header in that space with the same widths and styles.
   * - Tagging: the repeated header is an artifact (/Artifact, type Pagination, like a running head), not structure.
   *   The table's structure element and its TR/TH elements are private to pdfkit's table, and a second TR of TH cells
   *   in the middle of the Table would be read out as an extra row and break the row count; a TH whose content
   *   appears on two pages would be read twice. So the original TH cells of row 0 stay the only structural headers
   *   (the TD cells on every page refer to them through their Headers attribute) and assistive technology skips the
   *   repeated copy: the usual practice for content that repeats on every page, like running heads (the first
   *   occurrence in the structure, the repeats artifacts). pdfkit's artifact marking knows Type, BBox and Attached,
   *   not the PDF 2.0 Subtype, so it is a plain Pagination artifact.
   */
  const table = async (parent: StructElement, rows: Array<Array<string | PDFKit.Mixins.CellOptions>>, columnStyles: Array<number | string>, opts: { rowMin?: (i: number) => number; kopRij?: boolean } = {}) => {
    const { rowMin, kopRij = false } = opts;
    doc.x = left;
    doc.font(REGULAR).fontSize(TABLE_SIZE);
    const style = { maxWidth: width(), columnStyles, defaultStyle: { border: 0.5, borderColor: '#767676', padding: 3 } };
    const options = {
      ...style,
      structParent: parent,
      position: { x: left, y: doc.y },
      rowStyles: rowMin ? (i: number) => ({ minHeight: rowMin(i) }) : undefined,
    };
    const t = doc.table(options as unknown as PDFKit.Mixins.TableOptions);
    /** Pages whose top margin was raised for the repeated header, with their own top margin. */
    const raised = new Map<PDFKit.PDFPage, number>();
    const raise = (by: number) => {
      if (!raised.has(doc.page)) raised.set(doc.page, doc.page.margins.top);
      doc.page.margins.top = raised.get(doc.page)! + by;
    };
    let repeatHeader: (() => void) | null = null;
    try {
      for (let i = 0; i < rows.length; i++) {
        const page = doc.page;
        const top = doc.y;
        t.row(rows[i]! as Array<string | PDFKit.Mixins.RowOptions>);
        if (i === 0 && kopRij && rows.length > 1) {
          // The header row may itself have moved to a new page, where it starts at the top margin.
          const height = doc.y - (doc.page === page ? top : doc.page.margins.top);
          const header = rows[0]!;
          repeatHeader = () => {
            const y = doc.page.margins.top;
            doc.markContent('Artifact', { type: 'Pagination' } as never);
            // Untagged (no structParent): only the artifact marking says what it is.
            doc.table({ ...style, position: { x: left, y }, data: [header] } as unknown as PDFKit.Mixins.TableOptions);
            doc.endMarkedContent();
            doc.font(REGULAR).fontSize(TABLE_SIZE);
            raise(height);
          };
          raise(height);
          doc.on('pageAdded', repeatHeader);
        }
        if ((i + 1) % ROWS_PER_TURN === 0) await turn();
      }
      t.end();
    } finally {
      if (repeatHeader) doc.off('pageAdded', repeatHeader);
      for (const [page, top] of raised) page.margins.top = top;
    }
    doc.x = left;
    doc.moveDown(0.8);
    doc.font(REGULAR).fontSize(BODY_SIZE);
  };
  const th = (text: string, scope: 'column' | 'row') => ({ text: safe(text), type: 'TH' as const, scope, font: { src: BOLD }, backgroundColor: '#e8e8e8' });

  const render = async (b: Blok) => {
    switch (b.soort) {
      case 'kop': {
        if (b.niveau > 1) doc.moveDown(0.4);
        doc.x = left;
        root.add(doc.struct(`H${b.niveau}`, {}, () => doc.font(BOLD).fontSize(HEADING_SIZE[b.niveau]).text(safe(b.tekst), left, undefined, { width: width() })));
        doc.moveDown(0.3);
        doc.font(REGULAR).fontSize(BODY_SIZE);
        break;
      }
      case 'alinea':
        doc.x = left;
        root.add(doc.struct('P', {}, () => doc.font(REGULAR).fontSize(BODY_SIZE).text(safe(b.tekst), left, undefined, { width: width() })));
        doc.moveDown(0.6);
        break;
      case 'lijst': {
        const list = doc.struct('L');
        root.add(list);
        doc.font(REGULAR).fontSize(BODY_SIZE).list(b.items.map(safe), left + 6, undefined, { structParent: list, width: width() - 6, bulletRadius: 2 } as PDFKit.Mixins.TextOptions);
        list.end();
        doc.x = left;
        doc.moveDown(0.6);
        break;
      }
      case 'gegevens':
        await table(root, b.rijen.flatMap(([k, v]) => splitRow([k, v]).map(([k2, v2]) => [th(k2!, 'row'), safe(v2!)])), [KEY_WIDTH, '*']);
        break;
      case 'tabel': {
        const widths = columnWidths(b);
        await table(root, [b.kolommen.map((k) => th(k.kop, 'column')), ...b.rijen.flatMap(splitRow).map((r) => r.map(safe))], widths, { kopRij: true });
        break;
      }
      case 'ondertekening': {
        keep(signatureHeight(b) + 2);
        doc.font(REGULAR).fontSize(BODY_SIZE);
        doc.moveDown(0.4);
        doc.x = left;
        root.add(doc.struct('H3', {}, () => doc.font(BOLD).fontSize(HEADING_SIZE[3]).text(safe(`Namens ${b.partij}`), left, undefined, { width: width() })));
        doc.moveDown(0.3);
        await table(root, b.velden.map((v) => [th(v, 'row'), '']), [KEY_WIDTH, 300], { rowMin: (i) => SIGNATURE_ROW(b.velden[i]!) });
        break;
      }
    }
  };
  for (let i = 0; i < document.blokken.length; i++) {
    // The first of a chain of blocks that keep with the next: they and the start of what follows on one page.
    if (keepsWithNext(document.blokken[i]) && !keepsWithNext(document.blokken[i - 1])) {
      keep(chainHeight(i) + 2);
      doc.font(REGULAR).fontSize(BODY_SIZE);
    }
    await render(document.blokken[i]!);
  }
  root.end();

  // Page numbers: artifacts, outside the structure tree.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    doc.font(REGULAR).fontSize(8).fillColor('#444444').text(safe(`${document.titel} · pagina ${i + 1} van ${range.count}`), MARGIN, doc.page.height - MARGIN, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
