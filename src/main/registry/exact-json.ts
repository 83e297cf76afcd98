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
  const text = hasExactNumber(value) ? stringifyLossless(value, undefined, 2) : JSON.stringify(value, null, 2);
  if (text === undefined) throw new TypeError('the registry has no JSON form');
  return `${text}\n`;
}

/** A plain assignment of `__proto__` would set the prototype instead of a key. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps exact numbers and `__proto__` keys (structuredClone keeps neither). */
export function cloneJson<T>(value: T): T {
  if (value instanceof ExactNumber) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) defineKey(out, key, cloneJson(item));
  return out as T;
}

/**
 * Whether `a` and `b` are the same JSON document: what a write of `a` reads back as `b`. Keys
 * holding `undefined` count as absent (JSON drops them); -0 equals 0 (JSON writes it as 0).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a instanceof ExactNumber || b instanceof ExactNumber) {
    return a instanceof ExactNumber && b instanceof ExactNumber && a.value === b.value;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const aKeys = definedKeys(a as Record<string, unknown>);
    const bKeys = definedKeys(b as Record<string, unknown>);
    if (aKeys.length !== bKeys.length) return false;
    const bRecord = b as Record<string, unknown>;
    return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameJson((a as Record<string, unknown>)[key], bRecord[key]));
  }
  return a === b;
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
