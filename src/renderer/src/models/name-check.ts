import { modelNameProblem, sameModel } from '../../../shared/model-name';
import type { Registry } from '../../../shared/registry';

/**
 * Why a name cannot be used for a new or renamed model, checked as the user types: Ollama's rules,
 * then the names the registry and Ollama already use. The server checks again on submit.
 */
export function newNameProblem(name: string, registry: Registry | null, ollama: readonly { name: string }[], except?: string): string | null {
  if (name.trim() === '') return 'Enter a name.';
  const rule = modelNameProblem(name.trim());
  if (rule) return `Not a valid Ollama name: ${rule}.`;
  const trimmed = name.trim();
  if (registry) {
    const model = Object.keys(registry.models).find((key) => key !== except && sameModel(key, trimmed));
    if (model !== undefined) return `The registry already has ${model}.`;
    const base = Object.keys(registry.base_models).find((key) => sameModel(key, trimmed));
    if (base !== undefined) return `${base} is one of the registry's base models.`;
  }
  const inOllama = ollama.find((m) => sameModel(m.name, trimmed) && (except === undefined || !sameModel(m.name, except)));
  if (inOllama) return `Ollama already has a model named ${inOllama.name}; using the name would replace it.`;
  return null;
}
