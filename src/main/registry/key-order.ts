/**
 * `value` with its object keys in the order `template` has them, so a write keeps the user's
 * layout: the schema parser puts known keys first, which would reorder every entry of a hand-made
 * file. Keys the template lacks follow in their own order.
 */
export function withKeyOrderOf(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    const templateItems = Array.isArray(template) ? template : [];
    let same = true;
    const items = value.map((item, index) => {
      const ordered = withKeyOrderOf(item, templateItems[index]);
      same &&= ordered === item;
      return ordered;
    });
    return same ? value : items;
  }
  if (!isPlainObject(value)) return value;
  const templateObject = isPlainObject(template) ? template : {};
  // Nothing is copied where the order already matches (most of the file on most writes): a large
  // registry is rebuilt only along the paths that moved.
  const keys = Object.keys(value);
  const templateKeys = Object.keys(templateObject);
  if (startsWithOrderOf(keys, templateKeys)) {
    let out: Record<string, unknown> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = value[key];
      const ordered = withKeyOrderOf(child, i < templateKeys.length ? templateObject[key] : undefined);
      if (ordered !== child && out === null) {
        out = {};
        for (let j = 0; j < i; j++) define(out, keys[j]!, value[keys[j]!]);
      }
      if (out !== null) define(out, key, ordered);
    }
    return out ?? value;
  }
  const out: Record<string, unknown> = {};
  for (const key of templateKeys) {
    if (Object.hasOwn(value, key)) define(out, key, withKeyOrderOf(value[key], templateObject[key]));
  }
  for (const key of keys) {
    if (!Object.hasOwn(out, key)) define(out, key, withKeyOrderOf(value[key], undefined));
  }
  return out;
}

/**
 * `keys` already follow the template's order: the template's keys that `value` has come first, in
 * its order, and nothing the template has is missing (then every other key follows anyway).
 */
function startsWithOrderOf(keys: string[], templateKeys: string[]): boolean {
  if (templateKeys.length > keys.length) return false;
  for (let i = 0; i < templateKeys.length; i++) if (keys[i] !== templateKeys[i]) return false;
  return true;
}

/** Only plain objects are rebuilt: an exact number (a class instance) is a value, kept as it is. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain assignment of `__proto__` would set the prototype instead of a key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
