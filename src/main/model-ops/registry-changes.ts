import { AppError } from '../../shared/errors';
import { timestamp, type ModelEntry, type Registry } from '../../shared/registry';
import { parseVersionedName } from '../../shared/versions';
import { requireEntry, requireFreeInRegistry } from './checks';
import { deleteOwn, setOwn } from '../../shared/own-key';
import { moveAliases } from '../../shared/release/aliases';

/**
 * Rename and removal as edits of a registry draft (inside `RegistryStore.update`), checked again
 * on the draft: the file may have changed since the operation looked at it.
 */

/** Moves an entry to a new key, and the default and its aliases with it (the writer keeps the file's order; a new key goes last). */
export function renameInDraft(draft: Registry, from: string, to: string, now: Date): ModelEntry {
  const { key, entry } = requireEntry(draft, from);
  requireFreeInRegistry(draft, to, 'newName', key);
  const version = parseVersionedName(to).version;
  const renamed: ModelEntry = {
    ...entry,
    name: to,
    ...(version === null ? {} : { version: `v${version}` }),
    last_updated: timestamp(now),
  };
  deleteOwn(draft.models, key);
  setOwn(draft.models, to, renamed);
  if (draft.default_model === key) draft.default_model = to;
  moveAliases(draft, key, to);
  return renamed;
}

/**
 * Removes an entry. Removing the default needs `newDefault` (a model's name, or null for none):
 * the default never disappears without the user choosing what follows it.
 */
export function removeFromDraft(draft: Registry, name: string, newDefault: string | null | undefined): { key: string; defaultModel: string | null } {
  const { key } = requireEntry(draft, name);
  if (draft.default_model === key) {
    if (newDefault === undefined) {
      throw new AppError('validation', `"${key}" is the default model: choose another default model, or none, to delete it.`, [
        { path: 'newDefault', message: 'choose the new default model, or none' },
      ]);
    }
    if (newDefault !== null) {
      const next = requireEntry(draft, newDefault).key;
      if (next === key) {
        throw new AppError('validation', 'The new default model cannot be the model being deleted.', [
          { path: 'newDefault', message: 'choose another model' },
        ]);
      }
      draft.default_model = next;
    } else draft.default_model = null;
  }
  deleteOwn(draft.models, key);
  return { key, defaultModel: draft.default_model };
}
