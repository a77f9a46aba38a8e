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

/**
 * Parse a complete XML document. Before any parser sees it, `checkXmlSafety` refuses every DTD (<!DOCTYPE>,
 * <!ENTITY>: external entities and "billion laughs" expansion), every reference to an entity other than the five
 * of XML, and characters XML does not allow. Malformed XML throws an MboImportError in Dutch with line and element.
 */
export function parseXmlDocument(xml: string, fileName: string): XmlElement {
  const input = xml.startsWith(BOM) ? xml.slice(1) : xml;
  checkXmlSafety(input, fileName);
  const validation = XMLValidator.validate(input);
  if (validation !== true) {
    const { line, col, msg, code } = validation.err;
    const where = Number.isFinite(col) ? ` (kolom ${col})` : '';
    throw new MboImportError({ file: fileName, line: line ?? null, reason: `ongeldige XML${where}: ${dutchValidatorMessage(code, msg)}` });
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

// ---------------------------------------------------------------------------
// Safety check before parsing: no DTD, no entities beyond XML's five, only XML characters

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,8})|#([0-9]{1,10})|([A-Za-z_:][A-Za-z0-9_.:-]*));/y;
const TAG_NAME = /[^\s/>]+/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;

interface OpenElement {
  name: string;
  segment: string;
  line: number;
  childCounts: Map<string, number>;
}

/**
 * Walks the document once, tracking the open elements (for the path in messages), and refuses:
 * any `<!DOCTYPE`, `<!ENTITY` or other `<!` declaration outside comments and CDATA; a reference to a named entity
 * other than &lt; &gt; &amp; &quot; &apos;; a bare `&`; a character reference or raw character that XML does not
 * allow (NUL and other control characters, lone surrogates, U+FFFE/U+FFFF); an end tag that does not match.
 */
export function checkXmlSafety(input: string, fileName: string): void {
  const lineOf = lineFinder(input);
  const stack: OpenElement[] = [];
  const rootCounts = new Map<string, number>();
  const fail = (index: number, reason: string): never => {
    throw new MboImportError({ file: fileName, line: lineOf(index), path: stack.length === 0 ? null : stack.map((e) => e.segment).join('/'), reason });
  };
  const malformed = (index: number, reason: string): never => fail(index, `ongeldige XML: ${reason}`);
  /** Checks the reference starting at `at` (an '&'); returns the index after it. */
  const reference = (at: number): number => {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(input);
    if (m === null) malformed(at, 'los &-teken; schrijf &amp; voor een & in tekst');
    const [whole, hex, dec, name] = m!;
    if (name !== undefined) {
      if (!PREDEFINED_ENTITIES.has(name)) {
        fail(
          at,
          `verwijzing naar een onbekende entiteit ${whole}; alleen &lt; &gt; &amp; &quot; &apos; en tekenverwijzingen zoals &#233; zijn toegestaan (eigen entiteiten worden geweigerd)`,
        );
      }
    } else {
      const codePoint = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      if (!isXmlChar(codePoint)) fail(at, `tekenverwijzing ${whole} verwijst naar een teken dat XML niet toestaat`);
    }
    return at + whole!.length;
  };
  /** Checks the raw character at `at`; returns the index after it. */
  const character = (at: number): number => {
    const c = input.charCodeAt(at);
    if (c >= 0x20 && c < 0xd800) return at + 1;
    if (c === 0x09 || c === 0x0a || c === 0x0d) return at + 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = input.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return at + 2;
    }
    if (c >= 0xe000 && c <= 0xfffd) return at + 1;
    const hex = c.toString(16).toUpperCase().padStart(4, '0');
    return fail(
      at,
      c === 0
        ? 'het bestand bevat een NUL-teken (U+0000); dat is niet toegestaan in XML'
        : c >= 0xd800 && c <= 0xdfff
          ? `het bestand bevat een ongeldig teken (U+${hex}, een losse helft van een UTF-16-tekenpaar)`
          : `het bestand bevat het teken U+${hex}, dat niet is toegestaan in XML`,
    );
  };
  /** Characters (and, where `refs`, references) from `from` up to `to`. */
  const content = (from: number, to: number, refs: boolean): void => {
    let i = from;
    while (i < to) i = refs && input.charCodeAt(i) === 0x26 ? reference(i) : character(i);
  };
  const closeAt = (from: number, marker: string, what: string): number => {
    const end = input.indexOf(marker, from);
    if (end < 0) malformed(from, `${what} wordt niet gesloten met ${marker}`);
    return end;
  };

  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (c === 0x26) {
      i = reference(i);
      continue;
    }
    if (c !== 0x3c) {
      i = character(i);
      continue;
    }
    if (input.startsWith('<!--', i)) {
      const end = closeAt(i + 4, '-->', 'commentaar (<!--)');
      content(i + 4, end, false);
      i = end + 3;
    } else if (input.startsWith('<![CDATA[', i)) {
      const end = closeAt(i + 9, ']]>', 'CDATA-blok');
      content(i + 9, end, false);
      i = end + 3;
    } else if (input.startsWith('<!', i)) {
      const what = /^<!([A-Za-z]*)/.exec(input.slice(i, i + 20))?.[1] ?? '';
      fail(
        i,
        `<!${what}> is niet toegestaan: een SBB-export heeft geen DTD of eigen entiteiten nodig, en die kunnen een bestand onbeperkt laten uitdijen ("billion laughs") of andere bestanden binnenhalen`,
      );
    } else if (input.startsWith('<?', i)) {
      const end = closeAt(i + 2, '?>', 'verwerkingsinstructie (<?)');
      content(i + 2, end, false);
      i = end + 2;
    } else if (input.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(input);
      if (m === null) malformed(i, 'sluittag wordt niet goed afgesloten met >');
      const open = stack[stack.length - 1];
      if (open === undefined) malformed(i, `sluittag </${m![1]}> zonder bijbehorende begintag`);
      if (open!.name !== m![1]) malformed(i, `sluittag </${m![1]}> past niet bij <${open!.name}> (geopend op regel ${open!.line})`);
      stack.pop();
      i += m![0].length;
    } else {
      TAG_NAME.lastIndex = i + 1;
      const m = TAG_NAME.exec(input);
      if (m === null) malformed(i, 'los <-teken; schrijf &lt; voor een < in tekst');
      const name = m![0];
      const counts = stack[stack.length - 1]?.childCounts ?? rootCounts;
      const n = (counts.get(name) ?? 0) + 1;
      counts.set(name, n);
      stack.push({ name, segment: n > 1 ? `${name}[${n}]` : name, line: lineOf(i), childCounts: new Map() });
      let j = i + 1 + name.length;
      let quote = 0;
      for (;;) {
        if (j >= input.length) malformed(i, `begintag <${name}> wordt niet afgesloten met >`);
        const ch = input.charCodeAt(j);
        if (quote !== 0) {
          if (ch === quote) {
            quote = 0;
            j++;
          } else j = ch === 0x26 ? reference(j) : character(j);
        } else if (ch === 0x22 || ch === 0x27) {
          quote = ch;
          j++;
        } else if (ch === 0x3e) break;
        else j = character(j);
      }
      if (input.charCodeAt(j - 1) === 0x2f) stack.pop();
      i = j + 1;
    }
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) malformed(input.length, `element <${open.name}> (geopend op regel ${open.line}) wordt niet gesloten`);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The XML validator's (English) messages in Dutch; an unknown one by its kind. */
const VALIDATOR_MESSAGES: [RegExp, (...groups: string[]) => string][] = [
  [/^Expected closing tag '(.+)' \(opened in line (\d+), col \d+\) instead of closing tag '(.+)'\.$/, (open, line, close) => `sluittag </${close}> past niet bij <${open}> (geopend op regel ${line})`],
  [/^Closing tag '(.+)' has not been opened\.$/, (t) => `sluittag </${t}> zonder bijbehorende begintag`],
  [/^Closing tag '(.+)' doesn't have proper closing\.$/, (t) => `sluittag </${t}> wordt niet goed afgesloten met >`],
  [/^Closing tag '(.+)' can't have attributes or invalid starting\.$/, (t) => `sluittag </${t}> mag geen attributen hebben`],
  [/^Unclosed tag '(.+)'\.$/, (t) => `element <${t}> wordt niet gesloten`],
  [/^Tag '(.+)' is an invalid name\.$/, (t) => `ongeldige elementnaam '${t}'`],
  [/^Invalid space after '<'\.$/, () => `spatie na '<'`],
  [/^Attribute '(.+)' is an invalid name\.$/, (a) => `ongeldige attribuutnaam '${a}'`],
  [/^Attribute '(.+)' is repeated\.$/, (a) => `attribuut '${a}' staat twee keer in dezelfde tag`],
  [/^Attribute '(.+)' has no space in starting\.$/, (a) => `voor attribuut '${a}' ontbreekt een spatie`],
  [/^Attribute '(.+)' is without value\.$/, (a) => `attribuut '${a}' heeft geen waarde`],
  [/^boolean attribute '(.+)' is not allowed\.$/, (a) => `attribuut '${a}' zonder waarde is niet toegestaan`],
  [/^Attributes for '(.+)' have open quote\.$/, (t) => `een attribuutwaarde van <${t}> heeft geen sluitend aanhalingsteken`],
  [/^char '&' is not expected\.$/, () => 'los &-teken; schrijf &amp; voor een & in tekst'],
  [/^char '(.+)' is not expected\.$/, (ch) => `onverwacht teken '${ch}'`],
  [/^Extra text at the end/, () => 'tekst na het einde van het root-element'],
  [/^Multiple possible root nodes found\.$/, () => 'meer dan één root-element'],
  [/^Start tag expected\.$/, () => 'begintag verwacht'],
  [/^XML declaration allowed only at the start of the document\.$/, () => 'de XML-declaratie (<?xml …?>) mag alleen aan het begin van het bestand staan'],
  [/^Invalid '.*' found\.$/, () => 'niet elk element wordt gesloten'],
];
const VALIDATOR_KINDS: Record<string, string> = {
  InvalidTag: 'ongeldige tag',
  InvalidAttr: 'ongeldig attribuut',
  InvalidChar: 'ongeldig teken',
  InvalidXml: 'ongeldige opbouw van het document',
};

export function dutchValidatorMessage(code: string, message: string): string {
  for (const [pattern, dutch] of VALIDATOR_MESSAGES) {
    const m = pattern.exec(message);
    if (m !== null) return dutch(...m.slice(1));
  }
  return VALIDATOR_KINDS[code] ?? 'het bestand is geen goedgevormde XML';
}
