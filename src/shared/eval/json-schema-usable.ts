import { Validator, type Schema } from '@cfworker/json-schema';
import { compileRegex } from './regex-compile';

/**
 * Whether a `json_schema` check's schema can be used, said in words, before any run needs it.
 * The validator accepts nearly anything at construction and throws only when validation reaches a
 * broken part (a bad `pattern`, an unresolved `$ref`), so this walks the schema for those parts
 * rather than hoping a probe instance reaches them.
 */

const TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = ['not', 'if', 'then', 'else', 'items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'propertyNames', 'additionalItems'];
/** Deeper than any hand-written schema; bounds the walk on hostile input. */
const MAX_DEPTH = 64;

export const JSON_SCHEMA_DRAFT = '2020-12';

/** Why the schema cannot be used (`$.properties.name.pattern: …`), or null when it can. */
export function jsonSchemaProblem(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'must be a map of JSON Schema keywords';
  const anchors = new Set<string>();
  const refs: { ref: string; at: string }[] = [];
  const problem = walk(schema as Record<string, unknown>, '$', 0, anchors, refs);
  if (problem) return problem;
  for (const { ref, at } of refs) {
    if (!refResolves(schema as Record<string, unknown>, ref, anchors)) {
      return `${at}.$ref: "${ref}" points nowhere in this schema; only references inside it (like "#/$defs/name") work`;
    }
  }
  try {
    const validator = new Validator(schema as Schema, JSON_SCHEMA_DRAFT, false);
    for (const probe of [null, 0, '', [], {}, true]) validator.validate(probe);
  } catch (error) {
    return `cannot be used: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return null;
}

function walk(node: Record<string, unknown>, at: string, depth: number, anchors: Set<string>, refs: { ref: string; at: string }[]): string | null {
  if (depth > MAX_DEPTH) return `${at}: nests deeper than ${MAX_DEPTH} levels`;
  const type = node.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    const bad = types.find((t) => typeof t !== 'string' || !TYPES.has(t));
    if (bad !== undefined) return `${at}.type: "${String(bad)}" is not a JSON type; use ${[...TYPES].join(', ')}`;
  }
  if (node.pattern !== undefined) {
    const problem = regexProblem(node.pattern);
    if (problem) return `${at}.pattern: ${problem}`;
  }
  if (typeof node.$anchor === 'string') anchors.add(node.$anchor);
  if (node.$ref !== undefined) {
    if (typeof node.$ref !== 'string') return `${at}.$ref: must be text`;
    refs.push({ ref: node.$ref, at });
  }
  if (node.required !== undefined && (!Array.isArray(node.required) || node.required.some((r) => typeof r !== 'string'))) {
    return `${at}.required: must be a list of property names`;
  }
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) return `${at}.${key}: must be a map of schemas`;
    for (const [name, sub] of Object.entries(map)) {
      if (key === 'patternProperties') {
        const problem = regexProblem(name);
        if (problem) return `${at}.patternProperties: "${name}" ${problem}`;
      }
      const problem = walkValue(sub, `${at}.${key}.${name}`, depth, anchors, refs);
      if (problem) return problem;
    }
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `${at}.${key}: must be a list of schemas`;
    for (let i = 0; i < list.length; i++) {
      const problem = walkValue(list[i], `${at}.${key}[${i}]`, depth, anchors, refs);
      if (problem) return problem;
    }
  }
  // Draft 2020-12 moved lists of item schemas to prefixItems; older schemas are often copied in.
  if (Array.isArray(node.items)) return `${at}.items: a list of schemas is prefixItems in JSON Schema 2020-12; use prefixItems`;
  for (const key of SCHEMA_VALUES) {
    if (node[key] === undefined) continue;
    const problem = walkValue(node[key], `${at}.${key}`, depth, anchors, refs);
    if (problem) return problem;
  }
  return null;
}

function walkValue(value: unknown, at: string, depth: number, anchors: Set<string>, refs: { ref: string; at: string }[]): string | null {
  if (typeof value === 'boolean') return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at}: must be a schema (a map) or true/false`;
  return walk(value as Record<string, unknown>, at, depth + 1, anchors, refs);
}

function regexProblem(pattern: unknown): string | null {
  if (typeof pattern !== 'string') return 'must be text';
  // The validator compiles patterns with the u flag.
  return compileRegex(pattern, 'u').problem;
}

function refResolves(root: Record<string, unknown>, ref: string, anchors: Set<string>): boolean {
  if (ref === '#') return true;
  if (ref.startsWith('#/')) {
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      let part: string;
      try {
        part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      } catch {
        return false;
      }
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'object' || typeof node === 'boolean';
  }
  if (ref.startsWith('#')) return anchors.has(ref.slice(1));
  return false;
}
