import { afterEach, describe, expect, it } from 'vitest';
import { streamPull } from '../../src/main/ollama/pull-stream';
import type { ProgressLine } from '../../src/main/ollama/progress-line';
import { jobUpdate, startWorld, type World } from './create-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('models.pull', () => {
  it('pulls a base model as a job with per-layer bytes, and the sync then knows it', async () => {
    world = await startWorld();
    world.fake.setPull({ steps: 5 });
    const job = await world.services.handlers['models.pull']({ model: 'qwen3:30b' });
    expect(job).toMatchObject({ kind: 'pull', target: 'qwen3:30b', state: 'queued' });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    const layers = done.steps.filter((s) => s.digest !== null);
    expect(layers.length).toBeGreaterThan(1);
    expect(layers.every((s) => s.total !== null && s.completed === s.total && s.endedAt !== null)).toBe(true);
    expect(done.steps[done.steps.length - 1]?.status).toBe('success');
    expect(world.fake.hasModel('qwen3:30b')).toBe(true);
    const state = await world.services.session().sync.syncNow();
    expect(state.ollamaModels.map((m) => m.name)).toContain('qwen3:30b');
  });

  it('says a model the library lacks was not found (in words, not the manifest message), as not_found', async () => {
    world = await startWorld();
    const job = await world.services.handlers['models.pull']({ model: 'nosuch:model' });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('failed');
    expect(done.errorKind).toBe('not_found');
    expect(done.error).toBe(
      'nosuch:model was not found in the Ollama library. Check the name and tag (as listed on ollama.com/library, e.g. llama3.2 or qwen3:8b), then pull it under its right name.',
    );
    expect(done.error).not.toContain('manifest');
  });

  it('refuses an invalid model name', async () => {
    world = await startWorld();
    await expect(world.services.handlers['models.pull']({ model: 'bad name' })).rejects.toMatchObject({ kind: 'validation' });
  });

  it('cancel aborts the download; pulling again resumes from the bytes Ollama kept', async () => {
    world = await startWorld();
    world.fake.setPull({ steps: 10 });
    world.fake.hangNext({ path: '/api/pull', afterLines: 4 });
    const job = await world.services.handlers['models.pull']({ model: 'qwen3:30b' });
    const partial = await jobUpdate(world, job.id, (j) => j.steps.some((s) => s.digest !== null && (s.completed ?? 0) > 0));
    const cancelled = await world.services.handlers['jobs.cancel']({ id: partial.id });
    expect(cancelled.state).toBe('cancelled');
    expect(world.fake.hasModel('qwen3:30b')).toBe(false);

    // The retry's first line for the big layer starts where the first pull stopped.
    const lines: ProgressLine[] = [];
    for await (const line of streamPull(world.fake.url, 'qwen3:30b')) lines.push(line);
    const firstLayerLine = lines.find((l) => l.digest !== undefined && (l.total ?? 0) > 1_000_000);
    expect(firstLayerLine?.completed ?? 0).toBeGreaterThan(0);
    expect(lines[lines.length - 1]?.status).toBe('success');
  });

  it('a second pull of the same model while one runs returns the running job', async () => {
    world = await startWorld();
    world.fake.hangNext({ path: '/api/pull', afterLines: 1 });
    const a = await world.services.handlers['models.pull']({ model: 'qwen3:30b' });
    const b = await world.services.handlers['models.pull']({ model: 'qwen3:30b' });
    expect(b.id).toBe(a.id);
    await world.services.handlers['jobs.cancel']({ id: a.id });
  });
});
