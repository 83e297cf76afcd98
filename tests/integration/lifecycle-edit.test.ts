import { afterEach, describe, expect, it } from 'vitest';
import { V1, V2, breakRegistryFile, failure, readWorkspaceFile, registryOnDisk, startSeedWorld, type World } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const update = (name: string, patch: Record<string, unknown>) => world!.services.handlers['models.update']({ name, patch });

describe('editing entries in place', () => {
  it("changes the file's own flags (is_jamie_model) and keeps every other field", async () => {
    world = await startSeedWorld();
    const before = registryOnDisk(world).models[V2]!;
    await update(V2, { is_jamie_model: false, display_name: 'PM two', auto_preload: true });
    const after = registryOnDisk(world).models[V2]!;
    expect(after).toMatchObject({ is_jamie_model: false, display_name: 'PM two', auto_preload: true });
    expect({ ...after, last_updated: null }).toEqual({ ...before, is_jamie_model: false, display_name: 'PM two', auto_preload: true, last_updated: null });
  });

  it('answers a bad value with the field it belongs to', async () => {
    world = await startSeedWorld();
    const error = await failure(update(V2, { display_name: '' }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'display_name', message: 'cannot be empty' }] });
  });

  it('the default must exist: naming a missing model changes nothing', async () => {
    world = await startSeedWorld();
    const error = await failure(world.services.handlers['models.setDefault']({ name: 'nobody' }));
    expect(error.kind).toBe('not_found');
    expect(registryOnDisk(world).default_model).toBe(V1);
    await world.services.handlers['models.setDefault']({ name: null });
    expect(registryOnDisk(world).default_model).toBeNull();
  });

  it('a read-only registry refuses edits and is not overwritten', async () => {
    world = await startSeedWorld();
    breakRegistryFile(world);
    const error = await failure(update(V2, { display_name: 'x' }));
    expect(error.kind).toBe('read_only');
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe('{ "models": ');
  });
});
