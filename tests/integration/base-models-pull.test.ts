import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRegistryText } from '../../src/main/registry/parse';
import { jobUpdate, startWorld, type World } from './create-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function registryOnDiskIsValid(w: World): boolean {
  const file = w.services.session().store.path;
  return parseRegistryText(fs.readFileSync(file, 'utf8'), 'model_settings.json').ok;
}

describe('pulling a base model when Ollama goes away', () => {
  it('fails the job with the reason, leaves the registry valid, and a retry resumes from the bytes Ollama kept', async () => {
    world = await startWorld();
    world.fake.setPull({ steps: 40, stepMs: 15 });
    const { handlers, jobs } = world.services;
    const statusBefore = world.services.session().store.get().registry.base_models['qwen3:30b']?.status;
    expect(statusBefore).toBe('missing');

    const job = await handlers['models.pull']({ model: 'qwen3:30b' });
    await jobUpdate(world, job.id, (j) => j.steps.some((s) => s.digest !== null && (s.completed ?? 0) > 0 && (s.completed ?? 0) < (s.total ?? 0)));
    await world.fake.setOffline(true);

    const failed = await jobs.whenDone(job.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/connection to Ollama at .* was lost during \/api\/pull/);
    expect(failed.log.at(-1)).toMatch(/^Failed: /);
    expect(registryOnDiskIsValid(world)).toBe(true);
    expect(world.services.session().store.get().registry.base_models['qwen3:30b']?.status).toBe(statusBefore);

    await world.fake.setOffline(false);
    const retry = await handlers['models.pull']({ model: 'qwen3:30b' });
    expect(retry.id).not.toBe(job.id);
    const done = await jobs.whenDone(retry.id);
    expect(done.state).toBe('succeeded');
    // The fake answers the resumed layer's first line with the bytes it kept: completed > 0.
    const resumed = done.log.find((line) => line.startsWith('Resuming pulling '));
    expect(resumed).toMatch(/Resuming pulling [0-9a-f]{12}: [\d.]+ [KMG]?B of 18 GB were already downloaded\./);
    expect(world.fake.hasModel('qwen3:30b')).toBe(true);
    expect(registryOnDiskIsValid(world)).toBe(true);
    await world.services.session().sync.syncNow();
    expect(world.services.session().store.get().registry.base_models['qwen3:30b']?.status).toBe('available');
  });

  it('a cancelled pull can be retried and resumes too', async () => {
    world = await startWorld();
    world.fake.setPull({ steps: 20, stepMs: 10 });
    const { handlers, jobs } = world.services;
    const job = await handlers['models.pull']({ model: 'qwen3:30b' });
    await jobUpdate(world, job.id, (j) => j.steps.some((s) => s.digest !== null && (s.completed ?? 0) > 0 && (s.completed ?? 0) < (s.total ?? 0)));
    expect((await handlers['jobs.cancel']({ id: job.id })).state).toBe('cancelled');
    const done = await jobs.whenDone((await handlers['models.pull']({ model: 'qwen3:30b' })).id);
    expect(done.state).toBe('succeeded');
    expect(done.log.some((line) => line.startsWith('Resuming pulling '))).toBe(true);
  });
});
