/**
 * The heaviest inventory the issue asks to be fast: the largest profiel at a leerweg (most keuzevakken with
 * eindtermen for that leerweg; ties: most such eindtermen), all its keuzevakken, against the kwalificatie with the
 * most werkprocessen. Used by the benchmark and the national-data test.
 */
import type { Leerweg } from '../../../shared/catalog-api.js';
import type { CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import type { InventoryQuery } from './get-inventory.js';

export function largestSelection(snapshot: CatalogSnapshot, leerweg: Leerweg): InventoryQuery & { aantalKeuzevakken: number; aantalWerkprocessen: number } {
  let best: { code: string; keuzevakken: string[]; eindtermen: number } | null = null;
  for (const p of snapshot.items.filter((r) => r.kind === 'profiel' && r.status === 'actief' && r.duplicate_of === null)) {
    const keuzevakken: string[] = [];
    let eindtermen = 0;
    for (const kv of repo.childrenOf(snapshot, [p.id], { includeVervallen: false }).filter((c) => c.kind === 'keuzevak' && c.duplicate_of === null)) {
      const deeltaken = repo.childrenOf(snapshot, [kv.id], { includeVervallen: false });
      const n = repo.childrenOf(snapshot, deeltaken.map((d) => d.id), { includeVervallen: false }).filter((e) => e.leerwegen.includes(leerweg)).length;
      if (n === 0) continue;
      keuzevakken.push(kv.code);
      eindtermen += n;
    }
    if (!best || keuzevakken.length > best.keuzevakken.length || (keuzevakken.length === best.keuzevakken.length && eindtermen > best.eindtermen)) best = { code: p.code, keuzevakken, eindtermen };
  }
  let kwalificatie: { crebo: string; n: number } | null = null;
  for (const k of snapshot.mbo.kwalificaties.values()) {
    if (k.status !== 'actief') continue;
    const n = snapshot.mbo.kerntakenOf(k).kerntaken.reduce((s, kt) => s + kt.werkprocessen.length, 0);
    if (!kwalificatie || n > kwalificatie.n || (n === kwalificatie.n && k.crebo < kwalificatie.crebo)) kwalificatie = { crebo: k.crebo, n };
  }
  if (!best || !kwalificatie) throw new Error('De catalogus heeft geen profiel met keuzevakken of geen kwalificatie.');
  return { profiel: best.code, leerweg, kwalificatie: kwalificatie.crebo, aantalKeuzevakken: best.keuzevakken.length, aantalWerkprocessen: kwalificatie.n };
}
