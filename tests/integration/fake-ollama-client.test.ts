import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';

/** The `ollama` npm client, which the app uses, must work against the fake as against Ollama. */

let fake: FakeOllama;
let client: Ollama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3], library: [QWEN3_30B] });
  client = new Ollama({ host: fake.url });
});
afterEach(async () => {
  await fake.close();
});

describe('the ollama npm client against the fake', () => {
  it('lists, shows, reads the version and running models', async () => {
    expect((await client.list()).models.map((m) => m.name)).toEqual(['llama3:latest']);
    const show = await client.show({ model: 'llama3' });
    expect(show.template).toBe(LLAMA3.template);
    expect(show.details.family).toBe('llama');
    expect(await client.version()).toEqual({ version: '0.18.0' });
    expect((await client.ps()).models).toEqual([]);
  });

  it('throws a ResponseError with status_code for a missing model', async () => {
    const error = (await client.show({ model: 'nope' }).catch((e: unknown) => e)) as Error & { status_code?: number };
    expect(error.name).toBe('ResponseError');
    expect(error.status_code).toBe(404);
    expect(error.message).toBe("model 'nope:latest' not found");
  });

  it('pulls with progress and ends at success', async () => {
    const stream = await client.pull({ model: 'qwen3:30b', stream: true });
    const statuses: string[] = [];
    for await (const part of stream) statuses.push(part.status);
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses[statuses.length - 1]).toBe('success');
    expect((await client.list()).models.map((m) => m.name)).toContain('qwen3:30b');
  });

  it('throws the streamed error line of a failed pull', async () => {
    const stream = await client.pull({ model: 'nosuch', stream: true });
    const drain = async (): Promise<void> => {
      for await (const part of stream) void part;
    };
    await expect(drain()).rejects.toThrow('pull model manifest: file does not exist');
  });

  it('chats, streaming and not, and can abort a stream', async () => {
    fake.setChat({ text: 'Hello from the fake.' });
    const whole = await client.chat({ model: 'llama3', messages: [{ role: 'user', content: 'hi' }] });
    expect(whole.message.content).toBe('Hello from the fake.');
    expect(whole.done_reason).toBe('stop');

    const stream = await client.chat({ model: 'llama3', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const part of stream) text += part.message.content;
    expect(text).toBe('Hello from the fake.');

    fake.setChat({ text: undefined, tokens: 500, tokensPerSecond: 500 });
    const long = await client.chat({ model: 'llama3', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const read = async (): Promise<number> => {
      let n = 0;
      for await (const part of long) {
        void part;
        if (++n === 3) long.abort();
      }
      return n;
    };
    await expect(read()).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => fake.cancellations.length).toBe(1);
  });

  it('deletes and copies', async () => {
    await client.copy({ source: 'llama3', destination: 'llama3:backup' });
    await client.delete({ model: 'llama3' });
    expect((await client.list()).models.map((m) => m.name)).toEqual(['llama3:backup']);
  });
});
