/**
 * `value` with its object keys in the order `template` has them, so a write keeps the user's
 * layout: the schema parser puts known keys first, which would reorder every entry of a hand-made
 * file. Keys the template lacks follow in their own order.
 */
export function withKeyOrderOf(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    const templateItems = Array.isArray(template) ? template : [];
    return value.map((item, index) => withKeyOrderOf(item, templateItems[index]));
  }
  if (!isPlainObject(value)) return value;
  const templateObject = isPlainObject(template) ? template : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(templateObject)) {
    if (Object.hasOwn(value, key)) define(out, key, withKeyOrderOf(value[key], templateObject[key]));
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(out, key)) define(out, key, withKeyOrderOf(value[key], undefined));
  }
  return out;
}

/** Only plain objects are rebuilt: an exact number (a class instance) is a value, kept as it is. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain assignment of `__proto__` would set the prototype instead of a key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
