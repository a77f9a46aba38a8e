/**
 * The zoekmonitor's match service (issue 5). Pure: built once per catalogue snapshot from the vmbo items and the
 * mbo read model, then answers queries in memory.
 *
 * Forward (a keuzevak, a profielmodule, a set of keuzevakken, or free text):
 * - kwalificaties, folded per dossier: the dossiers as the MatchingEngine ranks them (BM25 with compound parts and
 *   the profiel prior); each ranked dossier is one result, named after its kwalificatie that shares most text with the
 *   query, with the dossier's other kwalificaties (`kwalificaties`, by fit) folded in; the successive crebos of one
 *   kwalificatie (its lineage in the read model) are one kwalificatie with its `versies` (the newest crebo named);
 * - keuzedelen: 0.6 × dossier support + 0.4 × text fit. Dossier support is the larger of (a) the best relative score of
 *   a dossier whose kwalificaties offer the keuzedeel, divided by (1 + ln(number of such dossiers)) so that keuzedelen
 *   offered everywhere do not win every query, and (b) over the best ranked dossiers, relative score × how much of the
 *   keuzedeel's own text the dossier's text covers (the offer table names few kwalificaties per keuzedeel: without (b)
 *   a keuzedeel such as "Basisvaardigheden elektrotechnische installaties" never followed the electrical dossiers).
 *   Text fit is how much of the keuzedeel's text (titel and omschrijving, idf-weighted) the query covers.
 * `limit` counts dossiers and keuzedelen each: without `soort` the answer holds up to `limit` dossiers, then up to
 * `limit` keuzedelen (their scores are on different scales, so they are not interleaved).
 * Reverse (a kwalificatie or a keuzedeel): keuzevakken and profielmodulen. Every vmbo unit is ranked forward once
 *   (lazily, at the first reverse query); a unit's score for a dossier D is 0.5 × (its score for D relative to its own
 *   best dossier) + 0.5 × (its score for D relative to the unit that scores D highest). For a keuzedeel: the best such
 *   score over the keuzedeel's dossiers divided by (1 + ln(number of dossiers)) weighs 0.6, text similarity 0.4.
 *
 * Scores: forward kwalificaties are relative to the best dossier of the query (1 = best); keuzedelen and the backward
 * results are absolute (0..1) as defined above. Confidence bands (MATCH_THRESHOLDS) combine the score with absolute
 * evidence a teacher can check:
 * - evidence = text overlap of query and result (cosine of their idf-weighted term vectors: ≥ 0.05 → 1, ≥ 0.10 → 2,
 *   ≥ 0.20 → 3; for a keuzedeel the covered share of its text: ≥ 0.25 → 1, ≥ 0.5 → 2, ≥ 0.75 → 3) + 2 when the best
 *   eindterm ↔ werkproces pair is sterk, + 1 when it is mogelijk + 1 for a keuzedeel whose dossier support is at
 *   least 0.6;
 * - sterk: score ≥ 0.6 and evidence ≥ 3; mogelijk: score ≥ 0.3 and evidence ≥ 1; else zwak.
 * Every result carries `uitleg`: the score and the band in words, from the same evidence, so what a teacher reads never
 * contradicts the band (a dossier ranked first whose texts share no content words says so, and is zwak).
 * All results are suggestions (status "suggestie").
 */
import type { MboCatalog, MergedKwalificatie } from '../mbo/read-model.js';
import { highlight, type Lexicon } from '../text/analyzer.js';
import { Aligner, CONFIDENCE_ORDER, type AlignItem, type AlignmentLink, type Confidence } from './alignment.js';
import { MatchingEngine, type RankedDossier } from './engine.js';
import { TermSpace, cosine, isGenericTerm, sharedTerms, type TermVector } from './term-space.js';
import { werkprocesId } from '../inventory/ids.js';
import { dossierTexts, type KeuzevakText } from './texts.js';
import { applyEvidence, bewijsUitleg, isEmptyBewijs, EVIDENCE, type Bewijs, type EvidenceSet } from './evidence.js';
import { LearnedTransfer, transferUitleg, withTransfer, type TransferOptions, type Transferred } from './learned-transfer.js';

export const MATCH_THRESHOLDS = {
  sterk: { relative: 0.6, evidence: 3 },
  mogelijk: { relative: 0.3, evidence: 1 },
  /** Cosine of query and result from which the text overlap gives 1, 2 or 3 points of evidence. */
  cosinePoints: [0.05, 0.1, 0.2],
  /** Covered share of a keuzedeel's text from which it gives 1, 2 or 3 points of evidence. */
  coveragePoints: [0.25, 0.5, 0.75],
  /** contentDossiers: how many of the best ranked dossiers may carry a keuzedeel by covering its text (2+ content words). */
  keuzedeel: { dossierWeight: 0.6, textWeight: 0.4, fullCosine: 0.25, minScore: 0.05, contentDossiers: 10 },
} as const;

/** Score of a keuzedeel (or of a unit for a keuzedeel), absolute 0..1: dossier support and text similarity. */
function keuzedeelScore(support: number, sim: number): number {
  const k = MATCH_THRESHOLDS.keuzedeel;
  return k.dossierWeight * support + k.textWeight * Math.min(1, sim / k.fullCosine);
}

/** The vmbo rows the service reads (the catalogue snapshot's items). */
export interface VmboRow {
  id: string;
  kind: string;
  code: string;
  title: string;
  description: string | null;
  profiel_code: string | null;
  duplicate_of: string | null;
  status: string;
}
export interface VmboSource {
  items: readonly VmboRow[];
  /** Children of an item in order. */
  children: Map<string, readonly VmboRow[]>;
}

export type VmboUnitKind = 'keuzevak' | 'profielmodule';

export interface VmboUnit {
  kind: VmboUnitKind;
  code: string;
  title: string;
  description: string;
  profielCode: string | null;
  eindtermen: AlignItem[];
  text: KeuzevakText;
}

export interface WerkprocesItem extends AlignItem {
  code: string;
  title: string;
  kerntaak: { code: string; title: string | null };
}

interface KwalificatieInfo {
  k: MergedKwalificatie;
  dossierTitle: string;
  opleidingsdomein: string | null;
  werkprocessen: WerkprocesItem[];
  /** The werkprocessen (code and title) as one string: kwalificaties with the same one align the same. */
  signature: string;
  vector: TermVector;
}

interface KeuzedeelInfo {
  code: string;
  titel: string;
  sbu: number | null;
  niveau: number | null;
  dossiers: Set<string>;
  vector: TermVector;
}

export interface ExplainedPair {
  eindterm: { code: string | null; title: string; highlight: Array<{ text: string; mark: boolean }> };
  werkproces: { code: string; title: string; highlight: Array<{ text: string; mark: boolean }>; kerntaak: { code: string; title: string | null } };
  score: number;
  confidence: Confidence;
  sharedTerms: string[];
}
export interface Explanation {
  sharedTerms: string[];
  pairs: ExplainedPair[];
}
interface Common {
  status: 'suggestie';
  title: string;
  score: number;
  confidence: Confidence;
  explanation: Explanation;
  /** Score and betrouwbaarheid in words (Dutch), from the same evidence as the band. */
  uitleg: string;
  url: string;
  /** What teachers said about this result (counts only, never who): issue 17. Absent without evidence. */
  bewijs?: Bewijs;
}
/** One kwalificatie of a dossier: its newest crebo and the older crebos of the same kwalificatie (newest first). */
export interface FoldedKwalificatie {
  crebo: string;
  title: string;
  niveau: number;
  versies: string[];
  url: string;
}
export type DomainMatchResult =
  | (Common & {
      type: 'kwalificatie';
      crebo: string;
      dossierCrebo: string;
      dossierTitle: string;
      opleidingsdomein: string | null;
      niveau: number;
      versies: string[];
      /** The dossier's other kwalificaties, best fitting first. */
      kwalificaties: FoldedKwalificatie[];
    })
  | (Common & { type: 'keuzedeel'; code: string; sbu: number | null; niveau: number | null })
  | (Common & { type: VmboUnitKind; code: string; profielCode: string | null });

export type ForwardQuery = { units: VmboUnit[] } | { tekst: string };

const slug = (code: string) => code.replaceAll('/', '-');
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const PAIRS_PER_RESULT = 3;
const SHARED_TERMS_SHOWN = 8;

export function confidenceBand(relative: number, evidence: number): Confidence {
  if (relative >= MATCH_THRESHOLDS.sterk.relative && evidence >= MATCH_THRESHOLDS.sterk.evidence) return 'sterk';
  if (relative >= MATCH_THRESHOLDS.mogelijk.relative && evidence >= MATCH_THRESHOLDS.mogelijk.evidence) return 'mogelijk';
  return 'zwak';
}

function textEvidence(cos: number): number {
  return MATCH_THRESHOLDS.cosinePoints.filter((t) => cos >= t).length;
}

function coverageEvidence(share: number): number {
  return MATCH_THRESHOLDS.coveragePoints.filter((t) => share >= t).length;
}

/**
 * The share of `part`'s weight (squared) on terms that `whole` also has, 0..1: how much of a short text a long one
 * covers. With `minTerms`, 0 unless at least that many shared terms are content words (not generic): a one-word title
 * ("Voorbereiding") is covered by nearly any long text.
 */
export function coverage(part: TermVector, whole: TermVector, minTerms = 1): number {
  if (part.norm === 0) return 0;
  let covered = 0;
  let content = 0;
  for (const [t, w] of part.weights) {
    if (!whole.weights.has(t)) continue;
    covered += w * w;
    if (!isGenericTerm(t) && part.info.get(t)?.partOf === null) content += 1;
  }
  return content >= minTerms ? covered / (part.norm * part.norm) : 0;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const woorden = (n: number) => (n === 1 ? '1 inhoudswoord' : `${n} inhoudswoorden`);

/** The band in words, from the evidence it was computed from. */
function bandUitleg(confidence: Confidence, sharedWords: number, pairs: readonly ExplainedPair[], naam?: string | null): string {
  const bestPair = pairs[0]?.confidence;
  const bewijs: string[] = [];
  if (naam) bewijs.push(naam);
  if (sharedWords > 0) bewijs.push(`de teksten delen ${woorden(sharedWords)}`);
  if (bestPair === 'sterk' || bestPair === 'mogelijk') bewijs.push(`er is een ${bestPair} paar eindterm ↔ werkproces`);
  const grond = bewijs.length > 0 ? bewijs.join(' en ') : 'de teksten delen geen inhoudswoorden';
  if (confidence === 'sterk') return `Betrouwbaarheid sterk: ${grond}.`;
  if (confidence === 'mogelijk') return `Betrouwbaarheid mogelijk: ${grond}; bekijk of dat inhoudelijk klopt.`;
  return `Betrouwbaarheid zwak: ${grond}${bewijs.length > 0 ? ', maar dat is weinig' : ''}. Beschouw dit als een richting om te verkennen, niet als een passend onderdeel.`;
}

/**
 * Issue 17: the reverse name coverage (engine `signals.reverseName`, share of the asked title that the dossier's names
 * hold) in words, when it lifts the dossier: "de naam van het dossier noemt de titel van het keuzevak".
 */
function naamUitleg(reverseName: number | undefined, asked: string): string | null {
  if (reverseName === undefined || reverseName < 0.4) return null;
  return `de naam van het dossier noemt ${reverseName >= 0.999 ? '' : 'een deel van '}${asked}`;
}

function pairEvidence(pairs: readonly ExplainedPair[]): number {
  const best = pairs[0]?.confidence;
  return best === 'sterk' ? 2 : best === 'mogelijk' ? 1 : 0;
}

/** The text of one or more vmbo units as the engine reads a keuzevak. */
export function combinedText(units: readonly VmboUnit[]): KeuzevakText {
  if (units.length === 1) return units[0]!.text;
  const profielen = new Set(units.map((u) => u.profielCode));
  const text: KeuzevakText = {
    code: units.map((u) => u.code).join(','),
    profielCode: profielen.size === 1 ? units[0]!.profielCode : null,
    title: units.map((u) => u.text.title).join(' / '),
    description: units.map((u) => u.text.description).join(' '),
    deeltaken: units.flatMap((u) => u.text.deeltaken),
    eindtermen: units.flatMap((u) => u.text.eindtermen),
    plain: '',
  };
  text.plain = units.map((u) => u.text.plain).join(' ');
  return text;
}

export class MatchIndex {
  readonly engine: MatchingEngine;
  readonly aligner: Aligner;
  readonly builtInMs: number;
  private readonly docSpace: TermSpace;
  private readonly units = new Map<string, VmboUnit>();
  private readonly kwalificaties = new Map<string, KwalificatieInfo>();
  private readonly perDossier = new Map<string, KwalificatieInfo[]>();
  /** Per dossier its kwalificaties as lineages: the newest active crebo, the active ones, every crebo newest first. */
  private readonly lineagesPerDossier = new Map<string, Array<{ newest: KwalificatieInfo; members: KwalificatieInfo[]; crebos: string[] }>>();
  /** The text of each active dossier as one vector (for how much of a keuzedeel's text a dossier covers). */
  private readonly dossierVectors = new Map<string, TermVector>();
  private readonly keuzedelen = new Map<string, KeuzedeelInfo>();
  private readonly unitVectors = new Map<string, TermVector>();
  /** Engine ranking per unit (key kind|code), kept: the catalogue does not change under an index. */
  private readonly rankings = new Map<string, RankedDossier[]>();
  /** Per eindterm code (as the pairs show it) its SLO id and its unit (`kind|code`): issue 17, pair evidence. */
  private readonly eindtermRefs = new Map<string, { id: string; unitKey: string }>();
  private reverse: { perUnit: Map<string, { best: number; scores: Map<string, number> }>; bestPerDossier: Map<string, number> } | null = null;

  constructor(opts: { vmbo: VmboSource; mbo: MboCatalog; lexicon: Lexicon }) {
    const started = performance.now();
    const { vmbo, mbo, lexicon } = opts;
    this.buildUnits(vmbo);
    const dossiers = dossierTexts(mbo);
    // The engine weighs words down that (nearly) every keuzevak uses; it learns that from all keuzevakken.
    this.engine = new MatchingEngine(dossiers, { lexicon }, { keuzevakken: [...this.units.values()].filter((u) => u.kind === 'keuzevak').map((u) => u.text) });

    const activeDossiers = new Set(dossiers.map((d) => d.crebo));
    const pending: Array<{ k: MergedKwalificatie; dossierTitle: string; opleidingsdomein: string | null; werkprocessen: WerkprocesItem[]; kerntaken: string[] }> = [];
    for (const crebo of activeDossiers) {
      const dossier = mbo.dossiers.get(crebo)!;
      for (const k of mbo.kwalificatiesIn(crebo)) {
        if (k.status !== 'actief' || k.dossierCrebo !== crebo) continue;
        const werkprocessen: WerkprocesItem[] = [];
        const kerntaken: string[] = [];
        for (const kt of mbo.kerntakenOf(k).kerntaken) {
          if (kt.titel) kerntaken.push(kt.titel);
          for (const w of kt.werkprocessen) {
            werkprocessen.push({ id: werkprocesId(k.crebo, w.code), code: w.code, title: w.titel, text: w.titel, kerntaak: { code: kt.code, title: kt.titel } });
          }
        }
        pending.push({ k, dossierTitle: dossier.titel, opleidingsdomein: dossier.opleidingsdomein ?? k.opleidingsdomein, werkprocessen, kerntaken });
      }
    }
    const keuzedeelTexts = [...mbo.keuzedelen.values()].filter((kd) => kd.status === 'actief');
    const kwalificatieText = (p: (typeof pending)[number]) => [p.k.naam, p.dossierTitle, ...p.kerntaken, ...p.werkprocessen.map((w) => w.title)];
    this.docSpace = new TermSpace({
      lexicon,
      corpus: [
        ...dossiers.map((d) => d.plain),
        ...keuzedeelTexts.map((kd) => `${kd.titel} ${kd.omschrijving ?? ''}`),
        ...[...this.units.values()].map((u) => u.text.plain),
      ],
    });
    for (const p of pending) {
      const info: KwalificatieInfo = { k: p.k, dossierTitle: p.dossierTitle, opleidingsdomein: p.opleidingsdomein, werkprocessen: p.werkprocessen, signature: p.werkprocessen.map((w) => `${w.code}\t${w.title}\t${w.kerntaak.code}`).join('\n'), vector: this.docSpace.vector(kwalificatieText(p)) };
      this.kwalificaties.set(p.k.crebo, info);
      const list = this.perDossier.get(p.k.dossierCrebo) ?? [];
      list.push(info);
      this.perDossier.set(p.k.dossierCrebo, list);
    }
    for (const [crebo, list] of this.perDossier) {
      const byLineage = new Map<string, KwalificatieInfo[]>();
      for (const info of list) byLineage.set(info.k.lineage, [...(byLineage.get(info.k.lineage) ?? []), info]);
      const lineages = [...byLineage.values()].map((members) => {
        members.sort((a, b) => b.k.crebo.localeCompare(a.k.crebo));
        return { newest: members[0]!, members, crebos: mbo.versiesOf(members[0]!.k).map((v) => v.crebo) };
      });
      this.lineagesPerDossier.set(crebo, lineages);
    }
    for (const d of dossiers) this.dossierVectors.set(d.crebo, this.docSpace.vector(d.plain));
    for (const kd of keuzedeelTexts) {
      const dossiersOf = new Set<string>();
      for (const crebo of mbo.kwalificatieCrebosVan(kd.code)) {
        const k = this.kwalificaties.get(crebo);
        if (k) dossiersOf.add(k.k.dossierCrebo);
      }
      this.keuzedelen.set(kd.code, { code: kd.code, titel: kd.titel, sbu: kd.sbu, niveau: kd.niveau, dossiers: dossiersOf, vector: this.docSpace.vector(`${kd.titel} ${kd.omschrijving ?? ''}`) });
    }
    for (const [key, u] of this.units) this.unitVectors.set(key, this.docSpace.vector(u.text.plain));

    // idf of the aligner over every eindterm and werkproces of the catalogue.
    const alignCorpus = new Set<string>();
    for (const u of this.units.values()) for (const e of u.eindtermen) alignCorpus.add(e.text);
    for (const k of this.kwalificaties.values()) for (const w of k.werkprocessen) alignCorpus.add(w.text);
    this.aligner = new Aligner({ lexicon, corpus: alignCorpus, analysisOf: this.docSpace });
    this.builtInMs = performance.now() - started;
  }

  private buildUnits(vmbo: VmboSource): void {
    const chosen = new Map<string, VmboRow>();
    for (const r of vmbo.items) {
      if (r.kind !== 'keuzevak' && r.kind !== 'profielmodule') continue;
      const key = `${r.kind}|${r.code}`;
      const known = chosen.get(key);
      const rank = (x: VmboRow) => (x.status === 'actief' ? 2 : 0) + (x.duplicate_of === null ? 1 : 0);
      if (!known || rank(r) > rank(known)) chosen.set(key, r);
    }
    for (const [key, r] of chosen) {
      if (r.status !== 'actief') continue;
      const deeltaken = (vmbo.children.get(r.id) ?? []).filter((d) => d.status === 'actief' && d.kind === 'deeltaak');
      const eindtermen: AlignItem[] = [];
      const seen = new Set<string>();
      for (const d of deeltaken) {
        for (const e of vmbo.children.get(d.id) ?? []) {
          if (e.status !== 'actief' || e.kind !== 'eindterm' || seen.has(e.code)) continue;
          seen.add(e.code);
          eindtermen.push({ id: e.code, code: e.code, text: e.title });
          if (!this.eindtermRefs.has(e.code)) this.eindtermRefs.set(e.code, { id: e.id, unitKey: key });
        }
      }
      const text: KeuzevakText = {
        code: r.code,
        profielCode: r.profiel_code,
        title: r.title,
        description: r.description ?? '',
        deeltaken: deeltaken.map((d) => d.title),
        eindtermen: eindtermen.map((e) => e.text),
        plain: '',
      };
      text.plain = [text.title, text.description, ...text.deeltaken, ...text.eindtermen].join(' ');
      this.units.set(key, { kind: r.kind as VmboUnitKind, code: r.code, title: r.title, description: r.description ?? '', profielCode: r.profiel_code, eindtermen, text });
    }
  }

  unit(kind: VmboUnitKind, code: string): VmboUnit | undefined {
    // The URL form (K-PIE-16) names the same unit: SLO codes of keuzevakken and profielmodulen contain no "-".
    return this.units.get(`${kind}|${code.trim().toUpperCase().replaceAll('-', '/')}`);
  }
  /** Every active keuzevak and profielmodule (kind and code). */
  unitCodes(): Array<{ kind: VmboUnitKind; code: string }> {
    return [...this.units.values()].map((u) => ({ kind: u.kind, code: u.code }));
  }
  /**
   * The eindterm a pair names (by its code): its SLO id (the crosswalk's eindterm id) and its unit as `kind|code` (the
   * key of the evidence). Issue 17: the use case looks up what other samenwerkingen said about a pair.
   */
  eindtermRef(code: string): { id: string; unitKey: string } | undefined {
    return this.eindtermRefs.get(code);
  }
  /** Every kwalificatie a match can name (active, in an active dossier). */
  kwalificatieCrebos(): string[] {
    return [...this.kwalificaties.keys()];
  }
  kwalificatie(crebo: string): { crebo: string; title: string; niveau: number; dossierCrebo: string } | undefined {
    const info = this.kwalificaties.get(crebo);
    return info && { crebo, title: info.k.naam, niveau: info.k.niveau, dossierCrebo: info.k.dossierCrebo };
  }
  /** Whether a dossier (crebo) can be a result (active, with active kwalificaties). */
  hasDossier(crebo: string): boolean {
    return this.perDossier.has(crebo);
  }
  keuzedeel(code: string): { code: string; title: string } | undefined {
    const info = this.keuzedelen.get(code.toUpperCase());
    return info && { code: info.code, title: info.titel };
  }

  private pairsFor(eindtermen: readonly AlignItem[], k: KwalificatieInfo, max = PAIRS_PER_RESULT): ExplainedPair[] {
    if (eindtermen.length === 0 || k.werkprocessen.length === 0) return [];
    const links = this.aligner.align(eindtermen, k.werkprocessen, { perEindterm: 1 });
    links.sort((a, b) => b.score - a.score || a.eindtermId.localeCompare(b.eindtermId));
    const byEindterm = new Map(eindtermen.map((e) => [e.id, e]));
    const byWerkproces = new Map(k.werkprocessen.map((w) => [w.id, w]));
    const out: ExplainedPair[] = [];
    const usedWerkprocessen = new Set<string>();
    for (const l of links) {
      // Different werkprocessen make a better explanation than one werkproces three times.
      if (usedWerkprocessen.has(l.werkprocesId)) continue;
      usedWerkprocessen.add(l.werkprocesId);
      out.push(this.explainPair(l, byEindterm.get(l.eindtermId)!, byWerkproces.get(l.werkprocesId)!));
      if (out.length >= max) break;
    }
    return out;
  }

  private explainPair(l: AlignmentLink, e: AlignItem, w: WerkprocesItem): ExplainedPair {
    const eVec = this.aligner.space.vector(e.text);
    const wVec = this.aligner.space.vector(w.text);
    const terms = sharedTerms(eVec, wVec).terms;
    return {
      eindterm: { code: e.code, title: e.text, highlight: highlight(e.text, terms) },
      werkproces: { code: w.code, title: w.title, highlight: highlight(w.title, terms), kerntaak: w.kerntaak },
      score: l.score,
      confidence: l.confidence,
      sharedTerms: l.sharedTerms,
    };
  }

  /** A unit's own terms as the engine reads a question (no thesaurus), kept: the learned transfer compares them. */
  private ownTermsOf(key: string, u: VmboUnit): Map<string, number> {
    let terms = this.ownTerms.get(key);
    if (!terms) {
      terms = this.engine.queryWeights(u.text, true, false);
      this.ownTerms.set(key, terms);
    }
    return terms;
  }
  private readonly ownTerms = new Map<string, Map<string, number>>();
  private readonly learnedKept = new WeakMap<EvidenceSet, LearnedTransfer>();

  /**
   * Issue 17: what the units with evidence teach the others (learned-transfer.ts). Built once per evidence set and kept
   * here (the use case reads a new set only when the evidence's version changed); `options` (the bench's settings)
   * build a model that is not kept.
   */
  learn(evidence: EvidenceSet, options?: Partial<TransferOptions>): LearnedTransfer {
    const kept = options ? undefined : this.learnedKept.get(evidence);
    if (kept) return kept;
    const units = [...evidence.keys()].flatMap((key) => {
      const u = this.units.get(key);
      return u ? [{ key, profiel: u.profielCode, terms: this.ownTermsOf(key, u) }] : [];
    });
    const learned = new LearnedTransfer(units, evidence, options);
    if (!options) this.learnedKept.set(evidence, learned);
    return learned;
  }

  /**
   * Kwalificaties (per dossier) and keuzedelen for vmbo units or free text, best first. With `evidence` (issue 17): the
   * unit's own evidence multiplies the score (evidence.ts), and what similar units of the profiel learned is added to
   * the relative score (`learned`, by default `learn(evidence)`; `evidenceWeights.transfer` overrides its weight).
   */
  matchForward(
    query: ForwardQuery,
    opts: { soort?: 'kwalificatie' | 'keuzedeel'; limit: number; evidence?: EvidenceSet; evidenceWeights?: { own?: number; transfer?: number }; learned?: LearnedTransfer },
  ): DomainMatchResult[] {
    const text: KeuzevakText =
      'units' in query
        ? combinedText(query.units)
        : { code: '', profielCode: null, title: query.tekst, description: '', deeltaken: [], eindtermen: [], plain: query.tekst };
    const eindtermen: AlignItem[] = 'units' in query ? query.units.flatMap((u) => u.eindtermen) : [{ id: 'tekst', code: null, text: query.tekst }];
    const queryVector = this.docSpace.vector(text.plain);
    const textRanking = ('units' in query && query.units.length === 1 ? this.rankingOf(query.units[0]!) : this.engine.rankDossiers(text)).filter((r) => this.perDossier.has(r.crebo));
    const signalsOf = new Map(textRanking.map((r) => [r.crebo, r.signals]));
    const asked =
      !('units' in query) ? 'de zoektekst' : query.units.length > 1 ? 'de titels van de gevraagde onderdelen' : query.units[0]!.kind === 'keuzevak' ? 'de titel van het keuzevak' : 'de titel van de profielmodule';
    let ranked: Array<{ crebo: string; score: number }> = textRanking;
    // Issue 17: what teachers confirmed or rejected, for this unit and (learned) for similar units of its profiel.
    const single = 'units' in query && query.units.length === 1 ? query.units[0]! : null;
    const unitKey = single ? `${single.kind}|${single.code}` : null;
    const own = opts.evidence && unitKey ? opts.evidence.get(unitKey) : undefined;
    let transferred: Map<string, Transferred> | undefined;
    if (opts.evidence && opts.evidence.size > 0) {
      const learned = opts.learned ?? this.learn(opts.evidence);
      const terms = single && unitKey ? this.ownTermsOf(unitKey, single) : this.engine.queryWeights(text, true, false);
      transferred = learned.of({ key: unitKey, profiel: text.profielCode, terms });
      const weight = opts.evidenceWeights?.transfer ?? learned.options.weight;
      const top = textRanking[0]?.score ?? 0;
      const lifted = textRanking.map((r) => ({ key: r.crebo, crebo: r.crebo, score: withTransfer(top > 0 ? r.score / top : 0, transferred!.get(r.crebo), weight) }));
      ranked = applyEvidence(lifted, own, undefined, { own: opts.evidenceWeights?.own ?? EVIDENCE.own, transfer: 0 });
    }
    const bewijsOf = (key: string, dossier: boolean): { bewijs?: Bewijs; zin: string | null } => {
      const b = own?.get(key);
      const zinnen = [bewijsUitleg(b), dossier ? transferUitleg(transferred?.get(key)) : null].filter((z): z is string => z !== null);
      const zin = zinnen.length > 0 ? zinnen.join(' ') : null;
      return b && !isEmptyBewijs(b) ? { bewijs: b, zin } : { zin };
    };
    const best = ranked[0]?.score ?? 0;
    const relative = new Map(ranked.map((r) => [r.crebo, best > 0 ? r.score / best : 0]));
    const results: DomainMatchResult[] = [];

    if (opts.soort !== 'keuzedeel') {
      // Kwalificaties of one dossier often share all their werkprocessen: align such a list once.
      const pairsBySignature = new Map<string, ExplainedPair[]>();
      for (const r of ranked.slice(0, opts.limit)) {
        const rel = relative.get(r.crebo)!;
        // The dossier's kwalificaties as lineages, best fitting first (a lineage fits as well as its best crebo).
        const lineages = this.lineagesPerDossier
          .get(r.crebo)!
          .map((l) => ({ l, sim: Math.max(...l.members.map((m) => cosine(queryVector, m.vector))) }))
          .sort((a, b) => b.sim - a.sim || a.l.newest.k.niveau - b.l.newest.k.niveau || a.l.newest.k.crebo.localeCompare(b.l.newest.k.crebo));
        const { l: bestLineage, sim } = lineages[0]!;
        const k = bestLineage.newest;
        const shared = sharedTerms(queryVector, k.vector, SHARED_TERMS_SHOWN);
        let pairs = pairsBySignature.get(k.signature);
        if (!pairs) {
          pairs = this.pairsFor(eindtermen, k);
          pairsBySignature.set(k.signature, pairs);
        }
        const evidence = textEvidence(sim) + pairEvidence(pairs);
        const confidence = confidenceBand(rel, evidence);
        const plaats = rel >= 0.9995 ? 'Dit dossier past het best bij de vraag' : `Dit dossier scoort ${percent(rel)} van het best passende dossier`;
        const ev = bewijsOf(r.crebo, true);
        results.push({
          type: 'kwalificatie',
          status: 'suggestie',
          crebo: k.k.crebo,
          dossierCrebo: k.k.dossierCrebo,
          dossierTitle: k.dossierTitle,
          opleidingsdomein: k.opleidingsdomein,
          niveau: k.k.niveau,
          title: k.k.naam,
          score: round3(rel),
          confidence,
          explanation: { sharedTerms: shared.readable, pairs },
          uitleg: `${plaats} (score ${rel.toFixed(2).replace('.', ',')}: de rangschikking van de dossiers). ${bandUitleg(confidence, shared.content, pairs, naamUitleg(signalsOf.get(r.crebo)?.reverseName, asked))}${ev.zin ? ` ${ev.zin}` : ''}`,
          url: `/mbo/kwalificaties/${k.k.crebo}`,
          ...(ev.bewijs ? { bewijs: ev.bewijs } : {}),
          versies: bestLineage.crebos.filter((c) => c !== k.k.crebo),
          kwalificaties: lineages.slice(1).map(({ l }) => ({
            crebo: l.newest.k.crebo,
            title: l.newest.k.naam,
            niveau: l.newest.k.niveau,
            versies: l.crebos.filter((c) => c !== l.newest.k.crebo),
            url: `/mbo/kwalificaties/${l.newest.k.crebo}`,
          })),
        });
      }
    }

    if (opts.soort !== 'kwalificatie') {
      const k = MATCH_THRESHOLDS.keuzedeel;
      const topDossiers = ranked.slice(0, k.contentDossiers);
      const scored = [...this.keuzedelen.values()].map((kd) => {
        let offered = 0;
        for (const d of kd.dossiers) offered = Math.max(offered, relative.get(d) ?? 0);
        offered /= 1 + Math.log(Math.max(1, kd.dossiers.size));
        let content = 0;
        for (const d of topDossiers) content = Math.max(content, relative.get(d.crebo)! * coverage(kd.vector, this.dossierVectors.get(d.crebo)!, 2));
        const support = Math.max(offered, content);
        const text = coverage(kd.vector, queryVector);
        const raw = k.dossierWeight * support + k.textWeight * text;
        const b = own?.get(`keuzedeel|${kd.code}`);
        return { kd, support, text, raw: b ? applyEvidence([{ key: kd.code, score: raw }], new Map([[kd.code, b]]), undefined)[0]!.score : raw };
      });
      const withScore = scored.filter((s) => s.raw >= k.minScore).sort((a, b) => b.raw - a.raw || a.kd.code.localeCompare(b.kd.code));
      for (const s of withScore.slice(0, opts.limit)) {
        const rel = s.raw;
        const shared = sharedTerms(queryVector, s.kd.vector, SHARED_TERMS_SHOWN);
        const evidence = coverageEvidence(s.text) + (s.support >= 0.6 ? 1 : 0);
        const confidence = confidenceBand(rel, evidence);
        const ev = bewijsOf(`keuzedeel|${s.kd.code}`, false);
        results.push({
          type: 'keuzedeel',
          status: 'suggestie',
          code: s.kd.code,
          sbu: s.kd.sbu,
          niveau: s.kd.niveau,
          title: s.kd.titel,
          score: round3(rel),
          confidence,
          explanation: { sharedTerms: shared.readable, pairs: [] },
          uitleg:
            `Score ${rel.toFixed(2).replace('.', ',')}: de vraag dekt ${percent(s.text)} van de tekst van het keuzedeel, ` +
            `en het keuzedeel ${s.support >= 0.3 ? 'hoort bij' : 'staat ver van'} de best passende dossiers. ${bandUitleg(confidence, shared.content, [])}${ev.zin ? ` ${ev.zin}` : ''}`,
          url: `/mbo/keuzedelen/${encodeURIComponent(s.kd.code)}`,
          ...(ev.bewijs ? { bewijs: ev.bewijs } : {}),
        });
      }
    }
    return results;
  }

  private rankingOf(u: VmboUnit): RankedDossier[] {
    const key = `${u.kind}|${u.code}`;
    let ranked = this.rankings.get(key);
    if (!ranked) {
      ranked = this.engine.rankDossiers(u.text);
      this.rankings.set(key, ranked);
    }
    return ranked;
  }

  /**
   * Rank up to `n` more units (for warming in slices, so a server keeps answering meanwhile); true when all are ranked.
   */
  rankSome(n: number): boolean {
    let done = 0;
    for (const u of this.units.values()) {
      if (done >= n) return false;
      if (this.rankings.has(`${u.kind}|${u.code}`)) continue;
      this.rankingOf(u);
      done += 1;
    }
    return true;
  }

  /** Rank every unit now (the reverse queries need them all; single-unit queries reuse them). */
  warm(): number {
    const started = performance.now();
    this.reverseTable();
    return performance.now() - started;
  }

  /** Every unit ranked forward once: per unit its best score and its score per dossier. */
  private reverseTable() {
    if (this.reverse) return this.reverse;
    const perUnit = new Map<string, { best: number; scores: Map<string, number> }>();
    const bestPerDossier = new Map<string, number>();
    for (const [key, u] of this.units) {
      const ranked = this.rankingOf(u);
      const scores = new Map(ranked.map((r) => [r.crebo, r.score]));
      perUnit.set(key, { best: ranked[0]?.score ?? 0, scores });
      for (const r of ranked) bestPerDossier.set(r.crebo, Math.max(bestPerDossier.get(r.crebo) ?? 0, r.score));
    }
    this.reverse = { perUnit, bestPerDossier };
    return this.reverse;
  }

  /** A unit's affinity with a dossier, 0..1 (see the module comment). */
  private affinity(key: string, dossierCrebo: string): number {
    const t = this.reverseTable();
    const u = t.perUnit.get(key)!;
    const s = u.scores.get(dossierCrebo) ?? 0;
    if (s === 0) return 0;
    return 0.5 * (s / u.best) + 0.5 * (s / t.bestPerDossier.get(dossierCrebo)!);
  }

  /** Keuzevakken and profielmodulen for a kwalificatie (crebo) or a keuzedeel (code), best first. */
  matchReverse(query: { kwalificatie: string } | { keuzedeel: string }, opts: { soort?: VmboUnitKind; limit: number }): DomainMatchResult[] {
    let source: TermVector;
    let raw: (key: string, vector: TermVector) => number;
    let kwalificatie: KwalificatieInfo | null = null;
    let keuzedeelSupport: ((key: string) => number) | null = null;
    if ('kwalificatie' in query) {
      const k = this.kwalificaties.get(query.kwalificatie)!;
      kwalificatie = k;
      source = k.vector;
      raw = (key) => this.affinity(key, k.k.dossierCrebo);
    } else {
      const kd = this.keuzedelen.get(query.keuzedeel.toUpperCase())!;
      source = kd.vector;
      const spread = 1 + Math.log(Math.max(1, kd.dossiers.size));
      keuzedeelSupport = (key) => {
        let best = 0;
        for (const d of kd.dossiers) best = Math.max(best, this.affinity(key, d));
        return best / spread;
      };
      raw = (key, vector) => keuzedeelScore(keuzedeelSupport!(key), cosine(kd.vector, vector));
    }
    const scored = [...this.units.entries()]
      .filter(([, u]) => !opts.soort || u.kind === opts.soort)
      .map(([key, u]) => ({ key, u, raw: raw(key, this.unitVectors.get(key)!) }))
      .filter((s) => s.raw >= MATCH_THRESHOLDS.keuzedeel.minScore)
      .sort((a, b) => b.raw - a.raw || a.u.code.localeCompare(b.u.code));
    return scored.slice(0, opts.limit).map((s) => {
      const rel = s.raw;
      const vector = this.unitVectors.get(s.key)!;
      const shared = sharedTerms(vector, source, SHARED_TERMS_SHOWN);
      const pairs = kwalificatie ? this.pairsFor(s.u.eindtermen, kwalificatie) : [];
      const evidence = textEvidence(cosine(vector, source)) + pairEvidence(pairs) + (keuzedeelSupport && keuzedeelSupport(s.key) >= 0.6 ? 1 : 0);
      const confidence = confidenceBand(rel, evidence);
      return {
        type: s.u.kind,
        status: 'suggestie' as const,
        code: s.u.code,
        profielCode: s.u.profielCode,
        title: s.u.title,
        score: round3(rel),
        confidence,
        explanation: { sharedTerms: shared.readable, pairs },
        uitleg: `Score ${rel.toFixed(2).replace('.', ',')}: hoe goed dit ${s.u.kind} en het gevraagde bij dezelfde dossiers passen (1 = het best). ${bandUitleg(confidence, shared.content, pairs)}`,
        url: `/vmbo/${s.u.kind === 'keuzevak' ? 'keuzevakken' : 'profielmodulen'}/${slug(s.u.code)}`,
      };
    });
  }

  /**
   * Per eindterm of the units its best werkprocessen, over one kwalificatie or (without one) the kwalificaties of the
   * `dossiers` best ranked dossiers.
   */
  alignment(units: readonly VmboUnit[], opts: { kwalificatie?: string; perEindterm: number; dossiers?: number }) {
    let targets: KwalificatieInfo[];
    if (opts.kwalificatie) targets = [this.kwalificaties.get(opts.kwalificatie)!];
    else {
      const ranked = (units.length === 1 ? this.rankingOf(units[0]!) : this.engine.rankDossiers(combinedText(units))).filter((r) => this.perDossier.has(r.crebo));
      targets = ranked.slice(0, opts.dossiers ?? 3).flatMap((r) => this.perDossier.get(r.crebo)!);
    }
    // Kwalificaties of one dossier share werkprocessen (the basisdeel): align each once, under its first kwalificatie.
    const werkprocessen: WerkprocesItem[] = [];
    const owner = new Map<string, { k: KwalificatieInfo; w: WerkprocesItem }>();
    const seen = new Set<string>();
    for (const k of targets) {
      for (const w of k.werkprocessen) {
        const key = `${k.k.dossierCrebo}|${w.code}|${w.title}`;
        if (seen.has(key)) continue;
        seen.add(key);
        werkprocessen.push(w);
        owner.set(w.id, { k, w });
      }
    }
    const eindtermen = units.flatMap((u) => u.eindtermen);
    const links = this.aligner.align(eindtermen, werkprocessen, { perEindterm: opts.perEindterm });
    const perEindterm = new Map<string, typeof links>();
    for (const l of links) {
      const list = perEindterm.get(l.eindtermId) ?? [];
      list.push(l);
      perEindterm.set(l.eindtermId, list);
    }
    return {
      kwalificaties: targets.map((k) => ({ crebo: k.k.crebo, title: k.k.naam, niveau: k.k.niveau, dossierCrebo: k.k.dossierCrebo })),
      eindtermen: eindtermen.map((e) => ({
        code: e.code!,
        title: e.text,
        links: (perEindterm.get(e.id) ?? []).map((l) => {
          const { k, w } = owner.get(l.werkprocesId)!;
          return { kwalificatieCrebo: k.k.crebo, werkproces: { code: w.code, title: w.title, kerntaak: w.kerntaak }, score: l.score, confidence: l.confidence, sharedTerms: l.sharedTerms };
        }),
      })),
    };
  }
}

export { CONFIDENCE_ORDER };
