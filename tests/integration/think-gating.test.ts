import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAMILY, runAndWait, SET_PATH, startEvalWorld, type EvalWorld } from './evals-fixtures';
import { QWEN3_30B } from '../support/fake-ollama/index';

/**
 * Capability gating end to end: a model whose capabilities lack `thinking` is never sent
 * `think: true` (or a level), whoever asks: chat and the /v1 proxy (one streamer) or an evaluation.
 */

let world: EvalWorld;

beforeEach(async () => {
  world = await startEvalWorld();
  world.fake.addModel(QWEN3_30B);
});

afterEach(async () => {
  await world.close();
});

const thinkSent = (model: string): unknown[] =>
  world.fake
    .requestsTo('/api/chat')
    .map((r) => r.body as Record<string, unknown>)
    .filter((b) => String(b.model).startsWith(model))
    .map((b) => b.think);

async function drain(model: string, think: true | 'high'): Promise<{ thinking: string; text: string }> {
  let thinking = '';
  let text = '';
  for await (const event of world.services.chat.chatProxy.stream({ model, messages: [{ role: 'user', content: 'Is 17 prime?' }], think }, new AbortController().signal)) {
    if (event.type === 'thinking') thinking += event.text;
    if (event.type === 'delta') text += event.text;
  }
  return { thinking, text };
}

describe('the chat streamer (chat and /v1)', () => {
  it('sends think false to a model without the capability, and the reply comes', async () => {
    for (const think of [true, 'high'] as const) expect((await drain('llama3', think)).text).not.toBe('');
    expect(thinkSent('llama3')).toEqual([false, false]);
  });

  it('sends think as asked to a model with the capability, and its thinking comes apart from the text', async () => {
    const reply = await drain('qwen3:30b', 'high');
    expect(reply.thinking).not.toBe('');
    expect(reply.text).not.toBe('');
    expect(thinkSent('qwen3')).toEqual(['high']);
  });

  it('sends think false when the capabilities cannot be learned (the model is not listed)', async () => {
    world.fake.setReplies([]);
    await expect(drain('ghost', true)).rejects.toThrow();
    expect(thinkSent('ghost')).toEqual([false]);
  });
});

describe('an evaluation whose set asks for thinking', () => {
  it('runs the thinking model with think on and records the other model’s cases as refused, never sending them', async () => {
    const text = fs.readFileSync(path.join(world.ws, SET_PATH), 'utf8').replace('description:', 'options:\n  think: true\ndescription:');
    fs.writeFileSync(path.join(world.ws, SET_PATH), text);
    const { runId, job } = await runAndWait(world, { models: ['qwen3:30b', 'llama3'] });
    expect(job.state).toBe('succeeded');
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    const qwen = run.results.filter((r) => r.model === 'qwen3:30b');
    const llama = run.results.filter((r) => r.model === 'llama3');
    expect(qwen.every((r) => r.error === null && r.thinking !== null && r.request.think === true)).toBe(true);
    expect(llama).toHaveLength(3);
    for (const result of llama) {
      expect(result.error?.message).toMatch(/^llama3 cannot think .*think: true.*Set think: false/);
      expect(result.passed).toBe(false);
    }
    expect(thinkSent('llama3')).toEqual([]);
    expect(thinkSent('qwen3')).toEqual([true, true, true]);
  });
});
