import { AppError } from '../../shared/errors';
import { humanBytes } from '../../shared/human-bytes';
import { findEntryKey } from '../../shared/import-plan';
import { isHuggingFaceName, parseHuggingFaceName } from '../../shared/hf-model-name';
import { displayModelName, modelNameProblem } from '../../shared/model-name';
import type { BaseModelEntry, Registry } from '../../shared/registry';
import { deleteOwn, setOwn } from '../../shared/own-key';

/**
 * The base-model list's changes, applied to a draft inside `RegistryStore.update`. Adding and
 * removing an entry touches only the registry; what Ollama has is for the delete job and sync.
 */

export interface BaseModelFields {
  name: string;
  display_name: string;
  description: string;
}

/** What Ollama said about the model when it was added; `inOllama` null when it could not be asked. */
export interface Presence {
  inOllama: boolean | null;
  size: number | null;
}

export function checkBaseModelName(name: string): void {
  const hf = isHuggingFaceName(name) ? parseHuggingFaceName(name) : null;
  const problem = hf && !hf.ok ? hf.problem : modelNameProblem(name);
  if (problem) throw new AppError('validation', `Invalid model name "${name}": ${problem}`, [{ path: 'name', message: problem }]);
}

/**
 * Adds `fields.name` under the form Ollama lists it in (`llama3` → `llama3:latest`, as the seed's
 * file has it), so the entry and `/api/tags` meet without a second spelling.
 */
export function addBaseModel(draft: Registry, fields: BaseModelFields, presence: Presence): { name: string; entry: BaseModelEntry } {
  checkBaseModelName(fields.name);
  const existing = findEntryKey(draft.base_models, fields.name);
  if (existing !== undefined) {
    const same = existing === fields.name ? '' : ` (as "${existing}")`;
    throw new AppError('conflict', `${fields.name} is already a base model${same}.`, [{ path: 'name', message: 'already listed' }]);
  }
  const name = displayModelName(fields.name);
  const entry: BaseModelEntry = {
    display_name: fields.display_name,
    description: fields.description,
    ...(presence.size === null ? {} : { size: humanBytes(presence.size) }),
    status: presence.inOllama ? 'available' : 'pending',
  };
  setOwn(draft.base_models, name, entry);
  return { name, entry };
}

/** Removes the entry naming `name`; returns its key. The models built on it keep their `base_model`. */
export function removeBaseModel(draft: Registry, name: string): string {
  const key = findEntryKey(draft.base_models, name);
  if (key === undefined) throw new AppError('not_found', `${name} is not in the registry's base models.`);
  deleteOwn(draft.base_models, key);
  return key;
}
