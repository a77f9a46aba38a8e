/**
 * A framework of the national catalogue (a vmbo examenprogramma per profiel, an mbo kwalificatiedossier, the
 * keuzedelen) as a CASE 1.1 package, and the answers of the CASE REST binding built from such packages. Pure.
 *
 * Identifiers are the same version-5 UUIDs as the crosswalk export (case-package.ts): an item is `uuidV5('item|<key>')`
 * with the inventory's keys (`keuzevak:K/PIE/16`, `deeltaak:<slo id>`, the SLO id of an eindterm, `kwalificatie:25282`,
 * `kerntaak:25282:B1-K1`, `25282:B1-K1-W1`, `keuzedeel:K0072`), so the associations of any crosswalk export resolve
 * against these frameworks. Structure is `isChildOf` (child → parent; a root item → the document), a vervallen item
 * with a successor gets `replacedBy` (old → new).
 */
import { uuidV5, type CfAssociation, type CfDocument, type CfItem, type CfPackage, type LinkUri } from './case-package.js';

export interface FrameworkNode {
  /** The inventory/crosswalk key (see above). */
  key: string;
  code: string | null;
  statement: string;
  /** CFItemType: Profielmodule, Keuzevak, Deeltaak, Eindterm, Kwalificatie, Kerntaak, Werkproces, Keuzedeel, … */
  type: string;
  parentKey: string | null;
  lastChangeDateTime: string;
  abbreviatedStatement?: string;
  /** vmbo leerwegen of an eindterm (BB, KB, GL, TL), mbo niveau: CASE's educationLevel. */
  educationLevel?: string[];
  notes?: string;
  vervallen?: boolean;
  /** Key of the successor of a vervallen item (becomes a `replacedBy` association when it is in the same framework). */
  replacedByKey?: string | null;
}

export interface FrameworkInput {
  /** Stable key of the framework, e.g. `vmbo:profiel:PIE`, `mbo:dossier:23190`, `mbo:keuzedelen`. */
  key: string;
  title: string;
  creator: string;
  publisher: string;
  description: string;
  /** Release of the source (SLO release, SBB publication). */
  version: string;
  officialSourceURL?: string;
  notes: string;
  subject: string[];
  frameworkType: string;
  lastChangeDateTime: string;
  nodes: readonly FrameworkNode[];
}

export const itemIdentifier = (key: string) => uuidV5(`item|${key}`);
export const documentIdentifier = (frameworkKey: string) => uuidV5(`document|framework:${frameworkKey}`);
const urn = (id: string) => `urn:uuid:${id}`;
const iso = (d: string) => new Date(d).toISOString();
const isUri = (s: string | undefined): s is string => s !== undefined && /^https?:\/\/\S+$/.test(s);

/** Builds the package of one framework. Nodes whose parent is missing become roots (never a dangling association). */
export function buildFrameworkPackage(input: FrameworkInput): CfPackage {
  const docId = documentIdentifier(input.key);
  const docLink: LinkUri = { title: input.title, identifier: docId, uri: urn(docId) };
  const byKey = new Map<string, FrameworkNode>();
  for (const n of input.nodes) if (!byKey.has(n.key)) byKey.set(n.key, n);
  const link = (n: FrameworkNode): LinkUri => ({ title: n.statement, identifier: itemIdentifier(n.key), uri: urn(itemIdentifier(n.key)) });
  const items: CfItem[] = [];
  const associations: CfAssociation[] = [];
  const sequence = new Map<string, number>();
  for (const n of byKey.values()) {
    const id = itemIdentifier(n.key);
    items.push({
      identifier: id,
      uri: urn(id),
      fullStatement: n.statement,
      ...(n.code ? { humanCodingScheme: n.code } : {}),
      ...(n.abbreviatedStatement ? { abbreviatedStatement: n.abbreviatedStatement } : {}),
      CFItemType: n.type,
      ...(n.educationLevel?.length ? { educationLevel: [...n.educationLevel] } : {}),
      ...(n.notes || n.vervallen ? { notes: [n.vervallen ? 'Vervallen' : null, n.notes ?? null].filter(Boolean).join('. ') } : {}),
      language: 'nl',
      lastChangeDateTime: iso(n.lastChangeDateTime),
    });
    const parent = n.parentKey ? byKey.get(n.parentKey) : undefined;
    const parentKey = parent ? parent.key : 'document';
    const seq = (sequence.get(parentKey) ?? 0) + 1;
    sequence.set(parentKey, seq);
    const assocId = uuidV5(`isChildOf|${n.key}|${parent ? parent.key : 'document'}`);
    associations.push({
      identifier: assocId,
      uri: urn(assocId),
      associationType: 'isChildOf',
      lastChangeDateTime: iso(n.lastChangeDateTime),
      originNodeURI: link(n),
      destinationNodeURI: parent ? link(parent) : docLink,
      sequenceNumber: seq,
    });
  }
  for (const n of byKey.values()) {
    const successor = n.replacedByKey ? byKey.get(n.replacedByKey) : undefined;
    if (!successor || successor.key === n.key) continue;
    const assocId = uuidV5(`replacedBy|${n.key}|${successor.key}`);
    associations.push({
      identifier: assocId,
      uri: urn(assocId),
      associationType: 'replacedBy',
      lastChangeDateTime: iso(successor.lastChangeDateTime),
      originNodeURI: link(n),
      destinationNodeURI: link(successor),
    });
  }
  const document: CfDocument = {
    identifier: docId,
    uri: urn(docId),
    creator: input.creator,
    publisher: input.publisher,
    title: input.title,
    description: input.description,
    subject: input.subject,
    language: 'nl',
    version: input.version,
    adoptionStatus: 'Adopted',
    caseVersion: '1.1',
    frameworkType: input.frameworkType,
    notes: input.notes,
    ...(isUri(input.officialSourceURL) ? { officialSourceURL: input.officialSourceURL } : {}),
    lastChangeDateTime: iso(input.lastChangeDateTime),
  };
  return { CFDocument: document, CFItems: items, CFAssociations: associations };
}

/** The frameworks, indexed for the REST binding: every document, item and association by identifier. */
export interface CaseIndex {
  packages: Map<string, CfPackage>;
  /** Item identifier → the item and the first document it is in. */
  items: Map<string, { item: CfItem; documentId: string }>;
  associations: Map<string, { association: CfAssociation; documentId: string }>;
  /** Item identifier → every association in which it is origin or destination (all documents, no duplicates). */
  byItem: Map<string, CfAssociation[]>;
}

export function indexFrameworks(packages: readonly CfPackage[]): CaseIndex {
  const index: CaseIndex = { packages: new Map(), items: new Map(), associations: new Map(), byItem: new Map() };
  for (const p of packages) {
    const documentId = p.CFDocument.identifier;
    index.packages.set(documentId, p);
    for (const item of p.CFItems) if (!index.items.has(item.identifier)) index.items.set(item.identifier, { item, documentId });
    for (const a of p.CFAssociations) {
      if (index.associations.has(a.identifier)) continue;
      index.associations.set(a.identifier, { association: a, documentId });
      for (const end of [a.originNodeURI.identifier, a.destinationNodeURI.identifier]) {
        const list = index.byItem.get(end) ?? [];
        list.push(a);
        index.byItem.set(end, list);
      }
    }
  }
  return index;
}

const docLinkOf = (p: CfPackage): LinkUri => ({ title: p.CFDocument.title, identifier: p.CFDocument.identifier, uri: p.CFDocument.uri });
/** Where a CASE tool fetches the package of a document (LinkGenURI of the binding's CFDocument answer). */
const packageLinkOf = (p: CfPackage, baseUrl: string): LinkUri => ({
  title: p.CFDocument.title,
  identifier: p.CFDocument.identifier,
  uri: `${baseUrl}/CFPackages/${p.CFDocument.identifier}`,
});

/** The binding's answers (outside a package a CFDocument names its package, items and associations their document). */
export type CfDocumentAnswer = CfDocument & { CFPackageURI: LinkUri };
export type CfItemAnswer = CfItem & { CFDocumentURI: LinkUri };
export type CfAssociationAnswer = CfAssociation & { CFDocumentURI: LinkUri };

export function documentAnswer(index: CaseIndex, id: string, baseUrl: string): CfDocumentAnswer | null {
  const p = index.packages.get(id);
  return p ? { ...p.CFDocument, CFPackageURI: packageLinkOf(p, baseUrl) } : null;
}

export function documentsAnswer(index: CaseIndex, baseUrl: string): { CFDocuments: CfDocumentAnswer[] } {
  return { CFDocuments: [...index.packages.values()].map((p) => ({ ...p.CFDocument, CFPackageURI: packageLinkOf(p, baseUrl) })) };
}

export function itemAnswer(index: CaseIndex, id: string): CfItemAnswer | null {
  const hit = index.items.get(id);
  return hit ? { ...hit.item, CFDocumentURI: docLinkOf(index.packages.get(hit.documentId)!) } : null;
}

export function associationAnswer(index: CaseIndex, id: string): CfAssociationAnswer | null {
  const hit = index.associations.get(id);
  return hit ? { ...hit.association, CFDocumentURI: docLinkOf(index.packages.get(hit.documentId)!) } : null;
}

/** CFItemAssociations/{id}: the item with every association it takes part in. */
export function itemAssociationsAnswer(index: CaseIndex, id: string): { CFItem: CfItemAnswer; CFAssociations: CfAssociationAnswer[] } | null {
  const item = itemAnswer(index, id);
  if (!item) return null;
  return { CFItem: item, CFAssociations: (index.byItem.get(id) ?? []).map((a) => associationAnswer(index, a.identifier)!) };
}

/** The binding's status payload for an unknown identifier (imsx_StatusInfo, HTTP 404). */
export function unknownObject(description: string) {
  return {
    imsx_codeMajor: 'failure' as const,
    imsx_severity: 'error' as const,
    imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'unknownobject' }] },
  };
}
