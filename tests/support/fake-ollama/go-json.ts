/**
 * Reading a JSON request body the way gin's `ShouldBindJSON` into an Ollama request struct does:
 * empty body → "missing request body" (the handlers' io.EOF case), invalid JSON and wrong field
 * types → Go's encoding/json error text. Unknown fields are ignored, null leaves a field unset.
 */

export type GoFieldType = 'string' | 'bool' | 'int' | 'string-map' | 'object' | 'message-list' | 'tool-list' | 'any';

export type BindResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

const GO_TYPE_NAMES: Record<Exclude<GoFieldType, 'any'>, string> = {
  string: 'string',
  bool: 'bool',
  int: 'int',
  'string-map': 'map[string]string',
  object: 'map[string]interface {}',
  'message-list': '[]api.Message',
  'tool-list': 'api.Tools',
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : typeof value;
}

function fits(type: GoFieldType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'string-map':
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'message-list':
    case 'tool-list':
      return Array.isArray(value);
    case 'any':
      return true;
  }
}

function syntaxError(text: string): string {
  const first = text.trimStart()[0];
  if (first !== undefined && !'{["-0123456789tfn'.includes(first)) return `invalid character '${first}' looking for beginning of value`;
  return 'unexpected EOF';
}

/** Binds `raw` into the Go struct `typeName` whose JSON fields are `fields`. */
export function bindJson(raw: string, typeName: string, fields: Record<string, GoFieldType>): BindResult {
  if (raw.trim() === '') return { ok: false, error: 'missing request body' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: syntaxError(raw) };
  }
  if (parsed === null) return { ok: true, value: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, error: `json: cannot unmarshal ${jsonKind(parsed)} into Go value of type api.${typeName}` };
  }
  const value = parsed as Record<string, unknown>;
  for (const [field, type] of Object.entries(fields)) {
    const v = value[field];
    if (v === undefined || v === null) continue;
    if (!fits(type, v)) {
      const goType = type === 'any' ? 'interface {}' : GO_TYPE_NAMES[type];
      return { ok: false, error: `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${typeName}.${field} of type ${goType}` };
    }
    if (type === 'message-list') {
      for (const inner of v as unknown[]) {
        if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
          return { ok: false, error: `json: cannot unmarshal ${jsonKind(inner)} into Go struct field ${typeName}.${field} of type api.Message` };
        }
      }
    }
    if (type === 'string-map') {
      for (const inner of Object.values(v as Record<string, unknown>)) {
        if (typeof inner !== 'string') {
          return { ok: false, error: `json: cannot unmarshal ${jsonKind(inner)} into Go struct field ${typeName}.${field} of type string` };
        }
      }
    }
  }
  const result: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) result[k] = v;
  return { ok: true, value: result };
}

/** A bound string field, '' when absent (Go's zero value). */
export function str(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  return typeof v === 'string' ? v : '';
}
