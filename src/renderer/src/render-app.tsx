import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchLazyParts } from './lazy-parts';
import type { AppStore } from './store/create-app-store';
import { StoreProvider } from './store/store-context';

/** Mounts the UI on a store that is already loading, then warms the chunks it may need next. */
export function renderApp(root: HTMLElement, store: AppStore): void {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
  const win = root.ownerDocument.defaultView;
  if (!win) return;
  // After the first page is on screen, not before: its render comes first.
  const stop = store.subscribe((state) => {
    if (state.startup.status !== 'loading') {
      stop();
      prefetchLazyParts(win);
    }
  });
}
