import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteInputSchema, type DeleteInput } from '../../src/shared/model-ops';
import { V1, V2, afterGatewayCall, breakRegistryFile, failure, readWorkspaceFile, registryOnDisk, startSeedWorld, type World } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const del = (input: DeleteInput) => world!.services.handlers['models.delete'](deleteInputSchema.parse(input));
const modelfileExists = (rel: string) => fs.existsSync(path.join(world!.ws, rel));

describe('from the registry only', () => {
  it('removes the entry; Ollama and the Modelfile stay', async () => {
    world = await startSeedWorld();
    const result = await del({ name: V2, fromOllama: false });
    expect(result).toEqual({ name: V2, ollama: 'kept', modelfile: 'kept', defaultModel: V1, notes: [] });
    expect(registryOnDisk(world).models[V2]).toBeUndefined();
    expect(modelfileExists('models/Modelfile.qwen-enhanced')).toBe(true);
    expect(world.fake.requestsTo('/api/delete')).toEqual([]);
  });

  it('also deletes the Modelfile when asked', async () => {
    world = await startSeedWorld();
    const result = await del({ name: V2, fromOllama: false, deleteModelfile: true });
    expect(result.modelfile).toBe('deleted');
    expect(modelfileExists('models/Modelfile.qwen-enhanced')).toBe(false);
  });

  it('refuses to delete a Modelfile another entry uses, and changes nothing', async () => {
    world = await startSeedWorld();
    await world.services.handlers['models.update']({ name: V2, patch: { modelfile: 'models/Modelfile.enhanced' } });
    const before = readWorkspaceFile(world, 'model_settings.json');
    const error = await failure(del({ name: V2, fromOllama: false, deleteModelfile: true }));
    expect(error).toMatchObject({ kind: 'conflict', issues: [{ path: 'deleteModelfile', message: `also used by ${V1}` }] });
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe(before);
    expect(modelfileExists('models/Modelfile.enhanced')).toBe(true);
  });
});

describe('from the registry and Ollama', () => {
  it('deletes in Ollama, then the entry', async () => {
    world = await startSeedWorld();
    const result = await del({ name: V1, fromOllama: true, newDefault: V2 });
    expect(result).toMatchObject({ ollama: 'deleted', defaultModel: V2 });
    expect(world.fake.hasModel(V1)).toBe(false);
    expect(registryOnDisk(world).models[V1]).toBeUndefined();
  });

  it('an Ollama delete that fails leaves the registry unchanged, with the reason', async () => {
    world = await startSeedWorld();
    const before = readWorkspaceFile(world, 'model_settings.json');
    world.fake.failNext({ path: '/api/delete', status: 500, error: 'unlink blobs: permission denied' });
    const error = await failure(del({ name: V1, fromOllama: true, newDefault: null, deleteModelfile: true }));
    expect(error.message).toContain('Nothing was deleted');
    expect(error.message).toContain('permission denied');
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe(before);
    expect(modelfileExists('models/Modelfile.enhanced')).toBe(true);
    expect(world.fake.hasModel(V1)).toBe(true);
  });

  it('Ollama unreachable: nothing is deleted', async () => {
    world = await startSeedWorld();
    await world.fake.setOffline(true);
    const error = await failure(del({ name: V1, fromOllama: true, newDefault: null }));
    expect(error.kind).toBe('offline');
    expect(registryOnDisk(world).models[V1]).toBeDefined();
  });

  it('a model Ollama does not have is removed from the registry, with a note', async () => {
    world = await startSeedWorld();
    const result = await del({ name: V2, fromOllama: true });
    expect(result.ollama).toBe('not-in-ollama');
    expect(result.notes[0]).toContain('did not have');
    expect(registryOnDisk(world).models[V2]).toBeUndefined();
  });

  it('a registry that breaks after the Ollama delete is not overwritten, and the error says Ollama deleted it', async () => {
    world = await startSeedWorld();
    afterGatewayCall(world, 'delete', () => breakRegistryFile(world!));
    const error = await failure(del({ name: V1, fromOllama: true, newDefault: V2 }));
    expect(error.kind).toBe('read_only');
    expect(error.message).toContain(`Ollama already deleted ${V1}`);
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe('{ "models": ');
  });
});

describe('the default model', () => {
  it('cannot be deleted without choosing what follows it', async () => {
    world = await startSeedWorld();
    const error = await failure(del({ name: V1, fromOllama: true }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'newDefault' }] });
    // Refused before Ollama was asked.
    expect(world.fake.requestsTo('/api/delete')).toEqual([]);
  });

  it('can be replaced by none', async () => {
    world = await startSeedWorld();
    const result = await del({ name: V1, fromOllama: false, newDefault: null });
    expect(result.defaultModel).toBeNull();
    expect(registryOnDisk(world).default_model).toBeNull();
  });

  it('cannot be replaced by a model that does not exist, or by itself', async () => {
    world = await startSeedWorld();
    expect((await failure(del({ name: V1, fromOllama: false, newDefault: 'nope' }))).kind).toBe('not_found');
    expect((await failure(del({ name: V1, fromOllama: false, newDefault: V1 }))).kind).toBe('validation');
    expect(registryOnDisk(world).default_model).toBe(V1);
  });
});

it('is refused while the model is being created', async () => {
  world = await startSeedWorld();
  world.fake.hangNext({ path: '/api/create' });
  const job = await world.services.handlers['models.create']({ name: V2, pullBase: false });
  const error = await failure(del({ name: V2, fromOllama: false }));
  expect(error.kind).toBe('conflict');
  expect(error.message).toContain('being created');
  await world.services.jobs.cancel(job.id);
});
