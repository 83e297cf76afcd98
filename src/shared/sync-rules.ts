import type { OllamaModel } from './contract';
import { humanBytes } from './human-bytes';
import { modelKey } from './model-name';
import type { BaseModelEntry, ModelEntry, ModelStatus, Registry } from './registry';
import { timestamp } from './registry';
import { ownValue, setOwn } from './own-key';

/**
 * How the registry follows what Ollama has. Only called with a real answer from Ollama: when
 * Ollama cannot be reached nothing here runs, so nothing is marked missing (the seed's bug).
 */

export type BaseModelStatus = BaseModelEntry['status'];

/** A model's status once we know whether Ollama has it. */
export function nextModelStatus(current: ModelStatus, present: boolean): ModelStatus {
  // A running create job owns the status until it ends.
  if (current === 'creating') return current;
  if (present) return 'available';
  // Only something that was there can go missing; pending and failed were never built.
  return current === 'available' ? 'missing' : current;
}

/** Base models follow the same rules: present → available, gone after being there → missing. */
export function nextBaseModelStatus(current: BaseModelStatus, present: boolean): BaseModelStatus {
  if (present) return 'available';
  return current === 'available' ? 'missing' : current;
}

export interface StatusChange {
  kind: 'model' | 'base_model';
  /** The registry key. */
  name: string;
  from: string;
  to: string;
}

export interface ReconcileResult {
  /** The registry with the changes applied; the same object when nothing changed. */
  registry: Registry;
  /** Names whose status changed. */
  changed: string[];
  changes: StatusChange[];
  /** Whether anything at all changed (a status or a base model's size), i.e. whether to write. */
  modified: boolean;
  /** Models Ollama has that the registry names neither as a model nor as a base model. */
  discovered: OllamaModel[];
}

export function reconcile(registry: Registry, ollamaModels: readonly OllamaModel[], now: Date): ReconcileResult {
  const keys = ollamaModels.map((model) => modelKey(model.name));
  const present = new Map<string, OllamaModel>();
  ollamaModels.forEach((model, i) => present.set(keys[i]!, model));

  const changes: StatusChange[] = [];
  const stamp = timestamp(now);
  const known = new Set<string>();

  let models = registry.models;
  for (const [name, entry] of Object.entries(registry.models)) {
    const key = modelKey(name);
    known.add(key);
    const status = nextModelStatus(entry.status, present.has(key));
    if (status === entry.status) continue;
    if (models === registry.models) models = { ...registry.models };
    setOwn(models, name, { ...entry, status, last_updated: stamp });
    changes.push({ kind: 'model', name, from: entry.status, to: status });
  }

  let baseModels = registry.base_models;
  let sizeChanged = false;
  for (const [name, entry] of Object.entries(registry.base_models)) {
    const key = modelKey(name);
    known.add(key);
    const found = present.get(key);
    const status = nextBaseModelStatus(entry.status, found !== undefined);
    const size = found ? humanBytes(found.size) : entry.size;
    if (status === entry.status && size === entry.size) continue;
    if (baseModels === registry.base_models) baseModels = { ...registry.base_models };
    setOwn(baseModels, name, { ...entry, status, ...(size === undefined ? {} : { size }) });
    if (status !== entry.status) changes.push({ kind: 'base_model', name, from: entry.status, to: status });
    else sizeChanged = true;
  }

  // A released alias is the registry's own copy of a version, not something to adopt.
  for (const alias of Object.keys(registry.aliases ?? {})) known.add(modelKey(alias));
  const discovered = ollamaModels.filter((_, i) => !known.has(keys[i]!));
  const modified = changes.length > 0 || sizeChanged;
  return {
    registry: modified ? { ...registry, models, base_models: baseModels } : registry,
    changed: changes.map((change) => change.name),
    changes,
    modified,
    discovered,
  };
}

/** Digests as /api/tags gives them (bare hex) or with their `sha256:` prefix compare equal. */
function bareDigest(digest: string): string {
  return digest.replace(/^sha256[:-]/, '').toLowerCase();
}

/**
 * Whether a built model no longer matches what it was built from: its Modelfile's sha256 differs
 * from the one recorded at build time, or its base model's digest in Ollama does. Unknowns (no
 * build recorded, Modelfile unreadable, base model not in Ollama or Ollama offline) never count
 * as a change.
 */
export function isOutdated(entry: ModelEntry, modelfileSha256: string | null, ollamaModel: (name: string) => OllamaModel | undefined): boolean {
  const build = entry.build;
  if (!build || entry.status === 'creating') return false;
  if (modelfileSha256 !== null && modelfileSha256 !== build.modelfile_sha256) return true;
  // quantize is not in the Modelfile: changing it is a change of what the model is built from.
  if ((entry.quantize ?? '').trim().toUpperCase() !== (build.quantize ?? '').toUpperCase()) return true;
  if (build.base_model && build.base_digest) {
    const base = ollamaModel(build.base_model);
    if (base && bareDigest(base.digest) !== bareDigest(build.base_digest)) return true;
  }
  return false;
}

/** Names of the registry models that are out of date (see isOutdated), in registry order. */
export function outdatedModels(
  registry: Registry,
  ollamaModels: readonly OllamaModel[],
  modelfileSha256: (modelfile: string) => string | null,
): string[] {
  // Built only when a built model needs it: most syncs of a big registry have no builds to check.
  let byKey: Map<string, OllamaModel> | null = null;
  const ollamaModel = (name: string): OllamaModel | undefined => {
    byKey ??= new Map(ollamaModels.map((model) => [modelKey(model.name), model] as const));
    return byKey.get(modelKey(name));
  };
  const out: string[] = [];
  // for…in: no entry arrays for the (usual) thousand models without a build.
  for (const name in registry.models) {
    const entry = ownValue(registry.models, name);
    if (!entry?.build) continue;
    if (isOutdated(entry, entry.modelfile ? modelfileSha256(entry.modelfile) : null, ollamaModel)) out.push(name);
  }
  return out;
}
