import type { ModelFilters } from './model-query';

/** Its own module: the page's first script compares stored filters with these without loading the rest. */
export const DEFAULT_FILTERS: ModelFilters = {
  text: '',
  status: 'all',
  baseModel: null,
  shownInUiOnly: false,
  sort: 'name',
};
