import { sameModel } from './model-name';
import { nextVersionName, parseVersionedName } from './versions';

/**
 * What "New version" proposes: the next free `-vN` of a family, and the display name and
 * description carried over with the version (and the base model) updated.
 */

/** `v2`, `V2`, `2` → 2; anything else null. */
export function versionNumberFromField(version: string): number | null {
  const match = /^v?(\d+)$/i.exec(version.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** The source's own version: the name's `-vN`, else its `version` field, else 1 (an unversioned model is the first). */
export function sourceVersionOf(name: string, versionField: string): number {
  return parseVersionedName(name).version ?? versionNumberFromField(versionField) ?? 1;
}

/**
 * The next free `family-vN` above every version taken, in the registry or in Ollama. Ollama lists
 * `x-v3` as `x-v3:latest`, so the default tag is ignored; an unversioned source counts as v1 (or
 * as its `version` field says). Names are compared as Ollama does (case, default tag).
 */
export function proposeVersionName(
  source: { name: string; version: string },
  taken: Iterable<string>,
): { name: string; version: string; number: number } {
  const names = [...taken].map((n) => n.replace(/:latest$/i, ''));
  const { family } = parseVersionedName(source.name);
  names.push(`${family}-v${sourceVersionOf(source.name, source.version)}`);
  let { name } = nextVersionName(source.name, names);
  let number = parseVersionedName(name).version ?? 1;
  // A name taken in another spelling (`X-V4` when we propose `x-v4`) moves the proposal on.
  while (names.some((other) => sameModel(other, name))) {
    number++;
    name = `${family}-v${number}`;
  }
  return { name, version: `v${number}`, number };
}

/** A word not glued to letters or digits on either side (a fresh RegExp each time: `g` ones keep state). */
function standalone(word: string, flags = 'gi'): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, flags);
}

function contains(text: string, word: string): boolean {
  return standalone(word, 'i').test(text);
}

/**
 * A text with its version token updated: "… v2" → "… v3" (the `v` keeps its case). When the text
 * has no such token, a display name gets ` v3` appended (it must tell the versions apart); a
 * description is left as written.
 */
export function carryOverVersion(text: string, from: number | null, to: number, kind: 'display' | 'description'): string {
  if (from !== null && contains(text, `v${from}`)) {
    return from === to ? text : text.replace(standalone(`v${from}`), (found) => `${found[0]}${to}`);
  }
  if (kind === 'display' && text.trim() !== '' && !contains(text, `v${to}`)) return `${text.trimEnd()} v${to}`;
  return text;
}

/** The model part of a name, without namespace and tag: `library/qwen3:30b` → `qwen3`. */
function modelPart(name: string): string {
  const noTag = name.includes(':') && name.lastIndexOf(':') > name.lastIndexOf('/') ? name.slice(0, name.lastIndexOf(':')) : name;
  return noTag.slice(noTag.lastIndexOf('/') + 1);
}

/**
 * A description that names the old base model names the new one: "trained on qwen3" →
 * "trained on llama3". The full name is replaced where it appears, else the model part.
 */
export function carryOverBase(text: string, fromBase: string, toBase: string): string {
  if (fromBase.trim() === '' || toBase.trim() === '' || sameModel(fromBase, toBase)) return text;
  if (contains(text, fromBase)) return text.replace(standalone(fromBase), toBase);
  const fromPart = modelPart(fromBase);
  const toPart = modelPart(toBase);
  if (fromPart === '' || fromPart.toLowerCase() === toPart.toLowerCase()) return text;
  return text.replace(standalone(fromPart), toPart);
}

export interface CarryOverInput {
  display_name: string;
  description: string;
  fromVersion: number | null;
  toVersion: number;
  fromBase: string;
  toBase: string;
}

/** The new version's display name and description, from the source's. */
export function carryOver(input: CarryOverInput): { display_name: string; description: string } {
  return {
    display_name: carryOverVersion(input.display_name, input.fromVersion, input.toVersion, 'display'),
    description: carryOverBase(carryOverVersion(input.description, input.fromVersion, input.toVersion, 'description'), input.fromBase, input.toBase),
  };
}

/** A file-name-safe form of a model name: `peteollama:property-manager-v3` → `peteollama-property-manager-v3`. */
export function modelfileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || 'model';
}

/** `models/Modelfile.<slug>` beside the source Modelfile (its relative FROM/ADAPTER paths stay valid). */
export function modelfilePathFor(name: string, besideModelfile: string | null): string {
  const source = (besideModelfile ?? '').replace(/\\/g, '/');
  const slash = source.lastIndexOf('/');
  const dir = slash >= 0 ? source.slice(0, slash) : source === '' ? 'models' : '';
  const file = `Modelfile.${modelfileSlug(name)}`;
  return dir === '' ? file : `${dir}/${file}`;
}
