/**
 * The overlap inventory (issue 5, step 1 of designing a route). Pure: no I/O.
 *
 * Input: the eindtermen of a vmbo selection and the werkprocessen (and keuzedelen) of an mbo selection, the links the
 * aligner suggests, and — within a samenwerking — the reviewed links of its crosswalk and the items marked "bewust niet
 * gekoppeld". Output: every item classified as Beiden (with its links and their strength or reviewed type), Alleen vmbo
 * or Alleen mbo, with totals and the share of each side that is covered.
 *
 * Rules (a person's review always wins over a suggestion):
 * - a link counts when it is confirmed or added by hand (reviewed), or suggested with at least `minConfidence`
 *   (default 'mogelijk'; 'zwak' suggestions are left out unless asked for);
 * - a rejected link never counts and is never shown as a suggestion again in that samenwerking;
 * - an item marked "bewust niet gekoppeld" stays Alleen …: its links are kept in `genegeerd`, not counted;
 * - a reviewed link whose items are not both in the selection is not part of this inventory;
 * - issue 17: what other samenwerkingen said about a pair (`elders`, counts only) raises or lowers its suggestion
 *   (band and order, `matching/pair-evidence.ts`); a pair confirmed elsewhere is suggested even when the aligner did
 *   not suggest it; every link with such evidence carries it with its label. Reviews here still win.
 *
 * Stable item ids (also used by the crosswalk and the CASE export): see `ids.ts`.
 */
import { CONFIDENCE_ORDER, type Confidence } from '../matching/alignment.js';
import { RELATIE_TYPES, type RelatieType } from '../crosswalk/crosswalk.js';
import { paarFactor, paarLabel, stelVoor, verschovenBand, type PaarOordeel } from '../matching/pair-evidence.js';

export type Side = 'vmbo' | 'mbo';

export interface InventoryItem {
  id: string;
  side: Side;
  /** 'eindterm' on the vmbo side; 'werkproces' or 'keuzedeel' (a keuzedeel counts as one item) on the mbo side. */
  soort: 'eindterm' | 'werkproces' | 'keuzedeel';
  code: string;
  titel: string;
  /** Where it belongs: keuzevak/profielmodule and deeltaak, or kwalificatie and kerntaak. */
  context: string[];
}

export interface SuggestedLink {
  eindtermId: string;
  werkprocesId: string;
  score: number;
  confidence: Confidence;
  sharedTerms: string[];
}

export interface ReviewedLink {
  eindtermId: string;
  werkprocesId: string;
  status: 'bevestigd' | 'afgewezen';
  herkomst: 'voorgesteld' | 'handmatig';
  relatie: RelatieType | null;
  toelichting: string | null;
  door: string | null;
  op: string;
  /** Who first reviewed or added it (issue 12: kept when someone retypes it); absent in older callers. */
  aangemaaktDoor?: string | null;
  aangemaaktOp?: string | null;
}

export interface UnlinkedMark {
  itemId: string;
  toelichting: string | null;
}

/** What other samenwerkingen said about a pair (issue 17): counts only, and the label in words. */
export interface PaarBewijs extends PaarOordeel {
  label: string;
}

export type LinkStatus = 'voorgesteld' | 'bevestigd' | 'handmatig' | 'afgewezen';

export interface InventoryLink {
  eindtermId: string;
  werkprocesId: string;
  status: LinkStatus;
  score: number | null;
  confidence: Confidence | null;
  sharedTerms: string[];
  relatie: RelatieType | null;
  toelichting: string | null;
  door: string | null;
  op: string | null;
  aangemaaktDoor: string | null;
  aangemaaktOp: string | null;
  /** Absent when no other samenwerking reviewed the pair. */
  elders?: PaarBewijs;
}

export type Classification = 'beiden' | 'alleen-vmbo' | 'alleen-mbo';

export interface ClassifiedItem extends InventoryItem {
  classificatie: Classification;
  /** Ids of the linked items on the other side, strongest first. */
  gekoppeld: string[];
  bewustNietGekoppeld: boolean;
  toelichtingNietGekoppeld: string | null;
}

export interface InventoryTotals {
  eindtermen: number;
  mboItems: number;
  beidenVmbo: number;
  beidenMbo: number;
  alleenVmbo: number;
  alleenMbo: number;
  /** Share of the vmbo items that is covered (Beiden), 0..1; 0 when there are none. */
  dekkingVmbo: number;
  dekkingMbo: number;
  links: number;
  bevestigd: number;
  voorgesteld: number;
  afgewezen: number;
}

export interface Inventory {
  vmbo: ClassifiedItem[];
  mbo: ClassifiedItem[];
  /** Counted links, eindterm order then strongest first. */
  links: InventoryLink[];
  /** Links that would count but touch an item marked "bewust niet gekoppeld". */
  genegeerd: InventoryLink[];
  /** Rejected links of the selection (never counted, never suggested again). */
  afgewezen: InventoryLink[];
  totalen: InventoryTotals;
}

export interface InventoryInput {
  eindtermen: readonly InventoryItem[];
  mboItems: readonly InventoryItem[];
  suggestions: readonly SuggestedLink[];
  reviews?: readonly ReviewedLink[];
  unlinked?: readonly UnlinkedMark[];
  minConfidence?: Confidence;
  /** Per `pairKey` what other samenwerkingen said (issue 17); the viewer's own samenwerking left out by the caller. */
  elders?: ReadonlyMap<string, PaarOordeel>;
}

export const pairKey = (eindtermId: string, werkprocesId: string) => `${eindtermId}\u0000${werkprocesId}`;

const STATUS_ORDER: Record<LinkStatus, number> = { bevestigd: 3, handmatig: 3, voorgesteld: 1, afgewezen: 0 };
const RELATIE_ORDER: Record<RelatieType, number> = Object.fromEntries(RELATIE_TYPES.map((r, i) => [r, RELATIE_TYPES.length - i])) as Record<RelatieType, number>;

function strength(l: InventoryLink): number {
  const evidence = l.status === 'voorgesteld' ? paarFactor(l.elders) : 1;
  return STATUS_ORDER[l.status] * 10 + (l.relatie ? RELATIE_ORDER[l.relatie] : 0) + (l.score ?? 0) * evidence + (l.confidence ? CONFIDENCE_ORDER[l.confidence] : 0) / 10;
}

function eldersOf(elders: ReadonlyMap<string, PaarOordeel> | undefined, key: string): { elders?: PaarBewijs } {
  const o = elders?.get(key);
  const label = paarLabel(o);
  return o && label ? { elders: { bevestigd: o.bevestigd, afgewezen: o.afgewezen, label } } : {};
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

export function buildInventory(input: InventoryInput): Inventory {
  const min = CONFIDENCE_ORDER[input.minConfidence ?? 'mogelijk'];
  const vmboIds = new Set(input.eindtermen.map((e) => e.id));
  const mboIds = new Set(input.mboItems.map((w) => w.id));
  const inSelection = (e: string, w: string) => vmboIds.has(e) && mboIds.has(w);
  const unlinked = new Map((input.unlinked ?? []).map((u) => [u.itemId, u]));

  const reviewed = new Map<string, ReviewedLink>();
  for (const r of input.reviews ?? []) if (inSelection(r.eindtermId, r.werkprocesId)) reviewed.set(pairKey(r.eindtermId, r.werkprocesId), r);
  const suggested = new Map<string, SuggestedLink>();
  for (const s of input.suggestions) if (inSelection(s.eindtermId, s.werkprocesId)) suggested.set(pairKey(s.eindtermId, s.werkprocesId), s);
  // Issue 17: a pair confirmed elsewhere is suggested here too (starting as zwak when the aligner has no link).
  for (const [key, o] of input.elders ?? []) {
    if (suggested.has(key) || !stelVoor(o)) continue;
    const [eindtermId, werkprocesId] = key.split('\u0000') as [string, string];
    if (inSelection(eindtermId, werkprocesId)) suggested.set(key, { eindtermId, werkprocesId, score: 0, confidence: 'zwak', sharedTerms: [] });
  }

  const all: InventoryLink[] = [];
  const afgewezen: InventoryLink[] = [];
  for (const [key, r] of reviewed) {
    const s = suggested.get(key);
    (r.status === 'afgewezen' ? afgewezen : all).push({
      eindtermId: r.eindtermId,
      werkprocesId: r.werkprocesId,
      status: r.status === 'afgewezen' ? 'afgewezen' : r.herkomst === 'handmatig' ? 'handmatig' : 'bevestigd',
      score: s?.score ?? null,
      confidence: s?.confidence ?? null,
      sharedTerms: s?.sharedTerms ?? [],
      relatie: r.relatie,
      toelichting: r.toelichting,
      door: r.door,
      op: r.op,
      aangemaaktDoor: r.aangemaaktDoor ?? null,
      aangemaaktOp: r.aangemaaktOp ?? null,
      ...eldersOf(input.elders, key),
    });
  }
  for (const [key, s] of suggested) {
    if (reviewed.has(key)) continue;
    const elders = eldersOf(input.elders, key);
    const confidence = elders.elders ? verschovenBand(s.confidence, elders.elders) : s.confidence;
    if (CONFIDENCE_ORDER[confidence] < min) continue;
    all.push({ ...s, confidence, status: 'voorgesteld', relatie: null, toelichting: null, door: null, op: null, aangemaaktDoor: null, aangemaaktOp: null, ...elders });
  }

  const links: InventoryLink[] = [];
  const genegeerd: InventoryLink[] = [];
  for (const l of all) (unlinked.has(l.eindtermId) || unlinked.has(l.werkprocesId) ? genegeerd : links).push(l);
  const position = new Map(input.eindtermen.map((e, i) => [e.id, i]));
  const byStrength = (a: InventoryLink, b: InventoryLink) => strength(b) - strength(a) || a.werkprocesId.localeCompare(b.werkprocesId) || a.eindtermId.localeCompare(b.eindtermId);
  links.sort((a, b) => position.get(a.eindtermId)! - position.get(b.eindtermId)! || byStrength(a, b));

  const linkedTo = new Map<string, InventoryLink[]>();
  const add = (id: string, l: InventoryLink) => {
    const list = linkedTo.get(id);
    if (list) list.push(l);
    else linkedTo.set(id, [l]);
  };
  for (const l of links) {
    add(l.eindtermId, l);
    add(l.werkprocesId, l);
  }
  const classify = (item: InventoryItem): ClassifiedItem => {
    const own = [...(linkedTo.get(item.id) ?? [])].sort(byStrength);
    const mark = unlinked.get(item.id);
    return {
      ...item,
      classificatie: own.length > 0 ? 'beiden' : item.side === 'vmbo' ? 'alleen-vmbo' : 'alleen-mbo',
      gekoppeld: [...new Set(own.map((l) => (item.side === 'vmbo' ? l.werkprocesId : l.eindtermId)))],
      bewustNietGekoppeld: mark !== undefined,
      toelichtingNietGekoppeld: mark?.toelichting ?? null,
    };
  };
  const vmbo = input.eindtermen.map(classify);
  const mbo = input.mboItems.map(classify);
  const beidenVmbo = vmbo.filter((i) => i.classificatie === 'beiden').length;
  const beidenMbo = mbo.filter((i) => i.classificatie === 'beiden').length;
  return {
    vmbo,
    mbo,
    links,
    genegeerd,
    afgewezen,
    totalen: {
      eindtermen: vmbo.length,
      mboItems: mbo.length,
      beidenVmbo,
      beidenMbo,
      alleenVmbo: vmbo.length - beidenVmbo,
      alleenMbo: mbo.length - beidenMbo,
      dekkingVmbo: share(beidenVmbo, vmbo.length),
      dekkingMbo: share(beidenMbo, mbo.length),
      links: links.length,
      bevestigd: links.filter((l) => l.status === 'bevestigd' || l.status === 'handmatig').length,
      voorgesteld: links.filter((l) => l.status === 'voorgesteld').length,
      afgewezen: afgewezen.length,
    },
  };
}
