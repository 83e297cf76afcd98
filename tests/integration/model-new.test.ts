import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/errors';
import { V2, failure, modelfilesIn, readWorkspaceFile, registryOnDisk, startSeedWorld, type World } from './lifecycle-fixtures';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const NAME = 'team/assistant-v1';
const FILE = 'models/Modelfile.team-assistant-v1';
type NewModelInput = Parameters<World['services']['handlers']['models.new']>[0];
const input = (over: Partial<NewModelInput> = {}): NewModelInput => ({
  name: NAME,
  display_name: 'Team Assistant',
  description: 'Answers the team',
  base_model: 'llama3:latest',
  ...over,
});

describe('models.new', () => {
  it('writes a starter Modelfile FROM the base with a SYSTEM stub, and adds a pending entry', async () => {
    world = await startSeedWorld();
    const result = await world.services.handlers['models.new'](input());
    expect(result.modelfile).toBe(FILE);
    expect(result.notes).toEqual([]);
    const text = readWorkspaceFile(world, FILE);
    expect(text.startsWith('FROM llama3:latest\n')).toBe(true);
    expect(text).toContain('# The system prompt: who the model is and how it answers.\nSYSTEM """You are a helpful assistant."""\n');

    const entry = registryOnDisk(world).models[NAME];
    expect(entry).toMatchObject({
      name: NAME,
      display_name: 'Team Assistant',
      description: 'Answers the team',
      version: 'v1',
      base_model: 'llama3:latest',
      modelfile: FILE,
      status: 'pending',
      auto_preload: false,
    });
    expect(entry).not.toHaveProperty('build');
  });

  it('a name without -vN has no version', async () => {
    world = await startSeedWorld();
    const result = await world.services.handlers['models.new'](input({ name: 'helper' }));
    expect(result.entry.version).toBe('');
    expect(result.modelfile).toBe('models/Modelfile.helper');
  });

  it('builds: the starter Modelfile creates from the chosen base', async () => {
    world = await startSeedWorld();
    await world.services.handlers['models.new'](input());
    const job = await world.services.handlers['models.create']({ name: NAME, pullBase: false });
    const done = await world.services.jobs.whenDone(job.id);
    expect(done.state).toBe('succeeded');
    expect(world.fake.createRequestOf(NAME)).toMatchObject({ model: NAME, from: 'llama3:latest' });
  });

  it('never overwrites a file: an existing Modelfile.<slug> is kept and the next free name is used', async () => {
    world = await startSeedWorld();
    const existing = path.join(world.ws, FILE);
    fs.writeFileSync(existing, 'FROM mine\n');
    const result = await world.services.handlers['models.new'](input());
    expect(result.modelfile).toBe(`${FILE}-2`);
    expect(fs.readFileSync(existing, 'utf8')).toBe('FROM mine\n');
    expect(readWorkspaceFile(world, result.modelfile)).toContain('FROM llama3:latest');
  });
});

describe('refusals leave nothing behind', () => {
  async function refusal(over: Partial<NewModelInput>): Promise<AppError> {
    const before = modelfilesIn(world!);
    const error = await failure(world!.services.handlers['models.new'](input(over)));
    expect(modelfilesIn(world!)).toEqual(before);
    expect(world!.services.session().store.get().registry.models[over.name ?? NAME]).toBeUndefined();
    return error;
  }

  it('an invalid name: validation naming the field', async () => {
    world = await startSeedWorld();
    const error = await refusal({ name: 'bad name!' });
    expect(error.kind).toBe('validation');
    expect(error.issues?.[0]?.path).toBe('name');
  });

  it('a name the registry has (in another case): conflict on name', async () => {
    world = await startSeedWorld();
    const error = await refusal({ name: 'PeteOllama:Property-Manager-V2' });
    expect(error).toMatchObject({ kind: 'conflict', issues: [{ path: 'name', message: expect.stringContaining(V2) as string }] });
  });

  it('a name Ollama has outside the registry: conflict', async () => {
    world = await startSeedWorld();
    world.fake.addModel({ name: NAME });
    const error = await refusal({});
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('Ollama already has');
  });

  it('a model as its own base: validation on base_model', async () => {
    world = await startSeedWorld();
    const error = await refusal({ base_model: NAME });
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'base_model' }] });
  });

  it('the registry refuses the entry: the written file is taken back', async () => {
    world = await startSeedWorld();
    const store = world.services.session().store;
    const realAdd = store.addModel.bind(store);
    store.addModel = async (entry) => {
      fs.writeFileSync(path.join(world!.ws, 'model_settings.json'), '{ broken');
      return realAdd(entry);
    };
    const error = await refusal({});
    expect(error.kind).toBe('read_only');
    expect(fs.existsSync(path.join(world.ws, FILE))).toBe(false);
    expect(readWorkspaceFile(world, 'model_settings.json')).toBe('{ broken');
  });
});
