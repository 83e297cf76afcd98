import fs from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEndEvent } from '../../src/shared/chat';
import { LLAMA3, LLAMA31_8B, PROPERTY_MANAGER_V1 } from '../support/fake-ollama/index';
import { createAndWait, V1, V2 } from './create-fixtures';
import { API_KEY } from './http-fixtures';
import { afterGatewayCall, breakRegistryFile, failure, registryOnDisk } from './lifecycle-fixtures';
import { startServedWorld, type ServedWorld } from './served-world';

/** Releasing v2 under a stable name, then v3: the proxy and the chat follow the alias. */

const V3 = 'peteollama:property-manager-v3';
const ALIAS = 'property-manager:latest';

let world: ServedWorld | undefined;
afterEach(async () => {
  world?.server.server.closeAllConnections();
  await world?.close();
  world = undefined;
});

/** v1 built (from the fake), v2 and v3 built from their Modelfiles; v3 answers differently (another SYSTEM). */
async function builtFamily(): Promise<ServedWorld> {
  const w = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
  expect((await createAndWait(w, V2, true)).state).toBe('succeeded');
  const added = await w.services.handlers['models.newVersion']({ from: V2, name: V3, display_name: 'Property Manager v3', description: '', base_model: 'qwen3:30b' });
  const file = path.join(w.ws, added.modelfile);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('You are PeteOllama', 'You are PeteOllama the third'));
  expect((await createAndWait(w, V3)).state).toBe('succeeded');
  return w;
}

const release = (name: string, alias: string) => world!.services.handlers['models.release']({ name, alias });

function client(w: ServedWorld): OpenAI {
  return new OpenAI({ baseURL: `${w.server.url}/v1`, apiKey: API_KEY, maxRetries: 0 });
}

async function ask(w: ServedWorld, model: string): Promise<{ model: string; content: string }> {
  const completion = await client(w).chat.completions.create({ model, messages: [{ role: 'user', content: 'When is rent due?' }], temperature: 0 });
  return { model: completion.model, content: completion.choices[0]?.message.content ?? '' };
}

function digestIn(w: ServedWorld, name: string): unknown {
  return w.fake.tags().find((m) => m.name === name)?.digest;
}

async function chatReply(w: ServedWorld, model: string): Promise<ChatEndEvent['message']> {
  const turn = await w.services.handlers['chat.send']({ conversationId: null, content: 'When is rent due?', model, compareModel: null, settings: { systemPrompt: null, temperature: 0, numCtx: null } });
  const messageId = turn.streams[0]!.messageId;
  return new Promise((resolve) => {
    const off = w.services.bus.subscribe((event, payload) => {
      const end = payload as ChatEndEvent;
      if (event === 'chat.end' && end.message.id === messageId) {
        off();
        resolve(end.message);
      }
    });
  });
}

describe('releasing a version under an alias', () => {
  it('copies v2 to the alias, records it, and the proxy and chat answer the alias with v2; releasing v3 moves it', async () => {
    world = await builtFamily();
    const direct2 = await ask(world, V2);
    const direct3 = await ask(world, V3);
    expect(direct3.content).not.toBe(direct2.content);

    expect(await release(V2, 'property-manager')).toEqual({ alias: ALIAS, model: V2, previous: null, notes: [] });
    expect(world.fake.requestsTo('/api/copy').map((r) => r.body)).toEqual([{ source: V2, destination: ALIAS }]);
    expect(digestIn(world, ALIAS)).toBe(digestIn(world, V2));
    expect(registryOnDisk(world).aliases).toEqual({ [ALIAS]: { model: V2, released_at: expect.any(String) } });

    // The proxy serves the alias as v2: Ollama is asked for v2, and the reply names it.
    expect(await ask(world, ALIAS)).toEqual({ model: V2, content: direct2.content });
    expect(world.fake.requestsTo('/api/chat').at(-1)?.body).toMatchObject({ model: V2 });
    const listed = (await client(world).models.list()).data.map((m) => m.id);
    expect(listed).toContain(ALIAS);
    expect((await client(world).models.retrieve(ALIAS)).id).toBe(ALIAS);
    // The chat sends the alias as it is (Ollama's copy is v2, same digest as checked above).
    expect(await chatReply(world, ALIAS)).toMatchObject({ state: 'complete', error: null, model: ALIAS });
    expect(world.fake.requestsTo('/api/chat').at(-1)?.body).toMatchObject({ model: ALIAS });
    // The alias is the registry's own copy, not a model to adopt.
    expect((await world.services.handlers['sync.now']({})).discovered.map((m) => m.name)).not.toContain(ALIAS);

    expect(await release(V3, ALIAS)).toEqual({ alias: ALIAS, model: V3, previous: V2, notes: [] });
    expect(digestIn(world, ALIAS)).toBe(digestIn(world, V3));
    expect(registryOnDisk(world).aliases?.[ALIAS]?.model).toBe(V3);
    expect(await ask(world, ALIAS)).toEqual({ model: V3, content: direct3.content });
    expect(await chatReply(world, ALIAS)).toMatchObject({ state: 'complete', error: null });
  });

  it("refuses a registered version's name, an invalid name, an unbuilt version, and a model Ollama has that it did not release", async () => {
    world = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1, LLAMA31_8B] });
    const before = fs.readFileSync(path.join(world.ws, 'model_settings.json'), 'utf8');
    expect((await failure(release(V1, V2))).message).toMatch(/"peteollama:property-manager-v2" is a registered version's own name/);
    expect((await failure(release(V1, 'my alias'))).message).toMatch(/"my alias" is not a valid Ollama model name/);
    expect((await failure(release(V2, ALIAS))).message).toBe(`${V2} is not built (it is pending); create it first, then release it.`);
    expect((await failure(release(V1, 'llama3'))).message).toMatch(/"llama3:latest" is one of the registry's base models/);
    const taken = await failure(release(V1, 'llama3.1:8b'));
    expect(taken.message).toMatch(/Ollama already has a model named "llama3.1:8b" that was not released from this registry/);
    expect(world.fake.requestsTo('/api/copy')).toEqual([]);
    expect(fs.readFileSync(path.join(world.ws, 'model_settings.json'), 'utf8')).toBe(before);
  });

  it('building a released version again copies the new build to its released name', async () => {
    world = await builtFamily();
    await release(V2, ALIAS);
    const before = digestIn(world, ALIAS);
    const file = path.join(world.ws, world.services.session().store.get().registry.models[V2]!.modelfile);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('You are PeteOllama', 'You are PeteOllama, rebuilt'));
    expect((await createAndWait(world, V2)).state).toBe('succeeded');
    expect(digestIn(world, V2)).not.toBe(before);
    expect(digestIn(world, ALIAS)).toBe(digestIn(world, V2));
  });

  it('a registry write that fails after the copy puts the alias back on the previous version', async () => {
    world = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    expect((await createAndWait(world, V2, true)).state).toBe('succeeded');
    await release(V1, ALIAS);
    afterGatewayCall(world, 'copy', () => breakRegistryFile(world!));
    const error = await failure(release(V2, ALIAS));
    expect(error.message).toContain(`Ollama's ${ALIAS} was put back as it was.`);
    expect(digestIn(world, ALIAS)).toBe(digestIn(world, V1));
  });
});

describe('renaming and deleting a released version', () => {
  it('a rename moves the alias to the new name, and the proxy still answers it', async () => {
    world = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    await release(V1, ALIAS);
    const renamed = 'peteollama:property-manager-v1b';
    await world.services.handlers['models.rename']({ name: V1, newName: renamed });
    expect(registryOnDisk(world).aliases?.[ALIAS]?.model).toBe(renamed);
    expect((await ask(world, ALIAS)).model).toBe(renamed);
    // And no new model may take the alias's name.
    const error = await failure(world.services.handlers['models.rename']({ name: renamed, newName: ALIAS }));
    expect(error.message).toBe(`"${ALIAS}" is the released name of ${renamed}; a model under that name would replace it in Ollama. Choose another name.`);
  });

  it('removing a released name deletes the copy in Ollama and the record, and the proxy no longer serves it', async () => {
    world = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    await release(V1, ALIAS);
    expect(await world.services.handlers['models.unrelease']({ alias: 'Property-Manager' })).toEqual({ alias: ALIAS, ollama: 'deleted' });
    expect(world.fake.hasModel(ALIAS)).toBe(false);
    expect(world.fake.hasModel(V1)).toBe(true);
    expect(registryOnDisk(world).aliases).toBeUndefined();
    await expect(ask(world, ALIAS)).rejects.toThrow(/not configured/);
    expect((await failure(world.services.handlers['models.unrelease']({ alias: ALIAS }))).kind).toBe('not_found');
  });

  it('a delete is refused while the version is released, and with the aliases confirmed removes them from Ollama too', async () => {
    world = await startServedWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    await release(V1, ALIAS);
    const input = { name: V1, fromOllama: true, deleteModelfile: false, newDefault: null, removeAliases: false };
    const refused = await failure(world.services.handlers['models.delete'](input));
    expect(refused.message).toBe(
      `${V1} is released as ${ALIAS}. Release another version as ${ALIAS} first, or confirm that ${ALIAS} should be removed with it; nothing was deleted.`,
    );
    expect(world.fake.hasModel(V1)).toBe(true);

    const result = await world.services.handlers['models.delete']({ ...input, removeAliases: true });
    expect(result.ollama).toBe('deleted');
    expect(world.fake.hasModel(ALIAS)).toBe(false);
    expect(registryOnDisk(world).aliases).toBeUndefined();
  });
});
