// @vitest-environment jsdom
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { AppTree } from '../../src/renderer/src/app-tree';
import { firstPageFits } from '../../src/renderer/src/first-page/take-first-page';
import { renderFirstPage } from '../../src/renderer/src/server/render-first-page';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import type { FirstPageSeed } from '../../src/shared/first-page';
import { FakeClient } from './support/fake-client';
import { appInfo, connection, model, settings, snapshot, syncState } from './support/fixtures';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function seedOf(names: string[]): FirstPageSeed {
  return {
    appInfo,
    snapshot: snapshot(names.map((name) => model(name, { status: 'available' }))),
    sync: syncState({ lastSyncAt: '2025-08-09T10:11:12.000Z' }),
    settings: settings(),
  };
}

function client(answers: { registry: () => unknown }) {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': answers.registry as never,
    'sync.get': () => syncState({ lastSyncAt: '2025-08-09T10:11:12.000Z' }),
    'settings.get': () => settings(),
    'sync.now': () => syncState({ lastSyncAt: '2025-08-09T10:11:12.000Z' }),
    'jobs.list': () => [],
    'preload.list': () => [],
    'hosts.list': () => [],
    'ollama.running': () => [],
  });
}

let root: Root | undefined;
let dispose: (() => void) | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  dispose?.();
  dispose = undefined;
  document.body.replaceChildren();
});

describe('the server-rendered first page', () => {
  it('renders the first cards with the same components, and the browser hydrates it without a mismatch', async () => {
    const seed = seedOf(['alpha-v1', 'beta-v1']);
    const html = renderFirstPage(seed);
    expect(html).toContain('data-model-name="alpha-v1"');
    expect(html).toContain('data-model-name="beta-v1"');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const serverCard = container.querySelector('[data-model-name="alpha-v1"]');
    const store = createAppStore(client({ registry: () => seed.snapshot }), { storage: null, seed });
    const errors = vi.spyOn(console, 'error');
    const recoverable: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(container, <AppTree store={store} firstPage />, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(errors.mock.calls.map((call) => String(call[0])).filter((text) => /hydrat|did not match/i.test(text))).toEqual([]);
    // jsdom has no layout (width 0): the grid stays as the server rendered it, the same nodes.
    expect(container.querySelector('[data-model-name="alpha-v1"]')).toBe(serverCard);
  });

  it('starts ready from the seed and refreshes it in the background, keeping what only repeats it', async () => {
    const seed = seedOf(['alpha-v1']);
    const fresh = snapshot([model('alpha-v1', { status: 'available' }), model('gamma-v1')]);
    let answer = () => seed.snapshot;
    const c = client({ registry: () => answer() });
    const store = createAppStore(c, { storage: null, seed });
    expect(store.getState().startup.status).toBe('ready');
    const seeded = store.getState().snapshot;

    dispose = store.getState().init();
    expect(store.getState().startup.status).toBe('ready');
    await waitFor(() => expect(c.callsTo('jobs.list')).toHaveLength(1));
    // The same registry again: the store keeps the seeded object (nothing re-renders).
    expect(store.getState().snapshot).toBe(seeded);

    dispose();
    answer = () => fresh;
    dispose = store.getState().init();
    await waitFor(() => expect(Object.keys(store.getState().snapshot?.registry.models ?? {})).toEqual(['alpha-v1', 'gamma-v1']));
  });

  it('keeps an event that arrived during the refresh over the refresh answer', async () => {
    const seed = seedOf(['alpha-v1']);
    let release = () => {};
    const c = client({ registry: () => new Promise((resolve) => (release = () => resolve(seed.snapshot))) });
    const store = createAppStore(c, { storage: null, seed });
    dispose = store.getState().init();
    c.emit('registry.changed', snapshot([model('delta-v1')]));
    release();
    await waitFor(() => expect(c.callsTo('jobs.list')).toHaveLength(1));
    expect(Object.keys(store.getState().snapshot?.registry.models ?? {})).toEqual(['delta-v1']);
  });
});

describe('whether the server page fits this browser', () => {
  const seed = seedOf(['alpha-v1']);
  const storage = (items: Record<string, string>): Storage => ({ getItem: (key: string) => items[key] ?? null }) as Storage;

  it.each(['', '#', '#/', '#/models'])('fits the Models list at "%s" with nothing stored', (hash) => {
    expect(firstPageFits(hash, storage({}), seed)).toBe(true);
  });

  it.each(['#/jobs', '#/models/alpha-v1', '#/chat', '#/settings'])('does not fit another page, "%s"', (hash) => {
    expect(firstPageFits(hash, storage({}), seed)).toBe(false);
  });

  it('fits stored default filters, not narrowed or re-sorted ones', () => {
    const stored = (value: object) => storage({ 'modelwright.model-filters': JSON.stringify(value) });
    expect(firstPageFits('', stored({ status: 'all', baseModel: null, shownInUiOnly: false, sort: 'name' }), seed)).toBe(true);
    expect(firstPageFits('', stored({ status: 'failed', baseModel: null, shownInUiOnly: false, sort: 'name' }), seed)).toBe(false);
    expect(firstPageFits('', stored({ status: 'all', baseModel: null, shownInUiOnly: false, sort: 'updated' }), seed)).toBe(false);
    expect(firstPageFits('', storage({ 'modelwright.model-filters': '{not json' }), seed)).toBe(false);
  });

  it('does not fit when a warning the server shows was dismissed here', () => {
    const warned = { ...seed, sync: syncState({ connection: connection({ warnings: ['Ollama 0.1 is too old'] }) }) };
    expect(firstPageFits('', storage({ 'modelwright.dismissed-warnings': JSON.stringify(['Ollama 0.1 is too old']) }), warned)).toBe(false);
    expect(firstPageFits('', storage({ 'modelwright.dismissed-warnings': JSON.stringify(['another']) }), warned)).toBe(true);
  });
});
