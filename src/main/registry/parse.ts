import { formatIssuePath } from '../../shared/errors';
import { findJsonSyntaxError, locateJsonPath } from '../../shared/json-position';
import type { Registry } from '../../shared/registry';
import { registrySchema } from '../../shared/registry';

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

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const found = findJsonSyntaxError(body);
    const where = found ? `line ${found.line}, column ${found.column}: ${found.message}` : String(error);
    return {
      ok: false,
      message: `${fileName} is not valid JSON: ${where}.`,
      line: found?.line ?? null,
      column: found?.column ?? null,
      issues: [],
      empty: false,
    };
  }

  const result = registrySchema.safeParse(json);
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
