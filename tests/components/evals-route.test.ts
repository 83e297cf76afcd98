// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

function start(hash = ''): AppStore {
  if (hash) window.history.replaceState(null, '', `/${hash}`);
  const store = createAppStore(new FakeClient(), { storage: null });
  store.setState({ startup: { status: 'ready' }, snapshot: snapshot([model('bot-v1'), model('bot-v2')]) });
  stop = startHashSync(store, window);
  return store;
}

function go(delta: number): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('popstate', () => setTimeout(resolve, 0), { once: true });
    window.history.go(delta);
  });
}

const RUN = '2026-12-03T13-45-12-123Z-3f9a';

describe('evaluation addresses', () => {
  it('a family and a run of it each get an address and a history entry; the sidebar entry goes to the list', () => {
    const store = start();
    const length = window.history.length;
    store.getState().openEvals('bot');
    expect(window.location.hash).toBe('#/evals/bot');
    store.getState().openEvals('bot', RUN);
    expect(window.location.hash).toBe(`#/evals/bot/runs/${RUN}`);
    store.getState().navigate('evals');
    expect(store.getState().evalView).toEqual({ family: null, runId: null });
    expect(window.location.hash).toBe('#/evals');
    expect(window.history.length).toBe(length + 3);
  });

  it('an address entered or reloaded opens that family and run', () => {
    const store = start(`#/evals/team%2Fbot/runs/${RUN}`);
    expect(store.getState().page).toBe('evals');
    expect(store.getState().evalView).toEqual({ family: 'team/bot', runId: RUN });
  });

  it('Back returns from a run to the family, then to the model it was opened from', async () => {
    const store = start();
    store.getState().openModel('bot-v2', 'versions');
    store.getState().openEvals('bot');
    store.getState().openEvals('bot', RUN);
    await go(-1);
    expect(store.getState().evalView).toEqual({ family: 'bot', runId: null });
    await go(-1);
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail).toEqual({ name: 'bot-v2', tab: 'versions' });
  });
});
