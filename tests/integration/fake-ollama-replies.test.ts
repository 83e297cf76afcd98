import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, type Json } from '../support/fake-ollama/test-http';

/** The fake's replies as evaluations need them: deterministic per model and prompt, scriptable per case. */

let fake: FakeOllama;

const BOT_V1 = { name: 'bot-v1', system: 'You are a careful assistant.' };
const BOT_V2 = { name: 'bot-v2', system: 'You are a terse assistant.' };

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, BOT_V1, BOT_V2] });
});
afterEach(async () => {
  await fake.close();
});

const FIXED = { temperature: 0, seed: 42 };

interface Metrics {
  total_duration: number;
  load_duration: number;
  prompt_eval_count: number;
  prompt_eval_duration: number;
  eval_count: number;
  eval_duration: number;
}

async function chatText(model: string, content: string, extra: Json = {}): Promise<string> {
  const res = await post(`${fake.url}/api/chat`, { model, messages: [{ role: 'user', content }], stream: false, options: FIXED, ...extra });
  expect(res.status).toBe(200);
  return String(((await res.json()) as { message: { content: string } }).message.content);
}

async function generateText(model: string, prompt: string, extra: Json = {}): Promise<string> {
  const res = await post(`${fake.url}/api/generate`, { model, prompt, stream: false, options: FIXED, ...extra });
  return String(((await res.json()) as { response: string }).response);
}

describe('deterministic replies', () => {
  it('gives the same words for the same model, prompt and options, on chat and generate', async () => {
    const first = await chatText('bot-v1', 'What is the capital of France?');
    expect(first.split(' ')).toHaveLength(8); // the configured token count
    expect(await chatText('bot-v1', 'What is the capital of France?')).toBe(first);
    expect(await chatText('BOT-V1:latest', 'What is the capital of France?')).toBe(first);
    const generated = await generateText('bot-v1', 'Tell me a story');
    expect(await generateText('bot-v1', 'Tell me a story')).toBe(generated);
  });

  it('gives different words for another model, another prompt or another Modelfile system', async () => {
    const v1 = await chatText('bot-v1', 'What is the capital of France?');
    expect(await chatText('bot-v1', 'What is the capital of Spain?')).not.toBe(v1);
    expect(await chatText('bot-v2', 'What is the capital of France?')).not.toBe(v1);
    expect(await chatText('llama3', 'What is the capital of France?')).not.toBe(v1);
  });

  it('lets a system message in the request replace the Modelfile SYSTEM, as Ollama does', async () => {
    // Two versions built FROM the same base, differing only in SYSTEM.
    for (const [model, system] of [['twin-a', 'Be formal.'], ['twin-b', 'Be casual.']]) {
      expect((await post(`${fake.url}/api/create`, { model, from: 'llama3', system, stream: false })).status).toBe(200);
    }
    expect(await chatText('twin-a', 'Hello')).not.toBe(await chatText('twin-b', 'Hello'));
    const withSystem = async (model: string): Promise<string> => {
      const messages = [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
      ];
      const res = await post(`${fake.url}/api/chat`, { model, messages, stream: false, options: FIXED });
      return ((await res.json()) as { message: { content: string } }).message.content;
    };
    expect(await withSystem('twin-a')).toBe(await withSystem('twin-b'));
  });

  it('lets /api/generate’s system replace the Modelfile SYSTEM, and raw drop it', async () => {
    const plain = await generateText('bot-v1', 'Hello');
    expect(await generateText('bot-v1', 'Hello', { system: 'Be brief.' })).not.toBe(plain);
    expect(await generateText('bot-v1', 'Hello', { raw: true })).not.toBe(plain);
  });

  it('ignores the seed at temperature 0 (greedy) and follows it above 0', async () => {
    const greedy = await chatText('bot-v1', 'Hi', { options: { temperature: 0, seed: 1 } });
    expect(await chatText('bot-v1', 'Hi', { options: { temperature: 0, seed: 2 } })).toBe(greedy);
    const seeded = await chatText('bot-v1', 'Hi', { options: { temperature: 0.7, seed: 1 } });
    expect(await chatText('bot-v1', 'Hi', { options: { temperature: 0.7, seed: 1 } })).toBe(seeded);
    expect(await chatText('bot-v1', 'Hi', { options: { temperature: 0.7, seed: 2 } })).not.toBe(seeded);
  });

  it('varies unseeded replies above temperature 0 (Ollama’s default 0.8) from request to request', async () => {
    const replies = new Set<string>();
    for (let i = 0; i < 4; i++) replies.add(await chatText('bot-v1', 'Hi', { options: {} }));
    expect(replies.size).toBeGreaterThan(1);
  });

  it('keeps scripted text (setChat) exactly as before', async () => {
    fake.setChat({ text: 'Scripted words.' });
    expect(await chatText('bot-v1', 'Anything')).toBe('Scripted words.');
    expect(await chatText('bot-v2', 'Else')).toBe('Scripted words.');
  });
});

describe('reply rules', () => {
  it('answers the first rule matching the model (as Ollama resolves it) and the last user message', async () => {
    const generated = await chatText('bot-v1', 'How big is Texas?');
    fake.setReplies([
      { model: 'bot-v1', when: 'capital of France', text: 'Paris.' },
      { model: 'bot-v2:latest', when: 'capital of France', text: 'Lyon.' },
      { model: 'BOT-V2', when: /^how big/i, text: 'Huge.' },
    ]);
    expect(await chatText('bot-v1:latest', 'What is the capital of France?')).toBe('Paris.');
    expect(await chatText('bot-v2', 'What is the capital of France?')).toBe('Lyon.');
    expect(await chatText('bot-v2', 'How big is Texas?')).toBe('Huge.');
    // No rule for v1 on this case: the generated reply, unchanged.
    expect(await chatText('bot-v1', 'How big is Texas?')).toBe(generated);
    expect(await generateText('bot-v1', 'the capital of France, please')).toBe('Paris.');
  });

  it('matches the last user message, not earlier turns', async () => {
    fake.setReplies([{ when: 'France', text: 'Paris.' }]);
    const res = await post(`${fake.url}/api/chat`, {
      model: 'bot-v1',
      stream: false,
      options: FIXED,
      messages: [
        { role: 'user', content: 'Capital of France?' },
        { role: 'assistant', content: 'Paris.' },
        { role: 'user', content: 'And of Spain?' },
      ],
    });
    expect(((await res.json()) as { message: { content: string } }).message.content).not.toBe('Paris.');
  });

  it('waits delayMs before the first token and reports it as prompt evaluation time', async () => {
    fake.setReplies([{ when: 'slow', text: 'Finally here.', delayMs: 120 }]);
    const started = Date.now();
    const lines = await ndjson(await post(`${fake.url}/api/chat`, { model: 'bot-v1', messages: [{ role: 'user', content: 'a slow one' }] }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(Number(lines.at(-1)?.prompt_eval_duration)).toBeGreaterThanOrEqual(120_000_000);
  });

  it('takes rules through the control server, a RegExp as {regex, flags}, and forgets them on reset', async () => {
    const control = (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${fake.controlUrl}/control/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = await control('POST', 'replies', {
      rules: [
        { model: 'bot-v2', when: { regex: 'capital of (france|spain)', flags: 'i' }, text: 'Madrid.', thinking: 'Hmm.' },
        { model: 'bot-v1', when: 'France', text: 'Paris.', delayMs: 5 },
      ],
    });
    expect(await set.json()).toEqual({ rules: 2 });
    expect(await chatText('bot-v2', 'Capital of FRANCE?')).toBe('Madrid.');
    expect(await chatText('bot-v1', 'France')).toBe('Paris.');
    const state = (await (await control('GET', 'state')).json()) as { replies: Json[] };
    expect(state.replies[0]).toMatchObject({ model: 'bot-v2', when: '/capital of (france|spain)/i', text: 'Madrid.' });

    const bad = await control('POST', 'replies', { rules: [{ when: { regex: '(' }, text: 'x' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('when.regex is not a valid regular expression');

    await control('POST', 'reset');
    expect(fake.replies).toEqual([]);
    expect(await chatText('bot-v1', 'France')).not.toBe('Paris.');
  });
});

describe('counts and durations', () => {
  it('reports eval_count as the tokens streamed and durations that add up, streaming or not', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/chat`, { model: 'bot-v1', messages: [{ role: 'user', content: 'Hello there' }], options: FIXED }));
    const tokens = lines.filter((l) => l.done === false);
    const last = lines.at(-1) as unknown as Metrics;
    expect(last.eval_count).toBe(tokens.length);
    expect(last.prompt_eval_count).toBeGreaterThan(0);
    // Cold load: the load is part of the total, and the total covers every phase.
    expect(last.load_duration).toBeGreaterThan(1e9);
    expect(last.total_duration).toBeGreaterThanOrEqual(last.load_duration + last.prompt_eval_duration + last.eval_duration);
    // At full speed the durations are those of a plausible model, not a few nanoseconds.
    expect(last.eval_count / (last.eval_duration / 1e9)).toBeGreaterThan(10);
    expect(last.eval_count / (last.eval_duration / 1e9)).toBeLessThan(1000);

    const single = (await (
      await post(`${fake.url}/api/chat`, { model: 'bot-v1', messages: [{ role: 'user', content: 'Hello there' }], options: FIXED, stream: false })
    ).json()) as Metrics;
    expect(single.eval_count).toBe(tokens.length);
    expect(single.prompt_eval_count).toBe(last.prompt_eval_count);
    expect(single.load_duration).toBeLessThan(1e9); // warm now
    expect(single.total_duration).toBeGreaterThanOrEqual(single.load_duration + single.prompt_eval_duration + single.eval_duration);
  });

  it('counts the Modelfile SYSTEM and the whole conversation in prompt_eval_count', async () => {
    const count = async (model: string, messages: Json[]): Promise<number> =>
      Number(((await (await post(`${fake.url}/api/chat`, { model, messages, stream: false, options: FIXED })).json()) as Json).prompt_eval_count);
    const one = [{ role: 'user', content: 'Hello there' }];
    fake.addModel({ name: 'no-system' });
    expect(await count('bot-v1', one)).toBeGreaterThan(await count('no-system', one));
    const three = [...one, { role: 'assistant', content: 'Hi! How can I help you today?' }, { role: 'user', content: 'Tell me about leases' }];
    expect(await count('no-system', three)).toBeGreaterThan(await count('no-system', one));
  });

  it('counts thinking tokens in eval_count and stops both at num_predict', async () => {
    fake.addModel({ name: 'thinker', capabilities: ['completion', 'thinking'] });
    const lines = await ndjson(await post(`${fake.url}/api/chat`, { model: 'thinker', messages: [{ role: 'user', content: 'Hi' }], options: FIXED }));
    const tokens = lines.filter((l) => l.done === false);
    expect(lines.at(-1)?.eval_count).toBe(tokens.length);
    const capped = await ndjson(await post(`${fake.url}/api/chat`, { model: 'thinker', messages: [{ role: 'user', content: 'Hi' }], options: { ...FIXED, num_predict: 3 } }));
    expect(capped.filter((l) => l.done === false)).toHaveLength(3);
    expect(capped.at(-1)).toMatchObject({ done_reason: 'length', eval_count: 3 });
  });
});
