import { parsePromptSet, type PromptSetParse } from '../../shared/eval/prompt-set-parse';

/**
 * Parsed prompt sets by the sha256 of their text. Parsing a set with its positions costs tens of
 * milliseconds for a few hundred cases, and the same file is read again at every run, listing and
 * open; the text's hash (computed anyway, for save conflicts) says whether it is still the same.
 * Answers are frozen: they are shared between callers, so none may change one for the others.
 */

const KEEP = 16;
const parsed = new Map<string, PromptSetParse>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function parsePromptSetCached(text: string, sha256: string): PromptSetParse {
  const hit = parsed.get(sha256);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    parsed.delete(sha256);
    parsed.set(sha256, hit);
    return hit;
  }
  const result = deepFreeze(parsePromptSet(text));
  parsed.set(sha256, result);
  if (parsed.size > KEEP) parsed.delete(parsed.keys().next().value as string);
  return result;
}
