import { toOllamaError, type OllamaResponseError } from './errors';
import { cancelledError, readNdjson } from './ndjson';
import { toProgressLine, type ProgressLine } from './progress-line';

/**
 * POSTs a JSON body to a streaming Ollama endpoint and yields its progress lines until the
 * stream ends. An HTTP error (Ollama fails before the first line) becomes an AppError with
 * Ollama's own message, through the same mapping the quick calls use.
 */

export interface StreamOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
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

export async function* postProgressStream(host: string, endpoint: string, body: unknown, options: StreamOptions = {}): AsyncGenerator<ProgressLine> {
  const base = host.replace(/\/+$/, '');
  const ctx = { host: base, endpoint, ...(options.signal ? { signal: options.signal } : {}) };
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(`${base}${endpoint}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw options.signal?.aborted ? cancelledError(ctx) : toOllamaError(error, ctx);
  }
  if (!response.ok || response.body === null) {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The body broke off: the status alone still says what failed, unless we cancelled.
      if (options.signal?.aborted) throw cancelledError(ctx);
    }
    throw toOllamaError(responseError(response.status, text, response.statusText), ctx);
  }
  for await (const object of readNdjson(response.body, ctx)) yield toProgressLine(object, endpoint);
}
