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
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.path.length + 1 > maxDepth) return item.path;
    if (Array.isArray(item.value)) item.value.forEach((child, i) => stack.push({ value: child, path: [...item.path, i] }));
    else for (const [key, child] of Object.entries(item.value)) stack.push({ value: child, path: [...item.path, key] });
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
