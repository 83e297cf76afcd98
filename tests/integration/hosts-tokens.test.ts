import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorageBox } from '../../src/main/desktop/secret-box';
import { HOST_TOKENS_FILE } from '../../src/main/hosts/file-tokens';
import { ensureBlob } from '../../src/main/ollama/blob-upload';
import { streamPull } from '../../src/main/ollama/pull-stream';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { LLAMA3, QWEN3_30B } from '../support/fake-ollama/index';
import { safeStorage } from '../support/electron-stub/electron.mjs';
import { startHostsWorld, type HostsWorld } from './hosts-fixtures';

const TOKEN = 'proxy-secret-5f3c9a';
let world: HostsWorld | undefined;
let printed: string[];

beforeEach(() => {
  printed = [];
  for (const method of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  vi.restoreAllMocks();
});

/** Every place a token must never be: what the contract returns, the settings, the job history, the log. */
function expectNoTokenLeak(w: HostsWorld, extra: unknown[] = []): void {
  const files = fs.readdirSync(w.dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name !== HOST_TOKENS_FILE);
  const texts = [
    ...files.map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8')),
    fs.readFileSync(path.join(w.ws, 'model_settings.json'), 'utf8'),
    JSON.stringify(w.services.hosts.list()),
    JSON.stringify(w.events),
    ...printed,
    ...extra.map((e) => (e instanceof Error ? `${e.message} ${e.stack ?? ''}` : JSON.stringify(e))),
  ];
  for (const text of texts) expect(text).not.toContain(TOKEN);
}

describe('host tokens on the wire', () => {
  it('headless: a token given to hosts.add goes to a 0600 file and rides on every request to that host only', async () => {
    world = await startHostsWorld([
      { hostName: 'local', models: [LLAMA3] },
      { hostName: 'gpu', models: [LLAMA3], library: [QWEN3_30B], bearerToken: TOKEN, token: TOKEN },
    ]);
    const { services, fakes, dataDir } = world;
    const file = path.join(dataDir, HOST_TOKENS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(services.hosts.list().map((h) => h.hasToken)).toEqual([false, true]);

    // Quick calls (version, tags, ps), a pull stream, a chat stream, a blob HEAD and upload.
    expect((await services.hosts.refresh('gpu')).connection.status).toBe('online');
    const link = services.hosts.link('gpu');
    for await (const line of streamPull(link.host, 'qwen3:30b', { fetch: link.fetch })) void line;
    for await (const event of streamOllamaChat(link.host, { model: 'llama3', messages: [{ role: 'user', content: 'hi' }] }, { fetch: link.fetch, signal: new AbortController().signal })) void event;
    const weights = path.join(world.ws, 'w.gguf');
    fs.writeFileSync(weights, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(64)]));
    await ensureBlob(link.host, weights, { fetch: link.fetch });

    const seen = fakes[1]!.requests.map((r) => `${r.method} ${r.path}`);
    expect(seen).toEqual(expect.arrayContaining(['GET /api/version', 'GET /api/tags', 'GET /api/ps', 'POST /api/pull', 'POST /api/chat', expect.stringMatching(/^HEAD \/api\/blobs\//), expect.stringMatching(/^POST \/api\/blobs\//)]));
    expect(fakes[1]!.requests.filter((r) => r.authorization !== `Bearer ${TOKEN}` || r.status === 401).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([]);
    // Another host never gets it.
    await services.hosts.refresh('local');
    expect(fakes[0]!.requests.length).toBeGreaterThan(0);
    expect(fakes[0]!.requests.every((r) => r.authorization === null)).toBe(true);
    expectNoTokenLeak(world);
  });

  it('a wrong or cleared token: the host is in error with the proxy answer, and the message never holds the token', async () => {
    world = await startHostsWorld([
      { hostName: 'local', models: [LLAMA3] },
      { hostName: 'gpu', models: [LLAMA3], bearerToken: 'the-right-one', token: TOKEN },
    ]);
    const { services } = world;
    const gpu = await services.hosts.refresh('gpu');
    expect(gpu.connection.status).toBe('error');
    expect(gpu.models).toBeNull();
    let failure: unknown = null;
    await services.hosts.gateway('gpu').list().catch((error: unknown) => (failure = error));
    expect(failure).not.toBeNull();
    const views = await services.handlers['hosts.update']({ name: 'gpu', token: null });
    expect(views.find((h) => h.name === 'gpu')?.hasToken).toBe(false);
    expect(fs.readFileSync(path.join(world.dataDir, HOST_TOKENS_FILE), 'utf8')).not.toContain(TOKEN);
    expectNoTokenLeak(world, [failure, gpu]);
  });

  it('the primary can have a token too: a pull job sends it, and the job history never shows it', async () => {
    world = await startHostsWorld([{ hostName: 'local', models: [LLAMA3], library: [QWEN3_30B], bearerToken: TOKEN }]);
    const { services, fakes } = world;
    await services.handlers['hosts.update']({ name: 'local', token: TOKEN });
    // A sync begun before the token was set may still be answering; from the next one on, all carry it.
    await services.handlers['sync.now']({});
    fakes[0]!.clearRequests();
    expect((await services.handlers['sync.now']({})).connection.status).toBe('online');
    const job = await services.handlers['models.pull']({ model: 'qwen3:30b' });
    for (let i = 0; i < 100 && !['succeeded', 'failed'].includes((await services.handlers['jobs.get']({ id: job.id })).state); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await services.handlers['jobs.get']({ id: job.id })).state).toBe('succeeded');
    expect(fakes[0]!.requestsTo('/api/pull')[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(fakes[0]!.requests.filter((r) => r.authorization !== `Bearer ${TOKEN}`).map((r) => r.path)).toEqual([]);
    expect(services.hosts.list()[0]?.hasToken).toBe(true);
    expectNoTokenLeak(world, [await services.handlers['jobs.list']({})]);
  });

  it('from the environment: MODELWRIGHT_HOST_TOKEN_<NAME> is used, and hosts.add will not write over it', async () => {
    world = await startHostsWorld([{ hostName: 'local', models: [LLAMA3] }, { hostName: 'gpu-box', models: [LLAMA3], bearerToken: TOKEN }], {
      env: { MODELWRIGHT_HOST_TOKEN_GPU_BOX: TOKEN },
    });
    const { services } = world;
    expect((await services.hosts.refresh('gpu-box')).connection.status).toBe('online');
    await expect(services.handlers['hosts.update']({ name: 'gpu-box', token: 'another-token' })).rejects.toThrow(/MODELWRIGHT_HOST_TOKEN_GPU_BOX/);
    expect(fs.existsSync(path.join(world.dataDir, HOST_TOKENS_FILE))).toBe(false);
    expectNoTokenLeak(world);
  });

  it('desktop: the token is sealed with safeStorage (stand-in electron) in the settings, and rides on the requests', async () => {
    const secrets = safeStorageBox(safeStorage);
    world = await startHostsWorld([{ hostName: 'local', models: [LLAMA3] }, { hostName: 'gpu', models: [LLAMA3], bearerToken: TOKEN, token: TOKEN }], { secrets });
    const settingsFile = JSON.parse(fs.readFileSync(path.join(world.dataDir, 'settings.json'), 'utf8')) as { hostTokens?: Record<string, string> };
    expect(Object.keys(settingsFile.hostTokens ?? {})).toEqual(['gpu']);
    expect(fs.existsSync(path.join(world.dataDir, HOST_TOKENS_FILE))).toBe(false);
    expect((await world.services.hosts.refresh('gpu')).connection.status).toBe('online');
    expectNoTokenLeak(world);
  });
});
