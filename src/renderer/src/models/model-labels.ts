import type { ModelEntry } from '../../../shared/registry';
import { parseVersionedName } from '../../../shared/versions';
import { ownValue } from '../../../shared/own-key';

/** What the UI calls a model: its display name, or its Ollama name when the file leaves that empty. */
export function displayNameOf(model: Pick<ModelEntry, 'name' | 'display_name'>): string {
  return model.display_name.trim() || model.name;
}

/** The display name of the registry model `name`, or the name itself when the registry has no such model. */
export function labelOf(models: Readonly<Record<string, ModelEntry>>, name: string): string {
  const entry = ownValue(models, name);
  return entry ? displayNameOf(entry) : name;
}

/** The version as a number: the `version` field ("v2", "2") or else the name's `-vN` suffix. */
export function versionNumberOf(model: Pick<ModelEntry, 'name' | 'version'>): number | null {
  const fromField = /^v?(\d+)$/i.exec(model.version.trim());
  if (fromField?.[1]) return Number(fromField[1]);
  return parseVersionedName(model.name).version;
}

/** The badge text: `v2`, or a free-form version ("beta") as written, or null when there is none. */
export function versionLabel(model: Pick<ModelEntry, 'name' | 'version'>): string | null {
  const number = versionNumberOf(model);
  if (number !== null) return `v${number}`;
  const free = model.version.trim();
  return free === '' ? null : free;
}
