import { FIRST_PAGE_DATA_ID, type FirstPageSeed } from '../../../shared/first-page';
import { DEFAULT_FILTERS } from '../models/default-filters';
import { DISMISSED_WARNINGS_KEY, FILTERS_KEY, THEME_KEY } from '../storage-keys';

/*
 * Runs in the page's first script, which blocks rendering (`blocking="render"`): whatever it does
 * to the page happens before anything is painted. No zod, no React here.
 */

export interface FirstPage {
  /** The start-up answers the server rendered the page from. */
  seed: FirstPageSeed;
  /** Whether #root still holds the server's page, for React to hydrate; otherwise it was emptied. */
  hydrate: boolean;
}

function stored(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The theme chosen in Settings, on <html> before the first paint (the app keeps it there after). */
export function applyStoredTheme(doc: Document, storage: Storage | null): void {
  const theme = stored(storage, THEME_KEY);
  if (theme === 'light' || theme === 'dark') doc.documentElement.dataset.theme = theme;
}

/** Addresses that show the Models list, the page the server renders. */
const MODELS_LIST_HASHES = new Set(['', '#', '#/', '#/models']);

function filtersAreDefault(raw: string | null): boolean {
  if (raw === null) return true;
  try {
    const saved = JSON.parse(raw) as Record<string, unknown>;
    return (
      saved.status === DEFAULT_FILTERS.status &&
      saved.baseModel === DEFAULT_FILTERS.baseModel &&
      saved.shownInUiOnly === DEFAULT_FILTERS.shownInUiOnly &&
      saved.sort === DEFAULT_FILTERS.sort
    );
  } catch {
    // Anything unusual: let the browser render what the store makes of it.
    return false;
  }
}

function dismissedAny(raw: string | null, warnings: readonly string[]): boolean {
  if (raw === null || warnings.length === 0) return false;
  try {
    const dismissed: unknown = JSON.parse(raw);
    return !Array.isArray(dismissed) || warnings.some((warning) => dismissed.includes(warning));
  } catch {
    return true;
  }
}

/**
 * Whether the server's page is what this browser would render: the server sees neither the
 * address's hash nor what the page remembers (filters, sort, dismissed warnings). When it is not,
 * showing it first would flash a wrong page; the browser renders its own instead, from the same data.
 */
export function firstPageFits(hash: string, storage: Storage | null, seed: FirstPageSeed): boolean {
  return (
    MODELS_LIST_HASHES.has(hash) &&
    filtersAreDefault(stored(storage, FILTERS_KEY)) &&
    !dismissedAny(stored(storage, DISMISSED_WARNINGS_KEY), seed.sync.connection.warnings)
  );
}

function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/**
 * Takes the server's first page: the seed out of its data block, and the rendered page kept for
 * hydration or removed (before it is painted) when it is not what this browser should show.
 * Null when the server sent no first page (no token in the address, or a page the server could
 * not render): the app then starts as it always did.
 */
export function takeFirstPage(root: HTMLElement, win: Window): FirstPage | null {
  const doc = root.ownerDocument;
  const storage = localStorageOf(win);
  applyStoredTheme(doc, storage);
  const data = doc.getElementById(FIRST_PAGE_DATA_ID);
  if (!data) return null;
  data.remove();
  let seed: FirstPageSeed;
  try {
    seed = JSON.parse(data.textContent ?? '') as FirstPageSeed;
  } catch {
    root.replaceChildren();
    root.removeAttribute('inert');
    return null;
  }
  const hydrate = firstPageFits(win.location.hash, storage, seed);
  if (!hydrate) {
    root.replaceChildren();
    root.removeAttribute('inert');
  }
  return { seed, hydrate };
}
