import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { streamCreate } from '../../src/main/ollama/create-stream';
import { readNdjson } from '../../src/main/ollama/ndjson';
import type { ProgressLine } from '../../src/main/ollama/progress-line';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';

const CTX = { host: 'http://127.0.0.1:1', endpoint: '/api/create' };

function bodyOf(chunks: string[], end: 'close' | Error = 'close'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end === 'close') controller.close();
      else controller.error(end);
    },
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('readNdjson', () => {
  it('reads lines split across chunks, skips blank lines, and takes a last line without a newline', async () => {
    const lines = await collect(readNdjson(bodyOf(['{"status":"pul', 'ling"}\n\n{"sta', 'tus":"a"}\r\n{"status":"b"}']), CTX));
    expect(lines).toEqual([{ status: 'pulling' }, { status: 'a' }, { status: 'b' }]);
  });

  it('keeps multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('{"status":"été"}\n');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, 13));
        c.enqueue(bytes.subarray(13));
        c.close();
      },
    });
    expect(await collect(readNdjson(body, CTX))).toEqual([{ status: 'été' }]);
  });

  it("turns an {\"error\"} line into an ollama error with Ollama's message in full", async () => {
    const message = 'pull model manifest: file does not exist; and a long tail '.repeat(20);
    const error = await failure(collect(readNdjson(bodyOf([`{"status":"pulling manifest"}\n{"error":${JSON.stringify(message)}}\n`]), CTX)));
    expect(error.kind).toBe('ollama');
    expect(error.message).toContain(message);
  });

  it('says the connection was lost when the body breaks off', async () => {
    const error = await failure(collect(readNdjson(bodyOf(['{"status":"a"}\n'], Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } })), CTX)));
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/connection to Ollama at .* was lost during \/api\/create/);
    // In words, not undici's code.
    expect(error.message).toContain('(connection closed)');
    expect(error.message).not.toContain('UND_ERR');
  });

  it('reports a cancel by the caller as cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(collect(readNdjson(bodyOf([], new DOMException('aborted', 'AbortError')), { ...CTX, signal: controller.signal })));
    expect(error.kind).toBe('cancelled');
  });

  it('refuses a line that is not JSON', async () => {
    const error = await failure(collect(readNdjson(bodyOf(['<html>\n']), CTX)));
    expect(error.message).toMatch(/not JSON/);
  });
});

describe('streamCreate against the fake Ollama', () => {
  let fake: FakeOllama;
  afterEach(async () => {
    await fake.close();
  });

  it('reads past the pull\'s mid-stream success to the end of the create', async () => {
    fake = await startFakeOllama({ models: [], library: [QWEN3_30B] });
    const lines = await collect(streamCreate(fake.url, { model: 'me/m:v1', from: 'qwen3:30b', system: 'hi' }));
    const statuses = lines.map((l) => l.status);
    const firstSuccess = statuses.indexOf('success');
    expect(firstSuccess).toBeGreaterThan(0);
    expect(firstSuccess).toBeLessThan(statuses.length - 1);
    expect(statuses.slice(firstSuccess + 1)).toContain('writing manifest');
    expect(statuses[statuses.length - 1]).toBe('success');
    expect(lines.some((l: ProgressLine) => l.digest !== undefined && l.total !== undefined)).toBe(true);
    expect(fake.hasModel('me/m:v1')).toBe(true);
  });

  it("turns an HTTP error before the first line into an error with Ollama's message", async () => {
    fake = await startFakeOllama({ models: [LLAMA3] });
    const error = await failure(collect(streamCreate(fake.url, { model: 'me/m:v1' })));
    expect(error.kind).toBe('ollama');
    expect(error.message).toContain("neither 'from' or 'files' was specified");
    expect(error.message).toContain('400');
  });

  it('fails when Ollama ends the stream with an error line', async () => {
    fake = await startFakeOllama({ models: [LLAMA3] });
    fake.failMidStream({ path: '/api/create', afterLines: 1, error: 'write manifest: no space left on device' });
    const error = await failure(collect(streamCreate(fake.url, { model: 'me/m:v1', from: 'llama3' })));
    expect(error.kind).toBe('ollama');
    expect(error.message).toContain('write manifest: no space left on device');
  });

  it('fails clearly when Ollama drops the connection mid-stream', async () => {
    fake = await startFakeOllama({ models: [LLAMA3] });
    fake.dropNext({ path: '/api/create', afterLines: 1 });
    const error = await failure(collect(streamCreate(fake.url, { model: 'me/m:v1', from: 'llama3' })));
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/was lost during \/api\/create/);
  });

  it('aborts the request at once on cancel', async () => {
    fake = await startFakeOllama({ models: [LLAMA3] });
    fake.hangNext({ path: '/api/create', afterLines: 1 });
    const controller = new AbortController();
    const seen: ProgressLine[] = [];
    const error = await failure(
      (async () => {
        for await (const line of streamCreate(fake.url, { model: 'me/m:v1', from: 'llama3' }, { signal: controller.signal })) {
          seen.push(line);
          controller.abort();
        }
      })(),
    );
    expect(seen).toHaveLength(1);
    expect(error.kind).toBe('cancelled');
  });

  it('is offline when nothing listens', async () => {
    fake = await startFakeOllama();
    await fake.setOffline(true);
    const error = await failure(collect(streamCreate(fake.url, { model: 'me/m:v1', from: 'llama3' })));
    expect(error.kind).toBe('offline');
  });
});

describe('streamCreate against a server that ends early', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('does not call a stream that ends without success a success', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.end('{"status":"pulling manifest"}\n{"status":"success"}\n{"status":"writing manifest"}\n');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const error = await failure(collect(streamCreate(`http://127.0.0.1:${port}`, { model: 'm', from: 'x' })));
    expect(error.message).toMatch(/ended without "success"/);
  });
});
