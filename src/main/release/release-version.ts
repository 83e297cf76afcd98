import { AppError, toAppError } from '../../shared/errors';
import { sameModel } from '../../shared/model-name';
import type { OllamaModel } from '../../shared/contract';
import { checkRelease, findAliasKey, recordRelease, removeAlias } from '../../shared/release/aliases';
import type { ReleaseInput, ReleaseResult, UnreleaseResult } from '../../shared/release/release-calls';
import { requireNoCreateRunning, requireWritable } from '../model-ops/checks';
import type { ModelOpsDeps } from '../model-ops/deps';

/**
 * Releasing a version under an alias on the primary host: `/api/copy` version → alias, then the
 * registry records it. Ollama first, so a refused copy changes nothing; a registry write that
 * fails puts Ollama's alias back where it was (the previous version's copy, or no alias).
 */

function bareDigest(digest: string): string {
  return digest.replace(/^sha256[:-]/, '').toLowerCase();
}

async function ollamaModels(deps: ModelOpsDeps): Promise<OllamaModel[]> {
  try {
    return await deps.gateway().list();
  } catch (error) {
    const appError = toAppError(error);
    throw new AppError(appError.kind, `Nothing was released: releasing copies the version in Ollama. ${appError.message}`);
  }
}

/** Ollama's copy replaces whatever has the alias's name: only a copy of ours (recorded, or the same build) may be replaced. */
function requireReplaceable(existing: OllamaModel | undefined, version: OllamaModel, recorded: boolean): void {
  if (!existing || recorded || bareDigest(existing.digest) === bareDigest(version.digest)) return;
  throw new AppError(
    'conflict',
    `Ollama already has a model named "${existing.name}" that was not released from this registry; releasing would replace it. Delete it from Ollama, or choose another name.`,
    [{ path: 'alias', message: `Ollama already has "${existing.name}"` }],
  );
}

export async function releaseVersion(deps: ModelOpsDeps, input: ReleaseInput): Promise<ReleaseResult> {
  const session = deps.session();
  const store = session.store;
  const snapshot = store.get();
  requireWritable(snapshot);
  const check = checkRelease(snapshot.registry, input.name, input.alias);
  requireNoCreateRunning(deps, check.model, 'release');

  const models = await ollamaModels(deps);
  const version = models.find((m) => sameModel(m.name, check.model));
  if (!version) {
    throw new AppError('conflict', `Ollama does not have ${check.model}; create it, then release it. Nothing was released.`, [
      { path: 'name', message: 'not in Ollama' },
    ]);
  }
  const existing = models.find((m) => sameModel(m.name, check.alias));
  requireReplaceable(existing, version, check.previous !== null);

  const gateway = deps.gateway();
  try {
    await gateway.copy(version.name, check.alias);
  } catch (error) {
    const appError = toAppError(error);
    throw new AppError(appError.kind, `Nothing was released: Ollama could not copy ${version.name} to ${check.alias}. ${appError.message}`);
  }

  let recorded;
  try {
    recorded = await store.update((draft) => recordRelease(draft, check.model, check.alias, new Date()));
  } catch (error) {
    const appError = toAppError(error);
    const before = check.previous === null ? null : models.find((m) => sameModel(m.name, check.previous ?? ''));
    const undo = before ? gateway.copy(before.name, check.alias) : existing ? Promise.resolve() : gateway.delete(check.alias);
    const said = await undo.then(
      () => `Ollama's ${check.alias} was put back as it was.`,
      (undoError: unknown) => `Ollama's ${check.alias} is now ${check.model} (putting it back failed: ${toAppError(undoError).message}).`,
    );
    throw new AppError(appError.kind, `The release could not be recorded: ${appError.message} ${said}`, appError.issues);
  }

  const notes: string[] = [];
  if (recorded.previous !== null && sameModel(recorded.previous, recorded.model)) {
    notes.push(`${recorded.alias} already pointed at ${recorded.model}; it was copied again, so it has that version's current build.`);
  }
  void session.sync.syncNow().catch(() => undefined);
  return { alias: recorded.alias, model: recorded.model, previous: recorded.previous === recorded.model ? null : recorded.previous, notes };
}

/** Removing a released name: Ollama's copy first (one it lacks is already gone), then the record. */
export async function unreleaseAlias(deps: ModelOpsDeps, name: string): Promise<UnreleaseResult> {
  const session = deps.session();
  const snapshot = session.store.get();
  requireWritable(snapshot);
  const alias = findAliasKey(snapshot.registry, name);
  if (alias === undefined) throw new AppError('not_found', `"${name}" is not a released name in this registry.`);
  let ollama: UnreleaseResult['ollama'] = 'deleted';
  try {
    await deps.gateway().delete(alias);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind !== 'not_found') throw new AppError(appError.kind, `Nothing was removed: Ollama could not delete ${alias}. ${appError.message}`);
    ollama = 'not-in-ollama';
  }
  await session.store.update((draft) => removeAlias(draft, alias));
  void session.sync.syncNow().catch(() => undefined);
  return { alias, ollama };
}
