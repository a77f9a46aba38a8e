/**
 * Crosswalks that travel (issue 18): reading a CASE 1.1 package of associations (ours or another platform's) into
 * proposals for a samenwerking, and comparing proposals with what the samenwerking already has. Pure.
 *
 * - Only link associations count: exactMatchOf → gelijk; isRelatedTo with our note "Doorlopend-relatie: <type>" →
 *   that type (untyped: none); isRelatedTo without it, isPeerOf and isPartOf → untyped, the CASE type named in the
 *   toelichting. Structure (isChildOf, replacedBy, precedes, …) is not a link and is skipped.
 * - Each end is resolved by the caller: by identifier (our v5 UUIDs), else by humanCodingScheme when exactly one
 *   item of the catalogue has that code. One end vmbo (eindterm) and one end mbo (werkproces or keuzedeel), in
 *   either direction; anything else is listed with its reason, never guessed.
 * - The comparison says per pair: new, changed (type or toelichting differ from the confirmed or rejected link, or
 *   from an open proposal), unchanged (skipped); with a full list (an XLSX of the whole crosswalk) also removed.
 */
import { RELATIE_TYPES, type RelatieType } from './crosswalk.js';

export interface ImportedLink {
  eindtermId: string;
  werkprocesId: string;
  relatie: RelatieType | null;
  toelichting: string | null;
  /** Where it came from: the association identifier, or `rij N` of a spreadsheet. */
  bron: string;
}

export interface ImportProblem {
  /** The association identifier or `rij N`. */
  bron: string;
  reden: string;
}

export type ResolvedEnd = { id: string; side: 'vmbo' | 'mbo' } | { reden: string };
/** Resolves one end of an association: its identifier and, from the package's CFItems, its humanCodingScheme. */
export type EndResolver = (identifier: string, code: string | null) => ResolvedEnd;

const STRUCTURE = new Set(['isChildOf', 'replacedBy', 'precedes', 'hasSkillLevel', 'isTranslationOf', 'exemplar']);
const LINKS = new Set(['exactMatchOf', 'isRelatedTo', 'isPeerOf', 'isPartOf']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Our own notes: "Doorlopend-relatie: deels. voorgesteld en bevestigd. Toelichting: …". */
export function relatieFromNotes(type: string, notes: string | null): { relatie: RelatieType | null; toelichting: string | null } {
  const ours = notes ? /Doorlopend-relatie: ([a-z ]+?)(?:\.|$)/.exec(notes) : null;
  const toelichtingMatch = notes ? /Toelichting: ([\s\S]*)$/.exec(notes) : null;
  const toelichting = toelichtingMatch ? toelichtingMatch[1]!.trim() || null : ours ? null : notes;
  if (type === 'exactMatchOf') return { relatie: 'gelijk', toelichting };
  if (ours) {
    const t = ours[1]!.trim();
    return { relatie: (RELATIE_TYPES as readonly string[]).includes(t) ? (t as RelatieType) : null, toelichting };
  }
  const named = type === 'isRelatedTo' ? null : `CASE-type ${type}`;
  return { relatie: null, toelichting: [named, toelichting].filter(Boolean).join('. ') || null };
}

export interface CaseImportReading {
  links: ImportedLink[];
  onbekend: ImportProblem[];
  /** Structural associations skipped (isChildOf and the like). */
  structuur: number;
}

/** Reads a package; throws a list of problems (path + message) when it is not a CASE package at all. */
export function readCaseAssociations(pkg: unknown, resolve: EndResolver): CaseImportReading | { fouten: Array<{ path: string; message: string }> } {
  if (!isObject(pkg)) return { fouten: [{ path: '', message: 'Dit is geen CASE-pakket (een JSON-object met CFDocument, CFItems en CFAssociations).' }] };
  const associations = pkg.CFAssociations;
  if (!Array.isArray(associations)) return { fouten: [{ path: 'CFAssociations', message: 'Het pakket heeft geen lijst CFAssociations.' }] };
  const codes = new Map<string, string>();
  if (Array.isArray(pkg.CFItems)) {
    for (const item of pkg.CFItems) {
      if (isObject(item) && str(item.identifier) && str(item.humanCodingScheme)) codes.set(str(item.identifier)!.toLowerCase(), str(item.humanCodingScheme)!);
    }
  }
  const fouten: Array<{ path: string; message: string }> = [];
  const links: ImportedLink[] = [];
  const onbekend: ImportProblem[] = [];
  let structuur = 0;
  const seen = new Set<string>();
  associations.forEach((a, i) => {
    const path = `CFAssociations[${i}]`;
    if (!isObject(a)) return void fouten.push({ path, message: 'geen object' });
    const type = str(a.associationType);
    const origin = isObject(a.originNodeURI) ? str(a.originNodeURI.identifier) : null;
    const destination = isObject(a.destinationNodeURI) ? str(a.destinationNodeURI.identifier) : null;
    const bron = str(a.identifier) ?? path;
    if (!type || !origin || !destination) return void fouten.push({ path, message: 'associationType, originNodeURI.identifier en destinationNodeURI.identifier zijn verplicht' });
    if (STRUCTURE.has(type)) return void structuur++;
    if (!LINKS.has(type)) return void onbekend.push({ bron, reden: `Onbekend associatietype ${type}.` });
    const ends = [origin, destination].map((id) => ({ id, code: codes.get(id.toLowerCase()) ?? null, r: resolve(id.toLowerCase(), codes.get(id.toLowerCase()) ?? null) }));
    const problems = ends.flatMap((e) => ('reden' in e.r ? [`${e.code ?? e.id}: ${e.r.reden}`] : []));
    if (problems.length > 0) return void onbekend.push({ bron, reden: problems.join(' ') });
    const [x, y] = ends.map((e) => e.r as { id: string; side: 'vmbo' | 'mbo' });
    if (x!.side === y!.side) return void onbekend.push({ bron, reden: `Beide kanten zijn ${x!.side}: een koppeling verbindt een eindterm (vmbo) met een werkproces of keuzedeel (mbo).` });
    const eindtermId = x!.side === 'vmbo' ? x!.id : y!.id;
    const werkprocesId = x!.side === 'mbo' ? x!.id : y!.id;
    const key = `${eindtermId}|${werkprocesId}`;
    if (seen.has(key)) return void onbekend.push({ bron, reden: 'Dit paar staat al eerder in het pakket.' });
    seen.add(key);
    links.push({ eindtermId, werkprocesId, ...relatieFromNotes(type, str(a.notes)), bron });
  });
  if (fouten.length > 0) return { fouten };
  return { links, onbekend, structuur };
}

export interface ExistingPair {
  eindtermId: string;
  werkprocesId: string;
  status: 'bevestigd' | 'afgewezen' | 'voorstel';
  relatie: RelatieType | null;
  toelichting: string | null;
}

export interface ImportDiff {
  nieuw: ImportedLink[];
  gewijzigd: Array<ImportedLink & { was: { status: ExistingPair['status']; relatie: RelatieType | null; toelichting: string | null } }>;
  ongewijzigd: ImportedLink[];
  /** Only with `volledig`: confirmed links of the samenwerking missing from the import. */
  verwijderd: ExistingPair[];
}

/**
 * Compares imported links with the samenwerking's pairs. `volledig`: the import is the whole crosswalk (an XLSX
 * export edited), so confirmed links missing from it are listed as removed; `scope` limits that to pairs whose
 * both items the file covers.
 */
export function diffImport(links: readonly ImportedLink[], existing: readonly ExistingPair[], opts: { volledig?: boolean; scope?: (p: ExistingPair) => boolean } = {}): ImportDiff {
  const byPair = new Map<string, ExistingPair>();
  // A confirmed or rejected link wins over an open proposal of the same pair.
  for (const e of existing) {
    const key = `${e.eindtermId}|${e.werkprocesId}`;
    const prev = byPair.get(key);
    if (!prev || prev.status === 'voorstel') byPair.set(key, e);
  }
  const diff: ImportDiff = { nieuw: [], gewijzigd: [], ongewijzigd: [], verwijderd: [] };
  const imported = new Set<string>();
  for (const l of links) {
    const key = `${l.eindtermId}|${l.werkprocesId}`;
    imported.add(key);
    const e = byPair.get(key);
    if (!e) diff.nieuw.push(l);
    else if (e.status === 'bevestigd' && e.relatie === l.relatie && (e.toelichting ?? null) === (l.toelichting ?? null)) diff.ongewijzigd.push(l);
    else if (e.status === 'voorstel' && e.relatie === l.relatie && (e.toelichting ?? null) === (l.toelichting ?? null)) diff.ongewijzigd.push(l);
    else diff.gewijzigd.push({ ...l, was: { status: e.status, relatie: e.relatie, toelichting: e.toelichting } });
  }
  if (opts.volledig) {
    for (const e of byPair.values()) {
      if (e.status === 'bevestigd' && !imported.has(`${e.eindtermId}|${e.werkprocesId}`) && (opts.scope?.(e) ?? true)) diff.verwijderd.push(e);
    }
  }
  return diff;
}
