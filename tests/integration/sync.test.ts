import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOllamaGateway } from '../../src/main/ollama/gateway';
import { RegistryStore } from '../../src/main/registry/store';
import { SyncService } from '../../src/main/sync';
import { ensureWorkspace } from '../../src/main/workspace/first-run';
import { bundledTemplateDir } from '../../src/main/workspace/template';
import { startFakeOllama } from '../support/fake-ollama/index';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

type Fake = Awaited<ReturnType<typeof startFakeOllama>>;

let ws: string;
let file: string;
let fake: Fake;
let store: RegistryStore;
let sync: SyncService;

beforeEach(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-sync-int-'));
  file = path.join(ws, 'model_settings.json');
  ensureWorkspace(ws, bundledTemplateDir({ packagedResources: null, baseDir: path.join(import.meta.dirname, '..', '..', 'src', 'main') }));
  fake = await startFakeOllama({
    models: [{ name: 'llama3:latest', size: 4_661_224_676 }, { name: V2 }, { name: 'phi3:mini' }],
  });
  store = new RegistryStore({ workspace: ws, watch: false, log: () => {} });
  const gateway = createOllamaGateway(fake.url, { timeoutMs: 5_000 });
  sync = new SyncService({ store, gateway: () => gateway, log: () => {} });
});
afterEach(async () => {
  store.close();
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function statusOf(name: string): string | undefined {
  const { registry } = store.get();
  return (registry.models[name] ?? registry.base_models[name])?.status;
}

describe('sync against a fake Ollama over HTTP', () => {
  it('brings the first-run registry in line with what Ollama has, keeping the file\'s extra keys', async () => {
    const state = await sync.syncNow();
    expect(state.connection.status).toBe('online');
    expect(state.connection.version).toEqual(expect.any(String));
    expect(state.connection.host).toBe(fake.url);
    expect(state.discovered.map((m) => m.name)).toEqual(['phi3:mini']);
    expect(state.changed.sort()).toEqual([V1, V2, 'qwen3:30b'].sort());

    expect(statusOf(V1)).toBe('missing');
    expect(statusOf(V2)).toBe('available');
    expect(statusOf('qwen3:30b')).toBe('missing');
    expect(store.get().registry.base_models['llama3:latest']).toMatchObject({ status: 'available', size: '4.7 GB' });

    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { is_jamie_model?: boolean; status: string }> };
    expect(json.models[V2]).toMatchObject({ status: 'available', is_jamie_model: true });
  });

  it('changes nothing while Ollama is offline, and catches up when it is back', async () => {
    await sync.syncNow();
    const written = fs.readFileSync(file, 'utf8');

    await fake.setOffline(true);
    fake.removeModel(V2);
    const offline = await sync.syncNow();
    expect(offline.connection.status).toBe('offline');
    expect(offline.connection.message).toEqual(expect.any(String));
    expect(offline.changed).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
    expect(statusOf(V2)).toBe('available');

    await fake.setOffline(false);
    fake.addModel({ name: V1 });
    const back = await sync.syncNow();
    expect(back.connection.status).toBe('online');
    expect(back.changed.sort()).toEqual([V1, V2].sort());
    expect(statusOf(V1)).toBe('available');
    expect(statusOf(V2)).toBe('missing');
  });

  it("keeps statuses and reports Ollama's own message when it answers with an error", async () => {
    await sync.syncNow();
    const written = fs.readFileSync(file, 'utf8');
    fake.failNext({ path: '/api/tags', status: 500, error: 'unable to read manifests' });
    const state = await sync.syncNow();
    expect(state.connection).toMatchObject({ status: 'error' });
    expect(state.connection.message).toContain('unable to read manifests');
    expect(state.changed).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
  });

  it('reports offline when nothing listens at the host, without touching the file', async () => {
    const before = fs.readFileSync(file, 'utf8');
    const closed = await startFakeOllama({});
    const url = closed.url;
    await closed.close();
    const gateway = createOllamaGateway(url, { timeoutMs: 2_000 });
    const offline = new SyncService({ store, gateway: () => gateway, log: () => {} });
    const state = await offline.syncNow();
    expect(state.connection.status).toBe('offline');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });
});
