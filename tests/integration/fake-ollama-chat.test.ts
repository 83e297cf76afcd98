import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, readLines, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, { name: 'embedder', capabilities: ['embedding'] }] });
});
afterEach(async () => {
  await fake.close();
});

const chat = (body: Json, init?: RequestInit): Promise<Response> => post(`${fake.url}/api/chat`, body, init);
const user = [{ role: 'user', content: 'Hello there' }];

describe('fake /api/chat', () => {
  it('streams the configured text token by token, then a final chunk with the metrics', async () => {
    fake.setChat({ text: 'Hi! How can I help?' });
    const res = await chat({ model: 'llama3', messages: user });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(res);
    const tokens = lines.filter((l) => l.done === false);
    expect(tokens.map((l) => (l.message as Json).content).join('')).toBe('Hi! How can I help?');
    for (const token of tokens) expect(token).toMatchObject({ model: 'llama3', message: { role: 'assistant' }, created_at: expect.any(String) });
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ done: true, done_reason: 'stop', message: { role: 'assistant', content: '' }, eval_count: tokens.length });
    for (const metric of ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_duration']) {
      expect(last?.[metric], metric).toBeGreaterThan(0);
    }
  });

  it('produces the configured number of tokens at the configured rate', async () => {
    fake.setChat({ tokens: 5, tokensPerSecond: 100 });
    const started = Date.now();
    const lines = await ndjson(await chat({ model: 'llama3', messages: user }));
    expect(lines.filter((l) => l.done === false)).toHaveLength(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('stops at num_predict with done_reason "length"', async () => {
    fake.setChat({ tokens: 10 });
    const lines = await ndjson(await chat({ model: 'llama3', messages: user, options: { num_predict: 3 } }));
    expect(lines.filter((l) => l.done === false)).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatchObject({ done: true, done_reason: 'length' });
  });

  it('answers stream:false with one object holding the whole reply', async () => {
    fake.setChat({ text: 'All at once.' });
    const res = await chat({ model: 'llama3', messages: user, stream: false });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toMatchObject({ done: true, done_reason: 'stop', message: { role: 'assistant', content: 'All at once.' } });
  });

  it('gives 404 for a missing model (name as sent) and 400 when the model is missing or invalid', async () => {
    const missing = await chat({ model: 'Nope', messages: user });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'Nope' not found" });
    const none = await chat({ messages: user });
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: 'model is required' });
    const invalid = await chat({ model: 'a b', messages: user });
    expect(await invalid.json()).toEqual({ error: 'invalid model name' });
    const embedOnly = await chat({ model: 'embedder', messages: user });
    expect(embedOnly.status).toBe(400);
    expect(await embedOnly.json()).toEqual({ error: '"embedder" does not support chat' });
  });

  it('stops generating when the client goes away, and records it', async () => {
    fake.setChat({ tokens: 200, tokensPerSecond: 200 });
    const controller = new AbortController();
    const res = await chat({ model: 'llama3', messages: user }, { signal: controller.signal });
    const seen = await readLines(res, (_line, index) => {
      if (index === 2) {
        controller.abort();
        return true;
      }
      return false;
    });
    expect(seen).toHaveLength(3);
    await expect.poll(() => fake.cancellations.length).toBe(1);
    const cancellation = fake.cancellations[0];
    expect(cancellation).toMatchObject({ path: '/api/chat', model: 'llama3' });
    expect(cancellation?.lines).toBeLessThan(200);
    expect(fake.lastRequest('/api/chat')?.cancelled).toBe(true);
  });
});

describe('fake load and unload', () => {
  it('loads with a chat without messages: one object, done_reason "load", and the model in /api/ps', async () => {
    const res = await chat({ model: 'llama3', keep_alive: -1 });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toMatchObject({ model: 'llama3', done: true, done_reason: 'load', message: { role: 'assistant', content: '' } });
    const { models } = (await (await fetch(`${fake.url}/api/ps`)).json()) as { models: Json[] };
    expect(models.map((m) => m.name)).toEqual(['llama3:latest']);
    // Negative keep_alive: forever, i.e. centuries away.
    expect(new Date(String(models[0]?.expires_at)).getUTCFullYear()).toBeGreaterThan(2200);
  });

  it('loads with a generate without a prompt, for a Go duration, and unloads with keep_alive 0', async () => {
    const load = await post(`${fake.url}/api/generate`, { model: 'llama3', keep_alive: '10m' });
    expect(await load.json()).toMatchObject({ done: true, done_reason: 'load', response: '' });
    expect(fake.loadedModels()).toEqual(['llama3:latest']);
    const unload = await post(`${fake.url}/api/generate`, { model: 'llama3', keep_alive: 0 });
    expect(await unload.json()).toMatchObject({ done: true, done_reason: 'unload' });
    expect(fake.loadedModels()).toEqual([]);
  });

  it('rejects a keep_alive Go cannot parse, with Go’s message', async () => {
    const res = await chat({ model: 'llama3', keep_alive: '10 minutes' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'time: unknown unit " minutes" in duration "10 minutes"' });
    const noUnit = await chat({ model: 'llama3', keep_alive: '10' });
    expect(await noUnit.json()).toEqual({ error: 'time: missing unit in duration "10"' });
  });

  it('drops a model from /api/ps once its keep_alive has passed', async () => {
    await post(`${fake.url}/api/generate`, { model: 'llama3', keep_alive: 0.05 });
    expect(fake.loadedModels()).toEqual(['llama3:latest']);
    await expect.poll(() => fake.loadedModels(), { timeout: 1000, interval: 20 }).toEqual([]);
  });
});

describe('fake /api/generate', () => {
  it('streams `response` tokens and ends with context and metrics', async () => {
    fake.setChat({ text: 'Once upon a time' });
    const lines = await ndjson(await post(`${fake.url}/api/generate`, { model: 'llama3', prompt: 'Tell a story' }));
    expect(lines.filter((l) => !l.done).map((l) => l.response).join('')).toBe('Once upon a time');
    expect(lines[lines.length - 1]).toMatchObject({ done: true, done_reason: 'stop', response: '', context: expect.any(Array) });
  });

  it('answers an empty model with 404 "model \'\' not found", as GenerateHandler does', async () => {
    const res = await post(`${fake.url}/api/generate`, { prompt: 'hi' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "model '' not found" });
  });
});
