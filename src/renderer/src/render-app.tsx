import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppTree } from './app-tree';
import { prefetchLazyParts } from './lazy-parts';
import type { AppStore } from './store/create-app-store';

/**
 * Mounts the UI on a store that is loading or was started from the server's first page, then
 * warms the chunks it may need next. `hydrate`: the root holds the server's rendering of exactly
 * this store's first state, and React takes it over instead of building it again.
 */
export function renderApp(root: HTMLElement, store: AppStore, hydrate = false): void {
  // The server's page stays inert until hydrated: its buttons do nothing before, and a click then is not half-lost.
  if (hydrate) hydrateRoot(root, <AppTree store={store} firstPage onLive={() => root.removeAttribute('inert')} />);
  else createRoot(root).render(<AppTree store={store} firstPage={false} />);
  const win = root.ownerDocument.defaultView;
  if (!win) return;
  // After the first page is on screen, not before: its render comes first.
  if (store.getState().startup.status !== 'loading') {
    prefetchLazyParts(win);
    return;
  }
  const stop = store.subscribe((state) => {
    if (state.startup.status !== 'loading') {
      stop();
      prefetchLazyParts(win);
    }
  });
}
