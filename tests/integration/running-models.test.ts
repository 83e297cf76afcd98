import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningModel } from '../../src/shared/contract';
import type { PreloadOutcome } from '../../src/shared/lifecycle';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1, addLocalModel, createAndWait, entryOf, startWorld, type World } from './create-fixtures';

let world: World | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await world?.close();
  world = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function collect<T>(services: AppServices, event: 'running.changed' | 'preload.finished'): T[] {
  const seen: T[] = [];
  services.bus.subscribe((name, payload) => {
    if (name === event) seen.push(payload as T);
  });
  return seen;
}

/** Services over a fresh workspace against a fake prepared by `prepare` before the first sync. */
async function startPrepared(prepare: (fake: FakeOllama) => void): Promise<{ fake: FakeOllama; services: AppServices }> {
  const fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1], library: [LLAMA3, QWEN3_30B] });
  prepare(fake);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-running-ws-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-running-data-'));
  const services = await createAppServices({
    mode: 'headless',
    dataDir,
    defaultWorkspace: ws,
    workspace: ws,
    ollamaHost: fake.url,
    env: {},
    appVersion: '0.0.0-test',
    templateDir: TEMPLATE_DIR,
  });
  cleanups.push(async () => {
    await services.stop();
    await fake.close();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await services.session().sync.syncNow();
  return { fake, services };
}

describe('load and unload', () => {
  it('loads with a keep_alive as one JSON request; /api/ps then lists it with its expiry; unload empties it', async () => {
    world = await startWorld();
    const events = collect<RunningModel[]>(world.services, 'running.changed');
    const loaded = await world.services.handlers['ollama.load']({ model: 'llama3:latest', keepAlive: '30m' });
    expect(world.fake.lastRequest('/api/generate')?.body).toEqual({ model: 'llama3:latest', prompt: '', stream: false, keep_alive: '30m' });
    expect(loaded.running?.map((m) => m.name)).toEqual(['llama3:latest']);
    const left = Date.parse(loaded.running?.[0]?.expiresAt ?? '') - Date.now();
    expect(left).toBeGreaterThan(29 * 60_000);
    expect(left).toBeLessThanOrEqual(30 * 60_000);
    expect(loaded.running?.[0]?.sizeVram).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual(loaded.running);

    const unloaded = await world.services.handlers['ollama.unload']({ model: 'llama3:latest' });
    expect(world.fake.lastRequest('/api/generate')?.body).toEqual({ model: 'llama3:latest', prompt: '', stream: false, keep_alive: 0 });
    expect(unloaded.running).toEqual([]);
    expect(world.fake.loadedModels()).toEqual([]);
    expect(await world.services.handlers['ollama.running']({})).toEqual([]);
  });

  it('"forever" keeps it loaded with a far-future expiry; no keep_alive leaves Ollama its default', async () => {
    world = await startWorld();
    const forever = await world.services.handlers['ollama.load']({ model: 'llama3', keepAlive: -1 });
    expect(Date.parse(forever.running?.[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 100 * 365 * 24 * 3600_000);
    await world.services.handlers['ollama.load']({ model: 'llama3' });
    expect(world.fake.lastRequest('/api/generate')?.body).not.toHaveProperty('keep_alive');
  });

  it('says what to do when Ollama does not have the model', async () => {
    world = await startWorld();
    await expect(world.services.handlers['ollama.load']({ model: 'qwen3:30b' })).rejects.toMatchObject({
      kind: 'not_found',
      message: 'Ollama does not have qwen3:30b, so it cannot be loaded. Create or pull it first.',
    });
  });
});

describe('auto_preload', () => {
  it('loads auto_preload models once the first sync reached Ollama, and records the outcome', async () => {
    const { fake, services } = await startPrepared(() => undefined);
    await services.lifecycle.preloader.idle();
    expect(fake.loadedModels()).toEqual([V1]);
    const outcomes = await services.handlers['preload.list']({});
    expect(outcomes).toMatchObject([{ model: V1, trigger: 'startup', state: 'loaded', reason: null }]);
    // Later syncs do not load it again.
    fake.clearRequests();
    await services.session().sync.syncNow();
    await services.lifecycle.preloader.idle();
    expect(fake.requestsTo('/api/generate')).toHaveLength(0);
  });

  it('a failed preload says why and changes no registry status', async () => {
    const { fake, services } = await startPrepared((f) =>
      f.failNext({ path: '/api/generate', status: 500, error: 'model requires more system memory (32.0 GiB) than is available (7.6 GiB)' }),
    );
    await services.lifecycle.preloader.idle();
    const outcomes = await services.handlers['preload.list']({});
    expect(outcomes[0]).toMatchObject({ model: V1, state: 'failed', reason: expect.stringContaining('model requires more system memory') });
    expect(fake.loadedModels()).toEqual([]);
    // The entry is exactly as the example registry has it: no status, time or reason written.
    const after = services.session().store.get().registry.models[V1];
    expect(after).toMatchObject({ status: 'available', last_updated: '2025-08-08T20:50:48.000000' });
    expect(after).not.toHaveProperty('failure_reason');
  });

  it('skips an auto_preload model Ollama does not have yet, saying so, without asking Ollama to load it', async () => {
    world = await startWorld();
    await world.services.lifecycle.preloader.idle();
    const outcomes = await world.services.handlers['preload.list']({});
    expect(outcomes).toMatchObject([{ model: V1, trigger: 'startup', state: 'skipped', reason: expect.stringContaining('Ollama does not have it yet') }]);
    expect(world.fake.requestsTo('/api/generate')).toHaveLength(0);
    expect(entryOf(world, V1)?.status).toBe('missing');
  });

  it('loads a model marked auto_preload right after a successful create of it', async () => {
    world = await startWorld();
    await addLocalModel(world, 'preloaded:v1', 'models/Modelfile.preloaded', 'FROM llama3:latest\nSYSTEM You are preloaded.\n');
    await world.services.handlers['models.update']({ name: 'preloaded:v1', patch: { auto_preload: true } });
    const finished = collect<PreloadOutcome>(world.services, 'preload.finished');
    const running = collect<RunningModel[]>(world.services, 'running.changed');
    const done = await createAndWait(world, 'preloaded:v1');
    expect(done.state).toBe('succeeded');
    await world.services.lifecycle.preloader.idle();
    expect(world.fake.loadedModels()).toContain('preloaded:v1');
    expect((await world.services.handlers['preload.list']({}))[0]).toMatchObject({ model: 'preloaded:v1', trigger: 'create', state: 'loaded' });
    expect(finished).toMatchObject([{ model: 'preloaded:v1', state: 'loaded' }]);
    expect(running.at(-1)?.map((m) => m.name)).toContain('preloaded:v1');
    expect(entryOf(world, 'preloaded:v1')?.status).toBe('available');
  });

  it('does not load a created model without auto_preload', async () => {
    world = await startWorld();
    await addLocalModel(world, 'plain:v1', 'models/Modelfile.plain', 'FROM llama3:latest\n');
    expect((await createAndWait(world, 'plain:v1')).state).toBe('succeeded');
    await world.services.lifecycle.preloader.idle();
    expect(world.fake.loadedModels()).not.toContain('plain:v1');
  });
});
