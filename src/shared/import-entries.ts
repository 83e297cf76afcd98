import type { z } from 'zod';
import { formatIssuePath } from './errors';
import { baseModelEntrySchema, modelEntrySchema } from './registry';

/**
 * An imported registry file, entry by entry: one bad entry must not stop the good ones. Each
 * model and base model is checked on its own against the registry's schema; an entry that fails
 * is kept with its problem (shown once, at the entry) and cannot be ticked, the rest can be
 * imported. Only a file that is not a registry at all (not an object, `models` not an object)
 * is refused as a whole.
 */

export interface EntryProblems {
  models: Record<string, string>;
  base_models: Record<string, string>;
}

export type CheckedImport =
  | {
      ok: true;
      default_model: string | null;
      models: Record<string, Record<string, unknown>>;
      base_models: Record<string, Record<string, unknown>>;
      problems: EntryProblems;
    }
  | { ok: false; issues: Array<{ path: string; message: string }> };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "show_in_ui: expected boolean, received string; name: …", paths relative to the entry. */
function problemOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`).join('; ');
}

export function checkImportEntries(json: unknown): CheckedImport {
  if (!isObject(json)) return { ok: false, issues: [{ path: '(root)', message: 'must be a JSON object with "models" and "base_models"' }] };
  const issues: Array<{ path: string; message: string }> = [];
  for (const key of ['models', 'base_models'] as const) {
    if (json[key] !== undefined && !isObject(json[key])) issues.push({ path: key, message: 'must be an object of entries by name' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const problems: EntryProblems = { models: {}, base_models: {} };
  const models = (json.models ?? {}) as Record<string, unknown>;
  const baseModels = (json.base_models ?? {}) as Record<string, unknown>;
  for (const [name, raw] of Object.entries(models)) {
    if (!isObject(raw)) {
      problems.models[name] = 'the entry is not an object';
      continue;
    }
    const parsed = modelEntrySchema.safeParse(raw);
    if (!parsed.success) problems.models[name] = problemOf(parsed.error);
    else if (parsed.data.name !== name) problems.models[name] = `name: must equal its key "${name}" (found "${parsed.data.name}")`;
  }
  for (const [name, raw] of Object.entries(baseModels)) {
    if (!isObject(raw)) problems.base_models[name] = 'the entry is not an object';
    else {
      const parsed = baseModelEntrySchema.safeParse(raw);
      if (!parsed.success) problems.base_models[name] = problemOf(parsed.error);
    }
  }
  return {
    ok: true,
    // A default that is not a name is ignored, like one that names no model here.
    default_model: typeof json.default_model === 'string' ? json.default_model : null,
    models: Object.fromEntries(Object.entries(models).map(([name, raw]) => [name, isObject(raw) ? raw : {}])),
    base_models: Object.fromEntries(Object.entries(baseModels).map(([name, raw]) => [name, isObject(raw) ? raw : {}])),
    problems,
  };
}
