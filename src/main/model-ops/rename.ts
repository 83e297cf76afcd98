import { AppError, toAppError } from '../../shared/errors';
import { sameModel } from '../../shared/model-name';
import type { RenameResult } from '../../shared/model-ops';
import type { OllamaModel } from '../../shared/contract';
import {
  ollamaModelsNow,
  requireEntry,
  requireFreeInOllama,
  requireFreeInRegistry,
  requireNoCreateRunning,
  requireValidName,
  requireWritable,
} from './checks';
import type { ModelOpsDeps } from './deps';
import { renameInDraft } from './registry-changes';

/**
 * Renaming a model: the registry key (and the default with it) and, when Ollama has the model,
 * Ollama's name too: `/api/copy` to the new name, then `/api/delete` of the old one. Ollama has no
 * rename, so the steps are ordered for a consistent state at every failure:
 *
 * 1. copy fails → nothing changed;
 * 2. the registry write fails → the copy is deleted again, nothing changed;
 * 3. deleting the old name fails → the registry has the new name, Ollama both names; the answer says so.
 */

function ollamaError(error: unknown, what: string): AppError {
  const appError = toAppError(error);
  return new AppError(appError.kind, `${what} ${appError.message}`, appError.issues);
}

async function ollamaListFor(deps: ModelOpsDeps, status: string): Promise<OllamaModel[] | null> {
  try {
    return await ollamaModelsNow(deps, false);
  } catch (error) {
    // A model never built cannot be in Ollama under its name: the registry alone can be renamed.
    if (status === 'pending' && error instanceof AppError && error.kind === 'offline') return null;
    throw ollamaError(error, 'Nothing was renamed: renaming needs Ollama, to rename the model there too.');
  }
}

export async function renameModel(deps: ModelOpsDeps, name: string, rawNewName: string): Promise<RenameResult> {
  const newName = rawNewName.trim();
  const session = deps.session();
  const store = session.store;
  const snapshot = store.get();
  requireWritable(snapshot);
  const { key, entry } = requireEntry(snapshot.registry, name);
  requireValidName(newName, 'newName');
  if (newName === key) throw new AppError('validation', `"${key}" already has that name.`, [{ path: 'newName', message: 'is the current name' }]);
  requireFreeInRegistry(snapshot.registry, newName, 'newName', key);
  requireNoCreateRunning(deps, key, 'rename');

  const notes: string[] = [];
  const renameRegistry = () => store.update((draft) => renameInDraft(draft, key, newName, new Date()));
  const done = (renamed: Awaited<ReturnType<typeof renameRegistry>>, ollama: RenameResult['ollama']): RenameResult => {
    void session.sync.syncNow().catch(() => undefined);
    return { entry: renamed, from: key, ollama, defaultModel: store.get().registry.default_model, notes };
  };

  // Ollama compares names without case: `X-v1` → `x-v1` is the same model there.
  if (sameModel(key, newName)) return done(await renameRegistry(), 'unchanged');

  const models = await ollamaListFor(deps, entry.status);
  if (models === null) {
    notes.push('Ollama could not be reached, so the new name was not checked against its models. The model was never built, so only the registry changed.');
    return done(await renameRegistry(), 'unchanged');
  }
  requireFreeInOllama(models, newName, 'newName');
  const inOllama = models.find((m) => sameModel(m.name, key));
  if (!inOllama) return done(await renameRegistry(), 'not-in-ollama');

  const gateway = deps.gateway();
  try {
    await gateway.copy(inOllama.name, newName);
  } catch (error) {
    throw ollamaError(error, `Nothing was renamed: Ollama could not copy ${inOllama.name} to ${newName}.`);
  }

  let renamed;
  try {
    renamed = await renameRegistry();
  } catch (error) {
    const appError = toAppError(error);
    const undo = await gateway.delete(newName).then(
      () => 'The copy in Ollama was deleted again, so nothing changed.',
      (undoError: unknown) => `Ollama now also has ${newName} (deleting the copy failed: ${toAppError(undoError).message}); delete it from Ollama.`,
    );
    throw new AppError(appError.kind, `The registry could not be changed: ${appError.message} ${undo}`, appError.issues);
  }

  try {
    await gateway.delete(inOllama.name);
  } catch (error) {
    notes.push(
      `Renamed in the registry and copied in Ollama, but Ollama could not delete the old name ${inOllama.name} (${toAppError(error).message}). ` +
        'Ollama has both names now; the old one is listed under "In Ollama, not in the registry".',
    );
    return done(renamed, 'kept-both');
  }
  return done(renamed, 'renamed');
}
