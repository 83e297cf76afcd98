import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/shared/registry';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { EventBus } from '../../src/main/events';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { seedRegistry, stubHandlers, TOKEN } from './http-fixtures';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

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
    // Other programs hold only the API key.
    credentials: { apiKey: TOKEN, sessionToken: null },
    staticDir: null,
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
    chatProxy: { registry: () => registry, stream: (request, signal) => streamOllamaChat(fake.url, request, { signal }) },
  });
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: TOKEN, maxRetries: 0 });
});
afterEach(async () => {
  // undici may hold a spare connection with no request on it, which close() would wait out.
  server.server.closeAllConnections();
  await server.close();
  await fake.close();
});

const ask = [{ role: 'user' as const, content: 'When is rent due?' }];

describe('the OpenAI-compatible proxy, driven by the official openai client', () => {
  it('streams a chat completion as chunks, ending with finish_reason "stop"', async () => {
    fake.setChat({ text: 'Rent is due on the first.' });
    const stream = await client.chat.completions.create({ model: V1, messages: ask, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Rent is due on the first.');
    expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: V1, choices: [{ delta: { role: 'assistant' } }] });
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 6, prompt_tokens: expect.any(Number) });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('ends the event stream with `data: [DONE]`', async () => {
    fake.setChat({ text: 'Short.' });
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: V1, messages: ask, stream: true }),
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text.split('\n\n').filter(Boolean).every((event) => event.startsWith('data: '))).toBe(true);
  });

  it('answers a non-streaming request with one chat.completion and its usage', async () => {
    fake.setChat({ text: 'All at once.' });
    const completion = await client.chat.completions.create({ model: V1, messages: ask });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: V1,
      choices: [{ index: 0, message: { role: 'assistant', content: 'All at once.' }, finish_reason: 'stop' }],
      usage: { completion_tokens: 3 },
    });
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + 3);
  });

  it('passes sampling options on as Ollama options and the developer role as system', async () => {
    await client.chat.completions.create({
      model: V1,
      messages: [{ role: 'developer', content: 'Be brief.' }, ...ask],
      temperature: 0.3,
      max_tokens: 64,
      stop: ['END'],
      seed: 7,
    });
    expect(fake.lastRequest('/api/chat')?.body).toMatchObject({
      model: V1,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'When is rent due?' },
      ],
      options: { temperature: 0.3, num_predict: 64, stop: ['END'], seed: 7 },
      // Reproducible and shown as it streams: no hidden thinking first on capable models.
      think: false,
    });
  });

  it('refuses a model the registry does not configure with 400 "model X not configured"', async () => {
    const error = await client.chat.completions.create({ model: 'llama3:latest', messages: ask }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, error: { message: 'model llama3:latest not configured', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
    expect(fake.requestsTo('/api/chat')).toHaveLength(0);
  });

  it('refuses a configured model that is not available with 503 "model X not available", and says retrying will not help', async () => {
    const error = await client.chat.completions.create({ model: V2, messages: ask, stream: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 503, error: { message: `model ${V2} not available`, type: 'server_error', code: 'model_not_available' } });
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('x-should-retry')).toBe('false');
  });

  it('answers 503 when the registry says available but Ollama does not have the model', async () => {
    fake.removeModel(V1);
    const error = await client.chat.completions.create({ model: V1, messages: ask, stream: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, error: { message: `model ${V1} not available` } });
  });

  it('requires the token: none or a wrong one is 401, in OpenAI’s error shape', async () => {
    const wrong = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'not-the-token', maxRetries: 0 });
    const error = await wrong.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, error: { type: 'authentication_error', code: 'invalid_api_key' } });

    const none = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: V1, messages: ask }) });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { message: expect.any(String), type: 'authentication_error', param: null, code: 'invalid_api_key' } });
    expect(fake.requestsTo('/api/chat')).toHaveLength(0);
  });

  it('refuses a foreign Host (DNS rebinding) before the token or the model is looked at', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/models`, { headers: { Host: 'evil.example:80', Authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('lists the registry models shown in the UI and available, and nothing else', async () => {
    registry.models['hidden:v1'] = { ...registry.models[V1]!, name: 'hidden:v1', show_in_ui: false };
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual([{ id: V1, object: 'model', created: expect.any(Number), owned_by: 'modelwright' }]);
    expect(await client.models.retrieve(V1)).toMatchObject({ id: V1 });
    await expect(client.models.retrieve(V2)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('reports a failure after the stream began as an error event the client raises', async () => {
    fake.setChat({ text: 'This is a reply that breaks after three words.' });
    fake.failMidStream({ path: '/api/chat', afterLines: 3, error: 'model runner has unexpectedly stopped' });
    const stream = await client.chat.completions.create({ model: V1, messages: ask, stream: true });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(text).toBe('This is a');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('model runner has unexpectedly stopped');
  });

  it('stops the Ollama request when the client goes away mid-stream', async () => {
    fake.setChat({ tokens: 10_000, tokensPerSecond: 200 });
    const stream = await client.chat.completions.create({ model: V1, messages: ask, stream: true });
    let seen = 0;
    for await (const _chunk of stream) {
      if (++seen === 3) break;
    }
    await expect.poll(() => fake.cancellations.length).toBe(1);
    expect(fake.cancellations[0]).toMatchObject({ path: '/api/chat', model: V1 });
  });

  it('rejects image parts with a 400 naming the field', async () => {
    const error = await client.chat.completions
      .create({ model: V1, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:,' } }] }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, error: { param: 'messages[0].content', type: 'invalid_request_error' } });
  });
});
