/**
 * What a full sync costs over the bare /api/tags call it cannot avoid.
 *
 *   npx tsx bench/sync.ts [rounds]
 *
 * A registry of 1,000 models in a temp workspace, a fake Ollama with 1,000 models (half of them
 * the registry's, so the first sync changes 500 statuses and writes; later ones change nothing).
 * After a warm-up, rounds of a bare `ollama.list()` and of a full `syncNow()` run interleaved, so
 * both see the same machine load. Prints medians and the ratio full/bare (target ≤ 1.3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { createOllamaGateway } from '../src/main/ollama/gateway';
import { RegistryStore } from '../src/main/registry/store';
import { SyncService } from '../src/main/sync';
import { startFakeOllama } from '../tests/support/fake-ollama/index';

const MODELS = 1_000;
const WARMUP = 5;
const ROUNDS = Number(process.argv[2] ?? 30);
const TARGET_RATIO = 1.3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function writeRegistry(workspace: string): void {
  const stamp = '2025-08-08T21:00:00.000000';
  const models: Record<string, unknown> = {};
  for (let i = 0; i < MODELS; i++) {
    const name = `bench/model-${i}:v1`;
    models[name] = {
      name,
      display_name: `Bench model ${i}`,
      description: `Model ${i} of the sync benchmark`,
      version: 'v1',
      base_model: 'llama3:latest',
      modelfile: 'models/Modelfile.bench',
      show_in_ui: true,
      auto_preload: false,
      created_at: stamp,
      last_updated: stamp,
      status: 'pending',
    };
  }
  const registry = {
    default_model: null,
    models,
    base_models: { 'llama3:latest': { display_name: 'Llama 3', description: '', size: '4.7 GB', status: 'available' } },
    last_updated: stamp,
  };
  fs.mkdirSync(path.join(workspace, 'models'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'models', 'Modelfile.bench'), 'FROM llama3:latest\n');
  fs.writeFileSync(path.join(workspace, 'model_settings.json'), `${JSON.stringify(registry, null, 2)}\n`);
}

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-sync-'));
  writeRegistry(workspace);

  // Half of Ollama's models are registry models (statuses change on the first sync), half are not.
  const ollamaModels = Array.from({ length: MODELS }, (_, i) =>
    i < MODELS / 2 ? { name: `bench/model-${i}:v1`, size: 4_661_224_676 } : { name: `other/model-${i}:latest`, size: 2_000_000_000 + i },
  );
  ollamaModels.push({ name: 'llama3:latest', size: 4_661_224_676 });
  const fake = await startFakeOllama({ models: ollamaModels });

  const store = new RegistryStore({ workspace, watch: false });
  const gateway = createOllamaGateway(fake.url);
  const sync = new SyncService({ store, gateway: () => gateway });
  const bare = new Ollama({ host: fake.url });

  try {
    const first = performance.now();
    const firstState = await sync.syncNow();
    const firstMs = performance.now() - first;
    if (firstState.connection.status !== 'online') throw new Error(`first sync: ${firstState.connection.message}`);
    const firstChanged = firstState.changed.length;

    for (let i = 0; i < WARMUP; i++) {
      await bare.list();
      await sync.syncNow();
    }

    const bareTimes: number[] = [];
    const fullTimes: number[] = [];
    let steadyChanged = 0;
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first so neither always follows the other's garbage.
      const order = i % 2 === 0 ? ['bare', 'full'] : ['full', 'bare'];
      for (const which of order) {
        if (which === 'bare') bareTimes.push(await time(() => bare.list()));
        else
          fullTimes.push(
            await time(async () => {
              steadyChanged += (await sync.syncNow()).changed.length;
            }),
          );
      }
    }

    const bareMedian = median(bareTimes);
    const fullMedian = median(fullTimes);
    const ratio = fullMedian / bareMedian;
    const state = sync.get();
    console.log(`registry: ${MODELS} models; Ollama: ${ollamaModels.length} models (${state.discovered.length} discovered)`);
    console.log(`first sync (writes ${firstChanged} status changes): ${firstMs.toFixed(1)} ms`);
    console.log(`steady state, ${ROUNDS} rounds after ${WARMUP} warm-up, interleaved:`);
    console.log(`  bare ollama.list(): median ${bareMedian.toFixed(2)} ms`);
    console.log(`  full syncNow():     median ${fullMedian.toFixed(2)} ms (status changes: ${steadyChanged})`);
    console.log(`  ratio full/bare:    ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`);
  } finally {
    store.close();
    await fake.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

await main();
