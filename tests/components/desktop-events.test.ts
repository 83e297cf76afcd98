// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { FakeClient } from './support/fake-client';
import { appInfo, model, settings, snapshot, syncState } from './support/fixtures';

function readyClient() {
  return new FakeClient({
    'app.info': () => ({ ...appInfo, mode: 'desktop' }),
    'registry.get': () => snapshot([model('pm-v2')]),
    'sync.get': () => syncState(),
    'settings.get': () => settings(),
    'sync.now': () => syncState(),
    'ollama.running': () => [],
  });
}

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

async function started() {
  const client = readyClient();
  const store = createAppStore(client, { storage: null });
  dispose = store.getState().init();
  await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
  return { client, store };
}

describe('events from the desktop shell', () => {
  it("the menu's New model opens the New model dialog", async () => {
    const { client, store } = await started();
    client.emit('menu.command', { command: 'model.new' });
    expect(store.getState().modelOpsDialog).toEqual({ kind: 'new-model' });
  });

  it("the menu's Save and Create become numbered requests for the open detail", async () => {
    const { client, store } = await started();
    client.emit('menu.command', { command: 'editor.save' });
    client.emit('menu.command', { command: 'editor.save' });
    expect(store.getState().commandRequest).toEqual({ command: 'editor.save', seq: 2 });
  });

  it("a click on a created model's notification opens that model; a pull's, the base models; one no longer listed, the jobs", async () => {
    const { client, store } = await started();
    client.emit('notification.clicked', { kind: 'create', target: 'pm-v2' });
    expect(store.getState().detail).toEqual({ name: 'pm-v2', tab: 'overview' });
    expect(store.getState().page).toBe('models');
    client.emit('notification.clicked', { kind: 'pull', target: 'llama3:8b' });
    expect(store.getState().page).toBe('base-models');
    client.emit('notification.clicked', { kind: 'create', target: 'gone-v1' });
    expect(store.getState().page).toBe('jobs');
  });
});
