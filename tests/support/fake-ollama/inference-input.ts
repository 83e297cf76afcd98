/**
 * The `think` and `format` fields as Ollama reads them. `think` is an api.ThinkValue: its
 * UnmarshalJSON rejects bad values while binding (400, and before any type error of another
 * field); "max" exists since 0.22. `format` is a json.RawMessage checked only when the runner
 * starts (llm/server.go Completion): `null` and `""` mean unset, `"json"` is JSON mode, an object
 * is a schema, anything else is a 500 `invalid format: …` after the model has loaded.
 */

export type ThinkSetting = false | 'low' | 'medium' | 'high' | 'max';

export type FormatSetting = { kind: 'none' } | { kind: 'json' } | { kind: 'schema'; schema: Record<string, unknown> } | { kind: 'invalid'; error: string };

function versionAtLeast(version: string, wanted: [number, number]): boolean {
  const [major = 0, minor = 0] = version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  return major > wanted[0] || (major === wanted[0] && minor >= wanted[1]);
}

/** The UnmarshalJSON error for a `think` value, or null when it binds. */
export function thinkValueError(value: unknown, serverVersion: string): string | null {
  if (value === undefined || value === null || typeof value === 'boolean') return null;
  const levels = versionAtLeast(serverVersion, [0, 22]) ? ['high', 'medium', 'low', 'max'] : ['high', 'medium', 'low'];
  const allowed = `${levels.map((l) => `"${l}"`).join(', ')}, true, or false`;
  if (typeof value === 'string') return levels.includes(value) ? null : `invalid think value: ${JSON.stringify(value)} (must be ${allowed})`;
  return `think must be a boolean or string (${allowed})`;
}

/**
 * What the request's `think` means for this model once the handler has applied its default:
 * thinking on (ThinkValue.String(): true → "medium") for capable models unless `false`. Null means
 * a 400 "does not support thinking" (asked for on a model without the capability).
 */
export function thinkSetting(value: unknown, capable: boolean): ThinkSetting | null {
  const on = value === true || typeof value === 'string';
  if (!capable) return on ? null : false;
  if (value === false) return false;
  return typeof value === 'string' ? (value as ThinkSetting) : 'medium';
}

export function formatSetting(value: unknown): FormatSetting {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (value === 'json') return { kind: 'json' };
  if (typeof value === 'object' && !Array.isArray(value)) return { kind: 'schema', schema: value as Record<string, unknown> };
  // Go prints the raw bytes with %q; re-encoding loses only the client's spacing.
  return { kind: 'invalid', error: `invalid format: ${JSON.stringify(JSON.stringify(value))}; expected "json" or a valid JSON Schema object` };
}
