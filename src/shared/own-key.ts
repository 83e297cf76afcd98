/**
 * Records keyed by names a user or a program chose (models, base models, conversations, fields).
 * A plain `record[name]` reads the prototype for `constructor`, `toString`, `__proto__`…, and a
 * plain `record[name] = value` with `__proto__` replaces the prototype instead of adding a key.
 * Every such lookup and assignment goes through here, so a name is always data.
 */

export type NamedRecord<T> = Readonly<Record<string, T>>;

export function hasOwnKey(record: object | null | undefined, key: PropertyKey): boolean {
  return record != null && Object.hasOwn(record, key);
}

/** The value stored under `key` itself, never one inherited from the prototype. */
export function ownValue<T>(record: NamedRecord<T> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable key, even when `key` is `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor on Object.prototype; any other key is a plain (and far faster) assignment.
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Removes the own key `key`; inherited members are never touched. */
export function deleteOwn<T>(record: Record<string, T>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}
