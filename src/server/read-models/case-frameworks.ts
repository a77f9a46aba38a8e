/**
 * Read model: the national catalogue as CASE 1.1 frameworks (issue 18), built from the in-memory catalogue snapshot
 * and cached per snapshot (a new import gives a new snapshot, hence new frameworks):
 * - vmbo: one CFDocument per beroepsgericht profiel (SLO): its profielmodulen and keuzevakken, their deeltaken and
 *   eindtermen (with the leerwegen as educationLevel); vervallen items only when SLO names a successor (`replacedBy`);
 * - mbo: one CFDocument per kwalificatiedossier (SBB): its kwalificaties, their kerntaken and werkprocessen; a
 *   vervallen kwalificatie with a newer crebo in the same lineage gets `replacedBy`;
 * - mbo: one CFDocument with all keuzedelen (SBB).
 * Keys (and so identifiers) are the inventory's: see domain/crosswalk/case-framework.ts.
 */
import type { Kysely } from 'kysely';
import { buildFrameworkPackage, documentIdentifier, indexFrameworks, itemIdentifier, type CaseIndex, type FrameworkNode } from '../../domain/crosswalk/case-framework.js';
import type { CfPackage } from '../../domain/crosswalk/case-package.js';
import type { EndResolver } from '../../domain/crosswalk/case-import.js';
import { keuzedeelItemId, werkprocesId } from '../../domain/inventory/ids.js';
import { profielNaam } from '../../domain/vmbo/profiel-names.js';
import type { CaseSoort } from '../../shared/case-api.js';
import type { DB } from '../db/schema.js';
import { SLO_SOURCE } from '../repositories/vmbo-catalog-repository.js';
import { snapshotOf, type CatalogSnapshot, type VmboItemRow } from './catalogue-snapshot.js';

export interface CaseFrameworks {
  index: CaseIndex;
  /** Document identifier of a profiel (by code) and of a kwalificatiedossier (by crebo); the keuzedelen document. */
  profielDocument: Map<string, string>;
  dossierDocument: Map<string, string>;
  keuzedelenDocument: string | null;
  /** The items a crosswalk link can join, by CASE identifier: the inventory id and side (eindtermen, werkprocessen, keuzedelen). */
  ends: Map<string, { id: string; side: 'vmbo' | 'mbo' }>;
  /** Identifiers of those items by official code (humanCodingScheme); more than one: ambiguous. */
  byCode: Map<string, string[]>;
  builtInMs: number;
}

const cache = new WeakMap<CatalogSnapshot, CaseFrameworks>();
const EPOCH = new Date(0).toISOString();

export async function caseFrameworksOf(db: Kysely<DB>): Promise<CaseFrameworks> {
  return caseFrameworksFor(await snapshotOf(db));
}

export function caseFrameworksFor(snapshot: CatalogSnapshot): CaseFrameworks {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const built = build(snapshot);
  cache.set(snapshot, built);
  return built;
}

const parentKindKey = (r: VmboItemRow) => (r.status === 'actief' ? `${r.kind}:${r.code}` : `${r.kind}-vervallen:${r.id}`);

function keyOf(r: VmboItemRow): string {
  if (r.kind === 'keuzevak' || r.kind === 'profielmodule') return parentKindKey(r);
  if (r.kind === 'deeltaak') return `deeltaak:${r.id}`;
  return r.id;
}

function build(snapshot: CatalogSnapshot): CaseFrameworks {
  const started = performance.now();
  const releaseDate = (id: number | null | undefined) => (id != null ? snapshot.releases.get(id)?.imported_at.toISOString() : undefined) ?? EPOCH;
  const packages: CfPackage[] = [];
  const keyByIdentifier = new Map<string, string>();
  const remember = (nodes: FrameworkNode[]) => {
    for (const n of nodes) if (n.type === 'Werkproces' || n.type === 'Keuzedeel') keyByIdentifier.set(itemIdentifier(n.key), n.key);
  };
  const profielDocument = new Map<string, string>();
  const dossierDocument = new Map<string, string>();

  // vmbo: per profiel.
  const slo = snapshot.latest.get(SLO_SOURCE);
  const profielen = snapshot.items.filter((r) => r.kind === 'profiel' && r.status === 'actief' && r.duplicate_of === null);
  for (const profiel of profielen) {
    const nodes: FrameworkNode[] = [];
    // Active items, and vervallen ones whose successor SLO names (for replacedBy); never the second record of a duplicate.
    const wanted = (r: VmboItemRow) => r.duplicate_of === null && (r.status === 'actief' || r.replaced_by !== null);
    const walk = (r: VmboItemRow, parentKey: string | null) => {
      const key = keyOf(r);
      const successor = r.status !== 'actief' && r.replaced_by ? snapshot.byId.get(r.replaced_by) : undefined;
      nodes.push({
        key,
        code: r.code || null,
        statement: r.title,
        type: r.kind.charAt(0).toUpperCase() + r.kind.slice(1),
        parentKey,
        lastChangeDateTime: releaseDate(r.changed_release_id),
        ...(r.leerwegen.length ? { educationLevel: r.leerwegen } : {}),
        vervallen: r.status !== 'actief',
        replacedByKey: successor ? keyOf(successor) : null,
      });
      for (const c of snapshot.children.get(r.id) ?? []) if (wanted(c)) walk(c, key);
    };
    for (const c of snapshot.children.get(profiel.id) ?? []) {
      if ((c.kind === 'profielmodule' || c.kind === 'keuzevak') && wanted(c)) walk(c, null);
    }
    const naam = profielNaam(profiel.code, profiel.title);
    const pkg = buildFrameworkPackage({
      key: `vmbo:profiel:${profiel.code}`,
      title: `Examenprogramma beroepsgericht profiel ${naam} (${profiel.code}, vmbo)`,
      creator: 'Doorlopend',
      publisher: 'SLO',
      description: `Het examenprogramma van het beroepsgerichte profiel ${naam} (${profiel.code}): profielmodulen en keuzevakken met deeltaken en eindtermen; bij elke eindterm de leerwegen (educationLevel).`,
      version: slo?.release ?? 'onbekend',
      officialSourceURL: 'https://opendata.slo.nl/',
      notes: `Bron: SLO, examenprogramma beroepsgericht, release ${slo?.release ?? 'onbekend'}${slo?.is_demo ? ' (demo-catalogus)' : ''}, ingelezen ${slo?.imported_at.toISOString() ?? 'onbekend'}. Profielcode ${profiel.code}.`,
      subject: ['vmbo', 'beroepsgericht', naam],
      frameworkType: 'Examenprogramma',
      lastChangeDateTime: slo?.imported_at.toISOString() ?? EPOCH,
      nodes,
    });
    packages.push(pkg);
    profielDocument.set(profiel.code, pkg.CFDocument.identifier);
  }

  // mbo: per kwalificatiedossier.
  const mbo = snapshot.mbo;
  const mboReleases = [...snapshot.latest.values()].filter((r) => r.source !== SLO_SOURCE);
  const mboDate = mboReleases.map((r) => r.imported_at.toISOString()).sort().at(-1) ?? EPOCH;
  const mboVersion = mboReleases.map((r) => `${r.source} ${r.release}`).join('; ') || 'onbekend';
  const mboNotes = `Bron: SBB (${mboVersion})${mboReleases.some((r) => r.is_demo) ? ', demo-catalogus' : ''}.`;
  for (const dossier of [...mbo.dossiers.values()].sort((a, b) => a.crebo.localeCompare(b.crebo))) {
    const nodes: FrameworkNode[] = [];
    for (const k of mbo.kwalificatiesIn(dossier.crebo)) {
      const kKey = `kwalificatie:${k.crebo}`;
      const successor = k.status === 'vervallen' ? mbo.versiesOf(k).find((v) => v.status === 'actief' && v.crebo !== k.crebo) : undefined;
      nodes.push({
        key: kKey,
        code: k.crebo,
        statement: `${k.naam} (niveau ${k.niveau})`,
        type: 'Kwalificatie',
        parentKey: null,
        lastChangeDateTime: releaseDate(k.rows[0]?.last_release_id),
        educationLevel: [`mbo-${k.niveau}`],
        vervallen: k.status === 'vervallen',
        replacedByKey: successor ? `kwalificatie:${successor.crebo}` : null,
      });
      for (const kt of mbo.kerntakenOf(k).kerntaken) {
        const ktKey = `kerntaak:${k.crebo}:${kt.code}`;
        nodes.push({ key: ktKey, code: kt.code, statement: kt.titel ?? kt.code, type: 'Kerntaak', parentKey: kKey, lastChangeDateTime: releaseDate(kt.row.last_release_id) });
        for (const w of kt.werkprocessen) {
          nodes.push({ key: werkprocesId(k.crebo, w.code), code: w.code, statement: w.titel, type: 'Werkproces', parentKey: ktKey, lastChangeDateTime: releaseDate(w.row.last_release_id) });
        }
      }
    }
    const pkg = buildFrameworkPackage({
      key: `mbo:dossier:${dossier.crebo}`,
      title: `Kwalificatiedossier ${dossier.titel} (crebo ${dossier.crebo})`,
      creator: 'Doorlopend',
      publisher: 'SBB',
      description: `Het kwalificatiedossier ${dossier.titel} (${dossier.crebo}): kwalificaties met kerntaken en werkprocessen.${dossier.status === 'vervallen' ? ' Dit dossier is vervallen.' : ''}`,
      version: mboVersion,
      officialSourceURL: 'https://www.s-bb.nl/',
      notes: `${mboNotes} Dossiercrebo ${dossier.crebo}${dossier.geldigheid.geldigVanaf ? `, geldig vanaf ${dossier.geldigheid.geldigVanaf}` : ''}.`,
      subject: ['mbo', ...(dossier.opleidingsdomein ? [dossier.opleidingsdomein] : [])],
      frameworkType: 'Kwalificatiedossier',
      lastChangeDateTime: mboDate,
      nodes,
    });
    remember(nodes);
    packages.push(pkg);
    dossierDocument.set(dossier.crebo, pkg.CFDocument.identifier);
  }

  // mbo: the keuzedelen.
  let keuzedelenDocument: string | null = null;
  if (mbo.keuzedelen.size > 0) {
    const nodes: FrameworkNode[] = [...mbo.keuzedelen.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((kd) => ({
        key: keuzedeelItemId(kd.code),
        code: kd.code,
        statement: kd.titel,
        type: 'Keuzedeel',
        parentKey: null,
        lastChangeDateTime: releaseDate(kd.rows[0]?.last_release_id),
        ...(kd.niveau ? { educationLevel: [`mbo-${kd.niveau}`] } : {}),
        ...(kd.sbu ? { notes: `${kd.sbu} sbu` } : {}),
        vervallen: kd.status === 'vervallen',
      }));
    const pkg = buildFrameworkPackage({
      key: 'mbo:keuzedelen',
      title: 'Keuzedelen mbo',
      creator: 'Doorlopend',
      publisher: 'SBB',
      description: 'Alle keuzedelen van het mbo, elk als één item (code, titel, niveau en omvang).',
      version: mboVersion,
      officialSourceURL: 'https://www.s-bb.nl/',
      notes: mboNotes,
      subject: ['mbo', 'keuzedelen'],
      frameworkType: 'Keuzedelen',
      lastChangeDateTime: mboDate,
      nodes,
    });
    remember(nodes);
    packages.push(pkg);
    keuzedelenDocument = pkg.CFDocument.identifier;
  }

  const ends = new Map<string, { id: string; side: 'vmbo' | 'mbo' }>();
  const byCode = new Map<string, string[]>();
  const addEnd = (key: string, side: 'vmbo' | 'mbo', code: string | null) => {
    const identifier = itemIdentifier(key);
    if (ends.has(identifier)) return;
    ends.set(identifier, { id: key, side });
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), identifier]);
  };
  for (const r of snapshot.items) if (r.kind === 'eindterm' && r.status === 'actief' && r.duplicate_of === null) addEnd(r.id, 'vmbo', r.code);
  for (const p of packages) {
    for (const i of p.CFItems) {
      if (i.CFItemType !== 'Werkproces' && i.CFItemType !== 'Keuzedeel') continue;
      if (i.notes?.startsWith('Vervallen')) continue;
      const key = keyByIdentifier.get(i.identifier);
      if (key) addEnd(key, 'mbo', i.humanCodingScheme ?? null);
    }
  }
  return { index: indexFrameworks(packages), profielDocument, dossierDocument, keuzedelenDocument, ends, byCode, builtInMs: performance.now() - started };
}

/** Where "Als CASE" on a catalogue page leads: the package of a profiel or dossier, the item of anything else. */
export function caseTargetOf(f: CaseFrameworks, soort: CaseSoort, code: string): { kind: 'CFPackages' | 'CFItems'; id: string } | null {
  if (soort === 'profiel') return f.profielDocument.has(code) ? { kind: 'CFPackages', id: f.profielDocument.get(code)! } : null;
  if (soort === 'dossier') return f.dossierDocument.has(code) ? { kind: 'CFPackages', id: f.dossierDocument.get(code)! } : null;
  const key = soort === 'keuzedeel' ? keuzedeelItemId(code) : `${soort}:${code}`;
  const id = itemIdentifier(key);
  return f.index.items.has(id) ? { kind: 'CFItems', id } : null;
}

/** Resolves an end of an imported association: by identifier, else by an official code that only one item has. */
export function endResolverOf(f: CaseFrameworks): EndResolver {
  return (identifier, code) => {
    const hit = f.ends.get(identifier);
    if (hit) return hit;
    if (code) {
      const ids = f.byCode.get(code) ?? [];
      if (ids.length === 1) return f.ends.get(ids[0]!)!;
      if (ids.length > 1) return { reden: `de code ${code} is niet eenduidig (${ids.length} items in de catalogus), de identifier is onbekend` };
    }
    return { reden: f.index.items.has(identifier) ? 'dit item is geen eindterm, werkproces of keuzedeel' : 'onbekend in de catalogus (identifier en code)' };
  };
}

export { documentIdentifier };
