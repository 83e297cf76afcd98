// Fast Refresh's setup as a module: the strict CSP blocks the inline script the plugin would inject in dev.
// It is empty in production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/create-client';
import { App } from './App';
import { startHashSync } from './router/hash-sync';
import { createAppStore } from './store/create-app-store';
import { StoreProvider } from './store/store-context';
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

const store = createAppStore(createClient());
// After createClient: the served UI has taken its token out of the address by then.
startHashSync(store, window);

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
