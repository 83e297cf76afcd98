import { stalledError, toOllamaError, type OllamaResponseError } from './errors';
import { cancelledError, readNdjson } from './ndjson';
import { defaultOllamaFetch, DEFAULT_OLLAMA_TIMEOUTS } from './ollama-link';
import { toProgressLine, type ProgressLine } from './progress-line';
import { readCappedText } from './reply-limits';
import { StallWatchdog, type StallOptions } from './stall-watchdog';

/**
 * POSTs a JSON body to a streaming Ollama endpoint and yields its NDJSON objects until the
 * stream ends. An HTTP error (Ollama fails before the first line) becomes an AppError with
 * Ollama's own message, through the same mapping the quick calls use. A watchdog runs from the
 * moment the request is sent: Ollama silent for the stall limit (no headers, or no next line)
 * ends the request as stalled; a cancel ends it at once.
 */

export interface StreamOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Default: DEFAULT_OLLAMA_TIMEOUTS' stall and notice limits. */
  stall?: StallOptions;
}

/** Ollama's `{"error": "…"}` body as the npm client's ResponseError, so toOllamaError maps it. */
export function responseError(status: number, bodyText: string, statusText: string): OllamaResponseError {
  let message = bodyText.trim() || statusText || `HTTP ${status}`;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'string') {
      message = (parsed as { error: string }).error;
    }
  } catch {
    // Not JSON (a proxy's HTML page, gin's plain 404): the text itself is the message.
  }
  const error = new Error(message) as OllamaResponseError;
  error.name = 'ResponseError';
  error.error = message;
  error.status_code = status;
  return error;
}

/** A body already written as JSON text, sent as is: a create request's canonical form, the same bytes on every host. */
export class JsonText {
  constructor(readonly text: string) {}
}

export function defaultStall(): StallOptions {
  return { stallMs: DEFAULT_OLLAMA_TIMEOUTS.stallMs, noticeMs: DEFAULT_OLLAMA_TIMEOUTS.noticeMs };
}

/** The caller's signal and the watchdog's, as one (until the watchdog stops). */
export function stopSignal(watchdog: StallWatchdog, signal: AbortSignal | undefined): AbortSignal {
  return watchdog.follow(signal);
}

export async function* postNdjson(host: string, endpoint: string, body: unknown, options: StreamOptions = {}): AsyncGenerator<Record<string, unknown>> {
  const base = host.replace(/\/+$/, '');
  const watchdog = new StallWatchdog(options.stall ?? defaultStall());
  const ctx = { host: base, endpoint, watchdog, ...(options.signal ? { signal: options.signal } : {}) };
  const doFetch = options.fetch ?? defaultOllamaFetch();
  try {
    let response: Response;
    try {
      response = await doFetch(`${base}${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
        body: body instanceof JsonText ? body.text : JSON.stringify(body),
        // Ollama never redirects an API call. Following one would also make undici keep a copy of
        // the body for the re-send (it tees every request that may follow), a cost per chat.
        redirect: 'error',
        signal: stopSignal(watchdog, options.signal),
      });
    } catch (error) {
      if (watchdog.stalled) throw stalledError(ctx, watchdog.limitMs);
      throw options.signal?.aborted ? cancelledError(ctx) : toOllamaError(error, ctx);
    }
    watchdog.touch();
    if (!response.ok || response.body === null) {
      let text = '';
      try {
        text = await readCappedText(response);
      } catch {
        // The body broke off: the status alone still says what failed, unless we cancelled.
        if (watchdog.stalled) throw stalledError(ctx, watchdog.limitMs);
        if (options.signal?.aborted) throw cancelledError(ctx);
      }
      throw toOllamaError(responseError(response.status, text, response.statusText), ctx);
    }
    yield* readNdjson(response.body, ctx);
  } finally {
    watchdog.stop();
  }
}

export async function* postProgressStream(host: string, endpoint: string, body: unknown, options: StreamOptions = {}): AsyncGenerator<ProgressLine> {
  for await (const object of postNdjson(host, endpoint, body, options)) yield toProgressLine(object, endpoint);
}
