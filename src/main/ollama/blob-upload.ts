import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import { blobPath } from './blob-digest';
import { stalledError, toOllamaError } from './errors';
import { cancelledError } from './ndjson';
import { FILE_CHUNK_BYTES, sha256OfFile, type BytesProgress } from './file-sha256';
import { defaultOllamaFetch, DEFAULT_OLLAMA_TIMEOUTS, headersAddedBy } from './ollama-link';
import { readCappedText } from './reply-limits';
import { StallWatchdog, type StallOptions } from './stall-watchdog';
import { defaultStall, responseError, stopSignal } from './stream-request';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * Local weights and adapters reach Ollama as blobs, the way its CLI sends them: hash the file,
 * `HEAD /api/blobs/<digest>`, and `POST` the bytes only when Ollama answers 404. The bytes are
 * streamed from the file a chunk at a time (never read whole), with progress per chunk.
 * The HEAD goes through fetch; the upload through node:http (see postFile).
 */

export interface BlobOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Default: DEFAULT_OLLAMA_TIMEOUTS' stall and notice limits. */
  stall?: StallOptions;
  /** Limit for connecting (the upload goes through node:http, not the link's fetch); default DEFAULT_OLLAMA_TIMEOUTS'. */
  connectMs?: number;
}

/** Enough of an error reply to show Ollama's message; the rest is not kept. */
const MAX_REPLY_TEXT_BYTES = 64 * 1024;

export interface EnsureBlobProgress {
  phase: 'hashing' | 'uploading';
  bytes: number;
  total: number;
  /** Known once hashing is done. */
  digest: string | null;
}

export interface EnsuredBlob {
  digest: string;
  size: number;
  /** False when Ollama had the blob already and nothing was sent. */
  uploaded: boolean;
}

function contextOf(host: string, digest: string, options: BlobOptions) {
  return { host, endpoint: blobPath(digest), ...(options.signal ? { signal: options.signal } : {}) };
}

async function send(host: string, digest: string, init: RequestInit, options: BlobOptions): Promise<Response> {
  const ctx = contextOf(host, digest, options);
  const watchdog = new StallWatchdog(options.stall ?? defaultStall());
  try {
    return await (options.fetch ?? defaultOllamaFetch())(`${host.replace(/\/+$/, '')}${ctx.endpoint}`, {
      ...init,
      signal: stopSignal(watchdog, options.signal),
    });
  } catch (error) {
    if (watchdog.stalled) throw stalledError(ctx, watchdog.limitMs);
    throw options.signal?.aborted ? cancelledError(ctx) : toOllamaError(error, ctx);
  } finally {
    watchdog.stop();
  }
}

async function failure(response: Response, host: string, digest: string, options: BlobOptions): Promise<AppError> {
  const text = await readCappedText(response, MAX_REPLY_TEXT_BYTES).catch(() => '');
  return toOllamaError(responseError(response.status, text, response.statusText), contextOf(host, digest, options));
}


/** Whether Ollama has the blob: HEAD answers 200 or 404. */
export async function blobExists(host: string, digest: string, options: BlobOptions = {}): Promise<boolean> {
  const response = await send(host, digest, { method: 'HEAD' }, options);
  if (response.status === 200) return true;
  if (response.status === 404) return false;
  throw await failure(response, host, digest, options);
}

interface PostReply {
  status: number;
  statusText: string;
  text: string;
}

/**
 * POSTs a file with node:http rather than fetch: undici's fetch kept every chunk of a streamed
 * request body alive until the request ended (a 1 GiB upload grew the process by 1 GiB), while a
 * stream pipeline holds one chunk at a time and waits for the socket to drain. The watchdog is
 * touched by every chunk that goes out and every byte that comes back: an Ollama that stops
 * reading, or never answers once it has everything, ends the upload as stalled.
 */
function postFile(
  url: URL,
  file: string,
  options: { signal?: AbortSignal; onProgress?: BytesProgress; watchdog: StallWatchdog; connectMs?: number; fetch?: typeof fetch },
): Promise<PostReply> {
  const { watchdog } = options;
  const connectMs = options.connectMs ?? DEFAULT_OLLAMA_TIMEOUTS.connectMs;
  return new Promise<PostReply>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(
      url,
      // The link's own headers (a host's bearer token) ride along, as they do on its fetch.
      { method: 'POST', headers: { ...headersAddedBy(options.fetch), 'Content-Type': 'application/octet-stream' }, signal: stopSignal(watchdog, options.signal) },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          watchdog.touch();
          if (kept >= MAX_REPLY_TEXT_BYTES) return;
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () => settle(() => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', (error) => settle(() => reject(error)));
      },
    );
    req.on('error', (error) => settle(() => reject(error)));
    // The same connect limit as the link's fetch: a host that never accepts is offline, not stalled.
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => req.destroy(Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' })), connectMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    const source = createReadStream(file, { highWaterMark: FILE_CHUNK_BYTES });
    let sent = 0;
    source.on('data', (chunk) => {
      watchdog.touch();
      sent += chunk.length;
      options.onProgress?.(sent);
    });
    // Ollama may answer before reading everything (it already had the blob): the reply counts,
    // not the broken pipe that follows it.
    pipeline(source, req).catch((error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))));
  });
}

/** POSTs a file's bytes as the blob `digest`; Ollama checks the digest and refuses a mismatch. */
export async function uploadBlob(host: string, path: string, digest: string, options: BlobOptions & { onProgress?: BytesProgress } = {}): Promise<void> {
  const ctx = contextOf(host, digest, options);
  const watchdog = new StallWatchdog(options.stall ?? defaultStall());
  let reply: PostReply;
  try {
    reply = await postFile(new URL(`${host.replace(/\/+$/, '')}${ctx.endpoint}`), path, { ...options, watchdog });
  } catch (error) {
    if (watchdog.stalled) throw stalledError(ctx, watchdog.limitMs);
    if (options.signal?.aborted) throw cancelledError(ctx);
    if ((error as NodeJS.ErrnoException).syscall === 'open' || (error as NodeJS.ErrnoException).path === path) {
      throw new AppError('validation', `Cannot read ${path}: ${fileErrorReason(error)}.`);
    }
    throw toOllamaError(error, ctx);
  } finally {
    watchdog.stop();
  }
  if (reply.status !== 200 && reply.status !== 201) throw toOllamaError(responseError(reply.status, reply.text, reply.statusText), ctx);
}

/** Hashes the file, then uploads it unless Ollama has that blob already. */
export async function ensureBlob(
  host: string,
  path: string,
  options: BlobOptions & { onProgress?: (progress: EnsureBlobProgress) => void } = {},
): Promise<EnsuredBlob> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new AppError('validation', `Cannot read ${path}: ${fileErrorReason(error)}.`);
  }
  const report = (phase: EnsureBlobProgress['phase'], digest: string | null) => (bytes: number) =>
    options.onProgress?.({ phase, bytes, total: size, digest });
  const digest = await sha256OfFile(path, { ...(options.signal ? { signal: options.signal } : {}), onProgress: report('hashing', null) });
  if (await blobExists(host, digest, options)) return { digest, size, uploaded: false };
  await uploadBlob(host, path, digest, { ...options, onProgress: report('uploading', digest) });
  return { digest, size, uploaded: true };
}
