/**
 * The crosswalk of a samenwerking as a 1EdTech CASE 1.1 package (CFPackage), for other CASE tools. Pure.
 *
 * A CFPackage holds exactly one CFDocument: ours is the crosswalk document. Both frameworks are in it as CFItems
 * (a root item per side: the chosen vmbo keuzevakken/profielmodulen with their deeltaken and eindtermen, and the
 * chosen mbo kwalificatie(s) with kerntaken and werkprocessen, or keuzedelen), their structure as `isChildOf`
 * associations, and every confirmed or hand-added link as an association from the eindterm (origin) to the
 * werkproces (destination): gelijk → `exactMatchOf`; deels, breder, smaller, verwant and untyped → `isRelatedTo`
 * with the Doorlopend type in `notes` (CASE has no broader/narrower match).
 *
 * Identifiers are UUIDs (version 5, SHA-1 over a fixed namespace and our stable ids), so an export of the same
 * crosswalk gives the same identifiers every time; URIs are `urn:uuid:<identifier>`.
 *
 * The shape follows the CASE 1.1 JSON binding of a CFPackage (issue 18): `caseVersion` "1.1", `lastChangeDateTime`
 * on every object, and no `CFDocumentURI`/`CFPackageURI` inside a package (the binding does not allow them there);
 * a test validates every export against ../shared/standards/case-v1p1-package.schema.json.
 */
import { createHash } from 'node:crypto';
import type { RelatieType } from './crosswalk.js';

export const CASE_ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const;
export type CaseAssociationType = (typeof CASE_ASSOCIATION_TYPES)[number];

/** Namespace of Doorlopend's version-5 UUIDs (itself a fixed random UUID). */
export const DOORLOPEND_NAMESPACE = '6d3f0c2a-8a5e-4f0b-9c61-2f4b7d1e9a30';

/** RFC 9562 version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace = DOORLOPEND_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface LinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CfDocument {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  caseVersion: '1.1';
  frameworkType?: string;
  description?: string;
  language?: string;
  version?: string;
  adoptionStatus?: string;
  notes?: string;
  publisher?: string;
  subject?: string[];
  officialSourceURL?: string;
}
/** An item as the package binding has it: no CFDocumentURI (the package is the document's), lastChangeDateTime. */
export interface CfItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  lastChangeDateTime: string;
  humanCodingScheme?: string;
  abbreviatedStatement?: string;
  CFItemType?: string;
  notes?: string;
  language?: string;
  educationLevel?: string[];
}
export interface CfAssociation {
  identifier: string;
  uri: string;
  associationType: CaseAssociationType;
  lastChangeDateTime: string;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  notes?: string;
  sequenceNumber?: number;
}
export interface CfPackage {
  CFDocument: CfDocument;
  CFItems: CfItem[];
  CFAssociations: CfAssociation[];
}

/** A node of one framework: a root, a group (keuzevak, deeltaak, kwalificatie, kerntaak) or an item (eindterm, werkproces). */
export interface CaseNode {
  /** Our stable id (e.g. an SLO id, `25282:B1-K1-W1`, `keuzevak:K/PIE/16`). */
  key: string;
  code: string | null;
  statement: string;
  type: string;
  /** Key of the parent node; null for a framework root. */
  parentKey: string | null;
}

export interface CaseLink {
  eindtermKey: string;
  werkprocesKey: string;
  relatie: RelatieType | null;
  toelichting: string | null;
  herkomst: 'voorgesteld' | 'handmatig';
  /** ISO date-time of the review. */
  op: string;
}

export interface CaseExportInput {
  /** Stable key of the crosswalk (e.g. `samenwerking:<uuid>` plus the selection). */
  key: string;
  title: string;
  creator: string;
  description: string;
  /** ISO date-time that stands for the catalogue content (the newest import of either side). */
  catalogusDatum: string;
  nodes: readonly CaseNode[];
  links: readonly CaseLink[];
}

export function caseAssociationType(relatie: RelatieType | null): CaseAssociationType {
  return relatie === 'gelijk' ? 'exactMatchOf' : 'isRelatedTo';
}

const iso = (d: string) => new Date(d).toISOString();

export function buildCasePackage(input: CaseExportInput): CfPackage {
  const linkOf = (identifier: string, title: string): LinkUri => ({ title, identifier, uri: `urn:uuid:${identifier}` });
  const docId = uuidV5(`document|${input.key}`);
  const catalogusDatum = iso(input.catalogusDatum);
  const newest = [catalogusDatum, ...input.links.map((l) => iso(l.op))].sort().at(-1)!;
  const docLink = linkOf(docId, input.title);
  const nodeId = (key: string) => uuidV5(`item|${key}`);
  const byKey = new Map(input.nodes.map((n) => [n.key, n]));
  const nodeLink = (n: CaseNode) => linkOf(nodeId(n.key), n.statement);

  const items: CfItem[] = input.nodes.map((n) => ({
    identifier: nodeId(n.key),
    uri: `urn:uuid:${nodeId(n.key)}`,
    fullStatement: n.statement,
    ...(n.code ? { humanCodingScheme: n.code } : {}),
    CFItemType: n.type,
    language: 'nl',
    lastChangeDateTime: catalogusDatum,
  }));
  const associations: CfAssociation[] = [];
  const sequence = new Map<string, number>();
  for (const n of input.nodes) {
    // The roots are children of the document itself.
    const parent = n.parentKey ? byKey.get(n.parentKey) : undefined;
    if (n.parentKey && !parent) throw new Error(`CASE export: unknown parent ${n.parentKey} of ${n.key}`);
    const seq = (sequence.get(n.parentKey ?? '') ?? 0) + 1;
    sequence.set(n.parentKey ?? '', seq);
    const id = uuidV5(`isChildOf|${n.key}|${n.parentKey ?? 'document'}`);
    associations.push({
      identifier: id,
      uri: `urn:uuid:${id}`,
      associationType: 'isChildOf',
      lastChangeDateTime: catalogusDatum,
      originNodeURI: nodeLink(n),
      destinationNodeURI: parent ? nodeLink(parent) : docLink,
      sequenceNumber: seq,
    });
  }
  for (const l of input.links) {
    const origin = byKey.get(l.eindtermKey);
    const destination = byKey.get(l.werkprocesKey);
    if (!origin || !destination) continue;
    const type = caseAssociationType(l.relatie);
    const id = uuidV5(`link|${input.key}|${l.eindtermKey}|${l.werkprocesKey}`);
    const notes = [
      `Doorlopend-relatie: ${l.relatie ?? 'niet getypeerd'}`,
      l.herkomst === 'handmatig' ? 'handmatig toegevoegd' : 'voorgesteld en bevestigd',
      ...(l.toelichting ? [`Toelichting: ${l.toelichting}`] : []),
    ].join('. ');
    associations.push({
      identifier: id,
      uri: `urn:uuid:${id}`,
      associationType: type,
      lastChangeDateTime: iso(l.op),
      originNodeURI: nodeLink(origin),
      destinationNodeURI: nodeLink(destination),
      notes,
    });
  }
  return {
    CFDocument: {
      identifier: docId,
      uri: `urn:uuid:${docId}`,
      creator: input.creator,
      title: input.title,
      description: input.description,
      language: 'nl',
      adoptionStatus: 'Draft',
      caseVersion: '1.1',
      frameworkType: 'crosswalk',
      lastChangeDateTime: newest,
    },
    CFItems: items,
    CFAssociations: associations,
  };
}
