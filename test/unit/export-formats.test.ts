/**
 * Numbers and dates in the exports as Dutch users expect them (issue 12): percentages as numbers formatted as percent
 * and moments as dates in Europe/Amsterdam, in the inventory's CSV (Dutch text) and XLSX (real numbers and dates with
 * a number format). The PTA XLSX and the route document are covered in leerroute-export.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { celTekst, inventoryCsv, inventoryTables, LINK_HEADER } from '../../src/domain/inventory/export-table.js';
import { buildInventory, type InventoryItem } from '../../src/domain/inventory/inventory.js';
import { parseCsv } from '../../src/domain/mbo/csv.js';
import { dagInAmsterdam, procent } from '../../src/domain/exports/document-model.js';
import { inventoryXlsx } from '../../src/server/exports/inventory-xlsx.js';
import ExcelJS from 'exceljs';

const eindterm = (n: number): InventoryItem => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, side: 'vmbo', soort: 'eindterm', code: `K/PIE/16/${n}`, titel: `Eindterm ${n}`, context: ['K/PIE/16 Koudetechniek'] });
const werkproces = (code: string): InventoryItem => ({ id: `25282:${code}`, side: 'mbo', soort: 'werkproces', code, titel: `Werkproces ${code}`, context: ['25282 Monteur'] });

// 1 of 8 eindtermen linked: 12,5 %; confirmed late on a summer evening (UTC), which is the next day in Amsterdam.
const eindtermen = Array.from({ length: 8 }, (_, i) => eindterm(i + 1));
const w1 = werkproces('B1-K1-W1');
const inv = buildInventory({
  eindtermen,
  mboItems: [w1, werkproces('B1-K1-W2'), werkproces('B1-K1-W3')],
  suggestions: [],
  reviews: [{ eindtermId: eindtermen[0]!.id, werkprocesId: w1.id, status: 'bevestigd', herkomst: 'handmatig', relatie: 'gelijk', toelichting: null, door: 'Daan Docent', op: '2026-07-01T22:30:00.000Z' }],
});

describe('numbers and dates in the exports', () => {
  it('formats percentages and moments the Dutch way', () => {
    expect(procent(12.5)).toBe('12,5%');
    expect(procent(100)).toBe('100%');
    expect(celTekst({ aandeel: 0.125 })).toBe('12,5%');
    expect(celTekst({ tijdstip: '2026-07-01T22:30:00.000Z' })).toBe('2-7-2026 00:30');
    expect(celTekst({ tijdstip: '2026-12-01T22:30:00.000Z' })).toBe('1-12-2026 23:30');
    expect(dagInAmsterdam('2026-07-01T22:30:00.000Z')).toEqual({ jaar: 2026, maand: 7, dag: 2 });
  });

  it('inventory CSV: the coverage as a Dutch percentage and the moment of a review in Amsterdam time', () => {
    const rows = parseCsv(inventoryCsv(inv), 'x.csv', { delimiter: ';' }).rows;
    expect(rows.find((r) => r[0] === 'Gedekt')).toEqual(['Gedekt', '12,5%', '33,3%']);
    expect(inventoryTables(inv).links[0]![LINK_HEADER.indexOf('Op')]).toEqual({ tijdstip: '2026-07-01T22:30:00.000Z' });
  });

  it('inventory XLSX: the coverage as numbers formatted as percent, the moment of a review as a date', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await inventoryXlsx(inv)) as unknown as ArrayBuffer);
    const totalen = wb.getWorksheet('Totalen')!;
    let gedekt: ExcelJS.Row | undefined;
    totalen.eachRow((r) => {
      if (r.getCell(1).value === 'Gedekt') gedekt = r;
    });
    expect(gedekt!.getCell(2).value).toBe(0.125);
    expect(gedekt!.getCell(2).numFmt).toBe('0.0%');
    expect(gedekt!.getCell(3).value).toBe(0.333);
    const op = wb.getWorksheet('Koppelingen')!.getRow(2).getCell(12);
    expect(op.value).toEqual(new Date(Date.UTC(2026, 6, 2, 0, 30, 0)));
    expect(op.numFmt).toBe('d-m-yyyy hh:mm');
  });
});
