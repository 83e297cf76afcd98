import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Generated request inputs for the fuzz tests (not a test file): wrong types, names that are
 * prototype members, `../` paths, control and unusual unicode characters, huge strings and values
 * nested thousands of levels deep, in objects shaped like the input a call expects, so that some
 * of them get past validation into the services.
 */

/** JSON text sent as is inside a generated value: nesting too deep for our own serializer. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];

const PATHS = [
  '../',
  '../../../etc/passwd',
  '/etc/passwd',
  'models/../../outside',
  'models/../model_settings.json',
  'model_settings.json',
  'model_settings.json.invalid-x',
  'models/Modelfile.enhanced',
  'models/Modelfile.new-one',
  'models',
  '..\\..\\windows',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'models/\u0000nul',
  '.',
  '',
  ' ',
  '~/x',
  'file:///etc/passwd',
];

/** Names that exist in the fuzz workspace or in the fake Ollama, so some inputs reach real work. */
export const KNOWN_NAMES = ['peteollama:property-manager-v1', 'peteollama:property-manager-v2', 'llama3', 'llama3:latest', 'qwen3:30b', 'llama3.2:1b'];

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const oddUnicode = fc.string({ unit: fc.constantFrom('\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', '😀', 'é', '\u0301', '\u2028', 'İ', 'ß', '\uffff'), maxLength: 20 });
const hugeString = fc.oneof(
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '../'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '😀\u0000'.repeat(n)),
);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: controlChars, weight: 1 },
  { arbitrary: oddUnicode, weight: 1 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_NAMES), weight: 3 },
  { arbitrary: fc.constantFrom(...PATHS), weight: 3 },
  { arbitrary: fc.constantFrom(...KNOWN_NAMES), weight: 3 },
  // A fresh, valid model name: gets adds, renames and new models past validation.
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-v[1-9])?(:[a-z0-9]{1,4})?$/), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 2, 5e-324, 0.5, 1e21),
);

const primitive: fc.Arbitrary<unknown> = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

/** `[[[…]]]` or `{"a":{"a":…}}` a few thousand levels deep, as text. */
export const deepValue: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.constantFrom('array', 'object', 'key'))
  .map(([depth, kind]) => {
    if (kind === 'array') return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    const key = kind === 'key' ? '__proto__' : 'a';
    return new RawJson(`${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`);
  });

/** An object with exactly these own keys, `__proto__` included as a key. */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function anyValue(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...keys, ...PROTOTYPE_NAMES), fc.string({ maxLength: 10 }));
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: primitive, weight: 6 },
      { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
      { arbitrary: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map(objectOf), weight: 2 },
      { arbitrary: deepValue, weight: 1 },
    ),
  }));
  return value;
}

/** The object keys an input schema declares, at every level (zod 4 definitions, walked). */
export function schemaKeys(schema: z.ZodType): { top: string[]; all: string[] } {
  const all = new Set<string>();
  let top: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 8) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object' && def.shape && typeof def.shape === 'object') {
      const keys = Object.keys(def.shape);
      if (depth === 0 || top.length === 0) top = top.length === 0 ? keys : top;
      for (const k of keys) {
        all.add(k);
        walk((def.shape as Record<string, unknown>)[k], depth + 1);
      }
    }
    for (const field of ['innerType', 'in', 'out', 'element', 'valueType', 'left', 'right', 'schema']) walk(def[field], depth + (field === 'element' ? 1 : 0));
    if (Array.isArray(def.options)) for (const option of def.options) walk(option, depth);
  };
  walk(schema, 0);
  return { top, all: [...all] };
}

const SKIP = Symbol('skip');

/**
 * Values shaped by the schema (objects with its keys, strings where it wants strings, its enum
 * values), with a wrong-typed or hostile value in place of any part now and then: so that many
 * inputs get past validation and into the services, and the rest probe each field.
 */
export function fromSchema(schema: unknown, keys: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const wrong = anyValue(keys);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || depth > 6) return wrong;
  const right = shaped(def, keys, depth);
  return fc.oneof({ arbitrary: right, weight: 5 }, { arbitrary: wrong, weight: 1 });
}

function shaped(def: Record<string, unknown>, keys: readonly string[], depth: number): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, unknown>;
      const fields = Object.entries(shape).map(([key, field]) =>
        fc.oneof({ arbitrary: fc.constant(SKIP), weight: 1 }, { arbitrary: fromSchema(field, keys, depth + 1).map((v) => [key, v] as const), weight: 5 }),
      );
      const extra = fc.oneof(
        { arbitrary: fc.constant([] as (readonly [string, unknown])[]), weight: 6 },
        { arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, 'extra'), anyValue(keys)).map((e) => [e]), weight: 1 },
      );
      return fc
        .tuple(fc.tuple(...fields), extra)
        .map(([own, more]) => objectOf([...(own.filter((e) => e !== SKIP) as (readonly [string, unknown])[]), ...more]));
    }
    case 'string':
      return nastyString;
    case 'number':
    case 'int':
      return nastyNumber;
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values((def.entries ?? {}) as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...((def.values ?? [null]) as unknown[]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fc.oneof({ arbitrary: fromSchema(def.innerType, keys, depth), weight: 4 }, { arbitrary: fc.constant(def.type === 'nullable' ? null : undefined), weight: 1 });
    case 'array':
      return fc.array(fromSchema(def.element, keys, depth + 1), { maxLength: 4 });
    case 'union': {
      const options = (def.options ?? []) as unknown[];
      return options.length > 0 ? fc.oneof(...options.map((o) => fromSchema(o, keys, depth))) : anyValue(keys);
    }
    case 'record':
      return fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...KNOWN_NAMES)), fromSchema(def.valueType, keys, depth + 1)), { maxLength: 3 }).map(objectOf);
    case 'pipe':
      return fromSchema(def.in, keys, depth);
    default:
      return anyValue(keys);
  }
}

/** Inputs for one call: mostly shaped like its input schema, sometimes anything at all. */
export function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const { all } = schemaKeys(schema);
  const keys = all.length > 0 ? all : ['name'];
  return fc.oneof({ arbitrary: fromSchema(schema, keys), weight: 6 }, { arbitrary: anyValue(keys), weight: 1 });
}

/** JSON text for a generated value; RawJson parts are spliced in as they are. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short, printable description of an input for failure reports. */
export function preview(text: string, max = 300): string {
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
  return JSON.stringify(shown);
}
