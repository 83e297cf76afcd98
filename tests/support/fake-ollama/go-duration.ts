/**
 * `keep_alive` as Ollama's `api.Duration.UnmarshalJSON` reads it: a number is seconds, a string is
 * a Go duration (`time.ParseDuration`), a negative value means forever; anything else is an error
 * whose text is Go's.
 */

/** Go's `math.MaxInt64` nanoseconds, in milliseconds: what "forever" becomes. */
export const FOREVER_MS = 9_223_372_036_854;

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's `time.ParseDuration`, in nanoseconds; throws Go's error text. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? '';
    const frac = number?.[2];
    if (!number || (whole === '' && (frac === undefined || frac === ''))) throw new Error(`time: invalid duration ${quoted}`);
    s = s.slice(number[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0] ?? '';
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const scale = UNIT_NS[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    s = s.slice(unit.length);
    total += Number(`${whole || '0'}.${frac ?? '0'}`) * scale;
  }
  return sign * total;
}

/** Milliseconds to keep a model loaded; FOREVER_MS for negative values. Throws Go's error text. */
export function keepAliveMs(value: unknown): number {
  if (typeof value === 'number') return value < 0 ? FOREVER_MS : value * 1000;
  if (typeof value === 'string') {
    const ns = parseGoDuration(value);
    return ns < 0 ? FOREVER_MS : ns / 1e6;
  }
  const type = Array.isArray(value) ? '[]interface {}' : value === null ? '<nil>' : typeof value === 'boolean' ? 'bool' : 'map[string]interface {}';
  throw new Error(`Unsupported type: '${type}'`);
}
