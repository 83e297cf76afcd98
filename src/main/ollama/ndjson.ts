import { AppError } from '../../shared/errors';
import { networkReason, stalledError, streamedError, unexpectedReplyError } from './errors';
import { MAX_REPLY_LINE_BYTES, replyLineTooLongError } from './reply-limits';
import type { StallWatchdog } from './stall-watchdog';

/**
 * Reads an NDJSON body (Ollama's streaming answers) one object at a time. Lines may be split
 * across chunks and the last one may lack its newline. A `{"error": …}` line is Ollama failing
 * after the stream began: it becomes an `ollama` AppError with the message kept whole. A body
 * cut off mid-way (Ollama crashed or restarted) and a cancel by the caller each get their own
 * clear error, because the undici errors behind them ("terminated", AbortError) say little.
 * A line longer than the cap (16 MiB) ends the read at once: what came of it is dropped.
 */

export interface NdjsonContext {
  /** Base URL, e.g. `http://127.0.0.1:11434`. */
  host: string;
  /** API path, e.g. `/api/create`. */
  endpoint: string;
  signal?: AbortSignal;
  /** Touched for every chunk; when it fired, a failed read is reported as a stall. */
  watchdog?: StallWatchdog;
  /** Default MAX_REPLY_LINE_BYTES. */
  maxLineBytes?: number;
}

export function cancelledError(ctx: NdjsonContext): AppError {
  return new AppError('cancelled', `Cancelled: ${ctx.endpoint} on ${ctx.host}`);
}

/** The connection closed before Ollama finished its answer. */
export function connectionLostError(ctx: NdjsonContext, error?: unknown): AppError {
  // Words, not undici's codes: "connection closed", never "UND_ERR_SOCKET".
  const reason = networkReason(error);
  return new AppError(
    'offline',
    `The connection to Ollama at ${ctx.host} was lost during ${ctx.endpoint}, before it finished${reason ? ` (${reason})` : ''}. Check that Ollama is still running, then try again.`,
  );
}

function parseLine(line: string, ctx: NdjsonContext): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    throw unexpectedReplyError(ctx.endpoint, `a streamed line is not JSON: ${shown}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unexpectedReplyError(ctx.endpoint, `a streamed line is not a JSON object: ${line.slice(0, 200)}`);
  }
  const object = value as Record<string, unknown>;
  if (typeof object.error === 'string') throw streamedError(ctx.endpoint, object.error);
  return object;
}

/** The bytes of one line, joined only once the line is complete (a huge line costs no re-scans). */
class LineBuffer {
  private parts: Uint8Array[] = [];
  size = 0;

  add(part: Uint8Array): void {
    if (part.byteLength === 0) return;
    this.parts.push(part);
    this.size += part.byteLength;
  }

  take(): string {
    // Most lines sit inside one chunk: decoded in place, without a copy.
    const only = this.parts.length === 1 ? this.parts[0] : undefined;
    const text = only ? Buffer.from(only.buffer, only.byteOffset, only.byteLength).toString('utf8') : Buffer.concat(this.parts, this.size).toString('utf8');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

const NEWLINE = 0x0a;

export async function* readNdjson(body: ReadableStream<Uint8Array>, ctx: NdjsonContext): AsyncGenerator<Record<string, unknown>> {
  const reader = body.getReader();
  const maxLine = ctx.maxLineBytes ?? MAX_REPLY_LINE_BYTES;
  const line = new LineBuffer();
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      // Only time spent waiting on Ollama counts as its silence, not time the consumer took.
      ctx.watchdog?.touch();
      try {
        chunk = await reader.read();
      } catch (error) {
        if (ctx.watchdog?.stalled) throw stalledError(ctx, ctx.watchdog.limitMs);
        if (ctx.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw cancelledError(ctx);
        throw connectionLostError(ctx, error);
      }
      if (chunk.done) break;
      ctx.watchdog?.touch();
      const bytes = chunk.value;
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
        if (line.size + (end - start) > maxLine) throw replyLineTooLongError(ctx.host, ctx.endpoint, maxLine);
        line.add(bytes.subarray(start, end));
        start = end + 1;
        const text = line.take().trim();
        if (text === '') continue;
        const object = parseLine(text, ctx);
        // However long the consumer holds a line is not Ollama's silence.
        ctx.watchdog?.pause();
        yield object;
        ctx.watchdog?.resume();
      }
      // Checked before keeping the rest, so no more than the limit (plus one chunk) is ever held.
      if (line.size + (bytes.byteLength - start) > maxLine) throw replyLineTooLongError(ctx.host, ctx.endpoint, maxLine);
      line.add(bytes.subarray(start));
    }
    const last = line.take().trim();
    if (last !== '') {
      const object = parseLine(last, ctx);
      ctx.watchdog?.pause();
      yield object;
    }
    finished = true;
  } finally {
    // Stopped early (error, cancel, or the consumer broke off): release the connection.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
