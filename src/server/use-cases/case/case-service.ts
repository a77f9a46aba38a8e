/**
 * The CASE 1.1 provider of the national catalogue (issue 18): the read operations of the CASE REST binding, answered
 * from the frameworks read model. Public like the catalogue: no session, no access decision (nothing private is in
 * it). An unknown identifier answers null; the route turns that into the binding's 404 status payload.
 */
import type { Kysely } from 'kysely';
import {
  associationAnswer, documentAnswer, documentsAnswer, itemAnswer, itemAssociationsAnswer,
} from '../../../domain/crosswalk/case-framework.js';
import { CASE_BASE_PATH, type CaseSoort } from '../../../shared/case-api.js';
import type { DB } from '../../db/schema.js';
import { caseFrameworksOf, caseTargetOf } from '../../read-models/case-frameworks.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';


export type CaseOperation = 'CFDocuments' | 'CFPackages' | 'CFItems' | 'CFAssociations' | 'CFItemAssociations';

export interface CaseAnswer {
  body: unknown;
  /** The catalogue version the answer was built from (for ETag). */
  version: string;
}

export async function getCaseObject(opts: { db: Kysely<DB>; operation: CaseOperation; id?: string; baseUrl: string }): Promise<CaseAnswer | null> {
  const [frameworks, snapshot] = await Promise.all([caseFrameworksOf(opts.db), snapshotOf(opts.db)]);
  const { index } = frameworks;
  const id = (opts.id ?? '').toLowerCase();
  let body: unknown;
  switch (opts.operation) {
    case 'CFDocuments':
      body = opts.id === undefined ? documentsAnswer(index, opts.baseUrl) : documentAnswer(index, id, opts.baseUrl);
      break;
    case 'CFPackages':
      body = index.packages.get(id) ?? null;
      break;
    case 'CFItems':
      body = itemAnswer(index, id);
      break;
    case 'CFAssociations':
      body = associationAnswer(index, id);
      break;
    case 'CFItemAssociations':
      body = itemAssociationsAnswer(index, id);
      break;
  }
  return body === null ? null : { body, version: snapshot.version };
}

/** "Als CASE" of a catalogue page: the CASE address of a profiel, dossier, keuzevak, profielmodule, kwalificatie or keuzedeel. */
export async function caseAddressOf(opts: { db: Kysely<DB>; soort: CaseSoort; code: string }): Promise<string | null> {
  const target = caseTargetOf(await caseFrameworksOf(opts.db), opts.soort, opts.code);
  return target ? `${CASE_BASE_PATH}/${target.kind}/${target.id}` : null;
}
