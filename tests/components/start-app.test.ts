// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_CALLS } from '../../src/renderer/src/api/early-requests';
import { startupSettled } from '../../src/renderer/src/start-app';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { FakeClient } from './support/fake-client';
import { appInfo, model, settings, snapshot, syncState } from './support/fixtures';

function clientAnsweringAfter(registry: Promise<void>) {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': async () => {
      await registry;
      return snapshot([model('a-v1')]);
    },
    'sync.get': () => syncState(),
    'settings.get': () => settings(),
    'sync.now': () => syncState(),
    'jobs.list': () => [],
    'preload.list': () => [],
    'ollama.running': () => [],
  });
}

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
  vi.useRealTimers();
});

describe('start-up before the first render', () => {
  it('asks for exactly the calls the first module sends early, and nothing else first', async () => {
    const client = clientAnsweringAfter(Promise.resolve());
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await startupSettled(store, window, 10_000);
    expect(store.getState().startup.status).toBe('ready');
    expect(client.log.slice(0, FIRST_CALLS.length).map((c) => c.name).sort()).toEqual([...FIRST_CALLS].sort());
    expect(client.log.slice(0, FIRST_CALLS.length).every((c) => JSON.stringify(c.input) === '{}')).toBe(true);
  });

  it('renders as soon as the answers are in, so the first frame already shows the models', async () => {
    let answer!: () => void;
    const store = createAppStore(clientAnsweringAfter(new Promise<void>((r) => (answer = r))), { storage: null });
    dispose = store.getState().init();
    let settled = false;
    const waiting = startupSettled(store, window, 10_000).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    answer();
    await waiting;
    expect(store.getState().startup.status).toBe('ready');
  });

  it('does not wait past its limit for a slow server: then the loading state shows', async () => {
    vi.useFakeTimers();
    const store = createAppStore(clientAnsweringAfter(new Promise<void>(() => undefined)), { storage: null });
    dispose = store.getState().init();
    let settled = false;
    void startupSettled(store, window, 250).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(store.getState().startup.status).toBe('loading');
  });
});
