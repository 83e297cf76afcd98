import { isHuggingFaceName, parseHuggingFaceName } from './hf-model-name';
import { modelNameProblem } from './model-name';
import { looksLikePath } from './modelfile/looks-like-path';

/**
 * What "New model" and "New version" accept as the base a Modelfile is built FROM: a model name by
 * Ollama's rules (Hugging Face names checked for their own shape, so the message says what is
 * wrong with them), or a weights file or folder, which only the create can check.
 */

export type BaseModelName = { ok: true; name: string } | { ok: false; problem: string };

/** The base as it goes into FROM and the registry (`https://hf.co/…` loses its scheme), or why it cannot. */
export function parseBaseModelName(input: string): BaseModelName {
  const value = input.trim();
  if (value === '') return { ok: false, problem: 'choose a base model' };
  if (isHuggingFaceName(value)) {
    const hf = parseHuggingFaceName(value);
    return hf.ok ? { ok: true, name: hf.value.name } : { ok: false, problem: hf.problem };
  }
  if (looksLikePath(value)) return { ok: true, name: value };
  const problem = modelNameProblem(value);
  return problem === null ? { ok: true, name: value } : { ok: false, problem };
}

export function baseModelProblem(input: string): string | null {
  const parsed = parseBaseModelName(input);
  return parsed.ok ? null : parsed.problem;
}
