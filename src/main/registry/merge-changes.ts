import { isDeepStrictEqual } from 'node:util';

/**
 * Path-level changes between two versions of the registry, and applying them onto a third: a
 * three-way merge, used when another program saved a version that did not contain a write of
 * ours (it read the file before that write), or saved into a file our rename replaced.
 */

/** A value at a path, or its absence. */
export type Slot = { present: false } | { present: true; value: unknown };

export interface Change {
  path: string[];
  before: Slot;
  after: Slot;
}

/**
 * Deep enough for a field of a model entry (`models` → name → field): two programs that change
 * different fields of one entry both keep theirs.
 */
const MAX_DEPTH = 3;

/** The registry's own clock is not a change anyone made: it is set on every write. */
const IGNORED_TOP_LEVEL = new Set(['last_updated']);

export function diffChanges(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, [], out);
  return out;
}

function walk(before: unknown, after: unknown, path: string[], out: Change[]): void {
  // The same object, or the same primitive: nothing changed below (most of a large file).
  if (before === after) return;
  if (path.length < MAX_DEPTH && isPlainObject(before) && isPlainObject(after)) {
    const top = path.length === 0;
    for (const key of Object.keys(before)) {
      if (top && IGNORED_TOP_LEVEL.has(key)) continue;
      if (Object.hasOwn(after, key)) walk(before[key], after[key], [...path, key], out);
      else out.push({ path: [...path, key], before: { present: true, value: before[key] }, after: { present: false } });
    }
    for (const key of Object.keys(after)) {
      if ((top && IGNORED_TOP_LEVEL.has(key)) || Object.hasOwn(before, key)) continue;
      out.push({ path: [...path, key], before: { present: false }, after: { present: true, value: after[key] } });
    }
    return;
  }
  if (!isDeepStrictEqual(before, after)) out.push({ path, before: { present: true, value: before }, after: { present: true, value: after } });
}

/**
 * Applies each change onto `target` (in place) where `target` still has the change's `before`:
 * where it holds something else, its program changed that path too, and its version stays.
 * Returns how many changes were applied.
 */
export function applyChanges(changes: Change[], target: Record<string, unknown>): number {
  let applied = 0;
  for (const change of changes) {
    const parent = parentOf(target, change.path);
    if (!parent) continue;
    const key = change.path.at(-1)!;
    const now = slotOf(parent, key);
    if (sameSlot(now, change.after) || !sameSlot(now, change.before)) continue;
    if (change.after.present) define(parent, key, change.after.value);
    else delete parent[key];
    applied++;
  }
  return applied;
}

/** The object holding the path's last key; null when an ancestor is gone or not an object. */
function parentOf(target: Record<string, unknown>, path: string[]): Record<string, unknown> | null {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (!isPlainObject(next)) return null;
    node = next;
  }
  return node;
}

function slotOf(object: Record<string, unknown>, key: string): Slot {
  return Object.hasOwn(object, key) ? { present: true, value: object[key] } : { present: false };
}

function sameSlot(a: Slot, b: Slot): boolean {
  if (!a.present || !b.present) return a.present === b.present;
  return isDeepStrictEqual(a.value, b.value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain assignment of `__proto__` would set the prototype instead of a key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
