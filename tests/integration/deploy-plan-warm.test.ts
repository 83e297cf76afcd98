import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeployService } from '../../src/main/deploy/deploy-service';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import { testHostPool } from '../support/deploy/test-host-pool';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1 } from './create-fixtures';

/**
 * What a plan redoes and what it does not: it remembers each model's create request between
 * plans (desired-requests.ts), yet a Modelfile edited outside the app still shows as outdated
 * in the very next plan; and it asks a host what is loaded only when there is something to preload.
 */

let local: FakeOllama;
let gpu: FakeOllama;
let services: AppServices;
let deploy: DeployService;
let ws: string;
let dataDir: string;

beforeEach(async () => {
  local = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B] });
  gpu = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B] });
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-plan-cache-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-plan-cache-data-'));
  services = await createAppServices({ mode: 'headless', dataDir, defaultWorkspace: ws, workspace: ws, ollamaHost: local.url, env: {}, appVersion: '0.0.0-test', templateDir: TEMPLATE_DIR, passive: true });
  const pool = testHostPool([
    { name: 'local', url: local.url, primary: true },
    { name: 'gpu', url: gpu.url },
  ]);
  deploy = new DeployService({ hosts: () => pool, session: () => services.session(), jobs: services.jobs });
});

afterEach(async () => {
  await services.stop();
  await Promise.all([local.close(), gpu.close()]);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const v1Creates = async () => (await deploy.plan({ hosts: ['gpu'], prune: false })).plan.hosts[0]!.actions.filter((a) => a.kind === 'create' && a.model === V1);

describe('plan after a Modelfile is edited outside the app', () => {
  it('shows the model as outdated on the host it was built on, even when the edit keeps the size and puts the mtime back', async () => {
    const done = await services.jobs.whenDone(deploy.deployVersion({ name: V1, host: 'gpu' }).id);
    expect(done.state).toBe('succeeded');
    expect(await v1Creates()).toEqual([]);
    // Warm: the same plan again, from what it remembered.
    expect(await v1Creates()).toEqual([]);

    const modelfile = path.join(ws, services.session().store.get().registry.models[V1]!.modelfile);
    const text = fs.readFileSync(modelfile, 'utf8');
    const { mtime, atime, size } = fs.statSync(modelfile);
    const edited = text.replace(/temperature (\d)/, (_, d: string) => `temperature ${(Number(d) + 1) % 10}`);
    expect(edited).not.toBe(text);
    fs.writeFileSync(modelfile, edited);
    fs.utimesSync(modelfile, atime, mtime);
    expect(fs.statSync(modelfile).size).toBe(size);

    expect(await v1Creates()).toEqual([expect.objectContaining({ kind: 'create', model: V1, reason: 'outdated' })]);
  });
});

describe('what a plan asks each host', () => {
  it('asks /api/ps only when a registry model is auto_preload', async () => {
    const ps = () => gpu.requestsTo('/api/ps').length;
    expect(Object.values(services.session().store.get().registry.models).some((m) => m.auto_preload)).toBe(true);
    const before = ps();
    await deploy.plan({ hosts: ['gpu'], prune: false });
    expect(ps()).toBe(before + 1);

    await services.session().store.update((draft) => {
      for (const entry of Object.values(draft.models)) entry.auto_preload = false;
    });
    const { plan } = await deploy.plan({ hosts: ['gpu'], prune: false });
    expect(ps()).toBe(before + 1);
    expect(plan.hosts[0]?.actions.some((a) => a.kind === 'create')).toBe(true);
  });
});
