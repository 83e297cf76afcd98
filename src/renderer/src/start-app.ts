import { createClient, type HttpHead } from './api/create-client';
import type { FirstPage } from './first-page/take-first-page';
import { renderApp } from './render-app';
import { startHashSync } from './router/hash-sync';
import type { AppStore } from './store/create-app-store';
import { createAppStore } from './store/create-app-store';
import { watchPageErrors } from './crash-watch';

/**
 * How long the first render waits for the start-up answers. They are usually in before the UI's
 * code has run (the first module asked for them); rendering the loading state first would cost a
 * full layout and paint that the answers undo a moment later. Past this, show that it is loading.
 */
export const FIRST_RENDER_WAIT_MS = 250;

/** Resolves once start-up has settled (ready or failed), or after `ms`, whichever comes first. */
export function startupSettled(store: AppStore, win: Window, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().startup.status !== 'loading') return resolve();
    const done = () => {
      stop();
      win.clearTimeout(timer);
      resolve();
    };
    const stop = store.subscribe((state) => {
      if (state.startup.status !== 'loading') done();
    });
    const timer = win.setTimeout(done, ms);
  });
}

/**
 * Everything after the page's first module: the client, the store, the address and the UI. The
 * store's start-up calls find the answers the first module asked for already on their way. With
 * the server's first page, the store starts from the data it was rendered from and renders at once
 * (hydrating the page when it was kept); the start-up calls then refresh it in the background.
 */
export function startApp(root: HTMLElement, win: Window, head: HttpHead | undefined, firstPage: FirstPage | null = null): Promise<void> {
  const store = createAppStore(createClient(win, head), firstPage ? { seed: firstPage.seed } : {});
  watchPageErrors(win, (report) => void store.getState().reportCrash(report));
  startHashSync(store, win);
  store.getState().init();
  if (firstPage) {
    renderApp(root, store, firstPage.hydrate);
    return Promise.resolve();
  }
  return startupSettled(store, win, FIRST_RENDER_WAIT_MS).then(() => renderApp(root, store));
}
