import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from '../store/app-state';
import { formatRoute, parseRoute, sameRoute, type Route } from './routes';

/** The same address however the browser encoded it. */
function readable(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** The address of what the store shows. */
export function routeOf(state: AppState): Route {
  switch (state.page) {
    case 'models':
      return { page: 'models', model: state.detail ? { name: state.detail.name, tab: state.detail.tab } : null };
    case 'chat':
      return { page: 'chat', conversation: state.chat.currentId };
    case 'evals':
      return { page: 'evals', family: state.evalView.family, runId: state.evalView.runId };
    default:
      return { page: state.page };
  }
}

/** Shows what an address names, through the store's own actions. */
export function applyRoute(store: StoreApi<AppState>, route: Route): void {
  const state = store.getState();
  if (sameRoute(routeOf(state), route)) return;
  switch (route.page) {
    case 'models':
      if (route.model) state.openModel(route.model.name, route.model.tab);
      else state.navigate('models');
      return;
    case 'chat':
      if (state.page !== 'chat') state.navigate('chat');
      if (route.conversation === null) {
        if (state.chat.currentId !== null) state.newConversation();
      } else if (route.conversation !== state.chat.currentId) {
        void state.openConversation(route.conversation);
      }
      return;
    case 'evals':
      state.openEvals(route.family, route.runId);
      return;
    default:
      state.navigate(route.page);
  }
}

/**
 * Keeps the address and the store in step: the store stays the source of UI state; each change of
 * page, model, tab or conversation becomes a history entry (so Back and Forward work), and an
 * address the user enters, reloads or goes back to is applied to the store.
 */
export function startHashSync(store: StoreApi<AppState>, win: Window): () => void {
  let applying = false;
  const write = (route: Route, mode: 'push' | 'replace') => {
    const hash = formatRoute(route);
    if (readable(win.location.hash) === readable(hash)) return;
    // Only the hash changes: the path and query (the served UI's address) stay as they are.
    if (mode === 'push') win.history.pushState(win.history.state, '', hash);
    else win.history.replaceState(win.history.state, '', hash);
  };
  const fromLocation = () => {
    applying = true;
    try {
      applyRoute(store, parseRoute(win.location.hash));
    } finally {
      applying = false;
    }
    // An address the app does not know (or a model no longer there) shows as what is on screen.
    write(routeOf(store.getState()), 'replace');
  };

  if (win.location.hash && win.location.hash !== '#') fromLocation();
  else write(routeOf(store.getState()), 'replace');

  const unsubscribe = store.subscribe((state, prev) => {
    if (applying) return;
    if (state.page === prev.page && state.detail === prev.detail && state.chat.currentId === prev.chat.currentId && state.evalView === prev.evalView) return;
    const next = routeOf(state);
    const before = routeOf(prev);
    // A new conversation getting its id on the first message is the same place, not a new one.
    const saved = next.page === 'chat' && before.page === 'chat' && before.conversation === null;
    write(next, saved ? 'replace' : 'push');
  });
  win.addEventListener('popstate', fromLocation);
  win.addEventListener('hashchange', fromLocation);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', fromLocation);
    win.removeEventListener('hashchange', fromLocation);
  };
}
