import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEndEvent } from '../../src/shared/chat';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import { LLAMA3, PROPERTY_MANAGER_V1 } from '../support/fake-ollama/index';
import { send, TOKEN } from './http-fixtures';
import { sleep, startHostsWorld, type HostsWorld } from './hosts-fixtures';

const V2 = 'peteollama:property-manager-v2';
const PROPERTY_MANAGER_V2 = { ...PROPERTY_MANAGER_V1, name: V2 };

let world: HostsWorld | undefined;
let server: RunningHttpServer | undefined;
afterEach(async () => {
  server?.server.closeAllConnections();
  await server?.close();
  server = undefined;
  await world?.close();
  world = undefined;
});

/** local has llama3 and v1; gpu has llama3 and v2 (which the registry lists, pending on the primary). */
async function twoHosts(): Promise<HostsWorld> {
  const w = await startHostsWorld([
    { hostName: 'local', models: [LLAMA3, PROPERTY_MANAGER_V1], chat: { text: 'From local.' } },
    { hostName: 'gpu', models: [LLAMA3, PROPERTY_MANAGER_V2], chat: { text: 'From gpu.' } },
  ]);
  await w.services.hosts.refresh('gpu');
  return w;
}

async function replyTo(w: HostsWorld, model: string): Promise<ChatEndEvent['message']> {
  const turn = await w.services.handlers['chat.send']({ conversationId: null, content: 'Hello?', model, compareModel: null });
  const id = turn.streams[0]!.messageId;
  for (let i = 0; i < 200; i++) {
    const end = w.events.find((e) => e.event === 'chat.end' && (e.payload as ChatEndEvent).message.id === id);
    if (end) return (end.payload as ChatEndEvent).message;
    await sleep(10);
  }
  throw new Error('no chat.end');
}

describe('chat and the proxy pick a host that has the model, the primary first', () => {
  it('chat: a model only the second host has is answered there, and the saved reply names the host', async () => {
    world = await twoHosts();
    const reply = await replyTo(world, V2);
    expect(reply).toMatchObject({ state: 'complete', content: 'From gpu.', host: 'gpu' });
    expect(world.fakes[0]!.requestsTo('/api/chat')).toHaveLength(0);
    expect(world.fakes[1]!.requestsTo('/api/chat')).toHaveLength(1);
    const saved = await world.services.handlers['chat.get']({ id: (await world.services.handlers['chat.list']({ query: '' }))[0]!.id });
    expect(saved.messages.at(-1)?.host).toBe('gpu');
  });

  it('chat: a model both hosts have goes to the primary', async () => {
    world = await twoHosts();
    expect(await replyTo(world, 'llama3')).toMatchObject({ content: 'From local.', host: 'local' });
  });

  it('proxy: serves a registry model only the second host has, saying so in X-Modelwright-Host; 503 once that host is offline', async () => {
    world = await twoHosts();
    expect(world.services.session().store.get().registry?.models[V2]?.status).toBe('pending');
    server = await createHttpServer({
      handlers: world.services.handlers,
      bus: world.services.bus,
      credentials: { apiKey: TOKEN, sessionToken: null },
      staticDir: null,
      host: '127.0.0.1',
      port: 0,
      log: () => undefined,
      chatProxy: world.services.chat.chatProxy,
    });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const models = await send(server, { method: 'GET', path: '/v1/models', headers: auth });
    expect((models.json() as { data: Array<{ id: string }> }).data.map((m) => m.id)).toContain(V2);

    const body = JSON.stringify({ model: V2, messages: [{ role: 'user', content: 'Hi' }] });
    const whole = await send(server, { method: 'POST', path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, body });
    expect(whole.status).toBe(200);
    expect(whole.headers['x-modelwright-host']).toBe('gpu');
    expect(whole.json()).toMatchObject({ choices: [{ message: { content: 'From gpu.' } }] });

    const streamed = await send(server, { method: 'POST', path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ ...JSON.parse(body), stream: true }) });
    expect(streamed.headers['x-modelwright-host']).toBe('gpu');
    expect(streamed.text).toContain('From');

    const v1 = await send(server, { method: 'POST', path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'peteollama:property-manager-v1', messages: [{ role: 'user', content: 'Hi' }] }) });
    expect(v1.headers['x-modelwright-host']).toBe('local');

    await world.fakes[1]!.setOffline(true);
    await world.services.hosts.refresh('gpu');
    const gone = await send(server, { method: 'POST', path: '/v1/chat/completions', headers: { ...auth, 'content-type': 'application/json' }, body });
    expect(gone.status).toBe(503);
    expect(gone.text).toContain(`model ${V2} not available`);
  });
});
