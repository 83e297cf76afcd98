import { afterEach, describe, expect, it } from 'vitest';
import { V1, V2, afterGatewayCall, breakRegistryFile, failure, readWorkspaceFile, registryOnDisk, startSeedWorld, type World } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const NEW = 'peteollama:landlord-helper-v1';
const rename = (name: string, newName: string) => world!.services.handlers['models.rename']({ name, newName });

describe('renaming a model Ollama has', () => {
  it('copies then deletes in Ollama, moves the registry key and the default, keeps every field', async () => {
    world = await startSeedWorld();
    const before = registryOnDisk(world).models[V1]!;
    const result = await rename(V1, NEW);
    expect(result).toMatchObject({ from: V1, ollama: 'renamed', defaultModel: NEW, notes: [] });

    expect(world.fake.requestsTo('/api/copy').map((r) => r.body)).toEqual([{ source: V1, destination: NEW }]);
    // The npm client sends the older `name` field, which Ollama still accepts.
    expect(world.fake.requestsTo('/api/delete').map((r) => r.body)).toEqual([{ name: V1 }]);
    expect(world.fake.hasModel(NEW)).toBe(true);
    expect(world.fake.hasModel(V1)).toBe(false);

    const registry = registryOnDisk(world);
    expect(registry.default_model).toBe(NEW);
    expect(registry.models[V1]).toBeUndefined();
    const { last_updated: _a, ...kept } = before;
    const { last_updated: _b, ...after } = registry.models[NEW]!;
    expect(after).toEqual({ ...kept, name: NEW, version: 'v1' });
    expect(after).toHaveProperty('is_jamie_model', true);
  });

  it('a copy that fails changes nothing, and says why', async () => {
    world = await startSeedWorld();
    const before = readWorkspaceFile(world, 'model_settings.json');
    world.fake.failNext({ path: '/api/copy', status: 500, error: 'disk full' });
    const error = await failure(rename(V1, NEW));
    expect(error.message).toContain('Nothing was renamed');
    expect(error.message).toContain('disk full');
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe(before);
    expect(world.fake.hasModel(V1)).toBe(true);
    expect(world.fake.hasModel(NEW)).toBe(false);
  });

  it('a registry write that fails after the copy deletes the copy again', async () => {
    world = await startSeedWorld();
    afterGatewayCall(world, 'copy', () => breakRegistryFile(world!));
    const error = await failure(rename(V1, NEW));
    expect(error.kind).toBe('read_only');
    expect(error.message).toContain('The copy in Ollama was deleted again');
    expect(world.fake.hasModel(V1)).toBe(true);
    expect(world.fake.hasModel(NEW)).toBe(false);
    expect(world.services.session().store.get().registry.models[V1]).toBeDefined();
  });

  it('a delete of the old name that fails keeps both in Ollama, the registry renamed, and says so', async () => {
    world = await startSeedWorld();
    world.fake.failNext({ path: '/api/delete', status: 500, error: 'model is busy' });
    const result = await rename(V1, NEW);
    expect(result.ollama).toBe('kept-both');
    expect(result.notes[0]).toContain('could not delete the old name');
    expect(result.notes[0]).toContain('model is busy');
    expect(world.fake.hasModel(V1)).toBe(true);
    expect(world.fake.hasModel(NEW)).toBe(true);
    const registry = registryOnDisk(world);
    expect(Object.keys(registry.models)).toContain(NEW);
    expect(Object.keys(registry.models)).not.toContain(V1);
  });

  it('Ollama going away refuses the rename before anything changes', async () => {
    world = await startSeedWorld();
    const before = readWorkspaceFile(world, 'model_settings.json');
    await world.fake.setOffline(true);
    const error = await failure(rename(V1, NEW));
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('Nothing was renamed');
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe(before);
  });
});

describe('renaming a model Ollama does not have', () => {
  it('renames the registry only, and the version follows the name', async () => {
    world = await startSeedWorld();
    const result = await rename(V2, 'peteollama:property-manager-v7');
    expect(result).toMatchObject({ ollama: 'not-in-ollama', entry: { name: 'peteollama:property-manager-v7', version: 'v7', status: 'pending' } });
    expect(world.fake.requestsTo('/api/copy')).toEqual([]);
  });

  it('offline, a pending model is renamed in the registry with a note', async () => {
    world = await startSeedWorld();
    await world.fake.setOffline(true);
    const result = await rename(V2, NEW);
    expect(result.ollama).toBe('unchanged');
    expect(result.notes[0]).toContain('could not be reached');
    expect(registryOnDisk(world).models[NEW]).toBeDefined();
  });
});

describe('names that are refused', () => {
  it.each([
    ['breaks the rules', 'bad name!', 'validation'],
    ['is another model', V2, 'conflict'],
    ['is a base model', 'qwen3:30b', 'conflict'],
  ])('a new name that %s', async (_what, newName, kind) => {
    world = await startSeedWorld();
    const error = await failure(rename(V1, newName));
    expect(error.kind).toBe(kind);
    expect(error.issues?.[0]?.path).toBe('newName');
    expect(world.fake.requestsTo('/api/copy')).toEqual([]);
  });

  it('a name Ollama has outside the registry (the copy would replace it)', async () => {
    world = await startSeedWorld();
    world.fake.addModel({ name: NEW });
    const error = await failure(rename(V1, NEW));
    expect(error).toMatchObject({ kind: 'conflict', issues: [{ path: 'newName' }] });
    expect(world.fake.requestsTo('/api/copy')).toEqual([]);
  });

  it('a change of case only renames the registry key (Ollama names ignore case)', async () => {
    world = await startSeedWorld();
    const result = await rename(V1, 'PeteOllama:property-manager-v1');
    expect(result.ollama).toBe('unchanged');
    expect(registryOnDisk(world).default_model).toBe('PeteOllama:property-manager-v1');
    expect(world.fake.requestsTo('/api/copy')).toEqual([]);
  });
});
