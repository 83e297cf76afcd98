import fs from 'node:fs';
import path from 'node:path';
import { AppError, toAppError } from '../../shared/errors';
import type { DeleteInput, DeleteResult } from '../../shared/model-ops';
import { deleteInputSchema } from '../../shared/model-ops';
import type { Registry } from '../../shared/registry';
import { modelfileTarget } from '../workspace/modelfile-access';
import { requireEntry, requireNoCreateRunning, requireWritable } from './checks';
import type { ModelOpsDeps } from './deps';
import { removeFromDraft } from './registry-changes';
import { ownValue } from '../../shared/own-key';
import { fileErrorReason } from '../../shared/file-error-reason';
import { aliasesOf, dropAliasesOf } from '../../shared/release/aliases';

/**
 * Deleting a model: from the registry only, or from Ollama as well, as the user chose; its
 * Modelfile only when asked and no other entry uses it. Ollama goes first, so a failed delete
 * there changes nothing; the registry follows; the file last (a file left behind is harmless).
 *
 * A version released under an alias is refused unless the user confirms `removeAliases`: the
 * alias is the name programs call, so deleting its version must not silently break (or silently
 * keep serving) it; releasing another version under that name first is usually what is wanted.
 */

function requireAliasesConfirmed(registry: Registry, key: string, confirmed: boolean): string[] {
  const aliases = aliasesOf(registry, key);
  if (aliases.length === 0 || confirmed) return aliases;
  const names = aliases.join(', ');
  throw new AppError(
    'conflict',
    `${key} is released as ${names}. Release another version as ${names} first, or confirm that ${names} should be removed with it; nothing was deleted.`,
    [{ path: 'removeAliases', message: `released as ${names}` }],
  );
}

/** Deletes the alias copies from Ollama after their version; one that fails is said, not fatal (the version is gone already). */
async function deleteAliasesInOllama(deps: ModelOpsDeps, aliases: string[], notes: string[]): Promise<void> {
  for (const alias of aliases) {
    try {
      await deps.gateway().delete(alias);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.kind !== 'not_found') notes.push(`Ollama could not delete the alias ${alias} (${appError.message}); delete it from Ollama by hand.`);
    }
  }
}

/** Other entries whose `modelfile` is the same file (compared as resolved paths). */
function sharingModelfile(registry: Registry, key: string, workspaceDir: string): string[] {
  const entry = ownValue(registry.models, key);
  if (!entry?.modelfile) return [];
  const mine = path.resolve(workspaceDir, entry.modelfile);
  return Object.entries(registry.models)
    .filter(([other, e]) => other !== key && e.modelfile !== '' && path.resolve(workspaceDir, e.modelfile) === mine)
    .map(([other]) => other);
}

function checkDefault(registry: Registry, key: string, newDefault: string | null | undefined): void {
  // The same check as the draft's, made before Ollama is touched.
  removeFromDraft(structuredClone(registry), key, newDefault);
}

export async function deleteModel(deps: ModelOpsDeps, raw: DeleteInput): Promise<DeleteResult> {
  const input = deleteInputSchema.parse(raw);
  const session = deps.session();
  const snapshot = session.store.get();
  requireWritable(snapshot);
  const { registry } = snapshot;
  const { key, entry } = requireEntry(registry, input.name);
  requireNoCreateRunning(deps, key, 'delete');
  checkDefault(registry, key, input.newDefault);
  const aliases = requireAliasesConfirmed(registry, key, input.removeAliases);
  const sharing = input.deleteModelfile ? sharingModelfile(registry, key, session.dir) : [];
  if (sharing.length > 0) {
    const names = sharing.join(', ');
    throw new AppError('conflict', `${entry.modelfile} is also the Modelfile of ${names}, so it was not deleted; nothing was changed.`, [
      { path: 'deleteModelfile', message: `also used by ${names}` },
    ]);
  }
  if (input.deleteModelfile && entry.modelfile === '') {
    throw new AppError('validation', `${key} has no Modelfile to delete.`, [{ path: 'deleteModelfile', message: 'there is no Modelfile' }]);
  }
  // Confined like every Modelfile path: outside the workspace, the registry's own files, folders and pipes are refused here.
  const modelfilePath = input.deleteModelfile
    ? modelfileTarget({ workspaceDir: session.dir, models: registry.models, appDataDir: session.appDataDir ?? null }, entry.modelfile, 'delete', 'modelfile')
    : null;

  const notes: string[] = [];
  let ollama: DeleteResult['ollama'] = 'kept';
  if (input.fromOllama) {
    try {
      await deps.gateway().delete(key);
      ollama = 'deleted';
    } catch (error) {
      const appError = toAppError(error);
      if (appError.kind !== 'not_found') {
        throw new AppError(appError.kind, `Nothing was deleted: Ollama could not delete ${key}. ${appError.message}`);
      }
      ollama = 'not-in-ollama';
      notes.push(`Ollama did not have ${key}, so only the registry entry was removed.`);
    }
    await deleteAliasesInOllama(deps, aliases, notes);
  }

  let defaultModel: string | null;
  try {
    ({ defaultModel } = await session.store.update((draft) => {
      const removed = removeFromDraft(draft, key, input.newDefault);
      dropAliasesOf(draft, key);
      return removed;
    }));
  } catch (error) {
    const appError = toAppError(error);
    const already = ollama === 'deleted' ? ` Ollama already deleted ${key}; the entry will show it as missing.` : '';
    throw new AppError(appError.kind, `The registry entry could not be removed: ${appError.message}${already}`, appError.issues);
  }

  let modelfile: DeleteResult['modelfile'] = 'kept';
  if (modelfilePath) {
    try {
      fs.rmSync(modelfilePath);
      modelfile = 'deleted';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') modelfile = 'not-found';
      else notes.push(`${entry.modelfile} could not be deleted (${fileErrorReason(error)}); delete it by hand if you no longer need it.`);
    }
  }
  if (aliases.length > 0 && !input.fromOllama) notes.push(`Ollama keeps ${aliases.join(', ')}, like ${key}; the registry no longer records them.`);
  void session.sync.syncNow().catch(() => undefined);
  return { name: key, ollama, modelfile, defaultModel, notes };
}
