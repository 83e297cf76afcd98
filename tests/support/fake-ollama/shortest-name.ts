import { splitModelName } from '../../../src/shared/model-name';

/**
 * types/model/name.go DisplayShortest: defaults dropped when they match case-insensitively, model
 * and tag always kept, spelling otherwise as given (`Library/Phi3` → `Phi3:latest`).
 */
export function displayShortest(name: string): string {
  const { host, namespace, model, tag } = splitModelName(name);
  if (host.toLowerCase() !== 'registry.ollama.ai') return `${host}/${namespace}/${model}:${tag}`;
  if (namespace.toLowerCase() !== 'library') return `${namespace}/${model}:${tag}`;
  return `${model}:${tag}`;
}
