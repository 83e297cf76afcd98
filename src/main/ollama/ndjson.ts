import { AppError } from '../../shared/errors';
import { networkReason, streamedError, unexpectedReplyError } from './errors';

/**
 * Reads an NDJSON body (Ollama's streaming answers) one object at a time. Lines may be split
 * across chunks and the last one may lack its newline. A `{"error": …}` line is Ollama failing
 * after the stream began: it becomes an `ollama` AppError with the message kept whole. A body
 * cut off mid-way (Ollama crashed or restarted) and a cancel by the caller each get their own
 * clear error, because the undici errors behind them ("terminated", AbortError) say little.
 */

export interface NdjsonContext {
  /** Base URL, e.g. `http://127.0.0.1:11434`. */
  host: string;
  /** API path, e.g. `/api/create`. */
  endpoint: string;
  signal?: AbortSignal;
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

export async function* readNdjson(body: ReadableStream<Uint8Array>, ctx: NdjsonContext): AsyncGenerator<Record<string, unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (ctx.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) throw cancelledError(ctx);
        throw connectionLostError(ctx, error);
      }
      if (chunk.done) break;
      pending += decoder.decode(chunk.value, { stream: true });
      let start = 0;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        const line = pending.slice(start, end).trim();
        start = end + 1;
        if (line !== '') yield parseLine(line, ctx);
      }
      pending = pending.slice(start);
    }
    const last = (pending + decoder.decode()).trim();
    if (last !== '') yield parseLine(last, ctx);
    finished = true;
  } finally {
    // Stopped early (error, cancel, or the consumer broke off): release the connection.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
