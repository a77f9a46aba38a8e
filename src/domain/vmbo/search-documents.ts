/**
 * Turns the vmbo catalogue tree into search documents: what is searchable,
 * with which weight, where a hit links to. Pure.
 */
import { codeToSlug, type Leerweg, type SearchKind } from '../../shared/catalog-api.js';
import { fold, Lexicon, termsWithCompounds, vocabulary } from '../text/analyzer.js';
import { profielRef } from './profiel-names.js';
import type { VmboKind } from './slo-dataset.js';

export interface CatalogNode {
  id: string;
  kind: VmboKind;
  code: string;
  title: string;
  description: string | null;
  parentId: string | null;
  leerwegen: Leerweg[];
  profielCode: string | null;
}

export interface SearchDocumentInput {
  id: string;
  side: 'vmbo' | 'mbo';
  kind: SearchKind;
  itemId: string;
  code: string;
  codeFolded: string;
  title: string;
  body: string;
  context: string;
  url: string;
  leerwegen: Leerweg[];
  profielCode: string | null;
  boost: number;
  /** Analysed terms per weight class, A (strongest) to D. */
  weighted: { A: string[]; B: string[]; C: string[]; D: string[] };
}

/** Higher-level items first when texts match equally well. */
export const KIND_BOOST: Record<SearchKind, number> = {
  keuzevak: 2.5,
  profielmodule: 2.2,
  profiel: 2.0,
  deeltaak: 1.3,
  kerndeel: 1.2,
  eindterm: 1.0,
  kwalificatie: 2.5,
  keuzedeel: 2.5,
  dossier: 2.2,
  kerntaak: 1.3,
  werkproces: 1.0,
};

const ALL_LEERWEGEN: Leerweg[] = ['BB', 'KB', 'GL', 'TL'];

/** The in-app anchor of an item on its parent's page. */
export function anchorOf(code: string): string {
  return codeToSlug(code);
}

/** Normalise a code for exact code lookups: "k-pie-16", "K/PIE/16 " -> "k/pie/16". */
export function foldCode(code: string): string {
  return fold(code.trim()).replace(/[\s-]+/g, '/');
}

export interface SearchIndexInput {
  documents: SearchDocumentInput[];
  /** The catalogue's own vocabulary (folded words and frequencies), for compound splitting at query time. */
  lexicon: Map<string, number>;
}

export function buildVmboSearchDocuments(nodes: readonly CatalogNode[]): SearchIndexInput {
  const lexicon = vocabulary(nodes.flatMap((n) => [n.title, n.description ?? '']));
  const known = new Lexicon(lexicon.keys());
  const terms = (text: string) => termsWithCompounds(text, known);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, CatalogNode[]>();
  for (const n of nodes) {
    if (!n.parentId) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const kids = (id: string) => children.get(id) ?? [];
  const profielOf = (n: CatalogNode) => {
    let cur: CatalogNode | undefined = n;
    while (cur && cur.kind !== 'profiel') cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    return cur;
  };

  const pageOf = (n: CatalogNode): { url: string; owner: CatalogNode } => {
    let cur: CatalogNode | undefined = n;
    while (cur) {
      if (cur.kind === 'keuzevak') return { url: `/vmbo/keuzevakken/${codeToSlug(cur.code)}`, owner: cur };
      if (cur.kind === 'profielmodule') return { url: `/vmbo/profielmodulen/${codeToSlug(cur.code)}`, owner: cur };
      if (cur.kind === 'profiel') return { url: `/vmbo/profielen/${codeToSlug(cur.code)}`, owner: cur };
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    return { url: '/', owner: n };
  };

  const docs: SearchDocumentInput[] = [];
  for (const n of nodes) {
    if (n.kind === 'kern') continue; // A kern is only a container of kerndelen; its title is generic.
    const kind = n.kind as SearchKind;
    const { url: pageUrl, owner } = pageOf(n);
    const url = owner.id === n.id ? pageUrl : `${pageUrl}#${anchorOf(n.code)}`;
    const profiel = profielOf(n);
    const profielLabel = profiel ? profielRef(profiel.code, profiel.title) : null;
    let context = '';
    if (kind === 'keuzevak' || kind === 'profielmodule') context = profielLabel ? `${profielLabel.afkorting} · ${profielLabel.naam}` : '';
    else if (kind === 'profiel') context = 'Beroepsgericht profiel';
    else if (owner.id !== n.id) context = `${owner.code} ${owner.title}`;

    const weighted = { A: [...terms(n.code), ...terms(n.title)], B: terms(n.description ?? ''), C: [] as string[], D: [] as string[] };
    let body = n.description ?? '';
    if (kind === 'keuzevak' || kind === 'profielmodule') {
      for (const d of kids(n.id)) {
        weighted.C.push(...terms(d.title));
        for (const e of kids(d.id)) weighted.D.push(...terms(e.title));
      }
    } else if (kind === 'deeltaak' || kind === 'kerndeel') {
      for (const e of kids(n.id)) weighted.C.push(...terms(e.title));
    }

    docs.push({
      id: `vmbo:${n.id}`,
      side: 'vmbo',
      kind,
      itemId: n.id,
      code: n.code,
      codeFolded: foldCode(n.code),
      title: n.title,
      body,
      context,
      url,
      leerwegen: n.leerwegen.length > 0 ? n.leerwegen : ALL_LEERWEGEN,
      profielCode: n.profielCode,
      boost: KIND_BOOST[kind],
      weighted,
    });
  }
  return { documents: docs, lexicon };
}
