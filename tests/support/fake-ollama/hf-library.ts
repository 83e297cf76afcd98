import { HF_DEFAULT_QUANT, isHuggingFaceName } from '../../../src/shared/hf-model-name';
import { modelKey, splitModelName } from '../../../src/shared/model-name';

/**
 * How the Hugging Face registry answers a pull (hub-docs `docs/hub/ollama.md`): `hf.co` and
 * `huggingface.co` serve the same repositories, the tag picks a quantization case-insensitively,
 * and `latest` (what Ollama sends for no tag) is Q4_K_M. Any other name is looked up as is.
 */
export function libraryKey(name: string): string {
  if (!isHuggingFaceName(name)) return modelKey(name);
  const { namespace, model, tag } = splitModelName(name.replace(/^https:\/\//i, ''));
  const quant = tag.toLowerCase() === 'latest' ? HF_DEFAULT_QUANT : tag;
  return `hf.co/${namespace}/${model}:${quant}`.toLowerCase();
}
