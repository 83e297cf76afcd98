import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evalChat } from '../../src/main/evals/eval-chat';
import { createOllamaLink } from '../../src/main/ollama/ollama-link';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';

/** One evaluation request against the fake Ollama, read by the chat's reader: what a result records. */

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, QWEN3_30B] });
});
afterEach(async () => {
  await fake.close();
});

const messages = [{ role: 'user' as const, content: 'Is 17 prime?' }];
const options = { temperature: 0, seed: 42 };

describe('an evaluation chat', () => {
  it('keeps a thinking model’s thinking apart from its answer, timed from the first thought', async () => {
    const answer = await evalChat(createOllamaLink(fake.url), { model: 'qwen3:30b', request: { messages, options, think: true } }, new AbortController().signal);
    expect(answer.thinking).toEqual(expect.any(String));
    expect(answer.thinking).not.toBe('');
    expect(answer.output).not.toBe('');
    expect(answer.output).not.toContain(answer.thinking);
    expect(answer).toMatchObject({ doneReason: 'stop', outputTokens: expect.any(Number), promptTokens: expect.any(Number), tokensPerSecond: expect.any(Number) });
    expect(answer.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(answer.timeToFirstTokenMs).toBeLessThanOrEqual(answer.totalMs);
  });

  it('records no thinking with think false, and sends a JSON schema as the format', async () => {
    const format = { type: 'object', properties: { pass: { type: 'boolean' } }, required: ['pass'] };
    const answer = await evalChat(createOllamaLink(fake.url), { model: 'llama3', request: { messages, options, think: false }, format }, new AbortController().signal);
    expect(answer.thinking).toBeNull();
    expect(JSON.parse(answer.output)).toEqual({ pass: expect.any(Boolean) });
    expect(fake.requestsTo('/api/chat').at(-1)?.body).toMatchObject({ model: 'llama3', think: false, format, options, stream: true });
  });
});
