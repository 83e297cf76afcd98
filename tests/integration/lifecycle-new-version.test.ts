import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/errors';
import { V1, V2, failure, modelfilesIn, readWorkspaceFile, registryOnDisk, startSeedWorld, type World } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const V3 = 'peteollama:property-manager-v3';

describe('proposing a new version', () => {
  it('proposes v3 from v1 (v2 is taken), with names carried over and the copy beside the source', async () => {
    world = await startSeedWorld();
    const proposal = await world.services.handlers['models.versionProposal']({ name: V1 });
    expect(proposal).toEqual({
      from: V1,
      name: V3,
      version: 'v3',
      fromVersion: 1,
      display_name: 'PeteOllama Property Manager v3',
      description: 'Property management model v3 trained on llama3',
      base_model: 'llama3:latest',
      sourceModelfile: 'models/Modelfile.enhanced',
      sourceModelfileExists: true,
      modelfile: 'models/Modelfile.peteollama-property-manager-v3',
    });
  });

  it("skips a version Ollama has under the family's name, even when the registry lacks it", async () => {
    world = await startSeedWorld();
    world.fake.addModel({ name: 'peteollama:property-manager-v5' });
    const proposal = await world.services.handlers['models.versionProposal']({ name: V2 });
    expect(proposal.name).toBe('peteollama:property-manager-v6');
  });

  it('proposes a Modelfile path that is free when the natural one exists', async () => {
    world = await startSeedWorld();
    fs.writeFileSync(path.join(world.ws, 'models', 'Modelfile.peteollama-property-manager-v3'), 'FROM x\n');
    const proposal = await world.services.handlers['models.versionProposal']({ name: V1 });
    expect(proposal.modelfile).toBe('models/Modelfile.peteollama-property-manager-v3-2');
  });
});

describe('making v3 from v2 with another base', () => {
  it('copies the Modelfile with only FROM changed, adds a pending entry with the flags carried over', async () => {
    world = await startSeedWorld();
    const source = readWorkspaceFile(world, 'models/Modelfile.qwen-enhanced');
    const result = await world.services.handlers['models.newVersion']({
      from: V2,
      name: V3,
      display_name: 'PeteOllama Property Manager v3',
      description: 'Property management model v3 trained on llama3',
      base_model: 'llama3:latest',
    });
    expect(result.modelfile).toBe('models/Modelfile.peteollama-property-manager-v3');
    expect(result.notes).toEqual([]);
    expect(readWorkspaceFile(world, result.modelfile)).toBe(source.replace('FROM qwen3:30b', 'FROM llama3:latest'));
    // The source is untouched.
    expect(readWorkspaceFile(world, 'models/Modelfile.qwen-enhanced')).toBe(source);

    const entry = registryOnDisk(world).models[V3];
    expect(entry).toMatchObject({
      name: V3,
      display_name: 'PeteOllama Property Manager v3',
      version: 'v3',
      base_model: 'llama3:latest',
      modelfile: 'models/Modelfile.peteollama-property-manager-v3',
      status: 'pending',
      show_in_ui: true,
      auto_preload: false,
      is_jamie_model: true,
    });
    expect(entry).not.toHaveProperty('build');
  });

  it('builds: the new version creates from the chosen base', async () => {
    world = await startSeedWorld();
    await world.services.handlers['models.newVersion']({ from: V2, name: V3, display_name: 'PM v3', description: '', base_model: 'llama3:latest' });
    const job = await world.services.handlers['models.create']({ name: V3, pullBase: false });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    expect(world.fake.createRequestOf(V3)).toMatchObject({ model: V3, from: 'llama3:latest' });
  });
});

describe('refusals leave nothing behind', () => {
  async function refusal(input: Partial<Parameters<World['services']['handlers']['models.newVersion']>[0]>): Promise<AppError> {
    const before = modelfilesIn(world!);
    const error = await failure(
      world!.services.handlers['models.newVersion']({ from: V1, name: V3, display_name: 'PM v3', description: '', base_model: 'llama3:latest', ...input }),
    );
    expect(modelfilesIn(world!)).toEqual(before);
    expect(world!.services.session().store.get().registry.models[V3]).toBeUndefined();
    return error;
  }

  it('a name that breaks Ollama’s rules, with the field named', async () => {
    world = await startSeedWorld();
    const error = await refusal({ name: 'bad name!' });
    expect(error.kind).toBe('validation');
    expect(error.issues?.[0]?.path).toBe('name');
  });

  it('a name the registry has, in another case', async () => {
    world = await startSeedWorld();
    const error = await refusal({ name: 'PeteOllama:Property-Manager-V2' });
    expect(error).toMatchObject({ kind: 'conflict', issues: [{ path: 'name', message: expect.stringContaining(V2) as string }] });
  });

  it('a name Ollama has outside the registry (a create would replace it)', async () => {
    world = await startSeedWorld();
    world.fake.addModel({ name: V3 });
    const error = await refusal({});
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('Ollama already has');
  });

  it('a registry file that became invalid: the written copy is taken back', async () => {
    world = await startSeedWorld();
    const store = world.services.session().store;
    // The check before writing passes; the registry write after it refuses.
    const realAdd = store.addModel.bind(store);
    store.addModel = async (input) => {
      fs.writeFileSync(path.join(world!.ws, 'model_settings.json'), '{ broken');
      return realAdd(input);
    };
    const error = await refusal({});
    expect(error.kind).toBe('read_only');
    // The invalid file is the user's to fix: never overwritten.
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe('{ broken');
  });
});

it('a source whose Modelfile does not parse is copied unchanged, and the note says why', async () => {
  world = await startSeedWorld();
  fs.appendFileSync(path.join(world.ws, 'models', 'Modelfile.enhanced'), '\nBOGUS line\n');
  const before = readWorkspaceFile(world, 'models/Modelfile.enhanced');
  const result = await world.services.handlers['models.newVersion']({ from: V1, name: V3, display_name: 'PM v3', description: '', base_model: 'qwen3:30b' });
  expect(readWorkspaceFile(world, result.modelfile)).toBe(before);
  expect(result.notes[0]).toMatch(/FROM was left as it is .*\(line \d+: command must be one of/);
});

it('a source built FROM a weights file proposes keeping that file, and accepting it keeps the copy identical', async () => {
  world = await startSeedWorld();
  const text = '# local weights\nFROM ./weights/pm.gguf\nSYSTEM hi\n';
  fs.writeFileSync(path.join(world.ws, 'models', 'Modelfile.enhanced'), text);
  const proposal = await world.services.handlers['models.versionProposal']({ name: V1 });
  expect(proposal.base_model).toBe('./weights/pm.gguf');
  const result = await world.services.handlers['models.newVersion']({ from: V1, name: V3, display_name: 'PM v3', description: '', base_model: proposal.base_model });
  expect(readWorkspaceFile(world, result.modelfile)).toBe(text);
  // A weights file is not a base model: the entry keeps the source's.
  expect(result.entry.base_model).toBe('llama3:latest');
});
