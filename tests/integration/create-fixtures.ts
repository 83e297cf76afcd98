import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Job } from '../../src/shared/jobs';
import { isFinished } from '../../src/shared/jobs';
import type { OllamaTimeoutsPatch } from '../../src/shared/ollama-timeouts';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeModelSeed, type FakeOllama } from '../support/fake-ollama/index';

/** Shared set-up for the create/pull/admin-create/modelfile-files integration tests (not a test file). */

export const V1 = 'peteollama:property-manager-v1';
export const V2 = 'peteollama:property-manager-v2';
export const TEMPLATE_DIR = path.resolve(import.meta.dirname, '..', '..', 'models');

export interface World {
  fake: FakeOllama;
  services: AppServices;
  /** The workspace (a first-run copy of the example models/). */
  ws: string;
  dataDir: string;
  jobEvents: Job[];
  close(): Promise<void>;
}

/** A fake Ollama with llama3 (qwen3:30b pullable) and the app's services over a fresh workspace, synced once. */
export async function startWorld(
  options: { models?: FakeModelSeed[]; library?: FakeModelSeed[]; dataDir?: string; ws?: string; ollamaTimeouts?: OllamaTimeoutsPatch } = {},
): Promise<World> {
  const fake = await startFakeOllama({ models: options.models ?? [LLAMA3], library: options.library ?? [LLAMA3, QWEN3_30B] });
  const ws = options.ws ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mw-create-ws-'));
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mw-create-data-'));
  const services = await createAppServices({
    mode: 'headless',
    dataDir,
    defaultWorkspace: ws,
    workspace: ws,
    ollamaHost: fake.url,
    ...(options.ollamaTimeouts ? { ollamaTimeouts: options.ollamaTimeouts } : {}),
    env: {},
    appVersion: '0.0.0-test',
    templateDir: TEMPLATE_DIR,
  });
  await services.session().sync.syncNow();
  const jobEvents: Job[] = [];
  services.bus.subscribe((event, payload) => {
    if (event === 'job.updated') jobEvents.push(payload as Job);
  });
  return {
    fake,
    services,
    ws,
    dataDir,
    jobEvents,
    async close() {
      await services.stop();
      await fake.close();
      if (!options.ws) fs.rmSync(ws, { recursive: true, force: true });
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first `job.updated` of job `id` that matches (or the current state, if it does). */
export function jobUpdate(world: World, id: string, matches: (job: Job) => boolean): Promise<Job> {
  return new Promise((resolve) => {
    const current = world.services.jobs.get(id);
    if (matches(current)) return resolve(current);
    const unsubscribe = world.services.bus.subscribe((event, payload) => {
      const job = payload as Job;
      if (event === 'job.updated' && job.id === id && (matches(job) || isFinished(job.state))) {
        unsubscribe();
        resolve(job);
      }
    });
  });
}

export async function createAndWait(world: World, name: string, pullBase = false): Promise<Job> {
  const job = await world.services.handlers['models.create']({ name, pullBase });
  return world.services.jobs.whenDone(job.id);
}

export function entryOf(world: World, name: string) {
  return world.services.session().store.get().registry.models[name];
}

/** Writes a Modelfile into the workspace and declares a model for it. */
export async function addLocalModel(world: World, name: string, modelfile: string, text: string): Promise<void> {
  const file = path.join(world.ws, modelfile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  await world.services.handlers['models.add']({
    entry: { name, display_name: name, modelfile, description: '', version: 'v1', base_model: '', show_in_ui: true, auto_preload: false },
  });
}

/** A small file that Ollama (and the fake) recognise as GGUF. */
export function ggufBytes(size = 64 * 1024): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write('GGUF', 0, 'latin1');
  for (let i = 4; i < size; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
}
