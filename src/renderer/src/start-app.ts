import { createClient, type HttpHead } from './api/create-client';
import { renderApp } from './render-app';
import { startHashSync } from './router/hash-sync';
import { createAppStore } from './store/create-app-store';

/**
 * Everything after the page's first module: the client, the store, the address and the UI. The
 * store's start-up calls find the answers the first module asked for already on their way.
 */
export function startApp(root: HTMLElement, win: Window, head: HttpHead | undefined): void {
  const store = createAppStore(createClient(win, head));
  startHashSync(store, win);
  store.getState().init();
  renderApp(root, store);
}
