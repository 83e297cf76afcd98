/**
 * Ollama model names: `[host/][namespace/]model[:tag]`, defaults `registry.ollama.ai`, `library`, `latest`.
 * Rules from Ollama's `types/model/name.go`; matching is case-insensitive, as in Ollama.
 */

const DEFAULT_HOST = 'registry.ollama.ai';
const DEFAULT_NAMESPACE = 'library';
const DEFAULT_TAG = 'latest';

const PART = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
const NAMESPACE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,79}$/;
const HOST = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,349}$/;

export interface ModelNameParts {
  host: string;
  namespace: string;
  model: string;
  tag: string;
}

/** Splits a name into its parts, filling Ollama's defaults. Does not validate. */
export function splitModelName(name: string): ModelNameParts {
  let rest = name.trim();
  let tag = DEFAULT_TAG;
  const colon = rest.lastIndexOf(':');
  const slash = rest.lastIndexOf('/');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const model = parts.pop() ?? '';
  const namespace = parts.pop() ?? DEFAULT_NAMESPACE;
  const host = parts.length > 0 ? parts.join('/') : DEFAULT_HOST;
  return { host, namespace, model, tag };
}

/** Why a name is not a valid Ollama model name, or null when it is. */
export function modelNameProblem(name: string): string | null {
  if (name.trim() !== name || name === '') return 'a model name cannot be empty or start or end with spaces';
  const { host, namespace, model, tag } = splitModelName(name);
  if (name.split('/').length > 3) return 'a model name has at most host/namespace/model';
  if (!PART.test(model)) {
    return `model part "${model}" must start with a letter, digit or _ and use only letters, digits, _ . - (1–80 characters)`;
  }
  if (!PART.test(tag)) {
    return `tag "${tag}" must start with a letter, digit or _ and use only letters, digits, _ . - (1–80 characters)`;
  }
  if (!NAMESPACE.test(namespace)) return `namespace "${namespace}" must use only letters, digits, _ and - (1–80 characters)`;
  if (!HOST.test(host)) return `host "${host}" is not a valid registry host`;
  return null;
}

export function isValidModelName(name: string): boolean {
  return modelNameProblem(name) === null;
}

/**
 * The key two names are compared by: lower case, defaults dropped, tag always present.
 * `llama3`, `Llama3:latest` and `registry.ollama.ai/library/llama3:latest` share one key.
 */
export function modelKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = computeModelKey(name);
    // Sync compares the same few thousand names every round: remember them, within a bound.
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

const KEY_CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

function computeModelKey(name: string): string {
  const { host, namespace, model, tag } = splitModelName(name);
  const prefix =
    host.toLowerCase() !== DEFAULT_HOST
      ? `${host}/${namespace}/`
      : namespace.toLowerCase() !== DEFAULT_NAMESPACE
        ? `${namespace}/`
        : '';
  return `${prefix}${model}:${tag}`.toLowerCase();
}

export function sameModel(a: string, b: string): boolean {
  return modelKey(a) === modelKey(b);
}

/** The shortest form Ollama shows in `/api/tags`, always with the tag (`llama3:latest`). */
export function displayModelName(name: string): string {
  const { host, namespace, model, tag } = splitModelName(name);
  // Ollama compares host and namespace case-insensitively.
  if (host.toLowerCase() !== DEFAULT_HOST) return `${host}/${namespace}/${model}:${tag}`;
  if (namespace.toLowerCase() !== DEFAULT_NAMESPACE) return `${namespace}/${model}:${tag}`;
  return `${model}:${tag}`;
}
