/**
 * Renders an ExportDocument as a Word document (DOCX, with the `docx` package): real heading styles (Kop 1–3), tables
 * with a repeated header row, bulleted lists, document language nl-NL on every run, title and subject in the document
 * properties, and signature blocks with room to write.
 */
import {
  BorderStyle, Document, HeadingLevel, HeightRule, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Blok, ExportDocument } from '../../domain/exports/document-model.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** A4 minus 2 cm margins on each side, in twentieths of a point. */
const PAGE = { portrait: 11906 - 2 * 1134, landscape: 16838 - 2 * 1134 };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '767676' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function lines(text: string, bold = false, keepNext = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ keepNext, children: [new TextRun({ text: line, bold })] }));
}

/** `keepNext`: the row stays on the page of the next one (Word keeps a table together this way). */
function cell(text: string, width: number, opts: { header?: boolean; keepNext?: boolean } = {}): TableCell {
  return new TableCell({
    children: lines(text, opts.header, opts.keepNext),
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
  });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({ columnWidths: widths, width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA }, rows });
}

export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const pageWidth = document.orientatie === 'liggend' ? PAGE.landscape : PAGE.portrait;
  const children: Array<Paragraph | Table> = [];
  const spacer = () => children.push(new Paragraph({ children: [] }));

  const render = (b: Blok) => {
    switch (b.soort) {
      case 'kop':
        children.push(new Paragraph({ heading: HEADINGS[b.niveau], keepNext: true, children: [new TextRun(b.tekst)] }));
        break;
      case 'alinea':
        children.push(...lines(b.tekst, false, b.houdBijVolgende === true));
        break;
      case 'lijst':
        for (const item of b.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
        break;
      case 'gegevens': {
        const widths = [3000, pageWidth - 3000];
        children.push(table(widths, b.rijen.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, widths[0]!, { header: true }), cell(v, widths[1]!)] }))));
        spacer();
        break;
      }
      case 'tabel': {
        const total = b.kolommen.reduce((s, k) => s + k.breedte, 0);
        const widths = b.kolommen.map((k) => Math.floor((pageWidth * k.breedte) / total));
        children.push(
          table(widths, [
            new TableRow({ tableHeader: true, cantSplit: true, children: b.kolommen.map((k, i) => cell(k.kop, widths[i]!, { header: true })) }),
            ...b.rijen.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!)) })),
          ]),
        );
        spacer();
        break;
      }
      case 'ondertekening': {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(`Namens ${b.partij}`)] }));
        const widths = [3000, 6000];
        children.push(
          table(
            widths,
            b.velden.map(
              (v, i) => {
                const keepNext = i < b.velden.length - 1;
                return new TableRow({ cantSplit: true, height: { value: v === 'Handtekening' ? 1400 : 600, rule: HeightRule.ATLEAST }, children: [cell(v, widths[0]!, { header: true, keepNext }), cell('', widths[1]!, { keepNext })] });
              },
            ),
          ),
        );
        spacer();
        break;
      }
    }
  };
  for (const b of document.blokken) render(b);

  const doc = new Document({
    creator: 'Doorlopend',
    lastModifiedBy: 'Doorlopend',
    title: document.titel,
    subject: document.onderwerp,
    description: document.onderwerp,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 20, language: { value: document.taal } } },
        title: { run: { language: { value: document.taal } } },
      },
      paragraphStyles: [],
    },
    sections: [
      {
        properties: {
          page: {
            size: document.orientatie === 'liggend' ? { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } : { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
