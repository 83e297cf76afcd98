import { displayNameFromModelName, versionFromModelName } from '../../shared/adopt-defaults';
import { AppError, toAppError } from '../../shared/errors';
import { UnwritableValueError } from '../../shared/modelfile/format';
import { sameModel } from '../../shared/model-name';
import { commandsOf, parse } from '../../shared/modelfile';
import { adoptedModelfile } from '../../shared/modelfile/adopt-text';
import { looksLikePath } from '../../shared/modelfile/looks-like-path';
import type { AddedModel, AdoptInput, AdoptionProposal } from '../../shared/model-ops';
import { adoptInputSchema } from '../../shared/model-ops';
import type { ShowResult } from '../../shared/contract';
import { modelfilePathFor } from '../../shared/version-proposal';
import { addModel } from '../registry/operations';
import { requireFreeInRegistry, requireValidName, requireWritable } from './checks';
import type { ModelOpsDeps } from './deps';
import { freeModelfilePath, registryModelfiles, removeWrittenModelfile, writeNewModelfile } from './new-file';
import { setOwn } from '../../shared/own-key';

/**
 * Adopting a model Ollama has and the registry lacks: its Modelfile comes from `/api/show`, is
 * written to `models/` (never over a file), and an `available` entry is added. The file is written
 * first and taken back if the registry refuses the entry.
 */

async function showModel(deps: ModelOpsDeps, name: string): Promise<ShowResult> {
  try {
    return await deps.gateway().show(name);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'not_found') throw new AppError('not_found', `Ollama no longer has ${name}: ${appError.message}`);
    throw new AppError(appError.kind, `Ollama could not describe ${name}, so nothing was adopted. ${appError.message}`);
  }
}

/** Ollama's `parent_model`, else a FROM of its Modelfile that names a model. */
function baseOf(show: ShowResult): string {
  const parent = show.details.parent_model?.trim() ?? '';
  if (parent !== '') return parent;
  const from = commandsOf(parse(show.modelfile).modelfile).find((c) => c.command === 'from' && !looksLikePath(c.value.trim()));
  return from?.value.trim() ?? '';
}

function preferredPath(name: string): string {
  return modelfilePathFor(name, null);
}

export async function proposeAdoption(deps: ModelOpsDeps, name: string): Promise<AdoptionProposal> {
  const session = deps.session();
  const { registry } = session.store.get();
  requireFreeInRegistry(registry, name, 'name');
  const show = await showModel(deps, name);
  return {
    name,
    display_name: displayNameFromModelName(name),
    description: '',
    version: versionFromModelName(name),
    base_model: baseOf(show),
    modelfile: freeModelfilePath(session.dir, preferredPath(name), registryModelfiles(registry.models)),
    ollamaModelfile: show.modelfile,
  };
}

/** The Modelfile to save; a base no Modelfile line can carry is the caller's input to fix, not a crash. */
function adoptedText(showText: string, name: string, base: string): ReturnType<typeof adoptedModelfile> {
  try {
    return adoptedModelfile(showText, { name, base });
  } catch (error) {
    if (!(error instanceof UnwritableValueError)) throw error;
    if (error.value.trim() === base.trim()) {
      throw new AppError('validation', `The base model "${base}" cannot be written as the Modelfile's FROM line. Give a model name or a file path.`, [
        { path: 'base_model', message: 'cannot be written in a Modelfile' },
      ]);
    }
    throw new AppError('ollama', `Ollama's Modelfile for ${name} holds a value that cannot be saved unchanged (${error.message}), so nothing was adopted.`);
  }
}

export async function adoptModel(deps: ModelOpsDeps, raw: AdoptInput): Promise<AddedModel> {
  const input = adoptInputSchema.parse(raw);
  const session = deps.session();
  const snapshot = session.store.get();
  requireWritable(snapshot);
  requireValidName(input.name, 'name');
  requireFreeInRegistry(snapshot.registry, input.name, 'name');
  if (input.base_model !== '' && sameModel(input.base_model, input.name)) {
    throw new AppError('validation', 'A model cannot be its own base model.', [{ path: 'base_model', message: 'is the model itself' }]);
  }
  const show = await showModel(deps, input.name);
  const adopted = adoptedText(show.modelfile, input.name, input.base_model);

  const modelfile = writeNewModelfile(session.dir, preferredPath(input.name), adopted.text, registryModelfiles(snapshot.registry.models));
  try {
    const entry = await session.store.update((draft) => {
      const added = addModel(
        draft,
        {
          name: input.name,
          display_name: input.display_name,
          description: input.description,
          version: input.version,
          base_model: input.base_model,
          modelfile,
        },
        { workspaceDir: session.dir, now: new Date() },
      );
      // Ollama has it: it is available from the start, not a declaration waiting for a build.
      const available = { ...added, status: 'available' as const };
      setOwn(draft.models, input.name, available);
      return available;
    });
    void session.sync.syncNow().catch(() => undefined);
    return { entry, modelfile, notes: adopted.notes };
  } catch (error) {
    removeWrittenModelfile(session.dir, modelfile);
    throw error;
  }
}
