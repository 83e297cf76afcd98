// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeAccessToken } from '../../src/renderer/src/api/http-token';
import { startHashSync } from '../../src/renderer/src/router/hash-sync';
import { createAppStore, type AppStore } from '../../src/renderer/src/store/create-app-store';
import { FakeClient } from './support/fake-client';
import { model, snapshot } from './support/fixtures';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});
beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

function start(hash = ''): { store: AppStore; client: FakeClient } {
  if (hash) window.history.replaceState(null, '', `/${hash}`);
  const client = new FakeClient({
    'chat.get': ({ id }) => ({ id, title: 'T', model: 'm', compareModel: null, settings: { system: null, temperature: null, numCtx: null }, messages: [], createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }) as never,
  });
  const store = createAppStore(client, { storage: null });
  store.setState({ startup: { status: 'ready' }, snapshot: snapshot([model('m')]) });
  stop = startHashSync(store, window);
  return { store, client };
}

/** Back or Forward, resolved once the browser has told the page. */
function go(delta: number): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('popstate', () => setTimeout(resolve, 0), { once: true });
    window.history.go(delta);
  });
}

describe('the address follows the page', () => {
  it('starts at #/models without adding a history entry', () => {
    const length = window.history.length;
    start();
    expect(window.location.hash).toBe('#/models');
    expect(window.history.length).toBe(length);
  });

  it('each page, model, tab and conversation gets its own address and history entry', () => {
    const { store } = start();
    const length = window.history.length;
    store.getState().navigate('jobs');
    expect(window.location.hash).toBe('#/jobs');
    store.getState().openModel('m', 'modelfile');
    expect(window.location.hash).toBe('#/models/m/modelfile');
    store.getState().setDetailTab('history');
    expect(window.location.hash).toBe('#/models/m/history');
    store.getState().navigate('base-models');
    expect(window.location.hash).toBe('#/base-models');
    expect(window.history.length).toBe(length + 4);
  });

  it('the sidebar’s Models goes back to the list while a model is open', () => {
    const { store } = start();
    store.getState().openModel('m');
    expect(window.location.hash).toBe('#/models/m');
    store.getState().navigate('models');
    expect(store.getState().detail).toBeNull();
    expect(window.location.hash).toBe('#/models');
  });

  it('Back and Forward show the page of the address', async () => {
    const { store } = start();
    store.getState().navigate('jobs');
    store.getState().openModel('m', 'versions');
    await go(-1);
    expect(store.getState().page).toBe('jobs');
    expect(store.getState().detail).toBeNull();
    await go(-1);
    expect(store.getState().page).toBe('models');
    await go(2);
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail).toEqual({ name: 'm', tab: 'versions' });
  });
});

describe('an address opens its page', () => {
  it('a model page and tab, as after a reload', () => {
    const { store } = start('#/models/m/versions');
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail).toEqual({ name: 'm', tab: 'versions' });
    expect(window.location.hash).toBe('#/models/m/versions');
  });

  it('a conversation', () => {
    const { store, client } = start('#/chat/c1');
    expect(store.getState().page).toBe('chat');
    expect(store.getState().chat.currentId).toBe('c1');
    expect(client.callsTo('chat.get')).toEqual([{ id: 'c1' }]);
  });

  it('a link followed inside the app (hashchange)', async () => {
    const { store } = start();
    await new Promise<void>((resolve) => {
      window.addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true });
      window.location.hash = '#/settings';
    });
    expect(store.getState().page).toBe('settings');
  });

  it('an unknown address shows the models list and says so in the address', () => {
    const { store } = start('#/no-such-page');
    expect(store.getState().page).toBe('models');
    expect(window.location.hash).toBe('#/models');
  });

  it('the served UI’s token still leaves the address, and the route stays', () => {
    window.history.replaceState(null, '', '/?token=secret-123#/jobs');
    expect(takeAccessToken(window)).toBe('secret-123');
    const { store } = start();
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/jobs');
    expect(store.getState().page).toBe('jobs');
    // And the token survives a route change (kept for reloads in this tab).
    store.getState().navigate('chat');
    expect(takeAccessToken(window)).toBe('secret-123');
  });
});
