import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalApiState } from '../../src/shared/chat';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { EventBus } from '../../src/main/events';
import { createLocalApi, type KeyValueSettings, type LocalApiControl } from '../../src/main/http/local-api';
import { openConfSettingsBackend } from '../../src/main/settings/backend';
import { SettingsStore } from '../../src/main/settings/store';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { seedRegistry, stubHandlers } from './http-fixtures';

/** A free port, found by letting the OS pick one and closing it again. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

class MemorySettings implements KeyValueSettings {
  values: Record<string, unknown> = {};
  readKey(key: string): unknown {
    return this.values[key];
  }
  writeKey(key: string, value: unknown): void {
    this.values[key] = structuredClone(value);
  }
}

let fake: FakeOllama;
let settings: MemorySettings;
let bus: EventBus;
let changes: LocalApiState[];
let api: LocalApiControl;

function localApi(): LocalApiControl {
  const registry = seedRegistry();
  return createLocalApi({
    settings,
    bus,
    chatProxy: { registry: () => registry, stream: (request, signal) => streamOllamaChat(fake.url, request, { signal }) },
    log: () => undefined,
  });
}

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
  settings = new MemorySettings();
  bus = new EventBus();
  changes = [];
  bus.subscribe((event, payload) => {
    if (event === 'localApi.changed') changes.push(payload as LocalApiState);
  });
  api = localApi();
});
afterEach(async () => {
  await api.stop();
  await fake.close();
});

describe('the desktop local API switch', () => {
  it('is off by default and serves nothing until turned on', async () => {
    await api.start(stubHandlers().handlers);
    expect(api.state()).toMatchObject({ configurable: true, enabled: false, running: false, token: null, baseUrl: null });
  });

  it('turned on, serves the OpenAI API on 127.0.0.1 with a token that is remembered', async () => {
    const port = await freePort();
    await api.start(stubHandlers().handlers);
    const state = await api.update({ enabled: true, port });
    expect(state).toMatchObject({ enabled: true, running: true, port, baseUrl: `http://127.0.0.1:${port}/v1`, error: null });
    expect(state.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(changes.at(-1)).toEqual(state);

    const client = new OpenAI({ baseURL: state.baseUrl ?? '', apiKey: state.token ?? '', maxRetries: 0 });
    fake.setChat({ text: 'Hello from the desktop.' });
    const reply = await client.chat.completions.create({ model: 'peteollama:property-manager-v1', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]?.message.content).toBe('Hello from the desktop.');

    // After a restart of the app, the same token and port, running again.
    await api.stop();
    api = localApi();
    await api.start(stubHandlers().handlers);
    expect(api.state()).toMatchObject({ enabled: true, running: true, port, token: state.token });
  });

  it('hands out an API key only: it opens /v1 and /admin, never the app calls or events', async () => {
    const port = await freePort();
    const stub = stubHandlers();
    await api.start(stub.handlers);
    const { token } = await api.update({ enabled: true, port });
    const headers = { Authorization: `Bearer ${token ?? ''}` };
    const base = `http://127.0.0.1:${port}`;
    const open = await fetch(`${base}/rpc/workspace.open`, { method: 'POST', headers, body: JSON.stringify({ path: '/etc' }) });
    expect(open.status).toBe(403);
    const read = await fetch(`${base}/rpc/modelfile.read`, { method: 'POST', headers, body: JSON.stringify({ path: 'x' }) });
    expect(read.status).toBe(403);
    expect((await fetch(`${base}/events`, { headers })).status).toBe(403);
    expect(stub.calls.map((c) => c.name)).toEqual([]);
    expect((await fetch(`${base}/admin/models`, { headers })).status).toBe(200);
    expect((await fetch(`${base}/v1/models`, { headers })).status).toBe(200);
  });

  it('turned off, stops serving', async () => {
    const port = await freePort();
    await api.start(stubHandlers().handlers);
    await api.update({ enabled: true, port });
    const off = await api.update({ enabled: false });
    expect(off).toMatchObject({ enabled: false, running: false, baseUrl: null });
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
  });

  it('says so when the port is taken, instead of failing silently', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      await api.start(stubHandlers().handlers);
      const state = await api.update({ enabled: true, port });
      expect(state).toMatchObject({ enabled: true, running: false, error: `Port ${port} is already used by another program. Choose another port.` });
    } finally {
      blocker.close();
    }
  });

  it('issues a new token on request; the old one stops working', async () => {
    const port = await freePort();
    await api.start(stubHandlers().handlers);
    const first = await api.update({ enabled: true, port });
    const second = await api.update({ newToken: true });
    expect(second.token).not.toBe(first.token);
    const old = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { Authorization: `Bearer ${first.token}` } });
    expect(old.status).toBe(401);
    const current = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { Authorization: `Bearer ${second.token}` } });
    expect(current.status).toBe(200);
  });

  it('keeps its choice in the app’s settings file beside the other settings, each write keeping the other', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mw-settings-'));
    try {
      const open = () => new SettingsStore(openConfSettingsBackend(dataDir, () => undefined), { resolveHost: (h) => h ?? 'http://127.0.0.1:11434', defaultWorkspace: '/ws' });
      const store = open();
      store.update({ ollamaHost: 'http://gpu-box:11434' });
      const registry = seedRegistry();
      const real = createLocalApi({ settings: store, bus, chatProxy: { registry: () => registry, stream: (r, s) => streamOllamaChat(fake.url, r, { signal: s }) }, log: () => undefined });
      await real.update({ enabled: false, port: 12_345, newToken: true });
      store.update({ workspace: '/elsewhere' });
      const file = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
      expect(file).toMatchObject({ ollamaHost: 'http://gpu-box:11434', workspace: '/elsewhere', localApi: { enabled: false, port: 12_345, token: expect.any(String) } });
      expect(open().readKey('localApi')).toEqual(file.localApi);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
