// Fast Refresh's setup as a module: the strict CSP blocks the inline script the plugin would inject in dev.
// It is empty in production builds.
import '@vitejs/plugin-react/preamble';
import { startEarlyRequests } from './api/early-requests';
import { takeAccessToken } from './api/http-token';
import { takeFirstPage } from './first-page/take-first-page';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/models.css';
import './styles/tables-forms.css';
import './styles/progress.css';
import './styles/dialog.css';
import './styles/model-card-actions.css';
import './styles/jobs.css';
import './styles/detail.css';
import './styles/editor.css';
import './styles/controls.css';
import './styles/lifecycle.css';
import './styles/model-ops.css';
import './styles/stacked-tables.css';
import './styles/hosts.css';
import './styles/facts.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/*
 * The served page may arrive rendered (the server's first page, when opened with its token): this
 * module blocks rendering, so it keeps or removes that page, and applies the stored theme, before
 * the first paint. The app then starts from the data the page was rendered from.
 */
const firstPage = takeFirstPage(root, window);

/*
 * This module is the page's only script until the rest arrives: it holds no zod, no contract, no
 * React. It takes the token from the address and sends the first requests at once, so the registry
 * is on its way while the browser compiles and runs the rest (start-app, fetched in parallel through
 * modulepreload links). In Electron the IPC client needs none of this.
 */
const head =
  'api' in window
    ? undefined
    : (() => {
        const token = takeAccessToken(window);
        return { token, fetch: startEarlyRequests(token, (url, init) => window.fetch(url, init)) };
      })();

/**
 * With the server's page kept, its first paint comes before React: evaluating the UI's code and
 * hydrating are long tasks that would otherwise run first (the chunks are often in by now) and
 * hold the page back. A frame callback runs just before the paint, a task queued from it just after.
 */
const painted = firstPage?.hydrate
  ? new Promise<void>((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 0)))
  : Promise.resolve();

painted.then(() => import('./start-app')).then(
  ({ startApp }) => startApp(root, window, head, firstPage),
  (error: unknown) => {
    // Without its code the app cannot say anything else; say this much, in words.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Modelwright could not load its interface (${error instanceof Error ? error.message : String(error)}). Reload the page; if it keeps failing, rebuild the app.`;
    root.replaceChildren(message);
    root.removeAttribute('inert');
  },
);
