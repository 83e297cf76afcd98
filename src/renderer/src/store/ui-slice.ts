import { DEFAULT_FILTERS, type ModelFilters } from '../models/model-query';
import { loadFilters, saveFilters } from './filters-storage';
import type { SliceCreator } from './app-state';
import { THEME_KEY } from '../storage-keys';

/** The nav shows only pages that work. */
export const PAGES = ['models', 'base-models', 'hosts', 'chat', 'evals', 'jobs', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];


export interface UiSlice {
  page: Page;
  filters: ModelFilters;
  theme: ThemeChoice;
  /** Shows a page; a model open over the Models list closes (the sidebar's Models goes back to the list). */
  navigate(page: Page): void;
  setFilters(patch: Partial<ModelFilters>): void;
  /** Clears what narrows the list; the sort order stays. */
  clearFilters(): void;
  setTheme(theme: ThemeChoice): void;
}

function storedTheme(storage: Storage | null): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return THEMES.find((theme) => theme === value) ?? 'system';
  } catch {
    return 'system';
  }
}

export const createUiSlice: SliceCreator<UiSlice> = (env) => (set, get) => ({
  page: 'models',
  filters: loadFilters(env.storage),
  theme: storedTheme(env.storage),
  navigate(page) {
    // The sidebar's Evaluate opens the list of families.
    set({ page, detail: null, reveal: null, ...(page === 'evals' ? { evalView: { family: null, runId: null } } : {}) });
  },
  setFilters(patch) {
    set((state) => ({ filters: { ...state.filters, ...patch } }));
    saveFilters(env.storage, get().filters);
  },
  clearFilters() {
    set((state) => ({ filters: { ...DEFAULT_FILTERS, sort: state.filters.sort } }));
    saveFilters(env.storage, get().filters);
  },
  setTheme(theme) {
    try {
      env.storage?.setItem(THEME_KEY, theme);
    } catch {
      // Not remembered across runs, but still applied now.
    }
    set({ theme });
  },
});
