import type { OllamaModel } from '../../shared/contract';
import { sameModel } from '../../shared/model-name';
import type { BuildProvenance } from '../../shared/registry';
import { timestamp } from '../../shared/registry';
import type { OllamaGateway } from '../ollama/types';

/**
 * What a successful build was made from, recorded with the entry so the app can later tell when
 * the model is out of date: the Modelfile's sha256, the created model's digest, and the base
 * model with its digest when the base is a model (not local weights). Digests come from
 * `/api/tags` right after the create; if Ollama cannot list them then, they are left empty or out
 * rather than failing a build that succeeded.
 */
export async function buildProvenance(
  gateway: OllamaGateway,
  input: { model: string; modelfileSha256: string; baseModel: string | undefined; quantize?: string | undefined; now: Date },
  log: (message: string) => void,
): Promise<BuildProvenance> {
  let models: OllamaModel[] = [];
  try {
    models = await gateway.list();
  } catch (error) {
    log(`Could not read the new model's digest from Ollama: ${error instanceof Error ? error.message : String(error)}`);
  }
  const digestOf = (name: string): string | undefined => models.find((m) => sameModel(m.name, name))?.digest;
  const provenance: BuildProvenance = {
    modelfile_sha256: input.modelfileSha256,
    digest: digestOf(input.model) ?? '',
    built_at: timestamp(input.now),
  };
  if (input.quantize) provenance.quantize = input.quantize;
  if (input.baseModel) {
    provenance.base_model = input.baseModel;
    const baseDigest = digestOf(input.baseModel);
    if (baseDigest) provenance.base_digest = baseDigest;
  }
  return provenance;
}
