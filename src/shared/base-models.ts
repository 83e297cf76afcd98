import type { OllamaModel } from './contract';
import { modelKey } from './model-name';
import type { Registry } from './registry';

/**
 * Which registry models are built on which base model (their `base_model` field), so that
 * deleting a base the models need asks first, and bases the models use but `base_models` does
 * not list can be offered for adding. Names compare as Ollama compares them (`llama3` is
 * `llama3:latest`).
 */

/** Registry model names whose `base_model` is `base`, sorted. */
export function modelsBuiltOn(registry: Pick<Registry, 'models'>, base: string): string[] {
  const key = modelKey(base);
  const out: string[] = [];
  for (const [name, entry] of Object.entries(registry.models)) {
    if (entry.base_model !== '' && modelKey(entry.base_model) === key) out.push(name);
  }
  return out.sort((a, b) => a.localeCompare(b));
}

/** Every base model key → the registry models built on it. */
export function dependentsByBase(registry: Pick<Registry, 'models'>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [name, entry] of Object.entries(registry.models)) {
    if (entry.base_model === '') continue;
    const key = modelKey(entry.base_model);
    const list = map.get(key);
    if (list) list.push(name);
    else map.set(key, [name]);
  }
  for (const list of map.values()) list.sort((a, b) => a.localeCompare(b));
  return map;
}

export interface UnlistedBase {
  /** The name as the first model that uses it writes it. */
  name: string;
  usedBy: string[];
  /** Null when what Ollama has is unknown (offline, not synced yet). */
  inOllama: boolean | null;
  /** Bytes, when Ollama has it. */
  size: number | null;
}

/**
 * Bases that registry models are built on but `base_models` lacks, sorted by name. Registry
 * models themselves are left out: a model built on another registry model (v2 FROM v1) is a
 * version, not a base.
 */
export function unlistedBases(registry: Pick<Registry, 'models' | 'base_models'>, ollamaModels: readonly OllamaModel[] | null): UnlistedBase[] {
  const listed = new Set(Object.keys(registry.base_models).map(modelKey));
  const registered = new Set(Object.keys(registry.models).map(modelKey));
  const inOllama = ollamaModels ? new Map(ollamaModels.map((m) => [modelKey(m.name), m] as const)) : null;
  const found = new Map<string, UnlistedBase>();
  for (const [name, entry] of Object.entries(registry.models)) {
    if (entry.base_model === '') continue;
    const key = modelKey(entry.base_model);
    if (listed.has(key) || registered.has(key)) continue;
    const known = found.get(key);
    if (known) {
      known.usedBy.push(name);
      continue;
    }
    const model = inOllama?.get(key);
    found.set(key, {
      name: model?.name ?? entry.base_model,
      usedBy: [name],
      inOllama: inOllama ? model !== undefined : null,
      size: model?.size ?? null,
    });
  }
  for (const base of found.values()) base.usedBy.sort((a, b) => a.localeCompare(b));
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
