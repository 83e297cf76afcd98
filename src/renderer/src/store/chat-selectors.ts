import { modelKey } from '../../../shared/model-name';
import type { ModelEntry } from '../../../shared/registry';
import { parseVersionedName } from '../../../shared/versions';
import { displayNameOf, versionLabel } from '../models/model-labels';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';
import { selectModels } from './selectors';

/**
 * What the model pickers offer: the registry's models that are shown in the UI and available, as
 * "Display Name (vN)", then every other model Ollama has, by its Ollama name.
 */

export interface ChatModelOption {
  value: string;
  label: string;
  group: 'registry' | 'ollama';
}

export function chatModelLabel(entry: Pick<ModelEntry, 'name' | 'display_name' | 'version'>): string {
  const version = versionLabel(entry);
  return version ? `${displayNameOf(entry)} (${version})` : displayNameOf(entry);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const buildOptions = memoizeLast(
  (models: Readonly<Record<string, ModelEntry>>, ollamaNames: readonly { name: string }[] | null): ChatModelOption[] => {
    const registry = Object.values(models)
      .filter((m) => m.show_in_ui && m.status === 'available')
      .map((m): ChatModelOption => ({ value: m.name, label: chatModelLabel(m), group: 'registry' }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const taken = new Set(registry.map((o) => modelKey(o.value)));
    const others = (ollamaNames ?? [])
      .filter((m) => !taken.has(modelKey(m.name)))
      .map((m): ChatModelOption => ({ value: m.name, label: m.name, group: 'ollama' }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [...registry, ...others];
  },
);

export const selectChatModelOptions = (s: AppState): ChatModelOption[] => buildOptions(selectModels(s), s.sync?.ollamaModels ?? null);

/** The registry's default when it can be chatted with, else the first registry model, else any. */
export function defaultChatModel(s: AppState): string | null {
  const options = selectChatModelOptions(s);
  const preferred = s.snapshot?.registry.default_model ?? null;
  if (preferred && options.some((o) => o.value === preferred)) return preferred;
  return options[0]?.value ?? null;
}

export const selectChatModel = (s: AppState): string | null => s.chat.model ?? defaultChatModel(s);

/** For a comparison: a sibling version of the first model (nearest version first), else another model. */
export function defaultCompareModel(s: AppState): string | null {
  const first = selectChatModel(s);
  const options = selectChatModelOptions(s).filter((o) => o.value !== first);
  if (first === null) return options[0]?.value ?? null;
  const { family, version } = parseVersionedName(first);
  const siblings = options
    .map((o) => ({ o, parsed: parseVersionedName(o.value) }))
    .filter(({ parsed }) => parsed.family.toLowerCase() === family.toLowerCase() && parsed.version !== null)
    .sort((a, b) => Math.abs((a.parsed.version ?? 0) - (version ?? 0)) - Math.abs((b.parsed.version ?? 0) - (version ?? 0)));
  return siblings[0]?.o.value ?? options[0]?.value ?? null;
}

export const selectCompareModel = (s: AppState): string | null => s.chat.compareModel ?? defaultCompareModel(s);

/** The label a model is shown with anywhere in chat: its picker label when it has one. */
export function labelForModel(s: AppState, name: string): string {
  const entry = selectModels(s)[name];
  return entry ? chatModelLabel(entry) : name;
}
