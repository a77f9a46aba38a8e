/**
 * Opens exported files the way a reader would, for tests of the leerroute exports: XLSX with exceljs, DOCX with
 * jszip (word/document.xml), PDF with pdfjs-dist (text, metadata, mark info and the structure tree).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type CellValue = string | number | boolean | null;

/** The rows of each worksheet as arrays of plain values (index 0 = column A). */
export async function readXlsx(body: Buffer): Promise<{ sheets: Map<string, CellValue[][]>; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, CellValue[][]>();
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v == null ? null : typeof v === 'object' ? String((v as { text?: unknown }).text ?? JSON.stringify(v)) : (v as CellValue)));
      rows[n - 1] = values;
    });
    sheets.set(ws.name, Array.from(rows, (r) => r ?? []));
  });
  return { sheets, workbook: wb };
}

const unescapeXml = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** The paragraphs of word/document.xml as text, with the XML itself and the core properties. */
export async function readDocx(body: Buffer): Promise<{ paragraphs: string[]; xml: string; core: string; files: string[] }> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''));
  return { paragraphs, xml, core, files: Object.keys(zip.files) };
}

export interface StructNode {
  role: string;
  children: StructNode[];
}

/** Text per page (lines joined with spaces), the document info, mark info, and the structure tree roles. */
export async function readPdf(body: Buffer): Promise<{ pages: string[]; text: string; info: Record<string, unknown>; markInfo: unknown; structRoles: string[]; metadata: string; raw: string }> {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  const structRoles: string[] = [];
  const walk = (n: { role?: string; children?: unknown[] } | null) => {
    if (!n) return;
    if (n.role) structRoles.push(n.role);
    for (const c of n.children ?? []) walk(c as { role?: string; children?: unknown[] });
  };
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
    walk((await page.getStructTree()) as never);
  }
  const meta = await pdf.getMetadata();
  const markInfo = await pdf.getMarkInfo();
  const metadata = meta.metadata ? meta.metadata.getRaw() : '';
  await pdf.destroy();
  return { pages, text: pages.join('\n'), info: meta.info as Record<string, unknown>, markInfo, structRoles, metadata, raw: body.toString('latin1') };
}
