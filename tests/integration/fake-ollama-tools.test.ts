import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, LLAMA31_8B, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, type Json } from '../support/fake-ollama/test-http';

/** Tool calls on /api/chat as Ollama streams them: a chunk per call, ids and indexes, then text after the tool result. */

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, LLAMA31_8B, QWEN3_30B] });
});
afterEach(async () => {
  await fake.close();
});

const WEATHER = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city', 'unit'] },
  },
};
const FIXED = { temperature: 0, seed: 7 };
const ask = [{ role: 'user', content: 'What is the weather in Paris?' }];
const chat = (body: Json): Promise<Response> => post(`${fake.url}/api/chat`, { options: FIXED, think: false, ...body });

describe('tools', () => {
  it('streams a call of the first tool with arguments that fit its schema, content empty, then the done chunk', async () => {
    const lines = await ndjson(await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER] }));
    const calls = lines.filter((l) => l.done === false).map((l) => l.message as Json);
    expect(calls).toHaveLength(1);
    const [message] = calls;
    expect(message?.content).toBe('');
    const [call] = message?.tool_calls as Array<{ id: string; function: { index: number; name: string; arguments: Json } }>;
    expect(call?.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(call?.function.index).toBe(0);
    expect(call?.function.name).toBe('get_weather');
    expect(typeof call?.function.arguments.city).toBe('string');
    expect(['celsius', 'fahrenheit']).toContain(call?.function.arguments.unit);
    expect(lines.at(-1)).toMatchObject({ done: true, done_reason: 'stop' });
    // Deterministic: the same request gives the same call.
    const again = await ndjson(await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER] }));
    expect(again[0]?.message).toEqual(message);
  });

  it('makes the calls a reply rule scripts, each in its own chunk, and gathers them with stream:false', async () => {
    fake.setReplies([{ when: 'weather', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }, { name: 'get_weather', arguments: { city: 'Lyon', unit: 'celsius' } }], text: 'Mild in both.' }]);
    const lines = await ndjson(await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER] }));
    const streamed = lines.filter((l) => l.done === false).map((l) => ((l.message as Json).tool_calls as Json[])[0]?.function);
    expect(streamed).toEqual([
      { index: 0, name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
      { index: 1, name: 'get_weather', arguments: { city: 'Lyon', unit: 'celsius' } },
    ]);
    const whole = (await (await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER], stream: false })).json()) as { message: Json; done_reason: string };
    expect(whole.message.content).toBe('');
    expect((whole.message.tool_calls as Json[]).map((c) => (c.function as Json).arguments)).toEqual([
      { city: 'Paris', unit: 'celsius' },
      { city: 'Lyon', unit: 'celsius' },
    ]);
    expect(whole.done_reason).toBe('stop');
  });

  it('answers in text after a tool result', async () => {
    fake.setReplies([{ when: 'weather', toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }], text: 'It is 18 °C in Paris.' }]);
    const messages = [
      ...ask,
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_abc', function: { name: 'get_weather', arguments: { city: 'Paris' } } }] },
      { role: 'tool', tool_name: 'get_weather', tool_call_id: 'call_abc', content: '{"temp": 18}' },
    ];
    const whole = (await (await chat({ model: 'llama3.1:8b', messages, tools: [WEATHER], stream: false })).json()) as { message: Json };
    expect(whole.message).toEqual({ role: 'assistant', content: 'It is 18 °C in Paris.' });
  });

  it('thinks first, then calls, for a thinking model with tools', async () => {
    const lines = await ndjson(await chat({ model: 'qwen3:30b', messages: ask, tools: [WEATHER], think: true }));
    const tokens = lines.filter((l) => l.done === false).map((l) => l.message as Json);
    const firstCall = tokens.findIndex((m) => m.tool_calls !== undefined);
    expect(firstCall).toBeGreaterThan(0);
    expect(tokens.slice(0, firstCall).every((m) => typeof m.thinking === 'string')).toBe(true);
  });

  it('refuses tools for a model without the capability with Ollama’s 400, naming the model in full; an empty list is no tools', async () => {
    const res = await chat({ model: 'llama3', messages: ask, tools: [WEATHER] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'registry.ollama.ai/library/llama3:latest does not support tools' });
    expect((await chat({ model: 'llama3', messages: ask, tools: [] })).status).toBe(200);
    const bad = await chat({ model: 'llama3.1:8b', messages: ask, tools: { nope: 1 } });
    expect(await bad.json()).toEqual({ error: 'json: cannot unmarshal object into Go struct field ChatRequest.tools of type api.Tools' });
  });

  it('leaves out id before 0.12.10 and index before 0.12.6', async () => {
    fake.setVersion('0.12.6');
    const [first] = await ndjson(await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER] }));
    const call = ((first?.message as Json).tool_calls as Json[])[0];
    expect(call?.id).toBeUndefined();
    expect((call?.function as Json).index).toBe(0);
    fake.setVersion('0.12.5');
    const [older] = await ndjson(await chat({ model: 'llama3.1:8b', messages: ask, tools: [WEATHER] }));
    expect((((older?.message as Json).tool_calls as Json[])[0]?.function as Json).index).toBeUndefined();
  });
});
