/**
 * Zoekmonitor use cases (issue 5): the match index is built once per catalogue snapshot (lazily, at the first match
 * request after a (re)build of the snapshot; `warmMatchIndex` builds it ahead), then every query is answered in memory.
 * The index and the answers kept on it are the read model read-models/match-index.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { matchAnswersOf as answersOf, matchIndexOf, MAX_CANONICAL_ANSWERS as MAX_CANONICAL, MAX_JSON_ANSWERS as MAX_JSON, rememberAnswer as remember } from '../../read-models/match-index.js';
import type { MatchIndex, VmboUnit, VmboUnitKind } from '../../../domain/matching/match.js';
import type { EvidenceSet } from '../../../domain/matching/evidence.js';
import { paarLabel, paarSleutel, type PaarOordeel } from '../../../domain/matching/pair-evidence.js';
import { werkprocesId } from '../../../domain/inventory/ids.js';
import { evidenceFingerprint, evidenceVersion, readEvidence } from './stemmen.js';
import { freshReader } from '../../read-models/fresh-read.js';
import { MatchResponse, type AlignmentQuery, type AlignmentResponse, type MatchQuery, type MatchQueryEcho } from '../../../shared/match-api.js';

/**
 * A question is computed once for CANONICAL_LIMIT results (checked against MatchResponse); a smaller `limit` takes the
 * first results of each kind of that answer, which are the same as a direct computation with that limit (ranked
 * prefixes). The JSON text of each exact question is kept as well (read-models/match-index.ts).
 */
const CANONICAL_LIMIT = 30;

/** @deprecated moved to server/read-models/match-index (issue 11) */
export { matchIndexOf };

/**
 * Build the index of the current catalogue now (at start), so the first request does not wait for it. In the
 * background, a few items per turn of the event loop so requests are answered meanwhile, the engine then ranks every
 * keuzevak and profielmodule (the backward queries read those rankings), and the answers to the single questions a
 * school asks most are computed ahead: every keuzevak and profielmodule forward, every kwalificatie backward (without
 * `soort`). `done` resolves when all of that is complete.
 */
export async function warmMatchIndex(db: Kysely<DB>): Promise<{ index: MatchIndex; ms: number; done: Promise<void> }> {
  const started = performance.now();
  const index = matchIndexOf(await snapshotOf(db));
  const ms = performance.now() - started;
  const questions: MatchQuery[] = [
    ...index.unitCodes().map((u) => ({ [u.kind]: u.code, limit: CANONICAL_LIMIT }) as MatchQuery),
    ...index.kwalificatieCrebos().map((crebo) => ({ kwalificatie: crebo, limit: CANONICAL_LIMIT }) as MatchQuery),
  ];
  let next = 0;
  const done = new Promise<void>((resolve) => {
    const step = () => {
      if (index.rankSome(8)) {
        for (const end = next + 8; next < end && next < questions.length; next += 1) {
          try {
            canonicalAnswer(index, questions[next]!);
          } catch {
            // Work ahead only: a question that fails here is answered (with its error) when someone asks it.
          }
        }
        if (next >= questions.length) return resolve();
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
  return { index, ms, done };
}

export const MATCH_NOTE =
  'Dit zijn suggesties van de zoekmonitor, berekend uit de teksten van de catalogus. Ze gelden pas als een docent ze heeft bevestigd.';

const KIND_LABEL: Record<VmboUnitKind, string> = { keuzevak: 'keuzevak', profielmodule: 'profielmodule' };

function unitOrThrow(index: MatchIndex, kind: VmboUnitKind, code: string): VmboUnit {
  const unit = index.unit(kind, code);
  if (!unit) throw notFound(`Er is geen ${KIND_LABEL[kind]} met code ${code.trim().toUpperCase()} in de catalogus.`);
  return unit;
}

function vmboUnits(index: MatchIndex, q: { keuzevak?: string; profielmodule?: string; keuzevakken?: string[] }): { kind: MatchQueryEcho['kind']; units: VmboUnit[] } | null {
  if (q.keuzevak !== undefined) return { kind: 'keuzevak', units: [unitOrThrow(index, 'keuzevak', q.keuzevak)] };
  if (q.profielmodule !== undefined) return { kind: 'profielmodule', units: [unitOrThrow(index, 'profielmodule', q.profielmodule)] };
  if (q.keuzevakken !== undefined) return { kind: 'keuzevakken', units: q.keuzevakken.map((c) => unitOrThrow(index, 'keuzevak', c)) };
  return null;
}

/** What teachers said (issue 17) and its fingerprint, part of every cache key: new evidence is a new question. */
interface Said {
  evidence: EvidenceSet;
  fingerprint: string;
  /** Per pair eindterm ↔ werkproces what the samenwerkingen said (`paarSleutel`), read with the evidence. */
  pairs: Map<string, PaarOordeel>;
}
const NOTHING_SAID: Said = { evidence: new Map(), fingerprint: '', pairs: new Map() };

/** The answer computed for at least `query.limit` results (CANONICAL_LIMIT when that is enough), kept. */
function canonicalAnswer(index: MatchIndex, query: MatchQuery, said: Said = NOTHING_SAID): MatchResponse {
  const { limit, ...rest } = query;
  // A larger limit is kept as its own question (answerFor then returns it whole).
  const key = limit > CANONICAL_LIMIT ? `${said.fingerprint}|${JSON.stringify(query)}` : `${said.fingerprint}|${JSON.stringify(rest)}`;
  const cache = answersOf(index).canonical;
  let known = cache.get(key);
  if (!known) {
    known = MatchResponse.parse(answer(index, { ...query, limit: Math.max(limit, CANONICAL_LIMIT) }, said));
    remember(cache, key, known, MAX_CANONICAL);
  }
  return known;
}

function answerFor(index: MatchIndex, query: MatchQuery, said: Said = NOTHING_SAID): MatchResponse {
  const full = canonicalAnswer(index, query, said);
  if (full.query.limit === query.limit) return full;
  // `limit` counts dossiers and keuzedelen each (both ranked prefixes; backwards one list of vmbo units), so each is cut on its own.
  const seen = new Map<string, number>();
  const results = full.results.filter((r) => {
    const kind = r.type === 'profielmodule' ? 'keuzevak' : r.type;
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    return n <= query.limit;
  });
  return { ...full, query: { ...full.query, limit: query.limit }, results };
}

/** The answer to a match query (the CLI prints it; the API sends `matchCatalogJson`, the same answer serialised). */
export async function matchCatalog(opts: { db: Kysely<DB>; query: MatchQuery }): Promise<MatchResponse> {
  const snapshot = await snapshotOf(opts.db);
  const index = matchIndexOf(snapshot);
  const evidence = await said(opts.db, snapshot);
  return withElders(index, evidence, answerFor(index, opts.query, evidence)).response;
}

/**
 * Issue 17 at pair level: per pair eindterm ↔ werkproces of the explanations what the samenwerkingen said about it
 * (`elders`, counts and a label; none is left out on this public page), from the pair judgments read with the evidence
 * (`said`), so no further query. `key` is the evidence shown, for the JSON cache: a new review changes it, so an answer
 * is never served with old counts. The kept answer is not changed.
 */
function withElders(index: MatchIndex, said: Said, response: MatchResponse): { response: MatchResponse; key: string } {
  const wanted: Array<{ r: number; p: number; eindtermId: string; werkprocesId: string }> = [];
  const backwardCrebo = response.query.kind === 'kwalificatie' ? response.query.codes[0] : undefined;
  response.results.forEach((result, r) => {
    const crebo = result.type === 'kwalificatie' ? result.crebo : backwardCrebo;
    const dossier = crebo && index.kwalificatie(crebo)?.dossierCrebo;
    if (!crebo || !dossier) return;
    result.explanation.pairs.forEach((pair, p) => {
      const ref = pair.eindterm.code ? index.eindtermRef(pair.eindterm.code) : undefined;
      const b = ref && said.evidence.get(ref.unitKey)?.get(dossier);
      if (!ref || !b || b.bevestigd + b.afgewezen === 0) return;
      wanted.push({ r, p, eindtermId: ref.id, werkprocesId: werkprocesId(crebo, pair.werkproces.code) });
    });
  });
  if (wanted.length === 0) return { response, key: '' };
  const oordelen = said.pairs;
  const elders = new Map<string, NonNullable<MatchResponse['results'][number]['explanation']['pairs'][number]['elders']>>();
  for (const w of wanted) {
    const o = oordelen.get(paarSleutel(w.eindtermId, w.werkprocesId));
    const label = paarLabel(o);
    if (o && label) elders.set(`${w.r}|${w.p}`, { bevestigd: o.bevestigd, afgewezen: o.afgewezen, label });
  }
  if (elders.size === 0) return { response, key: '' };
  const results = response.results.map((result, r) => {
    if (!result.explanation.pairs.some((_, p) => elders.has(`${r}|${p}`))) return result;
    const pairs = result.explanation.pairs.map((pair, p) => {
      const e = elders.get(`${r}|${p}`);
      return e ? { ...pair, elders: e } : pair;
    });
    return { ...result, explanation: { ...result.explanation, pairs } };
  });
  const key = [...elders.entries()].map(([at, e]) => `${at}:${e.bevestigd},${e.afgewezen}`).join(';');
  return { response: { ...response, results }, key };
}

type Snapshot = Awaited<ReturnType<typeof snapshotOf>>;
/** Per database handle, the shared fresh read of the evidence (for the catalogue version it was made for). */
const evidenceReaders = new WeakMap<Kysely<DB>, { snapshot: Snapshot; read: () => Promise<Said> }>();

/**
 * The evidence as the database has it now, so that a vote or review is seen by the next question on every instance.
 * Each question reads the evidence's version (one primary-key read, migration 0032); the evidence itself is read
 * again only when the version changed. Requests at the same moment share one check (`freshReader`), never one that
 * began before they arrived. The version is read before the evidence, so evidence kept under version v is at least
 * as new as v.
 */
async function said(db: Kysely<DB>, snapshot: Snapshot): Promise<Said> {
  let reader = evidenceReaders.get(db);
  if (!reader || reader.snapshot !== snapshot) {
    let held: { version: string; said: Said } | null = null;
    reader = {
      snapshot,
      read: freshReader(async () => {
        const version = await evidenceVersion(db);
        if (held?.version === version) return held.said;
        const { evidence, pairs } = await readEvidence(db, snapshot);
        // A new evidence set per version: the match index builds its learned transfer once per set (MatchIndex.learn).
        held = { version, said: { evidence, fingerprint: evidenceFingerprint(evidence), pairs } };
        return held.said;
      }),
    };
    evidenceReaders.set(db, reader);
  }
  return reader.read();
}

/** The answer as JSON text, serialised once per catalogue version and question. */
export async function matchCatalogJson(opts: { db: Kysely<DB>; query: MatchQuery }): Promise<string> {
  const snapshot = await snapshotOf(opts.db);
  const index = matchIndexOf(snapshot);
  const evidence = await said(opts.db, snapshot);
  // The answer itself is kept (canonicalAnswer); what samenwerkingen said about its pairs is read now, part of the key.
  const shown = withElders(index, evidence, answerFor(index, opts.query, evidence));
  const key = `${evidence.fingerprint}|${shown.key}|${JSON.stringify(opts.query)}`;
  const cache = answersOf(index).json;
  let json = cache.get(key);
  if (json === undefined) {
    json = JSON.stringify(shown.response);
    remember(cache, key, json, MAX_JSON);
  }
  return json;
}

function answer(index: MatchIndex, query: MatchQuery, said: Said): MatchResponse {
  const evidence = said.evidence.size > 0 ? said.evidence : undefined;
  const echo = (kind: MatchQueryEcho['kind'], codes: string[], title: string): MatchQueryEcho => ({ kind, codes, title, soort: query.soort ?? null, limit: query.limit });
  const respond = (q: MatchQueryEcho, results: MatchResponse['results']): MatchResponse => ({ query: q, status: 'suggestie', note: MATCH_NOTE, results });

  const vmbo = vmboUnits(index, query);
  if (vmbo) {
    const results = index.matchForward({ units: vmbo.units }, { soort: query.soort as 'kwalificatie' | 'keuzedeel' | undefined, limit: query.limit, evidence });
    return respond(echo(vmbo.kind, vmbo.units.map((u) => u.code), vmbo.units.map((u) => u.title).join(' / ')), results);
  }
  if (query.tekst !== undefined) {
    const results = index.matchForward({ tekst: query.tekst }, { soort: query.soort as 'kwalificatie' | 'keuzedeel' | undefined, limit: query.limit, evidence });
    return respond(echo('tekst', [], query.tekst), results);
  }
  const soort = query.soort as VmboUnitKind | undefined;
  if (query.kwalificatie !== undefined) {
    const k = index.kwalificatie(query.kwalificatie);
    if (!k) throw notFound(`Er is geen geldige kwalificatie met crebo ${query.kwalificatie} in de catalogus.`);
    return respond(echo('kwalificatie', [k.crebo], k.title), index.matchReverse({ kwalificatie: k.crebo }, { soort, limit: query.limit }));
  }
  const kd = index.keuzedeel(query.keuzedeel!);
  if (!kd) throw notFound(`Er is geen geldig keuzedeel met code ${query.keuzedeel!.toUpperCase()} in de catalogus.`);
  return respond(echo('keuzedeel', [kd.code], kd.title), index.matchReverse({ keuzedeel: kd.code }, { soort, limit: query.limit }));
}

export async function alignCatalog(opts: { db: Kysely<DB>; query: AlignmentQuery }): Promise<AlignmentResponse> {
  const { query } = opts;
  const index = matchIndexOf(await snapshotOf(opts.db));
  const vmbo = vmboUnits(index, query)!;
  if (query.kwalificatie !== undefined && !index.kwalificatie(query.kwalificatie)) {
    throw notFound(`Er is geen geldige kwalificatie met crebo ${query.kwalificatie} in de catalogus.`);
  }
  const result = index.alignment(vmbo.units, { kwalificatie: query.kwalificatie, perEindterm: query.perEindterm });
  return {
    query: { kind: vmbo.kind, codes: vmbo.units.map((u) => u.code), title: vmbo.units.map((u) => u.title).join(' / ') },
    status: 'suggestie',
    ...result,
  };
}
