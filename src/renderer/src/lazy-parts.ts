import { lazy } from 'react';

/*
 * The heavy parts the Models page does not need, each in its own chunk: the chat (markdown), the
 * Modelfile editor (CodeMirror) the Evaluate page (results grid, diffs) and the Hosts page (the matrix, plans). The first card waits
 * for none of them; they load when first shown, or earlier, once the app is ready and the browser is idle (prefetchLazyParts).
 */
const loadChatPage = () => import('./components/chat/ChatPage');
const loadModelfileWorkbench = () => import('./components/editor/ModelfileWorkbench');
const loadEvaluatePage = () => import('./components/evals/EvaluatePage');
const loadHostsPage = () => import('./components/hosts/HostsPage');

export const ChatPage = lazy(() => loadChatPage().then((m) => ({ default: m.ChatPage })));
export const EvaluatePage = lazy(() => loadEvaluatePage().then((m) => ({ default: m.EvaluatePage })));
export const HostsPage = lazy(() => loadHostsPage().then((m) => ({ default: m.HostsPage })));
export const ModelfileWorkbench = lazy(() => loadModelfileWorkbench().then((m) => ({ default: m.ModelfileWorkbench })));

/** Fetches and compiles the chunks in the background, so opening the chat or an editor later does not wait. */
export function prefetchLazyParts(win: Window): void {
  const load = () => {
    // A failure here is not the user's concern: the part loads again (and reports) when shown.
    void loadChatPage().catch(() => undefined);
    void loadModelfileWorkbench().catch(() => undefined);
    void loadEvaluatePage().catch(() => undefined);
    void loadHostsPage().catch(() => undefined);
  };
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(load, { timeout: 3000 });
  else win.setTimeout(load, 1000);
}
