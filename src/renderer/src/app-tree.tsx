import { StrictMode } from 'react';
import { App } from './App';
import { FirstPageContext } from './components/models/first-page-context';
import type { AppStore } from './store/create-app-store';
import { StoreProvider } from './store/store-context';

/** The whole UI on a store: what the browser renders, and what the server renders the first page from. */
export function AppTree({ store, firstPage }: { store: AppStore; firstPage: boolean }) {
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
