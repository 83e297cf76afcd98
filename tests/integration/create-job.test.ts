import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelKey } from '../../src/shared/model-name';
import { LLAMA3 } from '../support/fake-ollama/index';
import { V1, V2, addLocalModel, createAndWait, entryOf, ggufBytes, jobUpdate, startWorld, type World } from './create-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const statuses = (steps: { status: string }[]) => steps.map((s) => s.status);

describe('create from the example Modelfiles', () => {
  it('builds v1 from Modelfile.enhanced with exactly the request Ollama expects', async () => {
    world = await startWorld();
    const job = await createAndWait(world, V1);
    expect(job).toMatchObject({ kind: 'create', target: V1, state: 'succeeded', error: null });

    const request = world.fake.createRequestOf(V1);
    expect(request).not.toBeNull();
    expect(request).not.toHaveProperty('modelfile');
    expect(request).toMatchObject({ model: V1, from: 'llama3:latest' });
    expect(request?.system).toContain('You are PeteOllama, an expert property manager');
    expect(request?.template).toContain('<|start_header_id|>system<|end_header_id|>');
    expect(request?.parameters).toEqual({ stop: ['<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>'], temperature: 0.7, num_ctx: 8192 });
  });

  it('builds v2 from Modelfile.qwen-enhanced, pulling qwen3:30b inside the create, and does not stop at the pull\'s success', async () => {
    world = await startWorld();
    expect(world.fake.hasModel('qwen3:30b')).toBe(false);
    const job = await createAndWait(world, V2);
    expect(job.state).toBe('succeeded');

    const request = world.fake.createRequestOf(V2);
    expect(request).not.toHaveProperty('modelfile');
    expect(request).toMatchObject({ model: V2, from: 'qwen3:30b' });
    expect(typeof request?.system).toBe('string');
    expect(typeof request?.template).toBe('string');
    const parameters = request?.parameters as Record<string, unknown>;
    expect(parameters.stop).toEqual(['<|im_start|>', '<|im_end|>']);
    expect(parameters.temperature).toBe(0.7);
    expect(typeof parameters.temperature).toBe('number');

    // The pull's success is a step in the middle; the create's own lines and success follow it.
    const names = statuses(job.steps);
    const first = names.indexOf('success');
    expect(first).toBeGreaterThan(names.indexOf('pulling manifest'));
    expect(names.slice(first + 1)).toContain('writing manifest');
    expect(names[names.length - 1]).toBe('success');
    expect(job.steps.some((s) => s.digest !== null && s.total !== null && s.completed === s.total)).toBe(true);
    expect(world.fake.hasModel(V2)).toBe(true);
  });

  it('records success in the registry: available, no failure reason, build provenance with digests', async () => {
    world = await startWorld();
    await createAndWait(world, V2);
    const entry = entryOf(world, V2);
    const tags = world.fake.tags() as Array<{ name: string; digest: string }>;
    const digestOf = (name: string) => tags.find((t) => modelKey(t.name) === modelKey(name))?.digest;
    const bytes = fs.readFileSync(path.join(world.ws, 'models', 'Modelfile.qwen-enhanced'));
    const { createHash } = await import('node:crypto');
    expect(entry).toMatchObject({
      status: 'available',
      is_jamie_model: true,
      build: {
        modelfile_sha256: createHash('sha256').update(bytes).digest('hex'),
        digest: digestOf(V2),
        base_model: 'qwen3:30b',
        base_digest: digestOf('qwen3:30b'),
      },
    });
    expect(entry).not.toHaveProperty('failure_reason');
    const onDisk = JSON.parse(fs.readFileSync(path.join(world.ws, 'model_settings.json'), 'utf8')) as { models: Record<string, { status: string; build?: unknown }> };
    expect(onDisk.models[V2]).toMatchObject({ status: 'available', build: { base_model: 'qwen3:30b' } });
  });

  it('with pullBase, pulls the missing base model as its own step before the create', async () => {
    world = await startWorld();
    const job = await createAndWait(world, V2, true);
    expect(job.state).toBe('succeeded');
    const pulls = world.fake.requestsTo('/api/pull', 'POST');
    expect(pulls).toHaveLength(1);
    expect(pulls[0]?.body).toEqual({ model: 'qwen3:30b' });
    expect(job.log.some((line) => line.includes('Pulling the base model qwen3:30b first'))).toBe(true);
  });

  it('sets status creating while the job runs', async () => {
    world = await startWorld();
    world.fake.hangNext({ path: '/api/create', afterLines: 1 });
    const job = await world.services.handlers['models.create']({ name: V1, pullBase: false });
    await jobUpdate(world, job.id, (j) => j.steps.some((s) => s.status.startsWith('using existing layer')));
    expect(entryOf(world, V1)?.status).toBe('creating');
    await world.services.handlers['jobs.cancel']({ id: job.id });
  });
});

describe('create from local weights', () => {
  it('hashes and uploads model.gguf (HEAD, then POST because it was missing), and a second create uploads nothing', async () => {
    world = await startWorld();
    const name = 'local/gguf:v1';
    fs.mkdirSync(path.join(world.ws, 'models'), { recursive: true });
    fs.writeFileSync(path.join(world.ws, 'models', 'model.gguf'), ggufBytes());
    await addLocalModel(world, name, 'models/Modelfile.local', 'FROM ./model.gguf\nSYSTEM You are local.\nPARAMETER temperature 0.2\n');
    world.fake.clearRequests();

    const job = await createAndWait(world, name);
    expect(job.error).toBeNull();
    expect(job.state).toBe('succeeded');
    const { createHash } = await import('node:crypto');
    const digest = `sha256:${createHash('sha256').update(ggufBytes()).digest('hex')}`;
    const blobPath = `/api/blobs/${digest}`;
    expect(world.fake.requests.filter((r) => r.path.startsWith('/api/blobs/')).map((r) => [r.method, r.path, r.status])).toEqual([
      ['HEAD', blobPath, 404],
      ['POST', blobPath, 201],
    ]);
    expect(world.fake.requestsTo(blobPath, 'POST')[0]?.bytes).toBe(ggufBytes().length);
    expect(world.fake.createRequestOf(name)).toEqual({ model: name, files: { 'model.gguf': digest }, system: 'You are local.', parameters: { temperature: 0.2 } });
    expect(job.steps.some((s) => s.status === 'uploading model.gguf' && s.completed === ggufBytes().length && s.digest === digest)).toBe(true);
    expect(entryOf(world, name)?.build).not.toHaveProperty('base_model');

    world.fake.clearRequests();
    const again = await createAndWait(world, name);
    expect(again.state).toBe('succeeded');
    expect(world.fake.requestsTo(blobPath, 'HEAD')).toHaveLength(1);
    expect(world.fake.requestsTo(blobPath, 'POST')).toHaveLength(0);
    expect(again.log.some((line) => line.includes('nothing uploaded'))).toBe(true);
  });

  it('refuses weights outside the workspace, with the position of the FROM line', async () => {
    world = await startWorld();
    const outside = path.join(path.dirname(world.ws), `${path.basename(world.ws)}-outside.gguf`);
    fs.writeFileSync(outside, ggufBytes(1024));
    try {
      await addLocalModel(world, 'local/out:v1', 'models/Modelfile.out', `SYSTEM x\nFROM ${outside}\n`);
      const job = await createAndWait(world, 'local/out:v1');
      expect(job.state).toBe('failed');
      expect(job.error).toMatch(/line 2, column 1: .*leads outside the workspace/);
      expect(world.fake.requests.some((r) => r.path.startsWith('/api/blobs/'))).toBe(false);
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });
});

describe('create failures', () => {
  it('Ollama dropping the connection mid-create fails the job with the reason and leaves the entry as it was; a retry succeeds', async () => {
    world = await startWorld();
    const before = entryOf(world, V1);
    world.fake.dropNext({ path: '/api/create', afterLines: 1 });
    const failed = await createAndWait(world, V1);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/connection to Ollama .* was lost during \/api\/create/);
    // Losing Ollama is not the model failing: status, reason and time of change are as they were.
    expect(entryOf(world, V1)).toEqual(before);

    const retry = await createAndWait(world, V1);
    expect(retry.state).toBe('succeeded');
    expect(entryOf(world, V1)?.status).toBe('available');
    expect(entryOf(world, V1)).not.toHaveProperty('failure_reason');
  });

  it("keeps Ollama's message in full when it fails mid-stream", async () => {
    world = await startWorld();
    const message = 'write manifest: no space left on device (a long explanation that must not be cut short)';
    world.fake.failMidStream({ path: '/api/create', afterLines: 1, error: message });
    const job = await createAndWait(world, V1);
    expect(job.error).toContain(message);
    expect(entryOf(world, V1)?.failure_reason).toContain(message);
  });

  it('blocks a Modelfile with errors before asking Ollama, naming each error with its position', async () => {
    world = await startWorld();
    const file = path.join(world.ws, 'models', 'Modelfile.enhanced');
    fs.writeFileSync(file, 'FROM llama3:latest\nPARAMETER temprature 0.7\nPARAMETER num_ctx lots\n');
    const job = await createAndWait(world, V1);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('models/Modelfile.enhanced has 2 errors');
    expect(job.error).toContain("line 2, column 11: unknown parameter 'temprature'");
    expect(job.error).toMatch(/line 3, column 19: invalid int value \[lots\]/);
    expect(world.fake.requestsTo('/api/create')).toHaveLength(0);
    expect(entryOf(world, V1)?.status).toBe('failed');
  });

  it('refuses an Ollama too old for the create API', async () => {
    world = await startWorld();
    world.fake.setVersion('0.5.4');
    const job = await createAndWait(world, V1);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/too old to create models/);
    expect(world.fake.requestsTo('/api/create')).toHaveLength(0);
  });

  it('answers not_found for a name the registry does not have', async () => {
    world = await startWorld();
    await expect(world.services.handlers['models.create']({ name: 'nope:v1', pullBase: false })).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('cancel and concurrency', () => {
  it('cancel mid-create aborts the request at once, ends the job cancelled and puts the status back', async () => {
    world = await startWorld();
    const before = entryOf(world, V1);
    expect(before?.status).toBe('missing');
    world.fake.hangNext({ path: '/api/create', afterLines: 2 });
    const job = await world.services.handlers['models.create']({ name: V1, pullBase: false });
    await jobUpdate(world, job.id, (j) => j.steps.some((s) => s.status.startsWith('using existing layer')));

    const cancelled = await world.services.handlers['jobs.cancel']({ id: job.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    expect(entryOf(world, V1)?.status).toBe('missing');
    expect(entryOf(world, V1)).not.toHaveProperty('failure_reason');
    await vi.waitFor(() => expect(world?.fake.cancellations.map((c) => c.path)).toContain('/api/create'));
    expect(world.fake.hasModel(V1)).toBe(false);
  });

  it('two creates of one name share one job and one request to Ollama', async () => {
    world = await startWorld();
    const [a, b] = await Promise.all([
      world.services.handlers['models.create']({ name: V1, pullBase: false }),
      world.services.handlers['models.create']({ name: 'PeteOllama:Property-Manager-v1', pullBase: false }),
    ]);
    expect(b.id).toBe(a.id);
    await world.services.jobs.whenDone(a.id);
    expect(world.fake.requestsTo('/api/create')).toHaveLength(1);
    expect((await world.services.handlers['jobs.list']({})).filter((j) => j.kind === 'create')).toHaveLength(1);
  });

  it('sends coalesced job.updated events that end with the final state', async () => {
    world = await startWorld();
    const job = await createAndWait(world, V2);
    const mine = world.jobEvents.filter((e) => e.id === job.id);
    expect(mine[0]?.state).toBe('queued');
    expect(mine[mine.length - 1]).toEqual(job);
  });
});

describe('out of date', () => {
  it('after a build nothing is out of date; a Modelfile edit or a new base model digest makes it so', async () => {
    world = await startWorld();
    await createAndWait(world, V1);
    let state = await world.services.session().sync.syncNow();
    expect(state.outdated).toEqual([]);

    const doc = await world.services.handlers['modelfile.read']({ path: 'models/Modelfile.enhanced' });
    await world.services.handlers['modelfile.write']({ path: 'models/Modelfile.enhanced', content: `${doc.content}PARAMETER top_k 20\n`, expectedSha256: doc.sha256 });
    expect(world.services.session().sync.get().outdated).toEqual([V1]);

    await world.services.handlers['modelfile.write']({
      path: 'models/Modelfile.enhanced',
      content: doc.content,
      expectedSha256: (await world.services.handlers['modelfile.read']({ path: 'models/Modelfile.enhanced' })).sha256,
    });
    expect(world.services.session().sync.get().outdated).toEqual([]);

    world.fake.addModel({ ...LLAMA3, size: LLAMA3.size! + 1_000 }); // llama3 updated: a new digest
    state = await world.services.session().sync.syncNow();
    expect(state.outdated).toEqual([V1]);
  });
});

describe('restarts', () => {
  it('closing the app mid-create ends the job interrupted, puts the status back, and the next start lists it so', async () => {
    const os = await import('node:os');
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-restart-ws-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-restart-data-'));
    try {
      const first = await startWorld({ ws, dataDir });
      first.fake.hangNext({ path: '/api/create', afterLines: 1 });
      const job = await first.services.handlers['models.create']({ name: V1, pullBase: false });
      await jobUpdate(first, job.id, (j) => j.steps.some((s) => s.status.startsWith('using existing layer')));
      await first.close();

      world = await startWorld({ ws, dataDir });
      const after = await world.services.handlers['jobs.get']({ id: job.id });
      expect(after.state).toBe('interrupted');
      expect(after.error).toMatch(/closed while this job was running/);
      expect(entryOf(world, V1)?.status).toBe('missing');
    } finally {
      await world?.close();
      world = undefined;
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a model left creating by a run that died becomes failed with a reason on the next start', async () => {
    const os = await import('node:os');
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-stuck-ws-'));
    try {
      const registry = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8')) as {
        models: Record<string, { status: string }>;
      };
      registry.models[V2]!.status = 'creating';
      fs.writeFileSync(path.join(ws, 'model_settings.json'), JSON.stringify(registry, null, 2));
      world = await startWorld({ ws });
      await vi.waitFor(() => expect(entryOf(world!, V2)?.status).toBe('failed'));
      expect(entryOf(world, V2)?.failure_reason).toMatch(/app stopped while this model was being created/);
    } finally {
      await world?.close();
      world = undefined;
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
