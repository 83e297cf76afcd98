import { z } from 'zod';
import { MODEL_STATUSES } from '../../../shared/registry';
import { DEFAULT_FILTERS, SORT_KEYS, type ModelFilters } from '../models/model-query';
import { FILTERS_KEY as KEY } from '../storage-keys';

/** What is remembered between runs: the list's filters and sort. The search text is not (a stale search hides models). */
const StoredFilters = z.object({
  status: z.union([z.enum(MODEL_STATUSES), z.literal('all')]).catch('all'),
  baseModel: z.string().nullable().catch(null),
  shownInUiOnly: z.boolean().catch(false),
  sort: z.enum(SORT_KEYS).catch('name'),
});

export function loadFilters(storage: Storage | null): ModelFilters {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_FILTERS;
    const parsed = StoredFilters.safeParse(JSON.parse(raw));
    return parsed.success ? { ...DEFAULT_FILTERS, ...parsed.data } : DEFAULT_FILTERS;
  } catch {
    // Unreadable or disabled storage: start from the defaults rather than fail.
    return DEFAULT_FILTERS;
  }
}

export function saveFilters(storage: Storage | null, filters: ModelFilters): void {
  const { status, baseModel, shownInUiOnly, sort } = filters;
  try {
    storage?.setItem(KEY, JSON.stringify({ status, baseModel, shownInUiOnly, sort }));
  } catch {
    // Not remembered across runs, but still applied now.
  }
}
