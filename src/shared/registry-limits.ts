import type { FieldIssue } from './errors';
import { formatIssuePath } from './errors';

/**
 * How big the registry may grow. A value nested thousands of levels deep, or megabytes in one
 * unknown key, bricks every later read and write (stack overflows, multi-megabyte rewrites), so
 * each change is measured before it is accepted. Far above what a real registry holds.
 */
export const REGISTRY_LIMITS = {
  /** Nesting levels of the whole file; the file itself is level 1, a model entry level 3. */
  maxDepth: 32,
  /** One model, one base model, or one other top-level key, as compact JSON. */
  maxEntryBytes: 64 * 1024,
  /** The whole file as written. */
  maxFileBytes: 8 * 1024 * 1024,
} as const;

/** A path cut short: the issue names the field, not 32 levels of it. */
function shownPath(path: ReadonlyArray<PropertyKey>): string {
  const shown = formatIssuePath(path.slice(0, 4));
  return path.length > 4 ? `${shown}…` : shown;
}

/**
 * The first place where `value` nests deeper than `maxDepth` (the top-level value is level 1).
 * Iterative, so a hostile value cannot overflow the stack; a cycle counts as too deep.
 */
export function tooDeepAt(value: unknown, maxDepth: number = REGISTRY_LIMITS.maxDepth): PropertyKey[] | null {
  // Each node knows its parent; a path is built only for the node that is too deep (a large
  // registry has tens of thousands of nodes, walked on every write).
  interface Node {
    value: unknown;
    depth: number;
    key: PropertyKey;
    parent: Node | null;
  }
  const pathOf = (node: Node): PropertyKey[] => {
    const out: PropertyKey[] = [];
    for (let n: Node | null = node; n !== null && n.parent !== null; n = n.parent) out.push(n.key);
    return out.reverse();
  };
  const stack: Node[] = [{ value, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.depth + 1 > maxDepth) return pathOf(node);
    if (Array.isArray(node.value)) node.value.forEach((child, i) => stack.push({ value: child, depth: node.depth + 1, key: i, parent: node }));
    else {
      const record = node.value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        // Leaves need no visit of their own.
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth: node.depth + 1, key, parent: node });
      }
    }
  }
  return null;
}

export function depthIssue(path: ReadonlyArray<PropertyKey>, maxDepth: number = REGISTRY_LIMITS.maxDepth): FieldIssue {
  return { path: shownPath(path), message: `nests deeper than ${maxDepth} levels (counted from the top of the file), which the registry does not accept` };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The compact JSON size of a value, in bytes. */
export function jsonBytes(value: unknown): number {
  return byteLength(JSON.stringify(value) ?? '');
}

export function entryTooLargeIssue(path: ReadonlyArray<PropertyKey>, bytes: number): FieldIssue {
  return {
    path: shownPath(path),
    message: `is ${formatKiB(bytes)} as JSON; one entry may have at most ${formatKiB(REGISTRY_LIMITS.maxEntryBytes)}`,
  };
}

export function fileTooLargeMessage(bytes: number, verb: 'is' | 'would be'): string {
  return `it ${verb} ${formatMiB(bytes)}, and the registry may have at most ${formatMiB(REGISTRY_LIMITS.maxFileBytes)}`;
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
