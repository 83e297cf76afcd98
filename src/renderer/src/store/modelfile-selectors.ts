import type { ValidationContext } from '../../../shared/modelfile';
import { modelKey } from '../../../shared/model-name';
import type { BaseModelEntry } from '../../../shared/registry';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';
import { normalizeModelfilePath } from './modelfile-path';
import { selectBaseModels } from './selectors';

const NO_NAMES: ReadonlySet<string> = new Set();

const outdatedSet = memoizeLast((names: readonly string[] | undefined): ReadonlySet<string> => (names ? new Set(names.map(modelKey)) : NO_NAMES));
/** Built, but its Modelfile or base model changed since (sync compares the build provenance). */
export const selectIsOutdated = (name: string) => (s: AppState) => outdatedSet(s.sync?.outdated).has(modelKey(name));

/** What Ollama has, or null when offline or not synced yet (then "missing" cannot be told). */
export const selectOllamaNames = (s: AppState): readonly { name: string }[] | null =>
  s.sync?.connection.status === 'online' ? s.sync.ollamaModels : null;

const validationContext = memoizeLast(
  (bases: Readonly<Record<string, BaseModelEntry>>, ollama: readonly { name: string }[] | null): ValidationContext =>
    ollama ? { baseModels: Object.keys(bases), ollamaModels: ollama.map((m) => m.name) } : { baseModels: Object.keys(bases) },
);
/** What `diagnose` needs to warn about an unknown base model. */
export const selectValidationContext = (s: AppState) => validationContext(selectBaseModels(s), selectOllamaNames(s));

export interface BaseSuggestion {
  name: string;
  /** Where the name comes from, shown beside it in the completion list. */
  detail: string;
  info?: string;
}

const baseSuggestions = memoizeLast(
  (bases: Readonly<Record<string, BaseModelEntry>>, ollama: readonly { name: string }[] | null): BaseSuggestion[] => {
    const inOllama = new Set((ollama ?? []).map((m) => modelKey(m.name)));
    const out = new Map<string, BaseSuggestion>();
    for (const [name, entry] of Object.entries(bases)) {
      const detail = inOllama.has(modelKey(name)) ? 'base model · in Ollama' : 'base model · not in Ollama';
      const info = [entry.display_name, entry.description, entry.size].filter(Boolean).join(' · ');
      out.set(modelKey(name), info ? { name, detail, info } : { name, detail });
    }
    for (const model of ollama ?? []) {
      if (!out.has(modelKey(model.name))) out.set(modelKey(model.name), { name: model.name, detail: 'in Ollama' });
    }
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  },
);
/** Names to complete after FROM: the registry's base models and everything Ollama has. */
export const selectBaseSuggestions = (s: AppState) => baseSuggestions(selectBaseModels(s), selectOllamaNames(s));

export const selectDocument = (path: string) => (s: AppState) => s.documents[normalizeModelfilePath(path)];
