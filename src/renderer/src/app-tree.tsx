import { StrictMode, useEffect } from 'react';
import { App } from './App';
import { FirstPageContext } from './components/models/first-page-context';
import type { AppStore } from './store/create-app-store';
import { StoreProvider } from './store/store-context';

interface AppTreeProps {
  store: AppStore;
  firstPage: boolean;
  /** Called once the tree is on the page and live (after hydration, for the server's page). */
  onLive?: () => void;
}

/** The whole UI on a store: what the browser renders, and what the server renders the first page from. */
export function AppTree({ store, firstPage, onLive }: AppTreeProps) {
  useEffect(() => onLive?.(), [onLive]);
  return (
    <StrictMode>
      <FirstPageContext.Provider value={firstPage}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </FirstPageContext.Provider>
    </StrictMode>
  );
}
