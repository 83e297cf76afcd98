import type { ModelEntry, ModelStatus } from '../../../shared/registry';
import { modelKey } from '../../../shared/model-name';
import { displayNameOf } from './model-labels';

export const SORT_KEYS = ['name', 'display', 'updated', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  display: 'Display name',
  updated: 'Last updated',
  status: 'Problems first',
};

export interface ModelFilters {
  text: string;
  status: ModelStatus | 'all';
  /** A base model name, or null for any. */
  baseModel: string | null;
  shownInUiOnly: boolean;
  sort: SortKey;
}

export { DEFAULT_FILTERS } from './default-filters';

/** True when any filter (not the sort order) narrows the list. */
export function hasActiveFilters(filters: ModelFilters): boolean {
  return filters.text.trim() !== '' || filters.status !== 'all' || filters.baseModel !== null || filters.shownInUiOnly;
}

// Entries are immutable snapshot objects, so their lowercased search text can be cached per object.
const haystacks = new WeakMap<ModelEntry, string>();
function haystackOf(model: ModelEntry): string {
  let text = haystacks.get(model);
  if (text === undefined) {
    text = `${model.name}\n${displayNameOf(model)}\n${model.description}`.toLowerCase();
    haystacks.set(model, text);
  }
  return text;
}

/** A predicate for the filters: every search word must appear in the name, display name or description. */
export function modelMatcher(filters: ModelFilters): (model: ModelEntry) => boolean {
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  const baseKey = filters.baseModel === null ? null : modelKey(filters.baseModel);
  return (model) => {
    if (filters.status !== 'all' && model.status !== filters.status) return false;
    if (filters.shownInUiOnly && !model.show_in_ui) return false;
    if (baseKey !== null && (model.base_model === '' || modelKey(model.base_model) !== baseKey)) return false;
    if (words.length > 0) {
      const haystack = haystackOf(model);
      return words.every((word) => haystack.includes(word));
    }
    return true;
  };
}
