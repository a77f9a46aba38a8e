/**
 * The SLO "examenprogramma beroepsgericht" dataset: validation and
 * normalisation of the collections exactly as SLO publishes them
 * (one JSON array per collection, plus curriculum-basis `niveaus`).
 *
 * Pure: takes the parsed JSON of each file, returns a normalised tree of
 * vmbo items or throws an SloDatasetError naming the file and the item.
 */
import type { Leerweg } from '../../shared/catalog-api.js';

export const SLO_COLLECTIONS = [
  'profiel',
  'kern',
  'kerndeel',
  'module',
  'moduletaak',
  'keuzevak',
  'keuzevaktaak',
  'deeltaak',
  'globale_eindterm',
] as const;
export type SloCollection = (typeof SLO_COLLECTIONS)[number];

/** File names relative to the dataset root, as SLO publishes them. */
export function sloFileName(collection: SloCollection | 'niveaus'): string {
  return collection === 'niveaus' ? 'basis/niveaus.json' : `examenprogramma-bg/${collection}.json`;
}

export type VmboKind = 'profiel' | 'kern' | 'kerndeel' | 'profielmodule' | 'keuzevak' | 'deeltaak' | 'eindterm';

/** One node of the vmbo catalogue tree. */
export interface VmboItem {
  id: string;
  kind: VmboKind;
  code: string;
  title: string;
  description: string | null;
  parentId: string | null;
  /** Order among siblings, as SLO lists them. */
  position: number;
  leerwegen: Leerweg[];
  profielCode: string | null;
  replaces: string[];
  /** For keuzevakken that SLO publishes twice under one code: the id of the one we show. */
  duplicateOf: string | null;
}

export interface DuplicateCode {
  code: string;
  shownId: string;
  otherIds: string[];
  reason: string;
}

export interface SloDataset {
  /** Items in insertion order: parents before children. */
  items: VmboItem[];
  duplicates: DuplicateCode[];
  warnings: string[];
}

export class SloDatasetError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly item?: string,
  ) {
    super(message);
    this.name = 'SloDatasetError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Raw = Record<string, unknown>;

interface RawItem {
  id: string;
  prefix: string;
  title: string;
  description: string | null;
  replaces: string[];
  refs: Record<string, string[]>;
  raw: Raw;
}

function describeItem(raw: Raw, index: number): string {
  const prefix = typeof raw.prefix === 'string' ? raw.prefix : undefined;
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  return prefix ? `${prefix}${id ? ` (${id})` : ''}` : id ? id : `item ${index + 1}`;
}

function readCollection(collection: SloCollection, json: unknown, refFields: string[], required: string[]): RawItem[] {
  const file = sloFileName(collection);
  if (!Array.isArray(json)) throw new SloDatasetError(`${file}: verwacht een JSON-lijst (array) met items.`, file);
  const seen = new Set<string>();
  return json.map((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SloDatasetError(`${file}: item ${index + 1} is geen object.`, file, `item ${index + 1}`);
    }
    const raw = value as Raw;
    const label = describeItem(raw, index);
    const fail = (msg: string): never => {
      throw new SloDatasetError(`${file}: ${label}: ${msg}`, file, label);
    };
    if (typeof raw.id !== 'string' || !UUID.test(raw.id)) fail('"id" ontbreekt of is geen UUID.');
    const id = (raw.id as string).toLowerCase();
    if (seen.has(id)) fail('dit id komt twee keer voor in het bestand.');
    seen.add(id);
    if (typeof raw.title !== 'string' || raw.title.trim() === '') fail('"title" ontbreekt.');
    if (typeof raw.prefix !== 'string' || raw.prefix.trim() === '') fail('"prefix" (de SLO-code) ontbreekt.');
    if (raw.description !== undefined && raw.description !== null && typeof raw.description !== 'string') {
      fail('"description" moet tekst zijn.');
    }
    const refs: Record<string, string[]> = {};
    for (const field of refFields) {
      const v = raw[field];
      if (v === undefined) {
        if (required.includes(field)) fail(`verplicht veld "${field}" ontbreekt.`);
        refs[field] = [];
        continue;
      }
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !UUID.test(x))) {
        fail(`"${field}" moet een lijst van UUID's zijn.`);
      }
      refs[field] = (v as string[]).map((x) => x.toLowerCase());
    }
    const replaces = raw.replaces;
    if (replaces !== undefined && (!Array.isArray(replaces) || replaces.some((x) => typeof x !== 'string'))) {
      fail('"replaces" moet een lijst van id\'s zijn.');
    }
    const description = typeof raw.description === 'string' && raw.description.trim() !== '' ? raw.description.trim() : null;
    return {
      id,
      prefix: (raw.prefix as string).trim(),
      title: (raw.title as string).trim(),
      description,
      replaces: ((replaces as string[] | undefined) ?? []).map((x) => x.toLowerCase()),
      refs,
      raw,
    };
  });
}

interface Niveau {
  id: string;
  title: string;
  prefix: string;
}

/** SLO niveaus that are vmbo leerwegen ("bb vmbo kb", "ob vmbo gl", …). */
export function leerwegOfNiveau(title: string): Leerweg | null {
  const m = /^(?:bb|ob) vmbo (bb|kb|gl|tl)$/i.exec(title.trim());
  return m ? (m[1]!.toUpperCase() as Leerweg) : null;
}

function readNiveaus(json: unknown): Map<string, Niveau> {
  const file = sloFileName('niveaus');
  if (!Array.isArray(json)) throw new SloDatasetError(`${file}: verwacht een JSON-lijst (array) met niveaus.`, file);
  const map = new Map<string, Niveau>();
  json.forEach((value, index) => {
    const raw = value as Raw;
    if (typeof raw !== 'object' || raw === null || typeof raw.id !== 'string' || typeof raw.title !== 'string') {
      throw new SloDatasetError(`${file}: niveau ${index + 1} mist "id" of "title".`, file, `niveau ${index + 1}`);
    }
    map.set(raw.id.toLowerCase(), { id: raw.id.toLowerCase(), title: raw.title, prefix: String(raw.prefix ?? '') });
  });
  return map;
}

const LEERWEG_ORDER: Leerweg[] = ['BB', 'KB', 'GL', 'TL'];
function sortLeerwegen(set: Iterable<Leerweg>): Leerweg[] {
  const s = new Set(set);
  return LEERWEG_ORDER.filter((l) => s.has(l));
}

/** The parsed JSON of every collection, keyed by collection name, plus `niveaus`. */
export type SloFiles = Record<SloCollection | 'niveaus', unknown>;

/**
 * Validate and normalise the SLO dataset. All-or-nothing: throws on the first
 * structural error; returns warnings for things that are odd but importable.
 */
export function parseSloDataset(files: SloFiles): SloDataset {
  const niveaus = readNiveaus(files.niveaus);
  const ge = 'examenprogramma_bg_globale_eindterm_id';
  const dt = 'examenprogramma_bg_deeltaak_id';
  const col = {
    profiel: readCollection('profiel', files.profiel, [
      'examenprogramma_bg_kern_id',
      'examenprogramma_bg_module_id',
      'examenprogramma_bg_keuzevak_id',
    ], []),
    kern: readCollection('kern', files.kern, ['examenprogramma_bg_kerndeel_id'], []),
    kerndeel: readCollection('kerndeel', files.kerndeel, [ge], [ge]),
    module: readCollection('module', files.module, [dt, 'examenprogramma_bg_moduletaak_id'], [dt]),
    moduletaak: readCollection('moduletaak', files.moduletaak, ['niveau_id'], []),
    keuzevak: readCollection('keuzevak', files.keuzevak, [dt, 'examenprogramma_bg_keuzevaktaak_id'], [dt]),
    keuzevaktaak: readCollection('keuzevaktaak', files.keuzevaktaak, ['niveau_id'], []),
    deeltaak: readCollection('deeltaak', files.deeltaak, [ge], [ge]),
    globale_eindterm: readCollection('globale_eindterm', files.globale_eindterm, ['niveau_id'], ['niveau_id']),
  } satisfies Record<SloCollection, RawItem[]>;

  const byId = Object.fromEntries(
    Object.entries(col).map(([k, items]) => [k, new Map(items.map((i) => [i.id, i]))]),
  ) as Record<SloCollection, Map<string, RawItem>>;

  const warnings: string[] = [];

  const resolveLeerwegen = (collection: SloCollection, item: RawItem): Leerweg[] => {
    const out = new Set<Leerweg>();
    for (const nid of item.refs.niveau_id ?? []) {
      const file = sloFileName(collection);
      const niveau = niveaus.get(nid);
      if (!niveau) throw new SloDatasetError(`${file}: ${item.prefix} (${item.id}): onbekend niveau ${nid} (niet in ${sloFileName('niveaus')}).`, file, item.prefix);
      const lw = leerwegOfNiveau(niveau.title);
      if (!lw) throw new SloDatasetError(`${file}: ${item.prefix} (${item.id}): niveau "${niveau.title}" (${nid}) is geen vmbo-leerweg.`, file, item.prefix);
      out.add(lw);
    }
    return sortLeerwegen(out);
  };

  // Parent links: every child may have at most one parent.
  const parentOf = new Map<string, { id: string; label: string }>();
  const link = (parentCollection: SloCollection, parent: RawItem, field: string, childCollection: SloCollection): RawItem[] => {
    const file = sloFileName(parentCollection);
    return (parent.refs[field] ?? []).map((childId) => {
      const child = byId[childCollection].get(childId);
      if (!child) {
        throw new SloDatasetError(
          `${file}: ${parent.prefix} (${parent.id}) verwijst in "${field}" naar ${childId}, maar dat id staat niet in ${sloFileName(childCollection)}.`,
          file,
          parent.prefix,
        );
      }
      const existing = parentOf.get(childId);
      if (existing && existing.id !== parent.id) {
        throw new SloDatasetError(
          `${file}: ${child.prefix} (${childId}) hoort bij twee ouders: ${existing.label} en ${parent.prefix}.`,
          file,
          child.prefix,
        );
      }
      parentOf.set(childId, { id: parent.id, label: parent.prefix });
      return child;
    });
  };

  const items: VmboItem[] = [];
  const add = (kind: VmboKind, raw: RawItem, parentId: string | null, position: number, leerwegen: Leerweg[], profielCode: string | null) => {
    const item: VmboItem = {
      id: raw.id,
      kind,
      code: raw.prefix,
      title: raw.title,
      description: raw.description,
      parentId,
      position,
      leerwegen,
      profielCode,
      replaces: raw.replaces,
      duplicateOf: null,
    };
    items.push(item);
    return item;
  };

  const eindtermLeerwegen = new Map<string, Leerweg[]>();
  for (const e of col.globale_eindterm) eindtermLeerwegen.set(e.id, resolveLeerwegen('globale_eindterm', e));

  const addEindtermen = (parentCollection: SloCollection, parent: RawItem, profielCode: string): Set<Leerweg> => {
    const union = new Set<Leerweg>();
    link(parentCollection, parent, ge, 'globale_eindterm').forEach((e, i) => {
      const lw = eindtermLeerwegen.get(e.id)!;
      lw.forEach((l) => union.add(l));
      add('eindterm', e, parent.id, i, lw, profielCode);
    });
    return union;
  };

  const addDeeltaken = (parentCollection: SloCollection, parent: RawItem, profielCode: string): Set<Leerweg> => {
    const union = new Set<Leerweg>();
    const deeltaken = link(parentCollection, parent, dt, 'deeltaak');
    // Deeltaken are added after their parent, eindtermen after their deeltaak.
    const pending: Array<() => void> = [];
    deeltaken.forEach((d, i) => {
      const item = add('deeltaak', d, parent.id, i, [], profielCode);
      pending.push(() => {
        const lw = addEindtermen('deeltaak', d, profielCode);
        item.leerwegen = sortLeerwegen(lw);
        lw.forEach((l) => union.add(l));
      });
    });
    pending.forEach((f) => f());
    return union;
  };

  const taakLeerwegen = (collection: 'moduletaak' | 'keuzevaktaak', parentCollection: SloCollection, parent: RawItem, field: string): Leerweg[] => {
    const taken = link(parentCollection, parent, field, collection);
    return sortLeerwegen(taken.flatMap((t) => resolveLeerwegen(collection, t)));
  };

  col.profiel.forEach((p, pi) => {
    const profielCode = p.prefix;
    add('profiel', p, null, pi, [], profielCode);
    link('profiel', p, 'examenprogramma_bg_kern_id', 'kern').forEach((k, ki) => {
      add('kern', k, p.id, ki, [], profielCode);
      link('kern', k, 'examenprogramma_bg_kerndeel_id', 'kerndeel').forEach((kd, kdi) => {
        const item = add('kerndeel', kd, k.id, kdi, [], profielCode);
        item.leerwegen = sortLeerwegen(addEindtermen('kerndeel', kd, profielCode));
      });
    });
    link('profiel', p, 'examenprogramma_bg_module_id', 'module').forEach((m, mi) => {
      const item = add('profielmodule', m, p.id, mi, [], profielCode);
      const fromTaak = taakLeerwegen('moduletaak', 'module', m, 'examenprogramma_bg_moduletaak_id');
      const fromEindtermen = addDeeltaken('module', m, profielCode);
      item.leerwegen = fromTaak.length > 0 ? fromTaak : sortLeerwegen(fromEindtermen);
    });
    link('profiel', p, 'examenprogramma_bg_keuzevak_id', 'keuzevak').forEach((kv, kvi) => {
      const item = add('keuzevak', kv, p.id, kvi, [], profielCode);
      const fromTaak = taakLeerwegen('keuzevaktaak', 'keuzevak', kv, 'examenprogramma_bg_keuzevaktaak_id');
      const fromEindtermen = addDeeltaken('keuzevak', kv, profielCode);
      item.leerwegen = fromTaak.length > 0 ? fromTaak : sortLeerwegen(fromEindtermen);
    });
  });

  // Items that no parent points to: importable, but worth a warning.
  for (const collection of ['kern', 'kerndeel', 'module', 'keuzevak', 'deeltaak', 'globale_eindterm'] as const) {
    for (const raw of col[collection]) {
      if (!parentOf.has(raw.id)) {
        warnings.push(`${sloFileName(collection)}: ${raw.prefix} (${raw.id}) hoort bij geen enkel profiel en wordt niet getoond.`);
      }
    }
  }

  const duplicates = resolveDuplicateCodes(items, col.keuzevaktaak, byId.keuzevak);
  return { items, duplicates, warnings };
}

/**
 * SLO publishes a few keuzevak codes twice, with different ids (in the
 * November 2025 release K/EO/09, K/EO/10 and K/EO/11). Both records are kept
 * (later work may point at either), but users see one keuzevak per code.
 * The shown record is the one SLO maintains most completely:
 *   1. its keuzevaktaak states the leerwegen (niveaus);
 *   2. it states which older record it replaces;
 *   3. otherwise the lowest id, so the choice is stable.
 */
function resolveDuplicateCodes(items: VmboItem[], keuzevaktaken: RawItem[], keuzevakken: Map<string, RawItem>): DuplicateCode[] {
  const taakById = new Map(keuzevaktaken.map((t) => [t.id, t]));
  const byCode = new Map<string, VmboItem[]>();
  for (const item of items) {
    if (item.kind !== 'keuzevak') continue;
    const list = byCode.get(item.code) ?? [];
    list.push(item);
    byCode.set(item.code, list);
  }
  const result: DuplicateCode[] = [];
  for (const [code, list] of byCode) {
    if (list.length < 2) continue;
    const score = (item: VmboItem) => {
      const raw = keuzevakken.get(item.id)!;
      const taakHasNiveaus = (raw.refs.examenprogramma_bg_keuzevaktaak_id ?? []).some(
        (t) => (taakById.get(t)?.refs.niveau_id ?? []).length > 0,
      );
      return (taakHasNiveaus ? 2 : 0) + (raw.replaces.length > 0 ? 1 : 0);
    };
    const sorted = [...list].sort((a, b) => score(b) - score(a) || a.id.localeCompare(b.id));
    const shown = sorted[0]!;
    const shownScore = score(shown);
    const reason =
      shownScore >= 2
        ? 'bij deze versie geeft SLO de leerwegen van de keuzevaktaak'
        : shownScore === 1
          ? 'deze versie vermeldt welke oudere versie zij vervangt'
          : 'geen inhoudelijk verschil in volledigheid; de keuze is vast (laagste id)';
    for (const other of sorted.slice(1)) other.duplicateOf = shown.id;
    result.push({ code, shownId: shown.id, otherIds: sorted.slice(1).map((o) => o.id), reason });
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}
