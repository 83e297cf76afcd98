import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/shared/chat';
import { findRegistryModel } from '../../src/main/chat/model-lookup';
import { rpc, send } from './http-fixtures';
import { startServedWorld, type ServedWorld } from './served-world';

/**
 * Names that are also members of every object's prototype are data like any other name: looked
 * up as own keys, never as `constructor` or `toString`, and a model may even be called `__proto__`.
 */

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

let world: ServedWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

function chatEnd(w: ServedWorld, conversationId: string): Promise<ChatMessage> {
  return new Promise((resolve) => {
    const unsubscribe = w.services.bus.subscribe((event, payload) => {
      const end = payload as { conversationId: string; message: ChatMessage };
      if (event === 'chat.end' && end.conversationId === conversationId) {
        unsubscribe();
        resolve(end.message);
      }
    });
  });
}

describe('prototype member names', () => {
  it('finds no registry model for them', () => {
    const registry = { default_model: null, models: {}, base_models: {} };
    for (const name of PROTOTYPE_NAMES) expect(findRegistryModel(registry, name)).toBeNull();
  });

  it('chat.send to a model named "constructor" fails the reply, not the server', async () => {
    world = await startServedWorld();
    const w = world;
    const res = await rpc(w.server, 'chat.send', { conversationId: null, content: 'hi', model: 'constructor' });
    expect(res.status).toBe(200);
    const turn = (res.json() as { value: { conversation: { id: string } } }).value;
    const message = await chatEnd(w, turn.conversation.id);
    expect(message.state).toBe('failed');
    expect(message.error?.message).toContain('constructor is not in Ollama');
    // Still serving.
    expect((await rpc(w.server, 'app.info', {})).status).toBe(200);
  });

  it('/v1 answers 400 "not configured" for them, not 503', async () => {
    world = await startServedWorld();
    for (const model of PROTOTYPE_NAMES) {
      const res = await send(world.server, { method: 'POST', path: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content: 'hi' }] } });
      expect(res.status, model).toBe(400);
      expect(res.text).toContain('not configured');
      const one = await send(world.server, { path: `/v1/models/${encodeURIComponent(model)}` });
      expect(one.status, model).toBe(404);
    }
  });

  it('model calls answer "no such model" for them', async () => {
    world = await startServedWorld();
    for (const name of PROTOTYPE_NAMES) {
      for (const [call, input] of [
        ['models.update', { name, patch: { description: 'x' } }],
        ['models.create', { name }],
        ['models.setDefault', { name }],
        ['modelfile.preview', { name }],
        ['models.delete', { name, fromOllama: false, deleteModelfile: false }],
      ] as const) {
        const res = await rpc(world.server, call, input);
        expect(res.status, `${call} ${name}`).toBe(404);
      }
    }
  });

  it('keeps a model named "__proto__" as data through reads and writes', async () => {
    world = await startServedWorld();
    const file = path.join(world.ws, 'model_settings.json');
    const text = fs.readFileSync(file, 'utf8');
    const withProto = text.replace(
      '"models": {',
      '"models": {\n    "__proto__": { "name": "__proto__", "display_name": "Proto", "modelfile": "models/Modelfile.enhanced", "status": "pending" },',
    );
    fs.writeFileSync(file, withProto);
    await world.services.session().store.reload();
    const registry = world.services.session().store.get().registry;
    expect(Object.hasOwn(registry.models, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(registry.models)).toBe(Object.prototype);

    const res = await rpc(world.server, 'models.update', { name: '__proto__', patch: { description: 'still data' } });
    expect(res.status).toBe(200);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { description: string }> };
    expect(Object.hasOwn(written.models, '__proto__')).toBe(true);
    expect(written.models['__proto__']?.description).toBe('still data');
    expect(Object.keys(written.models)).toContain('peteollama:property-manager-v1');
  });

  it('keeps "__proto__" as the default model: read from the file and set through models.setDefault', async () => {
    world = await startServedWorld();
    const file = path.join(world.ws, 'model_settings.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: string | null };
    const v1 = json.default_model;
    const withProto = fs
      .readFileSync(file, 'utf8')
      .replace(
        '"models": {',
        '"models": {\n    "__proto__": { "name": "__proto__", "display_name": "Proto", "modelfile": "models/Modelfile.enhanced", "status": "pending" },',
      )
      .replace(`"default_model": ${JSON.stringify(v1)}`, '"default_model": "__proto__"');
    expect(withProto).toContain('"default_model": "__proto__"');
    fs.writeFileSync(file, withProto);
    const store = world.services.session().store;
    await store.reload();
    expect(store.get()).toMatchObject({ readOnly: false, problem: null });
    expect(store.get().registry.default_model).toBe('__proto__');

    expect((await rpc(world.server, 'models.setDefault', { name: v1 })).status).toBe(200);
    const back = await rpc(world.server, 'models.setDefault', { name: '__proto__' });
    expect(back.status).toBe(200);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: unknown; models: object };
    expect(written.default_model).toBe('__proto__');
    expect(Object.hasOwn(written.models, '__proto__')).toBe(true);
    expect(store.get().registry.default_model).toBe('__proto__');
  });
});
