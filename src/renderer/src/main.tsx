// Fast Refresh's setup as a module: the strict CSP blocks the inline script the plugin would inject in dev.
// It is empty in production builds.
import '@vitejs/plugin-react/preamble';
import { createClient } from './api/create-client';
import { startHashSync } from './router/hash-sync';
import { createAppStore } from './store/create-app-store';
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
import './styles/chat.css';
import './styles/lifecycle.css';
import './styles/model-ops.css';
import './styles/stacked-tables.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/*
 * The first calls go out before React and the UI's code are even loaded: this entry holds only the
 * client and the store, so the registry is on its way while the browser compiles the rest. App
 * joins this same start-up session (init is shared), so nothing is asked twice.
 */
const store = createAppStore(createClient());
// After createClient: the served UI has taken its token out of the address by then.
startHashSync(store, window);
store.getState().init();

import('./render-app').then(
  ({ renderApp }) => renderApp(root, store),
  (error: unknown) => {
    // Without its code the app cannot say anything else; say this much, in words.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Modelwright could not load its interface (${error instanceof Error ? error.message : String(error)}). Reload the page; if it keeps failing, rebuild the app.`;
    root.replaceChildren(message);
  },
);
