import type { BaseModelEntry, ModelEntry } from '../../../shared/registry';
import { modelKey } from '../../../shared/model-name';
import { memoizeLast } from '../models/memoize-last';
import { selectVisibleModels, type VisibleModels } from '../models/visible-models';
import type { AppState } from './app-state';

// Stable empties: a selector returning a fresh `{}` would re-render (or loop) on every store change.
const NO_MODELS: Readonly<Record<string, ModelEntry>> = {};
const NO_BASE_MODELS: Readonly<Record<string, BaseModelEntry>> = {};

export const selectModels = (s: AppState) => s.snapshot?.registry.models ?? NO_MODELS;
export const selectBaseModels = (s: AppState) => s.snapshot?.registry.base_models ?? NO_BASE_MODELS;
export const selectDefaultModel = (s: AppState) => s.snapshot?.registry.default_model ?? null;
export const selectReadOnly = (s: AppState) => s.snapshot?.readOnly ?? false;
export const selectProblem = (s: AppState) => s.snapshot?.problem ?? null;
export const selectWorkspace = (s: AppState) => s.snapshot?.workspace ?? null;
export const selectConnection = (s: AppState) => s.sync?.connection ?? null;

export const selectModelView = (s: AppState): VisibleModels => selectVisibleModels(selectModels(s), s.filters);

export interface BaseModelOption {
  value: string;
  label: string;
}

const baseModelOptions = memoizeLast(
  (models: Readonly<Record<string, ModelEntry>>, bases: Readonly<Record<string, BaseModelEntry>>): BaseModelOption[] => {
    const byKey = new Map<string, BaseModelOption>();
    for (const model of Object.values(models)) {
      if (model.base_model === '') continue;
      const key = modelKey(model.base_model);
      if (byKey.has(key)) continue;
      const display = bases[model.base_model]?.display_name.trim();
      byKey.set(key, { value: model.base_model, label: display ? `${display} (${model.base_model})` : model.base_model });
    }
    return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label));
  },
);
/** The base models the registry's models are built on, for the filter. */
export const selectBaseModelOptions = (s: AppState) => baseModelOptions(selectModels(s), selectBaseModels(s));

export interface BaseModelRow {
  name: string;
  entry: BaseModelEntry;
  /** Null until the first sync says what Ollama has. */
  inOllama: boolean | null;
  builtOnIt: number;
}

const baseModelRows = memoizeLast(
  (
    bases: Readonly<Record<string, BaseModelEntry>>,
    models: Readonly<Record<string, ModelEntry>>,
    ollamaNames: readonly { name: string }[] | null,
  ): BaseModelRow[] => {
    const inOllama = ollamaNames ? new Set(ollamaNames.map((m) => modelKey(m.name))) : null;
    const builtOn = new Map<string, number>();
    for (const model of Object.values(models)) {
      if (model.base_model === '') continue;
      const key = modelKey(model.base_model);
      builtOn.set(key, (builtOn.get(key) ?? 0) + 1);
    }
    return Object.entries(bases)
      .map(([name, entry]) => ({
        name,
        entry,
        inOllama: inOllama ? inOllama.has(modelKey(name)) : null,
        builtOnIt: builtOn.get(modelKey(name)) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },
);
export const selectBaseModelRows = (s: AppState) =>
  // Offline, the last list may be stale: "unknown" is more honest than "no".
  baseModelRows(selectBaseModels(s), selectModels(s), s.sync?.connection.status === 'online' ? s.sync.ollamaModels : null);
