import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../src/main/ollama/ndjson';
import { StallWatchdog } from '../../src/main/ollama/stall-watchdog';
import type { AppError } from '../../src/shared/errors';

/** The NDJSON reader splits on bytes: lines across chunks, multi-byte characters, and the line cap. */

function body(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

const ctx = (maxLineBytes?: number) => ({ host: 'http://127.0.0.1:11434', endpoint: '/api/pull', ...(maxLineBytes ? { maxLineBytes } : {}) });

async function read(stream: ReadableStream<Uint8Array>, maxLineBytes?: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of readNdjson(stream, ctx(maxLineBytes))) out.push(line);
  return out;
}

describe('readNdjson', () => {
  it('joins a line split across chunks, even inside a multi-byte character, and reads a last line without newline', async () => {
    const bytes = new TextEncoder().encode('{"status":"größe ✓"}\n{"status":"end"}');
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of "ö"
    expect(await read(body([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual([{ status: 'größe ✓' }, { status: 'end' }]);
  });

  it('skips blank lines and takes \\r\\n', async () => {
    expect(await read(body(['{"status":"a"}\r\n\r\n', '\n{"status":"b"}\n']))).toEqual([{ status: 'a' }, { status: 'b' }]);
  });

  it('accepts a line of exactly the cap and refuses one byte more, with the reason', async () => {
    const line = (size: number) => `{"status":"${'x'.repeat(size - 13)}"}`;
    expect(line(64)).toHaveLength(64);
    expect(await read(body([`${line(64)}\n`]), 64)).toHaveLength(1);
    const error = (await read(body([line(40), `${'y'.repeat(25)}\n`]), 64).catch((e: unknown) => e)) as AppError;
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/sent a reply line over 64 bytes during \/api\/pull/);
  });

  it('refuses a line over the cap that never ends, without waiting for the end of the body', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(0x78));
      },
    });
    const error = (await read(endless, 10_000).catch((e: unknown) => e)) as AppError;
    expect(error.message).toMatch(/reply line over 10000 bytes/);
    expect(pulled).toBeLessThan(15);
  });

  it('does not count a slow consumer as Ollama going silent', async () => {
    const watchdog = new StallWatchdog({ stallMs: 100, noticeMs: 50 });
    const out: unknown[] = [];
    for await (const line of readNdjson(body(['{"status":"a"}\n{"status":"b"}\n']), { ...ctx(), watchdog })) {
      out.push(line);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    watchdog.stop();
    expect(out).toEqual([{ status: 'a' }, { status: 'b' }]);
    expect(watchdog.stalled).toBe(false);
  });
});
