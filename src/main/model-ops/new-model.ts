import { versionFromModelName } from '../../shared/adopt-defaults';
import { requireValidBase, requireQuantizable } from './base-checks';
import { AppError } from '../../shared/errors';
import { sameModel } from '../../shared/model-name';
import { looksLikePath } from '../../shared/modelfile/looks-like-path';
import type { AddedModel, NewModelInput } from '../../shared/model-ops';
import { newModelInputSchema, starterModelfile } from '../../shared/model-ops';
import { modelfilePathFor } from '../../shared/version-proposal';
import { ollamaModelsNow, requireFreeInOllama, requireFreeInRegistry, requireValidName, requireWritable } from './checks';
import type { ModelOpsDeps } from './deps';
import { registryModelfiles, removeWrittenModelfile, writeNewModelfile } from './new-file';

/**
 * "New model": a starter Modelfile (FROM the chosen base, a SYSTEM stub to fill in) written to
 * `models/Modelfile.<slug>` (never over another file), then a pending entry. If the registry
 * refuses the entry, the file is taken back, so nothing is left half done.
 */
export async function createNewModel(deps: ModelOpsDeps, raw: NewModelInput): Promise<AddedModel> {
  const input = newModelInputSchema.parse(raw);
  const session = deps.session();
  const snapshot = session.store.get();
  requireWritable(snapshot);
  const { registry } = snapshot;
  requireValidName(input.name, 'name');
  requireFreeInRegistry(registry, input.name, 'name');
  const base = requireValidBase(input.base_model);
  if (sameModel(base, input.name)) {
    throw new AppError('validation', 'A model cannot be its own base model.', [{ path: 'base_model', message: 'is the model itself' }]);
  }
  // Creating it later would replace a model Ollama has under that name; offline, the last list is checked.
  const ollama = await ollamaModelsNow(deps, true);
  requireFreeInOllama(ollama, input.name, 'name');
  if (input.quantize) requireQuantizable(base, ollama);

  const modelfile = writeNewModelfile(session.dir, modelfilePathFor(input.name, null), starterModelfile(base), registryModelfiles(registry.models));
  try {
    const entry = await session.store.addModel({
      name: input.name,
      display_name: input.display_name,
      description: input.description,
      version: versionFromModelName(input.name),
      // A weights-file FROM is not a base model.
      base_model: looksLikePath(base) ? '' : base,
      modelfile,
      ...(input.quantize ? { quantize: input.quantize } : {}),
      // Not built yet: preloading it at start would only fail.
      auto_preload: false,
    });
    return { entry, modelfile, notes: [] };
  } catch (error) {
    removeWrittenModelfile(session.dir, modelfile);
    throw error;
  }
}
