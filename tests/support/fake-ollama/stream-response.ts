import type { Exchange } from './exchange';
import { NDJSON_CONTENT_TYPE, PLAIN_JSON_CONTENT_TYPE, sendError, sendJson, untilAborted } from './http-io';

/**
 * Ollama's `streamResponse` and `waitForStream` (server/routes.go): handlers produce progress
 * objects or errors; the first error ends the answer, as a real HTTP status when nothing was
 * written yet and as a last `{"error":…}` line on the 200 stream otherwise. Mid-stream faults
 * (fail, hang, drop, garbage after N lines) are applied here, so every streaming endpoint honours them.
 */

export class StreamFailure {
  constructor(
    readonly error: string,
    /** Ollama's `"status"` in the error: used only while nothing was written; 500 when absent. */
    readonly status?: number,
  ) {}
}

export type StreamItem = Record<string, unknown> | StreamFailure;

/** Applies the exchange's mid-stream fault if `written` lines have gone out; true when the answer is over. */
async function midStreamFault(ex: Exchange, written: number, streaming: boolean): Promise<boolean> {
  const fault = ex.fault;
  if (!fault || fault.kind === 'fail' || fault.kind === 'huge-line' || fault.kind === 'reply') return false;
  const after = fault.afterLines;
  if (after === undefined || after !== written) return false;
  ex.fault = undefined;
  if (fault.kind === 'garbage') {
    if (!ex.res.headersSent) ex.res.writeHead(200, { 'Content-Type': NDJSON_CONTENT_TYPE });
    ex.res.end(`${fault.text}\n`);
  } else if (fault.kind === 'fail-mid-stream') {
    if (streaming && ex.res.headersSent) {
      ex.res.end(`${JSON.stringify({ error: fault.error })}\n`);
    } else {
      sendError(ex.res, 500, fault.error, PLAIN_JSON_CONTENT_TYPE);
    }
  } else if (fault.kind === 'drop') {
    ex.closedByServer = true;
    ex.res.socket?.destroy();
  } else {
    await untilAborted(ex.signal);
  }
  return true;
}

export async function streamResponse(ex: Exchange, items: AsyncIterable<StreamItem>): Promise<void> {
  const { res, record } = ex;
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (ex.signal.aborted) return;
      const next = await iterator.next();
      if (ex.signal.aborted) return;
      if (next.done) break;
      if (await midStreamFault(ex, record.lines, true)) return;
      const item = next.value;
      if (item instanceof StreamFailure) {
        if (!res.headersSent) {
          sendError(res, item.status ?? 500, item.error, PLAIN_JSON_CONTENT_TYPE);
        } else {
          res.end(`${JSON.stringify({ error: item.error })}\n`);
        }
        return;
      }
      if (!res.headersSent) {
        res.writeHead(200, { 'Content-Type': NDJSON_CONTENT_TYPE });
        record.status = 200;
      }
      // Wait until the line is handed to the socket, as Go flushes each line: a drop after N
      // lines must not discard lines still sitting in Node's buffer.
      await new Promise<void>((resolve) => res.write(`${JSON.stringify(item)}\n`, () => resolve()));
      record.lines++;
    }
    if (!res.headersSent) res.writeHead(200, { 'Content-Type': NDJSON_CONTENT_TYPE });
    res.end();
  } finally {
    await iterator.return?.();
  }
}

/**
 * `"stream": false`: consume everything, answer once. `finish` turns the items into the body
 * (the last progress object by default, as waitForStream does).
 */
export async function waitForStream(
  ex: Exchange,
  items: AsyncIterable<StreamItem>,
  finish: (items: Array<Record<string, unknown>>) => unknown = (all) => all[all.length - 1] ?? { status: '' },
  contentType = PLAIN_JSON_CONTENT_TYPE,
): Promise<void> {
  const collected: Array<Record<string, unknown>> = [];
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (ex.signal.aborted) return;
      const next = await iterator.next();
      if (ex.signal.aborted) return;
      if (next.done) break;
      if (await midStreamFault(ex, collected.length, false)) return;
      if (next.value instanceof StreamFailure) {
        sendError(ex.res, next.value.status ?? 500, next.value.error, contentType);
        return;
      }
      collected.push(next.value);
    }
    sendJson(ex.res, 200, finish(collected), contentType);
  } finally {
    await iterator.return?.();
  }
}

/** Streams or waits depending on the request's `stream` field (true unless explicitly false). */
export function respond(
  ex: Exchange,
  stream: unknown,
  items: AsyncIterable<StreamItem>,
  finish?: (items: Array<Record<string, unknown>>) => unknown,
  contentType?: string,
): Promise<void> {
  return stream === false ? waitForStream(ex, items, finish, contentType) : streamResponse(ex, items);
}
