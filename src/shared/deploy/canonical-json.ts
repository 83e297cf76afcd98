/**
 * Canonical JSON of a create request: object keys sorted (by UTF-16 code units), no whitespace,
 * arrays in order. The same request built on two machines, or in two runs, gives the same text,
 * so its hash names "this version" on every host (Ollama's digests differ per host), and the
 * text itself is what is sent: the body is byte for byte the same everywhere.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; a request never holds them.
    if (text === undefined) throw new TypeError(`cannot write ${typeof value} as JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
