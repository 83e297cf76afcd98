import type { ModelEntry } from '../../../src/shared/registry';
import { FakeClient, type Handlers } from './fake-client';
import { appInfo, settings, snapshot, syncState } from './fixtures';

/** A client that answers everything the app asks at start, with the given models; tests add the rest. */
export function readyClient(models: ModelEntry[], overrides: Handlers = {}): FakeClient {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': () => snapshot(models),
    'sync.get': () => syncState(),
    'settings.get': () => settings(),
    'sync.now': () => syncState(),
    'ollama.running': () => [],
    'jobs.list': () => [],
    ...overrides,
  });
}
