import type { OllamaModel } from '../../shared/contract';
import { AppError, type FieldIssue } from '../../shared/errors';
import { modelNameProblem, sameModel } from '../../shared/model-name';
import type { ModelEntry, Registry } from '../../shared/registry';
import { createJobKey } from '../jobs/job-handlers';
import { findModelKey } from '../registry/operations';
import type { RegistrySnapshot } from '../../shared/contract';
import type { ModelOpsDeps } from './deps';
import { ownValue } from '../../shared/own-key';
import { findAliasKey } from '../../shared/release/aliases';

/** The checks every model operation starts with, each failing with an error that names the field. */

export function requireWritable(snapshot: RegistrySnapshot): void {
  if (!snapshot.readOnly) return;
  const why = snapshot.problem?.message ?? 'it is invalid';
  throw new AppError('read_only', `The registry file ${snapshot.workspace.registryPath} cannot be changed until it is fixed: ${why}`);
}

export function requireEntry(registry: Registry, name: string): { key: string; entry: ModelEntry } {
  const key = findModelKey(registry, name);
  const entry = key === undefined ? undefined : ownValue(registry.models, key);
  if (key === undefined || !entry) throw new AppError('not_found', `There is no model named "${name}" in the registry.`);
  return { key, entry };
}

function issue(path: string, message: string): FieldIssue[] {
  return [{ path, message }];
}

export function requireValidName(name: string, field: string): void {
  const problem = modelNameProblem(name);
  if (problem) throw new AppError('validation', `"${name}" is not a valid Ollama model name: ${problem}`, issue(field, problem));
}

/** The name is neither a registry model (other than `except`), nor a base model, nor a released alias. */
export function requireFreeInRegistry(registry: Registry, name: string, field: string, except?: string): void {
  const model = Object.keys(registry.models).find((key) => key !== except && sameModel(key, name));
  if (model !== undefined) {
    throw new AppError('conflict', `The registry already has a model named "${model}".`, issue(field, `"${model}" is already in the registry`));
  }
  const base = Object.keys(registry.base_models).find((key) => sameModel(key, name));
  if (base !== undefined) {
    throw new AppError('conflict', `"${base}" is one of the registry's base models.`, issue(field, `"${base}" is a base model`));
  }
  const alias = findAliasKey(registry, name);
  if (alias !== undefined) {
    const target = ownValue(registry.aliases, alias)?.model ?? '';
    const message = `"${alias}" is the released name of ${target}; a model under that name would replace it in Ollama. Choose another name.`;
    throw new AppError('conflict', message, issue(field, `"${alias}" is a released name`));
  }
}

/** Ollama has no model by that name, which a create or a copy would overwrite. */
export function requireFreeInOllama(models: readonly OllamaModel[], name: string, field: string): void {
  const found = models.find((m) => sameModel(m.name, name));
  if (!found) return;
  const message = `Ollama already has a model named "${found.name}" that is not this one; using the name would replace it. Adopt it, or choose another name.`;
  throw new AppError('conflict', message, issue(field, `Ollama already has "${found.name}"`));
}

export function requireNoCreateRunning(deps: ModelOpsDeps, key: string, doing: string): void {
  if (deps.jobs.active(createJobKey(key)) === null) return;
  throw new AppError('conflict', `"${key}" is being created right now; cancel the create or wait for it to end before you ${doing} it.`);
}

/**
 * What Ollama has, asked now. When Ollama cannot be reached: the last sync's list when
 * `fallback` allows (good enough to propose a name), else the offline error.
 */
export async function ollamaModelsNow(deps: ModelOpsDeps, fallback: boolean): Promise<OllamaModel[]> {
  try {
    return await deps.gateway().list();
  } catch (error) {
    if (fallback && error instanceof AppError && error.kind === 'offline') return deps.session().sync.get().ollamaModels;
    throw error;
  }
}
