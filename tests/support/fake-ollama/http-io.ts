import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Writing answers with the headers Ollama's gin server sends: `c.JSON` → JSON with charset,
 * `c.String` → text with charset, streams → NDJSON, an error before the first streamed line →
 * plain `application/json` (streamResponse sets it before calling c.JSON).
 */

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
export const PLAIN_JSON_CONTENT_TYPE = 'application/json';
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = JSON_CONTENT_TYPE): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: string, contentType = JSON_CONTENT_TYPE): void {
  sendJson(res, status, { error }, contentType);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': TEXT_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** A status with no body at all (gin's `c.Status`, or a handler that writes nothing). */
export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves only when `signal` aborts: a request that never gets an answer. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** A body exactly as given, for faults that imitate a broken server. */
export function sendRaw(res: ServerResponse, status: number, body: string, contentType: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const HUGE_CHUNK = Buffer.alloc(64 * 1024, 'x');

/** One line of `bytes` bytes and no newline, written as fast as the client reads it. */
export async function sendHugeLine(res: ServerResponse, bytes: number, contentType: string, signal: AbortSignal): Promise<void> {
  res.writeHead(200, { 'Content-Type': contentType });
  res.write('{"status":"');
  let left = bytes;
  while (left > 0 && !signal.aborted && !res.destroyed) {
    const chunk = left >= HUGE_CHUNK.length ? HUGE_CHUNK : HUGE_CHUNK.subarray(0, left);
    left -= chunk.length;
    if (!res.write(chunk)) await new Promise<void>((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  }
  if (!res.destroyed) res.end();
}
