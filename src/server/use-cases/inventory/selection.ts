/**
 * Resolves an inventory selection against the catalogue snapshot: the eindtermen of the vmbo selection (for the
 * leerweg, when given) and the werkprocessen and keuzedelen of the mbo selection, as inventory items with stable ids,
 * plus the tree above them (for the CASE export) and the texts for the aligner.
 *
 * vmbo: `profiel` gives its profielmodulen and, when no keuzevakken are listed, all its keuzevakken (the whole
 * beroepsgerichte programma); listed keuzevakken and profielmodulen are added (a student's route: profiel +
 * chosen keuzevakken). The kern (algemene beroepsgerichte vaardigheden) is not part of the inventory.
 * mbo: the kwalificatie's werkprocessen (from its richest source), and each chosen keuzedeel as one item: our data
 * holds no werkprocessen for keuzedelen, so the keuzedeel as a whole (title and description) is compared.
 */
import type { Leerweg } from '../../../shared/catalog-api.js';
import type { InventarisQuery, Selectie } from '../../../shared/inventory-api.js';
import { profielNaam } from '../../../domain/vmbo/profiel-names.js';
import type { InventoryItem } from '../../../domain/inventory/inventory.js';
import { keuzedeelItemId, werkprocesId } from '../../../domain/inventory/ids.js';
import type { CaseNode } from '../../../domain/crosswalk/case-package.js';
import type { AlignItem } from '../../../domain/matching/alignment.js';
import { validationFailed, type FieldError } from '../../errors.js';
import type { CatalogSnapshot, VmboItemRow } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';

/** The parsed query (after zod): code lists are arrays. */
export interface SelectionInput {
  profiel?: string;
  /** 'nee': the profiel does not bring its profielmodulen by itself (the page asks, issue 12); default 'ja'. */
  profielmodulenVanProfiel?: 'ja' | 'nee';
  keuzevakken?: string[];
  profielmodulen?: string[];
  leerweg?: Leerweg;
  kwalificatie?: string;
  keuzedelen?: string[];
}

export interface ResolvedSelection {
  selectie: Selectie;
  eindtermen: InventoryItem[];
  mboItems: InventoryItem[];
  /** Texts for the aligner (titles, as its corpus; a keuzedeel with its description), same ids and order as the items. */
  eindtermTexts: AlignItem[];
  mboTexts: AlignItem[];
  /** Both frameworks as a tree, for the CASE export. */
  caseNodes: CaseNode[];
  opmerkingen: string[];
}

/** A keuzedeel has no werkprocessen: its title and description stand in for it. */
const text = (title: string, description: string | null | undefined) => (description ? `${title}. ${description}` : title);

function shown(snapshot: CatalogSnapshot, kind: 'profiel' | 'keuzevak' | 'profielmodule', code: string): VmboItemRow | undefined {
  return repo.findByKindAndCode(snapshot, kind, code).find((r) => r.status === 'actief' && r.duplicate_of === null);
}

export function resolveSelection(snapshot: CatalogSnapshot, q: SelectionInput): ResolvedSelection {
  const errors: FieldError[] = [];
  const caseNodes: CaseNode[] = [];
  const opmerkingen: string[] = [];

  // vmbo: which keuzevakken and profielmodulen.
  const parents: VmboItemRow[] = [];
  let profiel: VmboItemRow | undefined;
  if (q.profiel) {
    profiel = shown(snapshot, 'profiel', q.profiel);
    if (!profiel) errors.push({ path: 'profiel', message: `Profiel ${q.profiel} bestaat niet in de catalogus.` });
    else {
      const children = repo.childrenOf(snapshot, [profiel.id], { includeVervallen: false }).filter((c) => c.duplicate_of === null);
      if (q.profielmodulenVanProfiel !== 'nee') parents.push(...children.filter((c) => c.kind === 'profielmodule'));
      if (!q.keuzevakken?.length) parents.push(...children.filter((c) => c.kind === 'keuzevak'));
    }
  }
  for (const [kind, codes] of [['profielmodule', q.profielmodulen ?? []], ['keuzevak', q.keuzevakken ?? []]] as const) {
    for (const code of codes) {
      const row = shown(snapshot, kind, code);
      if (!row) errors.push({ path: kind === 'keuzevak' ? 'keuzevakken' : 'profielmodulen', message: `${kind === 'keuzevak' ? 'Keuzevak' : 'Profielmodule'} ${code} bestaat niet in de catalogus.` });
      else if (!parents.some((p) => p.id === row.id)) parents.push(row);
    }
  }

  // mbo: the kwalificatie and keuzedelen.
  const mbo = snapshot.mbo;
  const kwalificatie = q.kwalificatie ? mbo.kwalificaties.get(q.kwalificatie) : undefined;
  if (q.kwalificatie && !kwalificatie) errors.push({ path: 'kwalificatie', message: `Kwalificatie ${q.kwalificatie} bestaat niet in de catalogus.` });
  const keuzedelen = (q.keuzedelen ?? []).flatMap((code) => {
    const kd = mbo.keuzedelen.get(code);
    if (!kd) errors.push({ path: 'keuzedelen', message: `Keuzedeel ${code} bestaat niet in de catalogus.` });
    return kd ? [kd] : [];
  });

  if (errors.length === 0 && parents.length === 0) errors.push({ path: 'profiel', message: 'Kies een profiel, keuzevakken of profielmodulen (vmbo).' });
  if (errors.length === 0 && !kwalificatie && keuzedelen.length === 0) errors.push({ path: 'kwalificatie', message: 'Kies een kwalificatie of keuzedelen (mbo).' });
  if (errors.length > 0) throw validationFailed(errors.map((e) => e.message).join(' '), errors);

  const eindtermen: InventoryItem[] = [];
  const eindtermTexts: AlignItem[] = [];
  const seen = new Set<string>();
  const vmboRoot = 'vmbo';
  caseNodes.push({ key: vmboRoot, code: null, statement: `vmbo: ${profiel ? profielNaam(profiel.code, profiel.title) : 'keuzevakken en profielmodulen'}${q.leerweg ? ` (${q.leerweg})` : ''}`, type: 'Examenprogramma', parentKey: null });
  for (const parent of parents) {
    const parentLabel = `${parent.code} ${parent.title}`;
    caseNodes.push({ key: `${parent.kind}:${parent.code}`, code: parent.code, statement: parent.title, type: parent.kind === 'keuzevak' ? 'Keuzevak' : 'Profielmodule', parentKey: vmboRoot });
    for (const d of repo.childrenOf(snapshot, [parent.id], { includeVervallen: false })) {
      const terms = repo.childrenOf(snapshot, [d.id], { includeVervallen: false }).filter((e) => !q.leerweg || e.leerwegen.includes(q.leerweg));
      if (terms.length === 0) continue;
      caseNodes.push({ key: `deeltaak:${d.id}`, code: d.code, statement: d.title, type: 'Deeltaak', parentKey: `${parent.kind}:${parent.code}` });
      for (const e of terms) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        eindtermen.push({ id: e.id, side: 'vmbo', soort: 'eindterm', code: e.code, titel: e.title, context: [parentLabel, `${d.code} ${d.title}`] });
        eindtermTexts.push({ id: e.id, code: e.code, text: e.title });
        caseNodes.push({ key: e.id, code: e.code, statement: e.title, type: 'Eindterm', parentKey: `deeltaak:${d.id}` });
      }
    }
  }

  const mboItems: InventoryItem[] = [];
  const mboTexts: AlignItem[] = [];
  const mboRoot = 'mbo';
  caseNodes.push({ key: mboRoot, code: null, statement: kwalificatie ? `mbo: ${kwalificatie.naam} (crebo ${kwalificatie.crebo}, niveau ${kwalificatie.niveau})` : 'mbo: keuzedelen', type: 'Kwalificatiedossier', parentKey: null });
  if (kwalificatie) {
    const { kerntaken } = mbo.kerntakenOf(kwalificatie);
    if (kerntaken.length === 0) opmerkingen.push(`Van kwalificatie ${kwalificatie.crebo} staan geen werkprocessen in de catalogus.`);
    for (const kt of kerntaken) {
      const ktKey = `kerntaak:${kwalificatie.crebo}:${kt.code}`;
      caseNodes.push({ key: ktKey, code: kt.code, statement: kt.titel ?? kt.code, type: 'Kerntaak', parentKey: mboRoot });
      for (const w of kt.werkprocessen) {
        const id = werkprocesId(kwalificatie.crebo, w.code);
        if (mboItems.some((i) => i.id === id)) continue;
        mboItems.push({ id, side: 'mbo', soort: 'werkproces', code: w.code, titel: w.titel, context: [`${kwalificatie.crebo} ${kwalificatie.naam}`, `${kt.code}${kt.titel ? ` ${kt.titel}` : ''}`] });
        mboTexts.push({ id, code: w.code, text: w.titel });
        caseNodes.push({ key: id, code: w.code, statement: w.titel, type: 'Werkproces', parentKey: ktKey });
      }
    }
  }
  if (keuzedelen.length > 0) {
    opmerkingen.push('Van keuzedelen staan geen werkprocessen in de catalogus: elk keuzedeel telt als één item (titel en omschrijving).');
    for (const kd of keuzedelen) {
      const id = keuzedeelItemId(kd.code);
      mboItems.push({ id, side: 'mbo', soort: 'keuzedeel', code: kd.code, titel: kd.titel, context: [`Keuzedeel ${kd.code}`] });
      mboTexts.push({ id, code: kd.code, text: text(kd.titel, kd.omschrijving) });
      caseNodes.push({ key: id, code: kd.code, statement: kd.titel, type: 'Keuzedeel', parentKey: mboRoot });
    }
  }

  return {
    selectie: {
      vmbo: {
        profiel: profiel ? { code: profiel.code, titel: profielNaam(profiel.code, profiel.title) } : null,
        leerweg: q.leerweg ?? null,
        keuzevakken: parents.filter((p) => p.kind === 'keuzevak').map((p) => ({ code: p.code, titel: p.title })),
        profielmodulen: parents.filter((p) => p.kind === 'profielmodule').map((p) => ({ code: p.code, titel: p.title })),
      },
      mbo: {
        kwalificatie: kwalificatie ? { crebo: kwalificatie.crebo, naam: kwalificatie.naam, niveau: kwalificatie.niveau } : null,
        keuzedelen: keuzedelen.map((k) => ({ code: k.code, titel: k.titel })),
      },
    },
    eindtermen,
    mboItems,
    eindtermTexts,
    mboTexts,
    caseNodes,
    opmerkingen,
  };
}

export type { InventarisQuery };
