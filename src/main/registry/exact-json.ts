import { isSafeNumber, LosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';

/**
 * JSON that keeps what the registry file says. JSON.parse turns 12345678901234567890 into
 * 12345678901234567000; a user's unknown key must survive a write exactly, so such a number is
 * kept as its digits. Everything here is bounded by the registry's depth limit, checked before.
 */

/**
 * A number JavaScript cannot hold exactly, kept as written. lossless-json's stringify writes its
 * digits; plain JSON.stringify (the HTTP answers) sends the nearest number through `toJSON`.
 */
export class ExactNumber extends LosslessNumber {
  toJSON(): number {
    return Number(this.value);
  }
}

function parseNumber(text: string): number | ExactNumber {
  return isSafeNumber(text) ? Number(text) : new ExactNumber(text);
}

/**
 * Parses a text already known to be valid JSON. `exactNumbers` says whether it has a number that
 * JSON.parse would change (the structure scan tells); only then is the slower parser used.
 */
export function parseJsonExact(text: string, exactNumbers: boolean): unknown {
  return exactNumbers ? parseLossless(text, undefined, parseNumber) : JSON.parse(text);
}

function hasExactNumber(value: unknown): boolean {
  if (value instanceof ExactNumber) return true;
  if (Array.isArray(value)) return value.some(hasExactNumber);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasExactNumber);
  return false;
}

/** Two-space indent and a final newline (the seed's layout); exact numbers as written. */
export function stringifyJsonExact(value: unknown): string {
  return stringifyJsonExactWith(value).text;
}

/** The same, saying whether the text has exact numbers (so reading it back needs the exact parser). */
export function stringifyJsonExactWith(value: unknown): { text: string; exactNumbers: boolean } {
  const exactNumbers = hasExactNumber(value);
  const text = exactNumbers ? stringifyLossless(value, undefined, 2) : JSON.stringify(value, null, 2);
  if (text === undefined) throw new TypeError('the registry has no JSON form');
  return { text: `${text}\n`, exactNumbers };
}

/** A plain assignment of `__proto__` would set the prototype instead of a key. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty is several times slower than an assignment, and every write copies the registry.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A deep copy that keeps exact numbers and `__proto__` keys (structuredClone keeps neither). */
export function cloneJson<T>(value: T): T {
  if (value instanceof ExactNumber) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) defineKey(out, key, cloneJson(record[key]));
  return out as T;
}

/**
 * Whether `a` and `b` are the same JSON document: what a write of `a` reads back as `b`. Keys
 * holding `undefined` count as absent (JSON drops them); -0 equals 0 (JSON writes it as 0).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof ExactNumber || b instanceof ExactNumber) {
    return a instanceof ExactNumber && b instanceof ExactNumber && a.value === b.value;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const aRecord = a as Record<string, unknown>;
    const bRecord = b as Record<string, unknown>;
    let aCount = 0;
    for (const key of Object.keys(aRecord)) {
      if (aRecord[key] === undefined) continue;
      aCount++;
      if (!Object.hasOwn(bRecord, key) || !sameJson(aRecord[key], bRecord[key])) return false;
    }
    return aCount === definedCount(bRecord);
  }
  return a === b;
}

function definedCount(value: Record<string, unknown>): number {
  let count = 0;
  for (const key of Object.keys(value)) if (value[key] !== undefined) count++;
  return count;
}
