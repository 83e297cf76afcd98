import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { chatErrorOf } from '../../src/main/chat/chat-errors';
import { DeltaBatcher, type BatcherClock } from '../../src/main/chat/delta-batcher';
import { streamOllamaChat, type ChatStreamEvent } from '../../src/main/chat/ollama-chat';
import { measuredTimings, timingsFromStats } from '../../src/main/chat/timings';
import { seedRegistry } from '../integration/http-fixtures';

/** A fetch answering with the given body chunks (split anywhere), or an HTTP error. */
function fakeFetch(chunks: string[], status = 200): typeof fetch {
  return (async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status, headers: { 'Content-Type': status === 200 ? 'application/x-ndjson' : 'application/json' } });
  }) as typeof fetch;
}

async function collect(chunks: string[], status = 200): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  const stream = streamOllamaChat('http://127.0.0.1:11434', { model: 'llama3', messages: [] }, { signal: new AbortController().signal, fetch: fakeFetch(chunks, status) });
  for await (const event of stream) events.push(event);
  return events;
}

const line = (content: string) => `${JSON.stringify({ model: 'llama3', message: { role: 'assistant', content }, done: false })}\n`;
const final = `${JSON.stringify({
  model: 'llama3',
  message: { role: 'assistant', content: '' },
  done: true,
  done_reason: 'stop',
  total_duration: 2_000_000_000,
  load_duration: 500_000_000,
  prompt_eval_count: 12,
  prompt_eval_duration: 100_000_000,
  eval_count: 50,
  eval_duration: 1_000_000_000,
})}\n`;

describe('reading /api/chat streams', () => {
  it('yields each token, even when lines are split across chunks, then the final metrics', async () => {
    const text = line('Hel') + line('lo') + final;
    const events = await collect([text.slice(0, 30), text.slice(30, 95), text.slice(95)]);
    expect(events).toEqual([
      { type: 'delta', text: 'Hel' },
      { type: 'delta', text: 'lo' },
      {
        type: 'done',
        stats: {
          doneReason: 'stop',
          totalDuration: 2_000_000_000,
          loadDuration: 500_000_000,
          promptEvalCount: 12,
          promptEvalDuration: 100_000_000,
          evalCount: 50,
          evalDuration: 1_000_000_000,
        },
      },
    ]);
  });

  it('turns a late {"error"} line into an error after the tokens before it', async () => {
    const events: ChatStreamEvent[] = [];
    const error = await (async () => {
      const stream = streamOllamaChat('http://127.0.0.1:11434', { model: 'llama3', messages: [] }, {
        signal: new AbortController().signal,
        fetch: fakeFetch([line('Par'), '{"error":"model runner has unexpectedly stopped"}\n']),
      });
      for await (const event of stream) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toEqual([{ type: 'delta', text: 'Par' }]);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'ollama', message: expect.stringContaining('model runner has unexpectedly stopped') });
  });

  it('turns a 404 before the stream into not_found with Ollama’s message', async () => {
    const error = await collect(['{"error":"model \'pm:v2\' not found"}'], 404).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', message: "model 'pm:v2' not found" });
  });

  it('treats a stream that ends without its final chunk as a failure', async () => {
    const error = await collect([line('cut')]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'ollama', message: expect.stringContaining('ended before the final chunk') });
  });

  it('rejects a line of the wrong shape, naming the field', async () => {
    const error = await collect(['{"message":{"content":42},"done":false}\n']).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'ollama', message: expect.stringContaining('message.content') });
  });
});

describe('timings', () => {
  it('computes tokens per second, time to first token and total from the final chunk', () => {
    const t = timingsFromStats(
      { doneReason: 'stop', totalDuration: 2e9, loadDuration: 5e8, promptEvalCount: 12, promptEvalDuration: 1e8, evalCount: 50, evalDuration: 1e9 },
      999,
    );
    expect(t).toEqual({ tokensPerSecond: 50, timeToFirstTokenMs: 600, totalMs: 2000, evalCount: 50, promptEvalCount: 12, source: 'ollama' });
  });

  it('falls back to the measured first token when the chunk lacks load and prompt durations', () => {
    const t = timingsFromStats({ doneReason: 'stop', totalDuration: null, loadDuration: null, promptEvalCount: null, promptEvalDuration: null, evalCount: null, evalDuration: null }, 42);
    expect(t).toMatchObject({ tokensPerSecond: null, timeToFirstTokenMs: 42, totalMs: null });
  });

  it('times a stopped reply itself', () => {
    expect(measuredTimings({ startedAt: 1000, firstTokenAt: 1200, endedAt: 2200, tokens: 11 })).toEqual({
      tokensPerSecond: 10,
      timeToFirstTokenMs: 200,
      totalMs: 1200,
      evalCount: 11,
      promptEvalCount: null,
      source: 'measured',
    });
  });
});

class ManualClock implements BatcherClock {
  time = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.fn();
  }
}

describe('batching deltas per frame', () => {
  it('sends the first token at once, then what arrives within a frame as one event', () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16, clock);
    batcher.push('A');
    expect(sent).toEqual(['A']);
    clock.advance(2);
    batcher.push('b');
    clock.advance(3);
    batcher.push('c');
    expect(sent).toEqual(['A']);
    clock.advance(11);
    expect(sent).toEqual(['A', 'bc']);
  });

  it('sends a token after a quiet frame at once again', () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16, clock);
    batcher.push('A');
    clock.advance(100);
    batcher.push('B');
    expect(sent).toEqual(['A', 'B']);
  });

  it('flushes what is pending when the stream ends, and nothing twice', () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), 16, clock);
    batcher.push('A');
    batcher.push('b');
    batcher.flush();
    clock.advance(50);
    batcher.flush();
    expect(sent).toEqual(['A', 'b']);
  });
});

describe('saying what fixes a failed reply', () => {
  const registry = seedRegistry();

  it('offers Create for a registry model Ollama lacks, by its display name', () => {
    expect(chatErrorOf(new AppError('not_found', "model 'x' not found"), 'peteollama:property-manager-v2', registry)).toMatchObject({
      fix: 'create',
      model: 'peteollama:property-manager-v2',
      message: expect.stringMatching(/^PeteOllama Property Manager v2 is not built yet/),
    });
  });

  it('finds the registry model the way Ollama matches names', () => {
    expect(chatErrorOf(new AppError('not_found', 'x'), 'PeteOllama:Property-Manager-V2', registry)).toMatchObject({ fix: 'create', model: 'peteollama:property-manager-v2' });
  });

  it('offers Pull for a model the registry does not know', () => {
    expect(chatErrorOf(new AppError('not_found', 'x'), 'qwen3:4b', registry)).toMatchObject({ fix: 'pull', model: 'qwen3:4b' });
  });

  it('keeps Ollama’s own message for other failures, with no fix', () => {
    expect(chatErrorOf(new AppError('ollama', 'Ollama returned an error (HTTP 503): server busy'), 'm', registry)).toEqual({
      kind: 'ollama',
      message: 'Ollama returned an error (HTTP 503): server busy',
      fix: null,
      model: null,
    });
  });
});
