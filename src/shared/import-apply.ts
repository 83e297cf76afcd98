import { z } from 'zod';
import {
  findEntryKey,
  mergeBaseModelEntry,
  mergeModelEntry,
  planBaseModel,
  planImport,
  planModel,
  type ImportItem,
  type ImportSource,
  type PlanOptions,
} from './import-plan';
import { baseModelEntrySchema, modelEntrySchema, timestamp, type ModelEntry, type Registry } from './registry';
import { ownValue, setOwn } from './own-key';

/**
 * Applies the entries of an import the user ticked, to a draft of the registry as it is now. Each
 * ticked entry says what the user saw (`add` or `change`); an entry whose plan differs now (it was
 * added or removed here since the preview) is skipped with a reason rather than applied blind, so
 * nothing is overwritten that the user did not see. Pure: the store runs it inside one update.
 */

const pickSchema = z.strictObject({ name: z.string().min(1), action: z.enum(['add', 'change']) });

export const importSelectionSchema = z.strictObject({
  models: z.array(pickSchema).max(50_000).default([]),
  baseModels: z.array(pickSchema).max(50_000).default([]),
  /** Make the file's default model the default here (only when the user ticked it). */
  defaultModel: z.boolean().default(false),
});
export type ImportSelection = z.infer<typeof importSelectionSchema>;

export const skippedImportSchema = z.object({ kind: z.enum(['model', 'base_model', 'default_model']), name: z.string(), reason: z.string() });
export type SkippedImport = z.infer<typeof skippedImportSchema>;

export const importOutcomeSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  skipped: z.array(skippedImportSchema),
  /** The new default, when the import changed it. */
  defaultModel: z.string().nullable(),
  defaultChanged: z.boolean(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export function applyImport(draft: Registry, source: ImportSource, selection: ImportSelection, options: PlanOptions & { now: Date }): ImportOutcome {
  const stamp = timestamp(options.now);
  const outcome: ImportOutcome = { added: [], changed: [], skipped: [], defaultModel: null, defaultChanged: false };

  for (const pick of selection.models) {
    const raw = ownValue(source.models, pick.name);
    if (!raw) {
      outcome.skipped.push({ kind: 'model', name: pick.name, reason: 'The imported file has no such model.' });
      continue;
    }
    const item = planModel(draft, pick.name, raw, options, source.problems?.models[pick.name]);
    const mismatch = mismatchReason(item, pick.action);
    if (mismatch) {
      outcome.skipped.push({ kind: 'model', name: pick.name, reason: mismatch });
      continue;
    }
    if (item.action === 'add') {
      setOwn(draft.models, pick.name, addedModel(pick.name, raw, stamp));
      outcome.added.push(pick.name);
    } else if (item.existing !== null) {
      const existing = ownValue(draft.models, item.existing);
      if (existing) setOwn(draft.models, item.existing, mergeModelEntry(existing, raw, stamp));
      outcome.changed.push(item.existing);
    }
  }

  for (const pick of selection.baseModels) {
    const raw = ownValue(source.base_models, pick.name);
    if (!raw) {
      outcome.skipped.push({ kind: 'base_model', name: pick.name, reason: 'The imported file has no such base model.' });
      continue;
    }
    const item = planBaseModel(draft, pick.name, raw, source.problems?.base_models[pick.name]);
    const mismatch = mismatchReason(item, pick.action);
    if (mismatch) {
      outcome.skipped.push({ kind: 'base_model', name: pick.name, reason: mismatch });
      continue;
    }
    if (item.action === 'add') {
      // Whether Ollama has it here is for sync to say; until then it is declared, not pulled.
      setOwn(draft.base_models, pick.name, { ...baseModelEntrySchema.parse(raw), status: 'pending' });
      outcome.added.push(pick.name);
    } else if (item.existing !== null) {
      const existing = ownValue(draft.base_models, item.existing);
      if (existing) setOwn(draft.base_models, item.existing, mergeBaseModelEntry(existing, raw));
      outcome.changed.push(item.existing);
    }
  }

  if (selection.defaultModel) {
    const plan = planImport(draft, { ...source, models: {}, base_models: {} }).defaultModel;
    const key = plan.imported === null ? undefined : findEntryKey(draft.models, plan.imported);
    if (plan.action === 'change' && key !== undefined) {
      draft.default_model = key;
      outcome.defaultModel = key;
      outcome.defaultChanged = true;
    } else if (plan.action === 'change') {
      outcome.skipped.push({
        kind: 'default_model',
        name: plan.imported ?? '',
        reason: 'It is not one of the models here; import that model too to make it the default.',
      });
    }
  }
  return outcome;
}

function mismatchReason(item: ImportItem, expected: 'add' | 'change'): string | null {
  if (item.action === 'invalid') return item.problem ?? 'It cannot be imported.';
  if (item.action === expected) return null;
  if (item.action === 'same') return 'It is already the same here.';
  return expected === 'add'
    ? 'An entry with this name appeared here since the preview; preview the import again to see the differences.'
    : 'The entry here was removed since the preview; preview the import again.';
}

/**
 * A new model from another registry. Its status there says nothing about this machine's Ollama:
 * it starts as declared (`pending`) and the sync after the import marks it available if Ollama
 * has it. Its build record is kept (it tells a rebuild what it was built from).
 */
function addedModel(name: string, raw: Record<string, unknown>, stamp: string): ModelEntry {
  const entry = modelEntrySchema.parse({ ...raw, name });
  const next: ModelEntry = { ...entry, status: 'pending', created_at: entry.created_at ?? stamp, last_updated: stamp };
  delete next.failure_reason;
  return next;
}
