/**
 * A plausible value for a JSON Schema of the app's OpenAPI document, so that a request built from it gets past
 * validation and reaches the use case: the route walks of the security review (fuzz-routes, security-strangers).
 */
import { randomUUID } from 'node:crypto';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
}

/**
 * A sample for `schema`: its const, first enum option, a value by field name (`byName`), its default, else one by type
 * and format; text is `filler` padded to the minimum length.
 */
export function sample(schema: JsonSchema | undefined, opts: { byName: Record<string, unknown>; filler: string }, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (name in opts.byName) return opts.byName[name];
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((o) => o.type !== 'null') ?? options[0], opts, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, opts, k, depth + 1)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, opts, name, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2027-01-15';
      if (schema.format === 'date-time') return '2027-01-15T10:00:00Z';
      if (schema.format === 'email') return `${opts.filler}@vmbo.demo`;
      if (schema.format === 'uri') return `https://example.org/${opts.filler}`;
      return opts.filler.padEnd(schema.minLength ?? 1, 'z');
    default:
      return null;
  }
}
