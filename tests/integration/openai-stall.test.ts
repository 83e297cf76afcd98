import OpenAI, { APIError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/shared/registry';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { EventBus } from '../../src/main/events';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { seedRegistry, stubHandlers, TOKEN } from './http-fixtures';

/**
 * Issue 9.9 for /v1: a stalled Ollama ends an OpenAI-compatible request with an error the client
 * sees (a JSON 504 before the stream began, an error event then [DONE] after), never a dropped
 * socket, and never "not reachable". The stall limit is 0.8 s here (600 s by default).
 */

const V1 = 'peteollama:property-manager-v1';
const STALL = { stallMs: 800, noticeMs: 200 };

let fake: FakeOllama;
let server: RunningHttpServer;
let registry: Registry;
let client: OpenAI;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
  registry = seedRegistry();
  server = await createHttpServer({
    handlers: stubHandlers().handlers,
    bus: new EventBus(),
    credentials: { apiKey: TOKEN, sessionToken: null },
    staticDir: null,
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
    chatProxy: { registry: () => registry, stream: (request, signal) => streamOllamaChat(fake.url, request, { signal, stall: STALL }) },
  });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: TOKEN, maxRetries: 0 });
});
afterEach(async () => {
  server.server.closeAllConnections();
  await server.close();
  await fake.close();
});

const ask = [{ role: 'user' as const, content: 'When is rent due?' }];

async function caught(run: () => Promise<unknown>): Promise<APIError> {
  try {
    await run();
  } catch (error) {
    return error as APIError;
  }
  throw new Error('expected an error');
}

describe('/v1 with a stalled Ollama', () => {
  it('a non-streamed request gets a JSON 504 saying Ollama stopped answering', async () => {
    fake.hangNext({ path: '/api/chat' });
    const error = await caught(() => client.chat.completions.create({ model: V1, messages: ask }));
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(504);
    expect(error.error).toMatchObject({ type: 'server_error', code: 'ollama_stalled' });
    expect(error.message).toMatch(/stopped answering \/api\/chat: no answer for 0\.8 s/);
    expect(error.message).not.toMatch(/not reachable/);
  });

  it('a stream that stalls before its first chunk gets the same JSON 504', async () => {
    fake.hangNext({ path: '/api/chat' });
    const error = await caught(async () => {
      const stream = await client.chat.completions.create({ model: V1, messages: ask, stream: true });
      for await (const chunk of stream) void chunk;
    });
    expect(error.status).toBe(504);
    expect(error.message).toMatch(/stopped answering/);
  });

  it('a stream that stalls mid-reply ends with an error event the client raises, then [DONE]', async () => {
    fake.setChat({ text: 'Rent is due on the first.' });
    fake.hangNext({ path: '/api/chat', afterLines: 2 });
    const received: string[] = [];
    const error = await caught(async () => {
      const stream = await client.chat.completions.create({ model: V1, messages: ask, stream: true });
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    });
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toMatch(/stopped answering \/api\/chat/);
    expect(received.join('')).toMatch(/^Rent /);

    // On the wire: the error event, then [DONE], then a clean end of the response.
    fake.hangNext({ path: '/api/chat', afterLines: 1 });
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: V1, messages: ask, stream: true }),
    });
    const text = await res.text();
    const events = text.split('\n\n').filter((e) => e !== '');
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(JSON.parse(events.at(-2)?.slice('data: '.length) ?? 'null')).toMatchObject({ error: { code: 'ollama_stalled', message: expect.stringMatching(/stopped answering/) } });
  });
});
