import { request } from 'node:http';

/** Small HTTP helpers for tests that talk to the fake (or any server) without a client library. */

export type Json = Record<string, unknown>;

export function post(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...init });
}

/** All NDJSON lines of a finished response. */
export async function ndjson(response: Response): Promise<Json[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
}

/** Reads NDJSON lines as they arrive; `onLine` returning true stops reading (and aborts). */
export async function readLines(response: Response, onLine: (line: Json, index: number) => boolean | void): Promise<Json[]> {
  const lines: Json[] = [];
  const reader = response.body?.getReader();
  if (!reader) return lines;
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      if (part.trim() === '') continue;
      const line = JSON.parse(part) as Json;
      lines.push(line);
      if (onLine(line, lines.length - 1) === true) {
        // Cancelling closes the connection; it rejects when the caller aborted first, which is fine.
        await reader.cancel().catch(() => undefined);
        return lines;
      }
    }
  }
  if (buffer.trim() !== '') lines.push(JSON.parse(buffer) as Json);
  return lines;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request through node:http, which (unlike fetch) lets a test set any Host header. */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The network error code (ECONNREFUSED, …) behind a failed fetch, or null when it did not fail. */
export async function fetchErrorCode(url: string, init?: RequestInit): Promise<string | null> {
  try {
    await fetch(url, init);
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
}
