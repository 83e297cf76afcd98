import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAndWait, entryOf, startWorld, V1, type World } from './create-fixtures';

/** Issue 10.1: a create or rebuild that cannot reach Ollama fails as a job and leaves the registry file alone. */

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const registryBytes = (w: World) => fs.readFileSync(w.services.session().store.get().workspace.registryPath);

describe('create while Ollama is unreachable', () => {
  it('a rebuild of an available model fails as a job with the reason; model_settings.json is byte-identical', async () => {
    world = await startWorld();
    expect((await createAndWait(world, V1)).state).toBe('succeeded');
    expect(entryOf(world, V1)?.status).toBe('available');
    const bytes = registryBytes(world);

    await world.fake.setOffline(true);
    const job = await createAndWait(world, V1);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/Ollama is not reachable at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
    expect(entryOf(world, V1)?.status).toBe('available');
    expect(registryBytes(world).equals(bytes)).toBe(true);
  });

  it('a create of a model Ollama does not have leaves its status (here missing) as it was, not failed', async () => {
    world = await startWorld();
    expect(entryOf(world, V1)?.status).toBe('missing');
    const bytes = registryBytes(world);
    await world.fake.setOffline(true);
    const job = await createAndWait(world, V1);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('not reachable');
    expect(registryBytes(world).equals(bytes)).toBe(true);
  });

  it('a model that failed before keeps its own failure reason when a retry cannot reach Ollama', async () => {
    world = await startWorld();
    world.fake.failNext({ path: '/api/create', status: 500, error: 'disk full' });
    const first = await createAndWait(world, V1);
    expect(entryOf(world, V1)).toMatchObject({ status: 'failed', failure_reason: first.error });
    const bytes = registryBytes(world);
    await world.fake.setOffline(true);
    await createAndWait(world, V1);
    expect(registryBytes(world).equals(bytes)).toBe(true);
  });
});
