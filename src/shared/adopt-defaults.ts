import { splitModelName } from './model-name';
import { parseVersionedName } from './versions';

/**
 * Defaults for adopting a model Ollama has: a readable display name from its name
 * (`peteollama:property-manager-v3` → "Peteollama Property Manager v3") and its version.
 */

export function displayNameFromModelName(name: string): string {
  const { model, tag } = splitModelName(name);
  const words = [model, ...(tag.toLowerCase() === 'latest' ? [] : [tag])]
    .join(' ')
    .split(/[\s_:/-]+/)
    .filter(Boolean);
  return words.map((word) => (/^v\d+$/i.test(word) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1))).join(' ') || name;
}

/** `v3` for `x-v3` (with or without `:latest`), else empty. */
export function versionFromModelName(name: string): string {
  const version = parseVersionedName(name.replace(/:latest$/i, '')).version;
  return version === null ? '' : `v${version}`;
}
