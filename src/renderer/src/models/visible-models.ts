import type { ModelEntry } from '../../../shared/registry';
import { groupByFamily, type FamilyGroup } from './family-groups';
import { memoizeLast } from './memoize-last';
import { modelMatcher, type ModelFilters } from './model-query';

export interface VisibleModels {
  groups: FamilyGroup[];
  /** Models after filtering. */
  shown: number;
  /** Models in the registry. */
  total: number;
}

export function visibleModels(models: Readonly<Record<string, ModelEntry>>, filters: ModelFilters): VisibleModels {
  const all = Object.values(models);
  const matches = modelMatcher(filters);
  const kept = all.filter(matches);
  return { groups: groupByFamily(kept, filters.sort), shown: kept.length, total: all.length };
}

/** Memoized on the models record and the filters object, both replaced (never mutated) on change. */
export const selectVisibleModels = memoizeLast(visibleModels);
