import { AppError, type FieldIssue } from '../../shared/errors';
import type { Registry } from '../../shared/registry';
import { depthIssue, entryTooLargeIssue, fileTooLargeMessage, jsonBytes, REGISTRY_LIMITS, tooDeepAt } from '../../shared/registry-limits';
import { parseJsonExact, sameJson } from './exact-json';
import { readJsonDocument } from './parse';

/**
 * The checks a change passes before it is written, so that nothing the registry accepts can
 * brick it: bounded nesting (before anything else walks the value recursively), bounded entries
 * and file, and a text that reads back as exactly what was meant.
 */

function refuse(message: string, issues: FieldIssue[]): AppError {
  return new AppError('validation', `Invalid registry change: ${message}`, issues);
}

/** Nesting first: the schema, the key ordering and JSON itself all recurse. */
export function checkDepth(draft: unknown): void {
  const at = tooDeepAt(draft);
  if (at === null) return;
  const issue = depthIssue(at);
  throw refuse(`${issue.path} ${issue.message}. Keep extra values flatter.`, [issue]);
}

/** Entries that changed (or are new) may not exceed the per-entry size; unchanged ones are as the file had them. */
export function checkEntrySizes(next: Registry, before: Registry): void {
  const issues: FieldIssue[] = [];
  const measure = (path: string[], value: unknown, old: unknown, existed: boolean) => {
    if (existed && sameJson(value, old)) return;
    const bytes = jsonBytes(value);
    if (bytes > REGISTRY_LIMITS.maxEntryBytes) issues.push(entryTooLargeIssue(path, bytes));
  };
  for (const field of ['models', 'base_models'] as const) {
    const entries = next[field] as Record<string, unknown>;
    const old = before[field] as Record<string, unknown>;
    for (const key of Object.keys(entries)) measure([field, key], entries[key], old[key], Object.hasOwn(old, key));
  }
  const top = next as Record<string, unknown>;
  const oldTop = before as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (key !== 'models' && key !== 'base_models') measure([key], top[key], oldTop[key], Object.hasOwn(oldTop, key));
  }
  if (issues.length > 0) throw refuse(issues.map((i) => `${i.path} ${i.message}`).join('; '), issues);
}

/**
 * The text to write must fit the file limit and read back as exactly `value`. `exactNumbers`, when
 * the serializer says whether it wrote any, lets the read-back skip the structure scan: the text
 * came from JSON.stringify (no duplicate keys, no syntax errors) of a value whose depth
 * `checkDepth` bounded, so the scan could only repeat that, at a cost that grows with the file.
 */
export function checkWritable(value: unknown, text: string, exactNumbers?: boolean): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > REGISTRY_LIMITS.maxFileBytes) {
    throw refuse(`the registry would be too large: ${fileTooLargeMessage(bytes, 'would be')}.`, [{ path: '(root)', message: 'too large' }]);
  }
  const back = exactNumbers === undefined ? readJsonDocument(text) : readOwnText(text, exactNumbers);
  if (!back.ok || !sameJson(back.value, value)) {
    const why = back.ok ? 'it would not read back the same (a value JSON cannot hold, such as NaN or Infinity?)' : back.message;
    throw refuse(`it cannot be written as JSON and read back: ${why}.`, [{ path: '(root)', message: 'cannot be written as JSON' }]);
  }
}

function readOwnText(text: string, exactNumbers: boolean): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseJsonExact(text, exactNumbers) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
