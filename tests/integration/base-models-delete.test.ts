import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRegistryText } from '../../src/main/registry/parse';
import { LLAMA3, LLAMA32_FP16, QWEN3_30B } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const registry = (w: World) => w.services.session().store.get().registry;

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('base models: add and remove from the registry list', () => {
  it('adds a base model Ollama has as available, with its size, under the name Ollama lists', async () => {
    world = await startWorld({ models: [LLAMA3, LLAMA32_FP16] });
    const entry = await world.services.handlers['baseModels.add']({
      entry: { name: 'llama3.2:3b-instruct-fp16', display_name: 'Llama 3.2 3B', description: 'small' },
    });
    expect(entry).toMatchObject({ display_name: 'Llama 3.2 3B', description: 'small', status: 'available', size: '6.4 GB' });
    expect(registry(world).base_models['llama3.2:3b-instruct-fp16']).toEqual(entry);
  });

  it('adds one Ollama lacks as pending, normalising the tag', async () => {
    world = await startWorld();
    const entry = await world.services.handlers['baseModels.add']({ entry: { name: 'mistral', display_name: '', description: '' } });
    expect(entry.status).toBe('pending');
    expect(registry(world).base_models['mistral:latest']).toMatchObject({ display_name: '', status: 'pending' });
  });

  it("refuses a name Ollama would refuse, and one that is listed already (in another spelling)", async () => {
    world = await startWorld();
    await expect(world.services.handlers['baseModels.add']({ entry: { name: 'bad name!', display_name: '', description: '' } })).rejects.toMatchObject({ kind: 'validation' });
    await expect(world.services.handlers['baseModels.add']({ entry: { name: 'llama3', display_name: '', description: '' } })).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('as "llama3:latest"'),
    });
  });

  it('removes an entry from the list only: Ollama keeps the model and models keep their base_model', async () => {
    world = await startWorld();
    const snapshot = await world.services.handlers['baseModels.remove']({ name: 'llama3' });
    expect(snapshot.registry.base_models).not.toHaveProperty('llama3:latest');
    expect(snapshot.registry.models?.['peteollama:property-manager-v1']?.base_model).toBe('llama3:latest');
    expect(world.fake.hasModel('llama3:latest')).toBe(true);
  });
});

describe('base models: delete from Ollama', () => {
  it('refuses while registry models are built on it, naming them; deletes as a job once confirmed', async () => {
    world = await startWorld();
    const { handlers, jobs } = world.services;
    const refusal = handlers['baseModels.delete']({ name: 'llama3:latest', confirmDependents: false });
    await expect(refusal).rejects.toMatchObject({ kind: 'conflict', issues: [{ path: 'dependents', message: 'peteollama:property-manager-v1' }] });
    expect(world.fake.hasModel('llama3:latest')).toBe(true);

    const job = await handlers['baseModels.delete']({ name: 'llama3:latest', confirmDependents: true });
    expect(job).toMatchObject({ kind: 'delete', target: 'llama3:latest' });
    const done = await jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    expect(done.log).toContain('Ollama deleted llama3:latest and the layers no other model uses.');
    expect(world.fake.hasModel('llama3:latest')).toBe(false);
    await world.services.session().sync.syncNow();
    // Still listed (removing it from the list is separate), now missing.
    expect(registry(world).base_models['llama3:latest']?.status).toBe('missing');
  });

  it('deletes a base model nothing is built on without asking', async () => {
    world = await startWorld({ models: [LLAMA3, QWEN3_30B] });
    // peteollama v2 is built on qwen3:30b in the example registry: point it elsewhere first.
    await world.services.handlers['models.update']({ name: 'peteollama:property-manager-v2', patch: { base_model: 'llama3:latest' } });
    const job = await world.services.handlers['baseModels.delete']({ name: 'qwen3:30b', confirmDependents: false });
    expect((await world.services.jobs.whenDone(job.id)).state).toBe('succeeded');
    expect(world.fake.hasModel('qwen3:30b')).toBe(false);
  });

  it('fails with a clear reason when Ollama does not have it', async () => {
    world = await startWorld();
    const job = await world.services.handlers['baseModels.delete']({ name: 'qwen3:30b', confirmDependents: true });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toContain('Ollama does not have qwen3:30b, so there was nothing to delete');
  });

  it('refuses to delete a registry model from here', async () => {
    world = await startWorld();
    await expect(world.services.handlers['baseModels.delete']({ name: 'peteollama:property-manager-v1', confirmDependents: false })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('killing Ollama during the delete fails the job with the reason and leaves the registry valid', async () => {
    world = await startWorld();
    const before = fs.readFileSync(world.services.session().store.path, 'utf8');
    world.fake.hangNext({ path: '/api/delete' });
    const job = await world.services.handlers['baseModels.delete']({ name: 'llama3:latest', confirmDependents: true });
    await until(() => world!.fake.requestsTo('/api/delete').length > 0, 'the delete request');
    await world.fake.setOffline(true);
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/Ollama is not reachable|connection/);
    const after = fs.readFileSync(world.services.session().store.path, 'utf8');
    expect(parseRegistryText(after, 'model_settings.json').ok).toBe(true);
    expect(after).toBe(before);

    // Once Ollama is back the same delete goes through.
    await world.fake.setOffline(false);
    const again = await world.services.handlers['baseModels.delete']({ name: 'llama3:latest', confirmDependents: true });
    expect((await world.services.jobs.whenDone(again.id)).state).toBe('succeeded');
  });
});
