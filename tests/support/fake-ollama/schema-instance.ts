import { word, type ReplyRandom } from './reply-random';

/**
 * A deterministic JSON value satisfying a JSON schema, standing in for Ollama's grammar-constrained
 * decoding of `format`. Covers what structured-output schemas use: type (and type lists), const,
 * enum, properties/required, additionalProperties, items/prefixItems, min/maxItems, uniqueItems,
 * min/maxLength, minimum/maximum (exclusive too), multipleOf, anyOf/oneOf (first branch), allOf
 * (merged), local $ref (#/$defs/…, #/definitions/…) and a few string formats. `pattern` is not
 * generated: a string under a pattern may not match it (llama.cpp's grammar would).
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[part] : undefined;
  }
  return isSchema(node) ? node : {};
}

/** The schema with $ref, allOf and the first anyOf/oneOf branch folded in. */
function flatten(root: Schema, schema: Schema, depth: number): Schema {
  if (depth > MAX_DEPTH) return {};
  let out: Schema = { ...schema };
  if (typeof out.$ref === 'string') {
    const { $ref, ...rest } = out;
    out = { ...flatten(root, resolveRef(root, $ref as string), depth + 1), ...rest };
  }
  if (Array.isArray(out.allOf)) {
    const { allOf, ...rest } = out;
    let merged: Schema = rest;
    for (const part of allOf as unknown[]) {
      if (!isSchema(part)) continue;
      const flat = flatten(root, part, depth + 1);
      merged = {
        ...merged,
        ...flat,
        properties: { ...(merged.properties as Schema | undefined), ...(flat.properties as Schema | undefined) },
        required: [...((merged.required as string[] | undefined) ?? []), ...((flat.required as string[] | undefined) ?? [])],
      };
    }
    out = merged;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = out[key];
    if (Array.isArray(branches) && isSchema(branches[0])) {
      const { [key]: _branches, ...rest } = out;
      out = { ...rest, ...flatten(root, branches[0], depth + 1) };
    }
  }
  return out;
}

function typeOf(schema: Schema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return String(type.find((t) => t !== 'null') ?? type[0] ?? 'null');
  if (isSchema(schema.properties) || schema.required !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  if (schema.minLength !== undefined || schema.maxLength !== undefined) return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'string';
}

function num(schema: Schema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringValue(schema: Schema, random: ReplyRandom): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  let text: string;
  if (format === 'date') text = `2025-0${random.int(1, 9)}-1${random.int(0, 9)}`;
  else if (format === 'date-time') text = `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T1${random.int(0, 9)}:00:00Z`;
  else if (format === 'time') text = `1${random.int(0, 9)}:30:00Z`;
  else if (format === 'email') text = `${word(random)}@example.com`;
  else if (format === 'uri' || format === 'url') text = `https://example.com/${word(random)}`;
  else if (format === 'uuid') text = '00000000-0000-4000-8000-' + String(random.int(0, 999_999_999_999)).padStart(12, '0');
  else text = Array.from({ length: random.int(1, 4) }, () => word(random)).join(' ');
  const min = num(schema, 'minLength') ?? 0;
  const max = num(schema, 'maxLength');
  while ([...text].length < min) text += ` ${word(random)}`;
  if (max !== undefined && [...text].length > max) text = [...text].slice(0, max).join('');
  return text;
}

function numberValue(schema: Schema, random: ReplyRandom, integer: boolean): number {
  let low = num(schema, 'minimum') ?? -Infinity;
  let high = num(schema, 'maximum') ?? Infinity;
  const exclusiveMin = num(schema, 'exclusiveMinimum');
  const exclusiveMax = num(schema, 'exclusiveMaximum');
  const step = integer ? 1 : 0.5;
  if (exclusiveMin !== undefined) low = Math.max(low, exclusiveMin + step);
  if (exclusiveMax !== undefined) high = Math.min(high, exclusiveMax - step);
  if (low === -Infinity) low = high === Infinity ? 0 : high - 100;
  if (high === Infinity) high = low + 100;
  if (integer) {
    low = Math.ceil(low);
    high = Math.floor(high);
  }
  const multipleOf = num(schema, 'multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) {
    const first = Math.ceil(low / multipleOf);
    const last = Math.floor(high / multipleOf);
    return (last >= first ? random.int(first, last) : first) * multipleOf;
  }
  if (high < low) return low;
  const value = integer ? random.int(low, high) : low + Math.round(random.next() * (high - low) * 100) / 100;
  return Math.min(high, Math.max(low, value));
}

function arrayValue(root: Schema, schema: Schema, random: ReplyRandom, depth: number): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  const items = isSchema(schema.items) ? schema.items : {};
  const min = Math.max(num(schema, 'minItems') ?? 0, prefix.length === 0 ? 1 : prefix.length);
  let max = num(schema, 'maxItems') ?? Math.max(min, 3);
  // `items: false` closes a tuple after its prefixItems.
  if (schema.items === false) max = Math.min(max, prefix.length);
  const count = Math.max(0, Math.min(max, random.int(min, min + 2)));
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const itemSchema = i < prefix.length && isSchema(prefix[i]) ? (prefix[i] as Schema) : items;
    let value = valueOf(root, itemSchema, random, depth + 1);
    // uniqueItems: a few more draws; enough for the schemas tests write.
    for (let tries = 0; schema.uniqueItems === true && tries < 20 && out.some((v) => JSON.stringify(v) === JSON.stringify(value)); tries++) {
      value = valueOf(root, itemSchema, random, depth + 1);
    }
    out.push(value);
  }
  return out;
}

function objectValue(root: Schema, schema: Schema, random: ReplyRandom, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]).map(String) : [];
  const out: Record<string, unknown> = {};
  // Every declared property, as models asked for structured output fill them; then required ones not declared.
  for (const [name, sub] of Object.entries(properties)) out[name] = valueOf(root, isSchema(sub) ? sub : {}, random, depth + 1);
  for (const name of required) {
    if (!(name in out)) out[name] = valueOf(root, isSchema(schema.additionalProperties) ? schema.additionalProperties : {}, random, depth + 1);
  }
  const minProperties = num(schema, 'minProperties') ?? 0;
  for (let i = 0; Object.keys(out).length < minProperties && schema.additionalProperties !== false; i++) {
    out[`extra_${i}`] = valueOf(root, isSchema(schema.additionalProperties) ? schema.additionalProperties : {}, random, depth + 1);
  }
  return out;
}

function valueOf(root: Schema, raw: Schema, random: ReplyRandom, depth: number): unknown {
  const schema = flatten(root, raw, depth);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return random.pick(schema.enum as unknown[]);
  if (depth > MAX_DEPTH) return null;
  switch (typeOf(schema)) {
    case 'object':
      return objectValue(root, schema, random, depth);
    case 'array':
      return arrayValue(root, schema, random, depth);
    case 'integer':
      return numberValue(schema, random, true);
    case 'number':
      return numberValue(schema, random, false);
    case 'boolean':
      return random.next() < 0.5;
    case 'null':
      return null;
    default:
      return stringValue(schema, random);
  }
}

/** A value for `schema`, the same for the same schema and random stream. */
export function instanceOf(schema: Record<string, unknown>, random: ReplyRandom): unknown {
  return valueOf(schema, schema, random, 0);
}
