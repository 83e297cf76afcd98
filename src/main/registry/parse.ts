import { formatIssuePath } from '../../shared/errors';
import { inspectJson, locateJsonPath } from '../../shared/json-position';
import type { Registry } from '../../shared/registry';
import { parseRegistry } from '../../shared/registry';
import { fileTooLargeMessage, REGISTRY_LIMITS } from '../../shared/registry-limits';
import { parseJsonExact } from './exact-json';

export type ParsedRegistry =
  | { ok: true; registry: Registry; raw: Record<string, unknown> }
  | {
      ok: false;
      /** One sentence: what is wrong and where. */
      message: string;
      line: number | null;
      column: number | null;
      issues: Array<{ path: string; message: string }>;
      /** An empty file holds nothing worth a backup copy. */
      empty: boolean;
    };

const MAX_ISSUES_IN_MESSAGE = 3;

/** Reads the registry file's text: JSON first (with line and column), then the schema (with field paths). */
export function parseRegistryText(text: string, fileName: string): ParsedRegistry {
  // Editors on Windows may add a byte-order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return { ok: false, message: `${fileName} is empty.`, line: null, column: null, issues: [], empty: true };
  }

  const bytes = Buffer.byteLength(body);
  if (bytes > REGISTRY_LIMITS.maxFileBytes) {
    return { ok: false, message: `${fileName} is too large: ${fileTooLargeMessage(bytes, 'is')}.`, line: null, column: null, issues: [], empty: false };
  }

  const read = readJsonDocument(body);
  if (!read.ok) {
    const what = read.kind === 'syntax' ? 'is not valid JSON' : read.kind === 'depth' ? 'is nested too deeply' : 'has a duplicate key';
    return { ok: false, message: `${fileName} ${what}: line ${read.line}, column ${read.column}: ${read.message}.`, line: read.line, column: read.column, issues: [], empty: false };
  }
  const json = read.value;

  const result = parseRegistry(json);
  if (result.success) return { ok: true, registry: result.data, raw: json as Record<string, unknown> };

  const issues = result.error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    // zod says "Invalid input: expected boolean, received string"; the path already says where.
    message: issue.message.replace(/^Invalid input: /, ''),
  }));
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
  const first = result.error.issues[0];
  const position = first ? locateJsonPath(body, first.path) : null;
  return {
    ok: false,
    message: `${fileName} does not match the registry format: ${shown.join('; ')}${more}.`,
    line: position?.line ?? null,
    column: position?.column ?? null,
    issues,
    empty: false,
  };
}

export type JsonDocument =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'syntax' | 'depth' | 'duplicate'; message: string; line: number; column: number };

/**
 * A JSON text as the registry reads it: syntax, nesting within the registry's depth limit, no key
 * twice in one object (JSON.parse would silently keep the last), and numbers exactly as written.
 */
export function readJsonDocument(body: string): JsonDocument {
  const inspected = inspectJson(body, { maxDepth: REGISTRY_LIMITS.maxDepth, duplicateKeys: true });
  if (inspected.problem) {
    const { kind, message, line, column } = inspected.problem;
    return { ok: false, kind, message, line, column };
  }
  return { ok: true, value: parseJsonExact(body, inspected.exactNumbers) };
}
