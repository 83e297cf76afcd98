import type { ModelEntry } from './registry';

/** Keys of an entry the app manages; any other key is the user's own (the seed's `is_jamie_model`). */
export const KNOWN_ENTRY_KEYS: ReadonlySet<string> = new Set([
  'name',
  'display_name',
  'description',
  'version',
  'base_model',
  'modelfile',
  'show_in_ui',
  'auto_preload',
  'created_at',
  'last_updated',
  'status',
  'failure_reason',
  'build',
  'quantize',
]);

/** The user's own fields of an entry, carried over to a new version of it. */
export function extraFieldsOf(entry: ModelEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !KNOWN_ENTRY_KEYS.has(key)));
}

