// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { AppError } from '../../src/shared/errors';
import { FakeClient } from './support/fake-client';
import { appInfo, connection, model, settings, snapshot, syncState } from './support/fixtures';

function readyClient() {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': () => snapshot([model('a-v1')]),
    'sync.get': () => syncState(),
    'settings.get': () => settings(),
    'sync.now': () => syncState({ lastSyncAt: '2025-08-09T00:00:00.000Z' }),
    'ollama.running': () => [],
  });
}

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

describe('store init', () => {
  it('loads app info, registry, sync state and settings, then syncs once', async () => {
    const client = readyClient();
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    const state = store.getState();
    expect(state.appInfo).toEqual(appInfo);
    expect(Object.keys(state.snapshot?.registry.models ?? {})).toEqual(['a-v1']);
    expect(state.settings).toEqual(settings());
    await waitFor(() => expect(client.callsTo('sync.now')).toHaveLength(1));
    await waitFor(() => expect(store.getState().sync?.lastSyncAt).toBe('2025-08-09T00:00:00.000Z'));
  });

  it('subscribes to the three events and applies them; dispose unsubscribes', async () => {
    const client = readyClient();
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    client.emit('registry.changed', snapshot([model('b')]));
    client.emit('settings.changed', settings({ ollamaHost: 'http://other:11434' }));
    client.emit('sync.changed', syncState({ connection: connection({ status: 'offline' }) }));
    expect(Object.keys(store.getState().snapshot?.registry.models ?? {})).toEqual(['b']);
    expect(store.getState().settings?.ollamaHost).toBe('http://other:11434');
    expect(store.getState().sync?.connection.status).toBe('offline');
    dispose();
    dispose = undefined;
    expect(client.listenerCount('registry.changed') + client.listenerCount('sync.changed') + client.listenerCount('settings.changed')).toBe(0);
  });

  it('is shared: the entry starts it early, App joins it; one load, one set of listeners, the last undo stops it', async () => {
    const client = readyClient();
    const store = createAppStore(client, { storage: null });
    const fromEntry = store.getState().init();
    const fromApp = store.getState().init();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    expect(client.callsTo('registry.get')).toHaveLength(1);
    expect(client.listenerCount('registry.changed')).toBe(1);
    // StrictMode's unmount and remount of App, and an undo called twice, change nothing.
    fromApp();
    fromApp();
    const again = store.getState().init();
    expect(client.listenerCount('registry.changed')).toBe(1);
    expect(client.callsTo('registry.get')).toHaveLength(1);
    again();
    expect(client.listenerCount('registry.changed')).toBe(1);
    fromEntry();
    expect(client.listenerCount('registry.changed')).toBe(0);
  });

  it('fails startup with the error when the registry cannot be loaded, and retries', async () => {
    const client = readyClient();
    client.handlers['registry.get'] = () => {
      throw new AppError('internal', 'disk on fire');
    };
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().startup).toMatchObject({ status: 'failed', error: { message: 'disk on fire' } }));
    client.handlers['registry.get'] = () => snapshot([]);
    await store.getState().load();
    expect(store.getState().startup.status).toBe('ready');
  });

  it('shows a failure to read something other than the registry as a notification, and starts anyway', async () => {
    const client = readyClient();
    client.handlers['settings.get'] = () => {
      throw new AppError('internal', 'settings file locked');
    };
    const store = createAppStore(client, { storage: null });
    dispose = store.getState().init();
    await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
    expect(store.getState().notifications).toMatchObject([{ tone: 'error', title: 'Could not load the settings', message: 'settings file locked' }]);
  });
});

describe('automatic sync', () => {
  it('syncs when the window regains focus or the page becomes visible, at most once per 5 s', async () => {
    let now = 0;
    const client = readyClient();
    const store = createAppStore(client, { storage: null, now: () => now });
    dispose = store.getState().init();
    await waitFor(() => expect(client.callsTo('sync.now')).toHaveLength(1));
    await waitFor(() => expect(store.getState().syncing).toBe(false));

    now = 1000;
    window.dispatchEvent(new Event('focus'));
    expect(client.callsTo('sync.now')).toHaveLength(1);

    now = 6000;
    window.dispatchEvent(new Event('focus'));
    expect(client.callsTo('sync.now')).toHaveLength(2);
    await waitFor(() => expect(store.getState().syncing).toBe(false));

    now = 12_000;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(client.callsTo('sync.now')).toHaveLength(3);
  });

  it('joins a running sync instead of starting another', async () => {
    const client = readyClient();
    let release!: () => void;
    client.handlers['sync.now'] = () => new Promise((resolve) => (release = () => resolve(syncState())));
    const store = createAppStore(client, { storage: null });
    const first = store.getState().syncNow();
    const second = store.getState().syncNow();
    expect(client.callsTo('sync.now')).toHaveLength(1);
    expect(store.getState().syncing).toBe(true);
    release();
    expect(await first).toEqual(await second);
    expect(store.getState().syncing).toBe(false);
  });

  it('shows a failed sync as one notification, however often it fails', async () => {
    const client = readyClient();
    client.handlers['sync.now'] = () => {
      throw new AppError('internal', 'boom');
    };
    const store = createAppStore(client, { storage: null });
    await store.getState().syncNow();
    await store.getState().syncNow();
    expect(store.getState().notifications).toHaveLength(1);
    expect(store.getState().notifications[0]).toMatchObject({ title: 'Could not sync with Ollama', message: 'boom' });
  });

  it('asks which models are loaded only while Ollama is online', async () => {
    const client = readyClient();
    client.handlers['ollama.running'] = () => [{ name: 'a-v1', size: 1, sizeVram: 1, digest: 'd', expiresAt: '2025-01-01T00:00:00Z' }];
    const store = createAppStore(client, { storage: null });
    await store.getState().syncNow();
    await waitFor(() => expect(store.getState().running).toHaveLength(1));
    client.handlers['sync.now'] = () => syncState({ connection: connection({ status: 'offline' }) });
    await store.getState().syncNow();
    expect(store.getState().running).toBeNull();
    expect(client.callsTo('ollama.running')).toHaveLength(1);
  });
});

describe('model actions', () => {
  it('updateModel sends the patch and applies the returned entry at once', async () => {
    const client = readyClient();
    client.handlers['models.update'] = ({ name, patch }) => model(name, { show_in_ui: patch.show_in_ui ?? true });
    const store = createAppStore(client, { storage: null });
    store.setState({ snapshot: snapshot([model('a-v1', { show_in_ui: true })]) });
    const result = await store.getState().updateModel('a-v1', { show_in_ui: false });
    expect(result.ok).toBe(true);
    expect(client.callsTo('models.update')).toEqual([{ name: 'a-v1', patch: { show_in_ui: false } }]);
    expect(store.getState().snapshot?.registry.models['a-v1']?.show_in_ui).toBe(false);
  });

  it('updateModel errors become a notification naming the model', async () => {
    const client = readyClient();
    client.handlers['models.update'] = () => {
      throw new AppError('read_only', 'The registry file is invalid; fix it first.');
    };
    const store = createAppStore(client, { storage: null });
    store.setState({ snapshot: snapshot([model('a-v1', { display_name: 'Alpha' })]) });
    const result = await store.getState().updateModel('a-v1', { auto_preload: true });
    expect(result.ok).toBe(false);
    expect(store.getState().notifications[0]).toMatchObject({ tone: 'error', title: 'Could not update Alpha', message: 'The registry file is invalid; fix it first.' });
  });

  it('setDefault applies the returned snapshot', async () => {
    const client = readyClient();
    client.handlers['models.setDefault'] = ({ name }) => snapshot([model('a-v1')], { defaultModel: name });
    const store = createAppStore(client, { storage: null });
    await store.getState().setDefault('a-v1');
    expect(store.getState().snapshot?.registry.default_model).toBe('a-v1');
  });

  it('openWorkspace returns its error for inline display instead of notifying', async () => {
    const client = readyClient();
    client.handlers['workspace.open'] = () => {
      throw new AppError('not_found', 'No folder at /nope');
    };
    const store = createAppStore(client, { storage: null });
    const result = await store.getState().openWorkspace('/nope');
    expect(result).toMatchObject({ ok: false, error: { message: 'No folder at /nope' } });
    expect(store.getState().notifications).toEqual([]);
  });

  it('updateSettings syncs again when the host changes', async () => {
    const client = readyClient();
    client.handlers['settings.update'] = () => settings({ ollamaHost: 'http://gpu:11434', effectiveHost: 'http://gpu:11434' });
    const store = createAppStore(client, { storage: null });
    store.setState({ settings: settings() });
    await store.getState().updateSettings({ ollamaHost: 'http://gpu:11434' });
    expect(store.getState().settings?.effectiveHost).toBe('http://gpu:11434');
    expect(client.callsTo('sync.now')).toHaveLength(1);
  });
});

describe('notifications and ui', () => {
  it('dismisses non-error notices on their own and keeps errors', () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore(new FakeClient(), { storage: null });
      store.getState().notify({ tone: 'success', title: 'Saved' });
      store.getState().notify({ tone: 'error', title: 'Broken' });
      vi.advanceTimersByTime(10_000);
      expect(store.getState().notifications.map((n) => n.title)).toEqual(['Broken']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('clearFilters resets the filters but keeps the sort order', () => {
    const store = createAppStore(new FakeClient(), { storage: null });
    store.getState().setFilters({ text: 'x', status: 'failed', shownInUiOnly: true, baseModel: 'llama3', sort: 'status' });
    store.getState().clearFilters();
    expect(store.getState().filters).toEqual({ text: '', status: 'all', baseModel: null, shownInUiOnly: false, sort: 'status' });
  });

  it('remembers the theme choice in storage', () => {
    const storage = window.localStorage;
    storage.clear();
    createAppStore(new FakeClient(), { storage }).getState().setTheme('dark');
    expect(createAppStore(new FakeClient(), { storage }).getState().theme).toBe('dark');
  });
});
