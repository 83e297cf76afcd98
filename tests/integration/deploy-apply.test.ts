import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFinished, type Job } from '../../src/shared/jobs';
import { DeployService } from '../../src/main/deploy/deploy-service';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { testHostPool } from '../support/deploy/test-host-pool';
import { ggufBytes, TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/**
 * Plan and apply over four fake Ollamas: the primary, a slow host, one failing mid-create and one
 * offline. The example workspace has two versions (v1 FROM llama3, auto_preload; v2 FROM qwen3:30b).
 */

interface Hosts {
  local: FakeOllama;
  slow: FakeOllama;
  flaky: FakeOllama;
  down: FakeOllama;
}

let fakes: Hosts;
let services: AppServices;
let deploy: DeployService;
let ws: string;
let dataDir: string;

beforeEach(async () => {
  const start = (models = [LLAMA3]) => startFakeOllama({ models, library: [LLAMA3, QWEN3_30B] });
  fakes = { local: await start(), slow: await start([]), flaky: await start([]), down: await start([]) };
  fakes.slow.setLatency(60);
  await fakes.down.setOffline(true);
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-deploy-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-deploy-data-'));
  services = await createAppServices({ mode: 'headless', dataDir, defaultWorkspace: ws, workspace: ws, ollamaHost: fakes.local.url, env: {}, appVersion: '0.0.0-test', templateDir: TEMPLATE_DIR, passive: true });
  const pool = testHostPool([
    { name: 'local', url: fakes.local.url, primary: true },
    { name: 'slow', url: fakes.slow.url },
    { name: 'flaky', url: fakes.flaky.url },
    { name: 'down', url: fakes.down.url },
  ]);
  deploy = new DeployService({ hosts: () => pool, session: () => services.session(), jobs: services.jobs });
});

afterEach(async () => {
  await services.stop();
  await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const registry = () => services.session().store.get().registry;
const summary = (plan: Awaited<ReturnType<DeployService['plan']>>['plan']) =>
  Object.fromEntries(plan.hosts.map((h) => [h.host, h.actions.map((a) => `${a.kind} ${a.model}`)]));

async function applyAndWait(input: { hosts?: string[]; prune?: boolean } = {}): Promise<{ job: Job | null; plan: Awaited<ReturnType<DeployService['apply']>>['plan'] }> {
  const result = await deploy.apply({ prune: input.prune ?? false, ...(input.hosts ? { hosts: input.hosts } : {}) });
  return { plan: result.plan, job: result.job ? await services.jobs.whenDone(result.job.id) : null };
}

describe('plan and apply over several hosts', () => {
  it('plans per host in order (pulls before creates, preloads last); the offline host is reported with no actions', async () => {
    const { plan } = await deploy.plan({ prune: false });
    expect(summary(plan)).toEqual({
      local: ['pull qwen3:30b', `create ${V1}`, `create ${V2}`, `preload ${V1}`],
      slow: ['pull llama3:latest', 'pull qwen3:30b', `create ${V1}`, `create ${V2}`, `preload ${V1}`],
      flaky: ['pull llama3:latest', 'pull qwen3:30b', `create ${V1}`, `create ${V2}`, `preload ${V1}`],
      down: [],
    });
    expect(plan.hosts.find((h) => h.host === 'down')).toMatchObject({ online: false, message: expect.stringContaining('not reachable') });
    expect(plan.changes).toBe(14);
  });

  it('applies hosts in parallel; a failure mid-create fails the apply with a summary, lets the others finish, and changes no status; then a new plan is empty', async () => {
    fakes.flaky.failMidStream({ path: '/api/create', afterLines: 1, error: 'llama runner process has terminated' });
    const statusBefore = registry().models[V2]?.status;
    const first = await applyAndWait();
    expect(first.job?.kind).toBe('apply');
    expect(first.job?.state).toBe('failed');
    expect(first.job?.error).toMatch(/^1 of 14 actions failed.*\nflaky: create peteollama:property-manager-v\d: .*llama runner process has terminated/s);
    expect(first.job?.progress?.status).toMatch(/of 14 actions/);

    // The offline host was never touched; the others have both versions, recorded.
    expect(fakes.down.requests).toEqual([]);
    for (const fake of [fakes.local, fakes.slow]) for (const name of [V1, V2]) expect(fake.hasModel(name)).toBe(true);
    expect(Object.keys(registry().deployments?.slow ?? {}).sort()).toEqual([V1, V2]);
    expect(Object.keys(registry().deployments?.flaky ?? {})).toHaveLength(1);
    // The primary's statuses follow the primary only; flaky's failure changed none.
    expect(registry().models[V2]?.status).toBe('available');
    expect(statusBefore).toBe('pending');

    // The same create body, byte for byte, reached every host the version went to.
    for (const name of [V1, V2]) {
      const bodies = [fakes.local, fakes.slow, fakes.flaky].flatMap((fake) => fake.requestsTo('/api/create').filter((r) => (r.body as { model?: string }).model === name).map((r) => r.raw));
      expect(bodies.length).toBeGreaterThanOrEqual(3);
      expect(new Set(bodies).size).toBe(1);
    }

    const { plan: retry } = await deploy.plan({ prune: false });
    // Only what failed is left (with v1's preload, which waited on its create).
    expect(retry.hosts.filter((h) => h.host !== 'flaky').every((h) => h.actions.length === 0)).toBe(true);
    expect(retry.hosts.find((h) => h.host === 'flaky')?.actions.filter((a) => a.kind === 'create')).toHaveLength(1);
    const second = await applyAndWait();
    expect(second.job?.state).toBe('succeeded');
    const { plan: after } = await deploy.plan({ prune: false });
    expect(after.changes).toBe(0);
    expect(after.hosts.find((h) => h.host === 'down')?.online).toBe(false);
  });

  it('runs at most two jobs per host at once, and pulls before the creates that need them', async () => {
    const seen = new Map<string, number>();
    let max = 0;
    const unsubscribe = services.bus.subscribe((event, payload) => {
      if (event !== 'job.updated') return;
      const job = payload as Job;
      if (job.kind === 'apply') return;
      const host = job.host ?? 'local';
      const key = `${host}:${job.id}`;
      if (job.state === 'running') seen.set(key, 1);
      else if (isFinished(job.state)) seen.delete(key);
      const perHost = [...seen.keys()].filter((k) => k.startsWith(`${host}:`)).length;
      max = Math.max(max, perHost);
    });
    const { job } = await applyAndWait({ hosts: ['slow'] });
    unsubscribe();
    expect(job?.state).toBe('succeeded');
    expect(max).toBeLessThanOrEqual(2);
    const order = fakes.slow.requests.filter((r) => r.path === '/api/pull' || r.path === '/api/create').map((r) => `${r.path} ${(r.body as { model: string }).model}`);
    expect(order.indexOf(`/api/create ${V1}`)).toBeGreaterThan(order.indexOf('/api/pull llama3:latest'));
    expect(order.indexOf(`/api/create ${V2}`)).toBeGreaterThan(order.indexOf('/api/pull qwen3:30b'));
  });

  it('cancel stops queued work and cancels running jobs', async () => {
    fakes.slow.setLatency(400);
    const result = await deploy.apply({ hosts: ['slow'], prune: false });
    const id = result.job!.id;
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cancelled = await services.jobs.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    const children = services.jobs.list().filter((j) => j.host === 'slow');
    expect(children.every((j) => isFinished(j.state))).toBe(true);
    expect(children.some((j) => j.state === 'cancelled')).toBe(true);
    expect(fakes.slow.hasModel(V2)).toBe(false);
  });

  it('prune removes only what the registry recorded on that host and no longer lists', async () => {
    await applyAndWait({ hosts: ['slow'] });
    fakes.slow.addModel({ name: 'stranger:latest' });
    await services.session().store.update((draft) => {
      delete draft.models[V2];
    });
    const { plan } = await deploy.plan({ hosts: ['slow'], prune: true });
    expect(summary(plan)).toEqual({ slow: [`remove ${V2}`] });
    expect((await applyAndWait({ hosts: ['slow'], prune: true })).job?.state).toBe('succeeded');
    expect(fakes.slow.hasModel(V2)).toBe(false);
    expect(fakes.slow.hasModel('stranger:latest')).toBe(true);
    expect(registry().deployments?.slow?.[V2]).toBeUndefined();
    expect((await deploy.plan({ hosts: ['slow'], prune: true })).plan.changes).toBe(0);
  });
});

describe('deploy a version to a host', () => {
  it('builds on two hosts at once, records the digest each reports, and a failure on one changes no status', async () => {
    fakes.flaky.failMidStream({ path: '/api/create', afterLines: 1, error: 'boom' });
    const a = deploy.deployVersion({ name: V1, host: 'slow' });
    const b = deploy.deployVersion({ name: V1, host: 'flaky' });
    expect(a.id).not.toBe(b.id);
    expect([a.host, b.host]).toEqual(['slow', 'flaky']);
    const [doneA, doneB] = await Promise.all([services.jobs.whenDone(a.id), services.jobs.whenDone(b.id)]);
    expect(doneA.state).toBe('succeeded');
    expect(doneB.state).toBe('failed');
    const record = registry().deployments?.slow?.[V1];
    expect(record?.digest).toBe(fakes.slow.tags().find((t) => t.name === V1)?.digest);
    expect(registry().deployments?.flaky).toBeUndefined();
    expect(registry().models[V1]?.status).toBe('available');

    const matrix = await deploy.matrix();
    const row = matrix.models.find((m) => m.name === V1)!;
    expect(row.cells.slow?.state).toBe('available');
    expect(row.cells.flaky).toMatchObject({ state: 'failed', detail: expect.stringContaining('boom') });
    expect(row.cells.down?.state).toBe('offline');
    expect(matrix.baseModels.find((m) => m.name === 'llama3:latest')?.cells.local?.state).toBe('available');
  });

  it("through the app's handlers (primary only until the hosts pool is wired in): deploying to the primary is today's create, and also recorded", async () => {
    const job = await services.handlers['deploy.version']({ name: V1, host: 'local' });
    expect(job.host ?? null).toBeNull();
    expect((await services.jobs.whenDone(job.id)).state).toBe('succeeded');
    const entry = registry().models[V1];
    expect(entry?.status).toBe('available');
    expect(entry?.build?.digest).toBeTruthy();
    expect(registry().deployments?.local?.[V1]).toMatchObject({ digest: entry?.build?.digest });
    const matrix = await services.handlers['hosts.matrix']({});
    expect(matrix.hosts.map((h) => h.name)).toEqual(['local']);
    expect(matrix.models.map((m) => [m.name, m.cells.local?.state])).toEqual([
      [V1, 'available'],
      [V2, 'missing'],
    ]);
    const plan = await services.handlers['deploy.plan']({ prune: false });
    // (v1's preload depends on whether the app's own preloader, started by the create, has loaded it yet.)
    expect(plan.hosts[0]?.actions.filter((a) => a.kind !== 'preload').map((a) => `${a.kind} ${a.model}`)).toEqual(['pull qwen3:30b', `create ${V2}`]);
    // The card's Create button records the build on the primary too.
    const create = await services.handlers['models.create']({ name: V2, pullBase: true });
    expect((await services.jobs.whenDone(create.id)).state).toBe('succeeded');
    expect(registry().deployments?.local?.[V2]?.digest).toBe(registry().models[V2]?.build?.digest);
  });

  it("uploads local weights to the target host's blob store first, then sends the same body there", async () => {
    fs.writeFileSync(path.join(ws, 'models', 'model.gguf'), ggufBytes());
    fs.writeFileSync(path.join(ws, 'models', 'Modelfile.local'), 'FROM ./model.gguf\nPARAMETER num_ctx 4096\n');
    await services.handlers['models.add']({
      entry: { name: 'local-v1', display_name: 'Local', modelfile: 'models/Modelfile.local', description: '', version: 'v1', base_model: '', show_in_ui: true, auto_preload: false },
    });
    const jobs = [deploy.deployVersion({ name: 'local-v1', host: 'local' }), deploy.deployVersion({ name: 'local-v1', host: 'slow' })];
    for (const job of jobs) expect((await services.jobs.whenDone(job.id)).state).toBe('succeeded');
    const digest = `sha256:${createHash('sha256').update(ggufBytes()).digest('hex')}`;
    for (const fake of [fakes.local, fakes.slow]) {
      expect(fake.hasBlob(digest)).toBe(true);
      const upload = fake.requests.findIndex((r) => r.method === 'POST' && r.path === `/api/blobs/${digest}`);
      const create = fake.requests.findIndex((r) => r.path === '/api/create');
      expect(upload).toBeGreaterThanOrEqual(0);
      expect(create).toBeGreaterThan(upload);
    }
    const bodies = [fakes.local, fakes.slow].map((fake) => fake.requestsTo('/api/create')[0]?.raw);
    expect(bodies[0]).toBe(`{"files":{"model.gguf":"${digest}"},"model":"local-v1","parameters":{"num_ctx":4096}}`);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it('refuses an unknown host, naming the known ones', () => {
    expect(() => deploy.deployVersion({ name: V1, host: 'nope' })).toThrow(/no host named "nope".*local, slow, flaky, down/);
  });
});
