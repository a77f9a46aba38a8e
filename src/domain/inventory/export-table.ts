/**
 * The inventory as tables for CSV and XLSX: one row per item (with its column Alleen vmbo / Beiden / Alleen mbo and
 * what it is linked with), one row per counted link, and the totals. Pure.
 */
import type { Inventory, InventoryItem, InventoryLink } from './inventory.js';

export const KOLOM_NAAM = { beiden: 'Beiden', 'alleen-vmbo': 'Alleen vmbo', 'alleen-mbo': 'Alleen mbo' } as const;

/** Codes and titles only, never internal ids (issue 12): the Onderdeel says which kwalificatie or keuzevak. */
export const ITEM_HEADER = ['Kolom', 'Kant', 'Soort', 'Code', 'Titel', 'Onderdeel', 'Gekoppeld met', 'Bewust niet gekoppeld', 'Toelichting'] as const;
/** 'Andere samenwerkingen': what other samenwerkingen said about the pair, counts only (issue 17). */
export const LINK_HEADER = ['Eindterm', 'Eindterm titel', 'Werkproces', 'Werkproces titel', 'Status', 'Relatie', 'Sterkte', 'Score', 'Gedeelde woorden', 'Toelichting', 'Door', 'Op', 'Andere samenwerkingen'] as const;

/**
 * A cell: text, a number, a share (0–1) shown as a percentage, or a moment (ISO 8601) shown as a date and time in
 * Europe/Amsterdam (issue 12: numbers and dates as Dutch users expect). CSV writes them in Dutch ("12,5%",
 * "6-12-2026 14:05"); XLSX as real numbers and dates with a number format (src/server/exports/inventory-xlsx.ts).
 */
export type Cell = string | number | { aandeel: number } | { tijdstip: string };

const ONBEKEND = '(niet in de catalogus)';

const pct = (x: number): Cell => ({ aandeel: Math.round(x * 1000) / 1000 });

const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const TIJDSTIP = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** A cell as Dutch text: 0.125 → "12,5%", a moment → "6-12-2026 14:05" (Amsterdam time). */
export function celTekst(v: Cell): string {
  if (typeof v === 'object') {
    if ('aandeel' in v) return PERCENT.format(v.aandeel);
    const d = new Date(v.tijdstip);
    return Number.isNaN(d.getTime()) ? v.tijdstip : TIJDSTIP.format(d).replace(',', '');
  }
  return String(v);
}

export function inventoryTables(inv: Inventory): { items: Cell[][]; links: Cell[][]; totalen: Cell[][] } {
  const byId = new Map<string, InventoryItem>([...inv.vmbo, ...inv.mbo].map((i) => [i.id, i]));
  const label = (id: string) => {
    const i = byId.get(id);
    return i ? `${i.code} ${i.titel}` : ONBEKEND;
  };
  const items: Cell[][] = [...inv.vmbo, ...inv.mbo].map((i) => [
    KOLOM_NAAM[i.classificatie],
    i.side,
    i.soort,
    i.code,
    i.titel,
    i.context.join(' › '),
    i.gekoppeld.map(label).join(' | '),
    i.bewustNietGekoppeld ? 'ja' : '',
    i.toelichtingNietGekoppeld ?? '',
  ]);
  const linkRow = (l: InventoryLink): Cell[] => [
    byId.get(l.eindtermId)?.code ?? ONBEKEND,
    byId.get(l.eindtermId)?.titel ?? '',
    byId.get(l.werkprocesId)?.code ?? ONBEKEND,
    byId.get(l.werkprocesId)?.titel ?? '',
    l.status,
    l.relatie ?? '',
    l.confidence ?? '',
    l.score ?? '',
    l.sharedTerms.join(', '),
    l.toelichting ?? '',
    l.door ?? '',
    l.op ? { tijdstip: l.op } : '',
    l.elders?.label ?? '',
  ];
  const t = inv.totalen;
  const totalen: Cell[][] = [
    ['Totaal', 'vmbo (eindtermen)', 'mbo (werkprocessen en keuzedelen)'],
    ['Items', t.eindtermen, t.mboItems],
    ['Beiden', t.beidenVmbo, t.beidenMbo],
    ['Alleen vmbo', t.alleenVmbo, ''],
    ['Alleen mbo', '', t.alleenMbo],
    ['Gedekt', pct(t.dekkingVmbo), pct(t.dekkingMbo)],
    ['Koppelingen (bevestigd / voorgesteld / afgewezen)', `${t.bevestigd} / ${t.voorgesteld} / ${t.afgewezen}`, ''],
  ];
  return { items, links: inv.links.map(linkRow), totalen };
}

/** A CSV field (RFC 4180); text that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvField(v: Cell): string {
  let s = celTekst(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs open it. Items, an empty line, the totals. */
export function inventoryCsv(inv: Inventory): string {
  const { items, totalen } = inventoryTables(inv);
  const lines = [ITEM_HEADER as readonly Cell[], ...items, [], ...totalen].map((row) => row.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
