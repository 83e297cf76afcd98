import { DEFAULT_FILTERS, type ModelFilters } from '../models/model-query';
import type { SliceCreator } from './app-state';

/** The nav shows only pages that work. */
export const PAGES = ['models', 'base-models', 'chat', 'jobs', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const THEME_KEY = 'modelwright.theme';

export interface UiSlice {
  page: Page;
  filters: ModelFilters;
  theme: ThemeChoice;
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

export const createUiSlice: SliceCreator<UiSlice> = (env) => (set) => ({
  page: 'models',
  filters: DEFAULT_FILTERS,
  theme: storedTheme(env.storage),
  navigate(page) {
    set({ page });
  },
  setFilters(patch) {
    set((state) => ({ filters: { ...state.filters, ...patch } }));
  },
  clearFilters() {
    set((state) => ({ filters: { ...DEFAULT_FILTERS, sort: state.filters.sort } }));
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
