import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { AppState } from '../../../src/renderer/src/store/app-state';
import { createAppStore, type AppStore } from '../../../src/renderer/src/store/create-app-store';
import { StoreProvider } from '../../../src/renderer/src/store/store-context';
import { FakeClient } from './fake-client';
import { appInfo, settings, snapshot, syncState } from './fixtures';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export interface Rendered {
  store: AppStore;
  client: FakeClient;
}

/** A ready store (as after startup) with the given state, around `ui`. */
export function renderWithStore(ui: ReactElement, state: Partial<AppState> = {}, client = new FakeClient()): Rendered & ReturnType<typeof render> {
  const store = createAppStore(client, { storage: null });
  store.setState({
    startup: { status: 'ready' },
    appInfo,
    snapshot: snapshot([]),
    sync: syncState(),
    settings: settings(),
    ...state,
  });
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, client };
}
