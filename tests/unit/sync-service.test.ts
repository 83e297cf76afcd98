import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OllamaModel, SyncState } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { EventBus } from '../../src/main/events';
import type { OllamaGateway } from '../../src/main/ollama/types';
import { RegistryStore } from '../../src/main/registry/store';
import { SyncService } from '../../src/main/sync';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const NOW = new Date('2026-03-04T05:06:07.000Z');
const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

function model(name: string, size = 1_000_000_000): OllamaModel {
  return { name, size, digest: 'sha256:' + 'a'.repeat(64), modifiedAt: NOW.toISOString(), details: {} };
}

/** A gateway whose answers the test sets; counts calls. */
class StubGateway implements OllamaGateway {
  models: OllamaModel[] = [];
  failure: AppError | null = null;
  versionText = '0.18.0';
  calls = 0;
  gate: Promise<void> | null = null;
  constructor(readonly host = 'http://127.0.0.1:11434') {}
  async version(): Promise<string> {
    if (this.failure) throw this.failure;
    return this.versionText;
  }
  async list(): Promise<OllamaModel[]> {
    this.calls++;
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
    return this.models;
  }
  async running() {
    return [];
  }
  async show(): Promise<never> {
    throw new AppError('not_found', 'not here');
  }
  // Lifecycle calls: sync never makes them.
  async load(): Promise<void> {}
  async unload(): Promise<void> {}
  async delete(): Promise<void> {}
  async copy(): Promise<void> {}
}

let ws: string;
let file: string;
let store: RegistryStore;
let gateway: StubGateway;
let bus: EventBus;
let events: SyncState[];
let service: SyncService;

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-sync-'));
  file = path.join(ws, 'model_settings.json');
  fs.writeFileSync(file, SEED_TEXT);
  store = new RegistryStore({ workspace: ws, clock: () => NOW, watch: false, log: () => {} });
  gateway = new StubGateway();
  bus = new EventBus();
  events = [];
  bus.subscribe((event, payload) => {
    if (event === 'sync.changed') events.push(payload as SyncState);
  });
  service = new SyncService({ store, gateway: () => gateway, bus, clock: () => NOW, log: () => {} });
});
afterEach(() => {
  service.stop();
  store.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function statuses(): Record<string, string> {
  const { registry } = store.get();
  return Object.fromEntries([...Object.entries(registry.models), ...Object.entries(registry.base_models)].map(([k, v]) => [k, v.status]));
}

describe('SyncService', () => {
  it('starts unknown', () => {
    expect(service.get()).toMatchObject({ connection: { status: 'unknown', host: gateway.host, version: null }, lastSyncAt: null, changed: [] });
  });

  it('updates statuses from what Ollama has and reports the connection', async () => {
    gateway.models = [model(V2), model('llama3:latest', 4_661_224_676), model('phi3:mini')];
    const state = await service.syncNow();
    expect(state.connection).toMatchObject({ status: 'online', version: '0.18.0', canCreate: true, warnings: [], message: null, checkedAt: NOW.toISOString() });
    expect(state.changed.sort()).toEqual([V1, V2, 'qwen3:30b'].sort());
    expect(state.discovered.map((m) => m.name)).toEqual(['phi3:mini']);
    expect(state.ollamaModels).toHaveLength(3);
    expect(state.lastSyncAt).toBe(NOW.toISOString());
    expect(statuses()).toEqual({ [V1]: 'missing', [V2]: 'available', 'llama3:latest': 'available', 'qwen3:30b': 'missing' });
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { is_jamie_model: boolean; last_updated: string }> };
    expect(json.models[V2]).toMatchObject({ is_jamie_model: true, last_updated: NOW.toISOString() });
    expect(events).toEqual([state]);
  });

  it('writes nothing when nothing changed', async () => {
    gateway.models = [model(V1), model('llama3:latest', 4_661_224_676), model('qwen3:30b', 18_556_688_736)];
    const before = fs.statSync(file);
    const state = await service.syncNow();
    expect(state.changed).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
  });

  it('changes no status when Ollama is offline (the seed marked everything missing)', async () => {
    gateway.failure = new AppError('offline', 'Ollama is not running at http://127.0.0.1:11434. Start it with "ollama serve".');
    const state = await service.syncNow();
    expect(state.connection).toMatchObject({ status: 'offline', message: gateway.failure.message, version: null, canCreate: false });
    expect(state).toMatchObject({ changed: [], discovered: [], ollamaModels: [], lastSyncAt: null });
    expect(fs.readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(events).toHaveLength(1);
  });

  it('changes no status when Ollama answers with an error, and keeps its message', async () => {
    gateway.models = [model(V1)];
    await service.syncNow();
    const after = fs.readFileSync(file, 'utf8');
    gateway.failure = new AppError('ollama', 'llama runner process has terminated');
    const state = await service.syncNow();
    expect(state.connection).toMatchObject({ status: 'error', message: 'llama runner process has terminated' });
    expect(state.lastSyncAt).toBe(NOW.toISOString());
    expect(fs.readFileSync(file, 'utf8')).toBe(after);
  });

  it('turns an unexpected exception into an error state', async () => {
    gateway.list = async () => {
      throw new TypeError('boom');
    };
    expect((await service.syncNow()).connection).toMatchObject({ status: 'error', message: 'boom' });
  });

  it('asks Ollama for its version again only after a drop or a host change', async () => {
    let asked = 0;
    const version = gateway.version.bind(gateway);
    gateway.version = async () => {
      asked++;
      return version();
    };
    await service.syncNow();
    await service.syncNow();
    expect(asked).toBe(1);
    gateway.failure = new AppError('offline', 'Ollama is not reachable');
    await service.syncNow();
    gateway.failure = null;
    gateway.versionText = '0.19.0';
    // Ollama came back (perhaps upgraded): the version is read again.
    expect((await service.syncNow()).connection.version).toBe('0.19.0');
    expect(asked).toBe(2);
  });

  it('passes on what the version means (old Ollama: cannot create)', async () => {
    gateway.versionText = '0.5.4';
    const state = await service.syncNow();
    expect(state.connection.canCreate).toBe(false);
    expect(state.connection.warnings.join(' ')).toMatch(/too old to create models/);
  });

  it('still reports the connection and discovered models while the registry is read-only, and writes nothing', async () => {
    const bad = SEED_TEXT.replace('"status": "pending"', '"status": "bogus"');
    fs.writeFileSync(file, bad);
    await store.reload();
    gateway.models = [model(V2), model('phi3:mini')];
    const state = await service.syncNow();
    expect(state.connection.status).toBe('online');
    expect(state.discovered.map((m) => m.name)).toEqual(['phi3:mini']);
    expect(state.changed).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(bad);
  });

  it('leaves a model that is being created alone', async () => {
    await store.setStatus(V2, 'creating');
    gateway.models = [model(V2)];
    await service.syncNow();
    expect(statuses()[V2]).toBe('creating');
  });

  it('shares one run between calls made while it is in flight', async () => {
    let release!: () => void;
    gateway.gate = new Promise((resolve) => (release = resolve));
    const a = service.syncNow();
    const b = service.syncNow();
    release();
    expect(await a).toBe(await b);
    expect(gateway.calls).toBe(1);
    await service.syncNow();
    expect(gateway.calls).toBe(2);
  });

  it('asks the gateway getter each time, so a new host takes effect', async () => {
    const other = new StubGateway('http://gpu-box:11434');
    let current: StubGateway = gateway;
    const s = new SyncService({ store, gateway: () => current, clock: () => NOW, log: () => {} });
    await s.syncNow();
    current = other;
    expect((await s.syncNow()).connection.host).toBe('http://gpu-box:11434');
  });

  it('syncs at start and then on its timer until stopped', async () => {
    vi.useFakeTimers();
    try {
      service.start(1000);
      await vi.advanceTimersByTimeAsync(0);
      expect(gateway.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(2000);
      expect(gateway.calls).toBe(3);
      service.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(gateway.calls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SyncService and the connection monitor', () => {
  const LOST = new AppError('offline', 'Ollama is not reachable at http://127.0.0.1:11434 (connection refused). Start it with `ollama serve`.');

  it('publishes offline at once when the monitor reports a loss, and changes no status', async () => {
    gateway.models = [model(V1), model('llama3:latest')];
    await service.syncNow();
    const before = fs.readFileSync(file);
    const state = service.connectionLost(LOST);
    expect(state.connection).toMatchObject({ status: 'offline', message: LOST.message });
    expect(events.at(-1)?.connection.status).toBe('offline');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The same loss again is not news.
    const count = events.length;
    service.connectionLost(LOST);
    expect(events).toHaveLength(count);
  });

  it('does not let a sync begun before the loss say online afterwards', async () => {
    gateway.models = [model(V1)];
    let open: () => void = () => undefined;
    gateway.gate = new Promise<void>((resolve) => (open = resolve));
    const running = service.syncNow();
    await vi.waitFor(() => expect(gateway.calls).toBe(1));
    service.connectionLost(LOST);
    open();
    expect((await running).connection.status).toBe('offline');
    expect(events.at(-1)?.connection.status).toBe('offline');
  });

  it('syncs when the monitor sees Ollama again, once', async () => {
    gateway.models = [model(V1)];
    service.connectionLost(LOST);
    const state = await service.connectionRestored();
    expect(state.connection.status).toBe('online');
    const calls = gateway.calls;
    // Already online: nothing more to ask.
    await service.connectionRestored();
    expect(gateway.calls).toBe(calls);
  });
});
