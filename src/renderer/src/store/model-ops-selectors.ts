import { humanBytes } from '../../../shared/human-bytes';
import { modelKey } from '../../../shared/model-name';
import type { OllamaModel } from '../../../shared/contract';
import type { BaseModelEntry, ModelEntry } from '../../../shared/registry';
import { familyOf } from '../../../shared/versions';
import { groupByFamily } from '../models/family-groups';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';
import { selectBaseModels, selectModels } from './selectors';

const NO_OLLAMA: readonly OllamaModel[] = [];

/** What Ollama had at the last sync (also while offline: better than nothing for pickers and name checks). */
export const selectKnownOllamaModels = (s: AppState): readonly OllamaModel[] => s.sync?.ollamaModels ?? NO_OLLAMA;

export interface BaseChoice {
  name: string;
  /** "Llama 3 (Latest) · 4.7 GB" */
  detail: string;
  group: 'registry' | 'ollama';
  /** Null when unknown (offline or never synced). */
  inOllama: boolean | null;
}

const baseChoices = memoizeLast(
  (bases: Readonly<Record<string, BaseModelEntry>>, ollama: readonly OllamaModel[], online: boolean): BaseChoice[] => {
    const byKey = new Map(ollama.map((m) => [modelKey(m.name), m]));
    const out: BaseChoice[] = [];
    const seen = new Set<string>();
    for (const [name, entry] of Object.entries(bases).sort(([a], [b]) => a.localeCompare(b))) {
      const found = byKey.get(modelKey(name));
      const size = found ? humanBytes(found.size) : entry.size;
      const detail = [entry.display_name, size, online && !found ? 'not in Ollama yet' : null].filter(Boolean).join(' · ');
      out.push({ name, detail, group: 'registry', inOllama: online ? found !== undefined : null });
      seen.add(modelKey(name));
    }
    for (const model of [...ollama].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(modelKey(model.name))) continue;
      const details = [model.details.parameter_size, model.details.quantization_level].filter(Boolean).join(' ');
      out.push({ name: model.name, detail: [humanBytes(model.size), details].filter(Boolean).join(' · '), group: 'ollama', inOllama: true });
    }
    return out;
  },
);
/** Base models to build on: the registry's list first, then everything else Ollama has, with sizes. */
export const selectBaseChoices = (s: AppState) => baseChoices(selectBaseModels(s), selectKnownOllamaModels(s), s.sync?.connection.status === 'online');

const NO_FAMILY: readonly ModelEntry[] = [];
const familyMembers = memoizeLast((models: Readonly<Record<string, ModelEntry>>, family: string): readonly ModelEntry[] => {
  const members = Object.values(models).filter((m) => familyOf(m.name) === family);
  return members.length === 0 ? NO_FAMILY : (groupByFamily(members, 'name')[0]?.models ?? NO_FAMILY);
});
/** The model's family (`name-vN` siblings), newest version first. */
export const selectFamily = (name: string) => (s: AppState) => familyMembers(selectModels(s), familyOf(name));
