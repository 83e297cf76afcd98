import { Validator, type Schema } from '@cfworker/json-schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, type Json } from '../support/fake-ollama/test-http';

/** `think` and `format` on /api/chat and /api/generate, with Ollama's statuses and error texts. */

let fake: FakeOllama;

/** A template that renders `.Thinking` inside the range over `.Messages`: thinking-capable by its template alone. */
const THINKING_TEMPLATE =
  '{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ if .Thinking }}<think>{{ .Thinking }}</think>{{ end }}{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n';

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, QWEN3_30B, { name: 'deep-thinker', template: THINKING_TEMPLATE }] });
});
afterEach(async () => {
  await fake.close();
});

const FIXED = { temperature: 0, seed: 7 };
const ask = [{ role: 'user', content: 'Is 17 prime?' }];
const chat = (body: Json): Promise<Response> => post(`${fake.url}/api/chat`, { messages: ask, options: FIXED, ...body });

describe('think', () => {
  it('streams thinking before the content for a capable model when think is absent (on by default) or true', async () => {
    for (const think of [undefined, true]) {
      const lines = await ndjson(await chat({ model: 'qwen3:30b', ...(think === undefined ? {} : { think }) }));
      const tokens = lines.filter((l) => l.done === false).map((l) => l.message as Json);
      const firstContent = tokens.findIndex((m) => m.content !== '');
      expect(firstContent).toBeGreaterThan(0);
      expect(tokens.slice(0, firstContent).every((m) => typeof m.thinking === 'string' && m.thinking !== '' && m.content === '')).toBe(true);
      expect(tokens.slice(firstContent).every((m) => m.thinking === undefined)).toBe(true);
    }
  });

  it('sends no thinking with think:false, and joins it into message.thinking with stream:false', async () => {
    const off = await ndjson(await chat({ model: 'qwen3:30b', think: false }));
    expect(off.some((l) => (l.message as Json).thinking !== undefined)).toBe(false);
    const whole = (await (await chat({ model: 'qwen3:30b', stream: false })).json()) as { message: Json };
    expect(String(whole.message.thinking).length).toBeGreaterThan(0);
    expect(String(whole.message.content).length).toBeGreaterThan(0);
  });

  it('accepts levels for capable models, thinking more at high than at low', async () => {
    const length = async (think: string): Promise<number> =>
      String(((await (await chat({ model: 'qwen3:30b', think, stream: false })).json()) as { message: Json }).message.thinking).split(' ').length;
    expect(await length('high')).toBeGreaterThan(await length('low'));
    expect((await chat({ model: 'qwen3:30b', think: 'medium' })).status).toBe(200);
  });

  it('finds the capability in the template, and /api/show lists it', async () => {
    const show = (await (await post(`${fake.url}/api/show`, { model: 'deep-thinker' })).json()) as Json;
    expect(show.capabilities).toEqual(['completion', 'thinking']);
    const llama = (await (await post(`${fake.url}/api/show`, { model: 'llama3' })).json()) as Json;
    expect(llama.capabilities).toEqual(['completion']);
    const generated = (await (await post(`${fake.url}/api/generate`, { model: 'deep-thinker', prompt: 'Hi', stream: false, options: FIXED })).json()) as Json;
    expect(String(generated.thinking).length).toBeGreaterThan(0);
  });

  it('rejects think true or a level on a model without the capability with Ollama’s 400, and allows false', async () => {
    for (const think of [true, 'low', 'high']) {
      const res = await chat({ model: 'llama3', think });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: '"llama3" does not support thinking' });
    }
    const gen = await post(`${fake.url}/api/generate`, { model: 'llama3', prompt: 'Hi', think: true });
    expect(gen.status).toBe(400);
    expect(await gen.json()).toEqual({ error: '"llama3" does not support thinking' });
    expect((await chat({ model: 'llama3', think: false })).status).toBe(200);
  });

  it('rejects a think value ThinkValue cannot bind, before anything else, with Go’s message; "max" only from 0.22', async () => {
    const bad = await chat({ model: 'qwen3:30b', think: 'extreme' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid think value: "extreme" (must be "high", "medium", "low", true, or false)' });
    const number = await chat({ model: 'nope', think: 1 });
    expect(await number.json()).toEqual({ error: 'think must be a boolean or string ("high", "medium", "low", true, or false)' });
    expect((await chat({ model: 'qwen3:30b', think: 'max' })).status).toBe(400);
    fake.setVersion('0.22.0');
    expect((await chat({ model: 'qwen3:30b', think: 'max' })).status).toBe(200);
    expect(await (await chat({ model: 'qwen3:30b', think: 'extreme' })).json()).toEqual({
      error: 'invalid think value: "extreme" (must be "high", "medium", "low", "max", true, or false)',
    });
  });
});

describe('format', () => {
  const content = async (body: Json): Promise<string> => ((await (await chat({ model: 'llama3', stream: false, ...body })).json()) as { message: { content: string } }).message.content;

  it('answers "json" with valid JSON', async () => {
    const text = await content({ format: 'json' });
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(typeof JSON.parse(text)).toBe('object');
  });

  it('answers a JSON schema with an instance of it, the same each time, streamed token by token', async () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        verdict: { type: 'string', enum: ['pass', 'fail'] },
        score: { type: 'integer', minimum: 1, maximum: 5 },
        reasons: { type: 'array', items: { type: 'string', minLength: 3 }, minItems: 2, maxItems: 4 },
        meta: { type: 'object', properties: { confident: { type: 'boolean' } }, required: ['confident'] },
      },
      required: ['verdict', 'score', 'reasons', 'meta'],
      additionalProperties: false,
    };
    const text = await content({ format: schema });
    const result = new Validator(schema, '2020-12').validate(JSON.parse(text));
    expect(result.errors).toEqual([]);
    expect(await content({ format: schema })).toBe(text);
    const lines = await ndjson(await chat({ model: 'llama3', format: schema }));
    expect(lines.filter((l) => l.done === false).length).toBeGreaterThan(1);
    expect(
      lines
        .filter((l) => l.done === false)
        .map((l) => (l.message as Json).content)
        .join(''),
    ).toBe(text);
  });

  it('honours a schema on /api/generate too', async () => {
    const schema: Schema = { type: 'object', properties: { city: { type: 'string', enum: ['Paris', 'Lyon'] } }, required: ['city'], additionalProperties: false };
    const res = await post(`${fake.url}/api/generate`, { model: 'llama3', prompt: 'Capital of France?', format: schema, stream: false, options: FIXED });
    const body = (await res.json()) as { response: string };
    expect(new Validator(schema, '2020-12').validate(JSON.parse(body.response)).errors).toEqual([]);
  });

  it('sends a scripted rule text as is, so a test can make a model break the schema', async () => {
    fake.setReplies([{ when: 'prime', text: 'Yes, it is prime.' }]);
    expect(await content({ format: { type: 'object', properties: { answer: { type: 'boolean' } }, required: ['answer'] } })).toBe('Yes, it is prime.');
  });

  it('treats null and "" as unset', async () => {
    const plain = await content({});
    expect(await content({ format: '' })).toBe(plain);
    expect(await content({ format: null })).toBe(plain);
  });

  it('refuses any other format with Ollama’s 500 after loading the model, streaming or not', async () => {
    for (const [format, quoted] of [
      ['xml', '"\\"xml\\""'],
      [[1, 2], '"[1,2]"'],
      [5, '"5"'],
    ] as const) {
      const expected = { error: `invalid format: ${quoted}; expected "json" or a valid JSON Schema object` };
      const streamed = await chat({ model: 'llama3', format });
      expect(streamed.status).toBe(500);
      expect(await streamed.json()).toEqual(expected);
      const single = await chat({ model: 'llama3', format, stream: false });
      expect(single.status).toBe(500);
      expect(await single.json()).toEqual(expected);
    }
    expect(fake.loadedModels()).toEqual(['llama3:latest']);
  });
});
