import { modelKey } from '../../../../shared/model-name';
import type { ModelEntry } from '../../../../shared/registry';
import { ownValue } from '../../../../shared/own-key';

/** The registry entry for an Ollama name (`/api/ps` says `x:latest` where the registry may say `x`). */
export function findModelEntry(models: Readonly<Record<string, ModelEntry>> | undefined, name: string): ModelEntry | undefined {
  if (!models) return undefined;
  const exact = ownValue(models, name);
  if (exact) return exact;
  const key = modelKey(name);
  for (const [registered, entry] of Object.entries(models)) if (modelKey(registered) === key) return entry;
  return undefined;
}
