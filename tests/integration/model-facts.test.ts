import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import { SHOW_CACHE_FILE } from '../../src/main/facts/show-cache';
import { estimateMemory } from '../../src/shared/memory-estimate';
import { GEMMA3_12B, GPT_OSS_CLOUD, LLAMA3, LLAMA31_8B, QWEN3_8B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR } from './create-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(options: { dataDir?: string; fake?: FakeOllama } = {}): Promise<{ fake: FakeOllama; services: AppServices; dataDir: string }> {
  const fake = options.fake ?? (await startFakeOllama({ models: [LLAMA3, LLAMA31_8B, QWEN3_8B, GEMMA3_12B, GPT_OSS_CLOUD], version: '0.31.0' }));
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-facts-ws-'));
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mw-facts-data-'));
  const services = await createAppServices({
    mode: 'headless',
    dataDir,
    defaultWorkspace: ws,
    workspace: ws,
    ollamaHost: fake.url,
    env: {},
    appVersion: '0.0.0-test',
    templateDir: TEMPLATE_DIR,
    passive: true,
  });
  cleanups.push(async () => {
    await services.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });
  return { fake, services, dataDir };
}

describe('models.facts', () => {
  it('reads the facts of a real architecture from /api/tags and /api/show', async () => {
    const { fake, services } = await start();
    cleanups.push(() => fake.close());
    const facts = await services.handlers['models.facts']({ model: 'gemma3:12b' });
    expect(facts).toMatchObject({
      name: 'gemma3:12b',
      architecture: 'gemma3',
      parameterCount: 12_187_325_040,
      parameterSize: '12.2B',
      quantization: 'Q4_K_M',
      trainedContext: 131_072,
      capabilities: expect.arrayContaining(['completion', 'vision']),
      cloud: false,
      context: { source: 'server-default', tokens: null },
    });
    // The estimate runs on what came over the wire.
    const estimate = estimateMemory({ modelInfo: facts.modelInfo, weightsBytes: facts.fileSize, context: 4096 });
    expect(estimate.ok && estimate.estimate.slidingLayers).toBe(40);
  });

  it('asks /api/show once per digest, and not again after a restart (the cache file)', async () => {
    const { fake, services, dataDir } = await start();
    cleanups.push(() => fake.close());
    await services.handlers['models.facts']({ model: 'qwen3:8b' });
    await services.handlers['models.facts']({ model: 'qwen3:8b' });
    expect(fake.requestsTo('/api/show')).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, SHOW_CACHE_FILE))).toBe(true);
    await services.stop();

    const again = await start({ dataDir, fake });
    const facts = await again.services.handlers['models.facts']({ model: 'qwen3:8b' });
    expect(facts.architecture).toBe('qwen3');
    expect(fake.requestsTo('/api/show')).toHaveLength(1);
  });

  it('marks a cloud model and says it has no local weights to estimate', async () => {
    const { fake, services } = await start();
    cleanups.push(() => fake.close());
    const facts = await services.handlers['models.facts']({ model: 'gpt-oss:120b-cloud' });
    expect(facts).toMatchObject({ cloud: true, remote: { host: 'https://ollama.com:443', model: 'gpt-oss:120b' }, modelInfo: {} });
  });

  it('tells the user what to do for a model Ollama does not have', async () => {
    const { fake, services } = await start();
    cleanups.push(() => fake.close());
    await expect(services.handlers['models.facts']({ model: 'nope:latest' })).rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/Create or pull it first/) });
  });

  it('reports the loaded context and the memory in use from /api/ps', async () => {
    const { fake, services } = await start();
    cleanups.push(() => fake.close());
    const { running } = await services.handlers['ollama.load']({ model: 'llama3.1:8b' });
    // Loaded with the fake's default 4096 tokens; its memory is what /api/ps says, near the estimate.
    expect(running?.[0]).toMatchObject({ name: 'llama3.1:8b', contextLength: 4096 });
    expect(running?.[0]?.sizeVram).toBe(Math.round(5_768_004_784 * 0.96));
  });
});
