import { modelKey } from '../../shared/model-name';
import type { ModelEntry, Registry } from '../../shared/registry';
import { ownValue } from '../../shared/own-key';
import { resolveAlias } from '../../shared/release/aliases';

/**
 * Finding a registry model by the name a user or a program gave: exactly, or as Ollama would
 * match it (`llama3` is `llama3:latest`, case does not matter).
 */
export function findRegistryModel(registry: Registry | null, name: string): ModelEntry | null {
  if (!registry) return null;
  const exact = ownValue(registry.models, name);
  if (exact) return exact;
  const key = modelKey(name);
  return Object.values(registry.models).find((entry) => modelKey(entry.name) === key) ?? null;
}

/** A registry model by its own name, else the version a released alias (`family:latest`) points at. */
export function findModelOrAlias(registry: Registry | null, name: string): ModelEntry | null {
  return findRegistryModel(registry, name) ?? (registry ? resolveAlias(registry, name) : null);
}

export function modelLabel(entry: Pick<ModelEntry, 'name' | 'display_name'>): string {
  return entry.display_name.trim() || entry.name;
}
