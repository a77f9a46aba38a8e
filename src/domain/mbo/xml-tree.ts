/**
 * A small, typed element tree on top of fast-xml-parser, with the line number and a
 * readable path of every element (for error messages and provenance).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MboImportError } from './errors.js';

export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  /** Direct text content (CDATA included), not trimmed. */
  text: string;
  children: XmlElement[];
  /** 1-based line of the start tag. */
  line: number;
  /** e.g. "sbb/dossiers/dossier/profielen/profiel[2]"; an index only where a name repeats. */
  path: string;
}

type OrderedNode = Record<string, unknown>;

const BOM = '\uFEFF';
const TEXT = '#text';
const ATTRS = ':@';
const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** Parse a complete XML document; malformed XML throws an MboImportError with line and column. */
export function parseXmlDocument(xml: string, fileName: string): XmlElement {
  const input = xml.startsWith(BOM) ? xml.slice(1) : xml;
  const validation = XMLValidator.validate(input);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    const where = Number.isFinite(col) ? ` (kolom ${col})` : '';
    throw new MboImportError({ file: fileName, line: line ?? null, reason: `ongeldige XML${where}: ${msg}` });
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const nodes = parser.parse(input) as OrderedNode[];
  const lineOf = lineFinder(input);
  const roots = nodes.filter(isElementNode);
  const strayText = nodes.some((node) => !isElementNode(node) && String(node[TEXT] ?? '').trim() !== '');
  if (roots.length !== 1 || strayText) {
    throw new MboImportError({ file: fileName, reason: 'ongeldige XML: het document moet precies één root-element hebben' });
  }
  return toElement(roots[0]!, '', lineOf, null);
}

function isElementNode(node: OrderedNode): boolean {
  return elementName(node) !== undefined;
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== TEXT && key !== ATTRS);
}

function toElement(node: OrderedNode, parentPath: string, lineOf: (index: number) => number, repeatIndex: number | null): XmlElement {
  const name = elementName(node)!;
  const path = `${parentPath === '' ? '' : `${parentPath}/`}${name}${repeatIndex === null ? '' : `[${repeatIndex}]`}`;
  const content = (node[name] ?? []) as OrderedNode[];
  const meta = node[META] as { startIndex?: number } | undefined;
  const attrs = Object.fromEntries(
    Object.entries((node[ATTRS] ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)]),
  );
  const childNodes = content.filter(isElementNode);
  const counts = new Map<string, number>();
  for (const child of childNodes) counts.set(elementName(child)!, (counts.get(elementName(child)!) ?? 0) + 1);
  const seen = new Map<string, number>();
  const children = childNodes.map((child) => {
    const childName = elementName(child)!;
    const index = (seen.get(childName) ?? 0) + 1;
    seen.set(childName, index);
    return toElement(child, path, lineOf, (counts.get(childName) ?? 0) > 1 ? index : null);
  });
  const text = content
    .filter((child) => !isElementNode(child))
    .map((child) => String(child[TEXT] ?? ''))
    .join('');
  return { name, attrs, text, children, line: lineOf(meta?.startIndex ?? 0), path };
}

function lineFinder(text: string): (index: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
