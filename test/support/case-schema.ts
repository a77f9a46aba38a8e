/**
 * The CASE 1.1 JSON binding of a CFPackage, as ../shared/standards/case-v1p1-package.schema.json encodes it (read at
 * run time, never copied into the project), compiled once with Ajv (JSON Schema 2020-12, formats checked).
 * `caseErrors(pkg)` answers the validator's messages (empty: valid); `parseCasePackage` fails the test otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';
import { SHARED_DIR } from './shared-data.js';

export const CASE_SCHEMA_FILE = path.join(SHARED_DIR, 'standards', 'case-v1p1-package.schema.json');
export const hasCaseSchema = fs.existsSync(CASE_SCHEMA_FILE);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
let validate: ReturnType<Ajv2020['compile']> | undefined;
let ajvInstance: Ajv2020 | undefined;
let schemaId = '';

function ajv(): Ajv2020 {
  if (!ajvInstance) {
    if (!hasCaseSchema) throw new Error(`the CASE 1.1 schema is missing: ${CASE_SCHEMA_FILE}`);
    ajvInstance = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajvInstance);
    const schema = JSON.parse(fs.readFileSync(CASE_SCHEMA_FILE, 'utf8')) as { $id?: string };
    schemaId = schema.$id ?? 'case-v1p1-package';
    validate = ajvInstance.compile({ ...schema, $id: schemaId });
  }
  return ajvInstance;
}

const messages = (errors: ReturnType<Ajv2020['compile']>['errors']) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

export function caseErrors(pkg: unknown): string[] {
  ajv();
  return validate!(pkg) ? [] : messages(validate!.errors);
}

/**
 * The errors of one object against a definition of the package schema (`document`, `item`, `association`,
 * `linkUri`): how the single answers of the REST binding are validated (their binding-only fields are checked apart).
 */
export function caseDefErrors(def: 'document' | 'item' | 'association' | 'linkUri', value: unknown): string[] {
  const v = ajv().getSchema(`${schemaId}#/$defs/${def}`);
  if (!v) throw new Error(`no $defs/${def} in the CASE schema`);
  return v(value) ? [] : messages(v.errors);
}

export function parseCasePackage(pkg: unknown): CfPackage {
  const errors = caseErrors(pkg);
  if (errors.length > 0) throw new Error(`not a valid CASE 1.1 package (${errors.length} errors):\n${errors.slice(0, 20).join('\n')}`);
  return pkg as CfPackage;
}
