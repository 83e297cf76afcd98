import { z } from 'zod';
import { modelNameProblem, sameModel } from './model-name';
import type { EntryProblems } from './import-entries';
import type { BaseModelEntry, ModelEntry, Registry } from './registry';
import { ownValue, setOwn } from './own-key';

/**
 * What importing a registry file would do, entry by entry, before anything is written: `add` (new
 * here), `change` (here already and different: which fields, before and after), `same` (nothing
 * to do) or `invalid` (cannot be imported, and why). Pure: main computes it for the preview and
 * again, against the registry as it is then, when the user applies the entries they ticked.
 *
 * Only what a user declares is compared: names, descriptions, files, flags and any extra key the
 * file carries (the seed's `is_jamie_model`). What this machine's Ollama decides (status, build
 * provenance, times) is left out, or every entry would differ. The imported file's entries are
 * compared as written, before defaults: a key the file leaves out changes nothing here.
 */

/** Keys of a model entry that record this machine's state, never compared nor overwritten by a change. */
export const MODEL_STATE_KEYS: ReadonlySet<string> = new Set(['name', 'status', 'created_at', 'last_updated', 'build', 'failure_reason']);
/** Keys of a base model entry that sync keeps in line with Ollama. */
export const BASE_STATE_KEYS: ReadonlySet<string> = new Set(['status', 'size']);

export const IMPORT_ACTIONS = ['add', 'change', 'same', 'invalid'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const importItemSchema = z.object({
  kind: z.enum(['model', 'base_model']),
  /** The key in the imported file. */
  name: z.string(),
  /** The key of the matching entry here (may be spelled differently: `llama3` for `llama3:latest`); null for an add. */
  existing: z.string().nullable(),
  action: z.enum(IMPORT_ACTIONS),
  /** The display name, for the list. */
  label: z.string(),
  changes: z.array(fieldChangeSchema),
  /** Why an `invalid` entry cannot be imported. */
  problem: z.string().nullable(),
  /** Things to know that do not stop the import (the Modelfile is not in this workspace yet). */
  warnings: z.array(z.string()),
});
export type ImportItem = z.infer<typeof importItemSchema>;

export const defaultModelPlanSchema = z.object({
  current: z.string().nullable(),
  imported: z.string().nullable(),
  /** `none`: the file names no default; `same`: it names the current one; `change`: another. */
  action: z.enum(['none', 'same', 'change']),
});
export type DefaultModelPlan = z.infer<typeof defaultModelPlanSchema>;

export const importPlanSchema = z.object({
  fileName: z.string(),
  models: z.array(importItemSchema),
  baseModels: z.array(importItemSchema),
  defaultModel: defaultModelPlanSchema,
  counts: z.object({ add: z.number(), change: z.number(), same: z.number(), invalid: z.number() }),
});
export type ImportPlan = z.infer<typeof importPlanSchema>;

/** An imported file's content as written (validated, but without the schema's defaults filled in). */
export interface ImportSource {
  default_model: string | null;
  models: Record<string, Record<string, unknown>>;
  base_models: Record<string, Record<string, unknown>>;
  /** Entries that failed the registry's schema, with why: planned as `invalid`, never applied. */
  problems?: EntryProblems;
}

export interface PlanOptions {
  fileName?: string;
  /**
   * Checks a model's `modelfile` path in this workspace: `{ error }` when it cannot be used (it
   * leaves the workspace), `{ warning }` when it can but something is off (no such file yet).
   */
  checkModelfile?: (path: string) => { error?: string; warning?: string } | null;
}

/** The entry in `record` that names the same model as `name` (exact key first). */
export function findEntryKey(record: Readonly<Record<string, unknown>>, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  return Object.keys(record).find((key) => sameModel(key, name));
}

export function planImport(current: Pick<Registry, 'default_model' | 'models' | 'base_models'>, source: ImportSource, options: PlanOptions = {}): ImportPlan {
  const models = Object.entries(source.models).map(([name, raw]) => planModel(current, name, raw, options, source.problems?.models[name]));
  const baseModels = Object.entries(source.base_models).map(([name, raw]) => planBaseModel(current, name, raw, source.problems?.base_models[name]));
  const counts = { add: 0, change: 0, same: 0, invalid: 0 };
  for (const item of [...models, ...baseModels]) counts[item.action]++;
  return {
    fileName: options.fileName ?? 'model_settings.json',
    models,
    baseModels,
    defaultModel: planDefault(current.default_model, source.default_model),
    counts,
  };
}

export function planModel(current: Pick<Registry, 'models'>, name: string, raw: Record<string, unknown>, options: PlanOptions = {}, problem?: string): ImportItem {
  const label = typeof raw.display_name === 'string' && raw.display_name.trim() !== '' ? raw.display_name : name;
  const existing = findEntryKey(current.models, name) ?? null;
  const entry = existing === null ? undefined : ownValue(current.models, existing);
  const base = { kind: 'model' as const, name, existing, label };
  if (problem) return { ...base, action: 'invalid', changes: [], problem, warnings: [] };
  const nameProblem = modelNameProblem(name);
  if (nameProblem) return { ...base, action: 'invalid', changes: [], problem: `"${name}" is not a valid Ollama model name: ${nameProblem}`, warnings: [] };

  const changes = entry ? declaredChanges(entry, raw, MODEL_STATE_KEYS) : [];
  const warnings: string[] = [];
  // The Modelfile path matters only when it would be written: on an add, or when it changes.
  const modelfile = typeof raw.modelfile === 'string' ? raw.modelfile : '';
  const writesModelfile = entry === undefined || changes.some((c) => c.field === 'modelfile');
  if (writesModelfile && modelfile !== '' && options.checkModelfile) {
    const check = options.checkModelfile(modelfile);
    if (check?.error) return { ...base, action: 'invalid', changes, problem: check.error, warnings };
    if (check?.warning) warnings.push(check.warning);
  }
  if (entry === undefined) return { ...base, action: 'add', changes: [], problem: null, warnings };
  return { ...base, action: changes.length > 0 ? 'change' : 'same', changes, problem: null, warnings };
}

export function planBaseModel(current: Pick<Registry, 'base_models'>, name: string, raw: Record<string, unknown>, problem?: string): ImportItem {
  const label = typeof raw.display_name === 'string' && raw.display_name.trim() !== '' ? raw.display_name : name;
  const existing = findEntryKey(current.base_models, name) ?? null;
  const entry = existing === null ? undefined : ownValue(current.base_models, existing);
  const base = { kind: 'base_model' as const, name, existing, label };
  if (problem) return { ...base, action: 'invalid', changes: [], problem, warnings: [] };
  const nameProblem = modelNameProblem(name);
  if (nameProblem) return { ...base, action: 'invalid', changes: [], problem: `"${name}" is not a valid Ollama model name: ${nameProblem}`, warnings: [] };
  if (entry === undefined) return { ...base, action: 'add', changes: [], problem: null, warnings: [] };
  const changes = declaredChanges(entry, raw, BASE_STATE_KEYS);
  return { ...base, action: changes.length > 0 ? 'change' : 'same', changes, problem: null, warnings: [] };
}

function planDefault(current: string | null, imported: string | null): DefaultModelPlan {
  const named = imported === null || imported === '' ? null : imported;
  if (named === null) return { current, imported: null, action: 'none' };
  return { current, imported: named, action: current !== null && current !== '' && sameModel(current, named) ? 'same' : 'change' };
}

/** The declared fields the imported entry sets to something else; keys it leaves out change nothing. */
function declaredChanges(existing: Readonly<Record<string, unknown>>, imported: Record<string, unknown>, stateKeys: ReadonlySet<string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, after] of Object.entries(imported)) {
    if (stateKeys.has(field)) continue;
    const before = Object.hasOwn(existing, field) ? existing[field] : undefined;
    if (!sameJson(before, after)) changes.push({ field, before: before ?? null, after });
  }
  return changes;
}

/** Deep equality of JSON values (object key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * A changed model: the entry here with the imported declared fields laid over it. Keys only one
 * side has survive (an extra flag of either file); this machine's state keys stay as they are.
 */
export function mergeModelEntry(existing: ModelEntry, imported: Record<string, unknown>, stamp: string): ModelEntry {
  const next: Record<string, unknown> = { ...existing };
  for (const [field, value] of Object.entries(imported)) if (!MODEL_STATE_KEYS.has(field)) setOwn(next, field, value);
  next.last_updated = stamp;
  return next as ModelEntry;
}

export function mergeBaseModelEntry(existing: BaseModelEntry, imported: Record<string, unknown>): BaseModelEntry {
  const next: Record<string, unknown> = { ...existing };
  for (const [field, value] of Object.entries(imported)) if (!BASE_STATE_KEYS.has(field)) setOwn(next, field, value);
  return next as BaseModelEntry;
}
