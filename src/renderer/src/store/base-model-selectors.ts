import { dependentsByBase, unlistedBases, type UnlistedBase } from '../../../shared/base-models';
import type { OllamaModel } from '../../../shared/contract';
import { modelKey } from '../../../shared/model-name';
import type { BaseModelEntry, ModelEntry } from '../../../shared/registry';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';
import { selectBaseModels, selectModels } from './selectors';

/** One row of the Base models page: the entry, what Ollama says about it, and who needs it. */
export interface BaseModelView {
  name: string;
  entry: BaseModelEntry;
  /** Null until a sync says what Ollama has (or while offline). */
  inOllama: boolean | null;
  /** Bytes, when Ollama has it. */
  ollamaSize: number | null;
  /** Registry models built on it (their `base_model`), sorted. */
  dependents: string[];
}

const NO_NAMES: string[] = [];

/** What Ollama has, only while the last sync reached it: offline, the last list may be stale. */
const selectOllamaModels = (s: AppState): readonly OllamaModel[] | null => (s.sync?.connection.status === 'online' ? s.sync.ollamaModels : null);

const views = memoizeLast(
  (bases: Readonly<Record<string, BaseModelEntry>>, models: Readonly<Record<string, ModelEntry>>, ollama: readonly OllamaModel[] | null): BaseModelView[] => {
    const present = ollama ? new Map(ollama.map((m) => [modelKey(m.name), m] as const)) : null;
    const dependents = dependentsByBase({ models });
    return Object.entries(bases)
      .map(([name, entry]) => {
        const found = present?.get(modelKey(name));
        return {
          name,
          entry,
          inOllama: present ? found !== undefined : null,
          ollamaSize: found?.size ?? null,
          dependents: dependents.get(modelKey(name)) ?? NO_NAMES,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  },
);
export const selectBaseModelViews = (s: AppState) => views(selectBaseModels(s), selectModels(s), selectOllamaModels(s));

const unlisted = memoizeLast(
  (bases: Readonly<Record<string, BaseModelEntry>>, models: Readonly<Record<string, ModelEntry>>, ollama: readonly OllamaModel[] | null): UnlistedBase[] =>
    unlistedBases({ models, base_models: bases }, ollama),
);
/** Bases the registry's models use that `base_models` does not list. */
export const selectUnlistedBases = (s: AppState) => unlisted(selectBaseModels(s), selectModels(s), selectOllamaModels(s));
