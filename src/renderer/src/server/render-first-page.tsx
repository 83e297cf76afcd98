import { renderToString } from 'react-dom/server';
import type { ApiClient } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { FirstPageSeed } from '../../../shared/first-page';
import { AppTree } from '../app-tree';
import { createAppStore } from '../store/create-app-store';

/** Rendering runs no effects and no actions: nothing here is ever called. */
const NO_CALLS: ApiClient = {
  call: () => Promise.reject(new AppError('internal', 'The server-rendered page makes no calls')),
  on: () => () => {},
};
/** Only actions and effects use the window; rendering does not. */
const NO_WINDOW = Object.freeze({}) as Window;

/**
 * The Models page as the browser will first render it from `seed`, as HTML for the served page.
 * The same components and the same store; nothing of the browser (no stored theme, filters or
 * address), so the page's first script keeps this only when those are the defaults.
 */
export function renderFirstPage(seed: FirstPageSeed): string {
  const store = createAppStore(NO_CALLS, { window: NO_WINDOW, storage: null, seed });
  return renderToString(<AppTree store={store} firstPage />);
}
