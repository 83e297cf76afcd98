import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOllamaGateway } from '../../src/main/ollama/gateway';
import { streamPull } from '../../src/main/ollama/pull-stream';
import { MAX_REPLY_LINE_BYTES } from '../../src/main/ollama/reply-limits';
import type { AppError } from '../../src/shared/errors';
import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_30B } from '../support/fake-ollama/index';
import { V1, createAndWait, entryOf, startWorld, type World } from './create-fixtures';

/**
 * Issue 9.8: Ollama's replies are bounded. A reply line (or a whole JSON body) over 16 MiB ends
 * the request at once with a clear reason, holding no more than the cap; a malformed reply is an
 * error that changes no status and does not show Ollama online.
 */

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const MiB = 1024 * 1024;
/** Memory that can hold a reply: the JS heap plus Buffers and ArrayBuffers outside it. */
const held = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('a reply line over the cap', () => {
  it('fails a pull on a 100 MB line with no newline in seconds (not minutes), holding about the cap', async () => {
    world = await startWorld({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B] });
    world.fake.hugeLineNext({ path: '/api/pull', bytes: 100 * 1000 * 1000 });
    global.gc?.();
    const before = held();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, held())), 5);
    const started = performance.now();
    const error = await failure(drain(streamPull(world.fake.url, 'qwen3:30b')));
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, held());

    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/sent a reply line over 16 MiB during \/api\/pull, so Modelwright stopped reading it\. .*check that the host in Settings is really Ollama/);
    expect(elapsed).toBeLessThan(5_000);
    const growth = (peak - before) / MiB;
    console.log(`[figures] 100 MB line: failed after ${Math.round(elapsed)} ms, peak memory growth ${growth.toFixed(1)} MiB (cap ${MAX_REPLY_LINE_BYTES / MiB} MiB)`);
    expect(growth).toBeLessThan(3 * (MAX_REPLY_LINE_BYTES / MiB));
    // The line is dropped at the cap: the connection is closed long before 100 MB went out.
    await vi.waitFor(() => expect(world?.fake.lastRequest('/api/pull')?.cancelled).toBe(true));
  });

  it('fails the create job with the reason, and the model is marked failed with it', async () => {
    world = await startWorld({ models: [LLAMA3] });
    world.fake.hugeLineNext({ path: '/api/create', bytes: 20 * MiB });
    const job = await createAndWait(world, V1);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/sent a reply line over 16 MiB during \/api\/create/);
    expect(entryOf(world, V1)).toMatchObject({ status: 'failed', failure_reason: job.error });
  });

  it('fails a chat reply with the reason', async () => {
    world = await startWorld({ models: [LLAMA3] });
    world.fake.hugeLineNext({ path: '/api/chat', bytes: 20 * MiB });
    const events = await drain(
      world.services.chat.chatProxy.stream({ model: 'llama3', messages: [{ role: 'user', content: 'hi' }] }, new AbortController().signal),
    ).catch((error: unknown) => error as AppError);
    expect(events).toMatchObject({ kind: 'ollama', message: expect.stringMatching(/reply line over 16 MiB during \/api\/chat/) });
  });

  it('fails a streamed line that is not JSON with what it was', async () => {
    world = await startWorld({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B] });
    world.fake.garbageNext({ path: '/api/pull', afterLines: 1, text: '<html>502 Bad Gateway</html>' });
    const error = await failure(drain(streamPull(world.fake.url, 'qwen3:30b')));
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/unexpected reply to \/api\/pull: a streamed line is not JSON: <html>502 Bad Gateway<\/html>/);
  });
});

describe('a whole JSON reply over the cap', () => {
  it('fails /api/tags on a 40 MB body fast, without reading it all', async () => {
    world = await startWorld({ models: [LLAMA3] });
    world.fake.hugeLineNext({ path: '/api/tags', bytes: 40 * MiB });
    const started = performance.now();
    const error = await failure(createOllamaGateway(world.fake.url, { timeoutMs: 10_000 }).list());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/sent a reply over 16 MiB to \/api\/tags/);
  });
});

describe('a malformed reply from /api/tags', () => {
  it('{"models": null} is an error: no status changes and Ollama is not shown online', async () => {
    world = await startWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    expect(entryOf(world, V1)?.status).toBe('available');
    world.fake.replyNext({ path: '/api/tags', body: '{"models":null}' });
    const state = await world.services.session().sync.syncNow();
    expect(state.connection.status).toBe('error');
    expect(state.connection.message).toMatch(/unexpected reply to \/api\/tags: models: .*null/);
    expect(state.changed).toEqual([]);
    expect(entryOf(world, V1)?.status).toBe('available');
  });

  it('a model entry without its name is an error too, not a model called "undefined"', async () => {
    world = await startWorld({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
    world.fake.replyNext({ path: '/api/tags', body: '{"models":[{"size":1,"digest":"x","modified_at":"2024-01-01T00:00:00Z"}]}' });
    const state = await world.services.session().sync.syncNow();
    expect(state.connection.status).toBe('error');
    expect(state.connection.message).toMatch(/models\[0\]\.name/);
    expect(entryOf(world, V1)?.status).toBe('available');
  });
});
