import fs from 'node:fs';
import type { OllamaModel } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { RunModel, RunRecord } from '../../shared/eval/run-record';
import { modelKey, sameModel } from '../../shared/model-name';
import type { Registry } from '../../shared/registry';
import { familyOf, parseVersionedName } from '../../shared/versions';
import { sha256Hex } from '../modelfiles/sha256';
import type { OllamaGateway } from '../ollama/types';
import { resolveModelfilePath } from '../workspace/paths';

/**
 * What a run records so that its file alone explains its outputs: the Ollama server's version,
 * each model's digest, the Modelfile a registered version is built from, the hash it was built
 * from and the hash of that file now. Gathered before the first case; a model Ollama does not
 * have stops the run before it starts.
 */

export interface Provenance {
  ollamaVersion: string;
  models: RunModel[];
  judge: RunRecord['judge'];
}

export interface ProvenanceInput {
  workspaceDir: string;
  registry: Registry | null;
  family: string;
  models: readonly string[];
  judge: string | null;
}

function registeredKey(registry: Registry | null, name: string): string | undefined {
  if (!registry) return undefined;
  return Object.keys(registry.models).find((key) => sameModel(key, name));
}

/** sha256 of the Modelfile now, or null when it cannot be read (moved, deleted, outside the workspace). */
function currentSha(workspaceDir: string, modelfile: string): string | null {
  try {
    return sha256Hex(fs.readFileSync(resolveModelfilePath(workspaceDir, modelfile)));
  } catch {
    return null;
  }
}

function missing(name: string, what: string, field: string): AppError {
  const message = `Ollama does not have ${what} "${name}". Create it from its Modelfile (or pull it) first, then run the evaluation again.`;
  return new AppError('validation', message, [{ path: field, message: `Ollama does not have "${name}"` }]);
}

export async function gatherProvenance(gateway: OllamaGateway, input: ProvenanceInput): Promise<Provenance> {
  // Both fail as `offline` when Ollama is not there, before anything is written.
  const [ollamaVersion, listed] = await Promise.all([gateway.version(), gateway.list()]);
  const digestOf = (name: string): OllamaModel | undefined => listed.find((m) => sameModel(m.name, name));
  const familyKey = familyOf(input.family);

  const models = input.models.map((given, index): RunModel => {
    if (!digestOf(given)) throw missing(given, 'the model', `models[${index}]`);
    const key = registeredKey(input.registry, given);
    const entry = key === undefined ? undefined : input.registry?.models[key];
    const name = key ?? given;
    const inFamily = entry !== undefined && familyOf(name) === familyKey;
    return {
      name,
      role: inFamily ? 'version' : 'base',
      version: parseVersionedName(name).version,
      digest: digestOf(given)?.digest ?? null,
      modelfile: entry?.modelfile ? entry.modelfile : null,
      builtFromSha256: entry?.build?.modelfile_sha256 ?? null,
      modelfileSha256: entry?.modelfile ? currentSha(input.workspaceDir, entry.modelfile) : null,
    };
  });
  const seen = new Set<string>();
  for (const model of models) {
    if (seen.has(modelKey(model.name))) throw new AppError('validation', `"${model.name}" is chosen twice; choose each model once.`, [{ path: 'models', message: `repeats "${model.name}"` }]);
    seen.add(modelKey(model.name));
  }

  let judge: RunRecord['judge'] = null;
  if (input.judge !== null) {
    const found = digestOf(input.judge);
    if (!found) throw missing(input.judge, 'the judge model', 'judge');
    judge = { name: registeredKey(input.registry, input.judge) ?? input.judge, digest: found.digest };
  }
  return { ollamaVersion, models, judge };
}
