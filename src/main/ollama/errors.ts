import { AppError } from '../../shared/errors';

/**
 * Turning whatever a call to Ollama threw into an AppError the UI can act on. Shared by the quick
 * calls (gateway) and the streaming ones (create, pull, chat), which all fail the same few ways:
 * nothing listens, it answers too slowly, it answers with an HTTP error, or the caller cancelled.
 */

export interface OllamaCallContext {
  /** Base URL tried, e.g. `http://127.0.0.1:11434`. */
  host: string;
  /** API path, e.g. `/api/tags`. */
  endpoint: string;
  /** The per-call time limit, when there is one. */
  timeoutMs?: number;
  /** True when the call's own time limit fired (as opposed to a cancel by the caller). */
  timedOut?: boolean;
}

/** The npm client's `ResponseError` (not exported by the package): `name` and `status_code`. */
export interface OllamaResponseError extends Error {
  name: 'ResponseError';
  error: string;
  status_code: number;
}

export function isResponseError(error: unknown): error is OllamaResponseError {
  return error instanceof Error && error.name === 'ResponseError' && typeof (error as { status_code?: unknown }).status_code === 'number';
}

/** Socket-level failures that mean "Ollama cannot be reached", with words for the user. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
};

/** Words for the network failure inside an error (never its code), or null when there is none. */
export function networkReason(error: unknown): string | null {
  const code = networkErrorCode(error);
  return code ? (NETWORK_REASONS[code] ?? null) : null;
}

/** The first network error code found in an error, its `cause` chain or an AggregateError. */
export function networkErrorCode(error: unknown, depth = 0): string | null {
  if (depth > 5 || typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in NETWORK_REASONS) return code;
  for (const inner of (error as { errors?: unknown }).errors instanceof Array ? (error as { errors: unknown[] }).errors : []) {
    const found = networkErrorCode(inner, depth + 1);
    if (found) return found;
  }
  return networkErrorCode((error as { cause?: unknown }).cause, depth + 1);
}

const START_HINT = 'Start it with `ollama serve` (or open the Ollama app), or check the host in Settings.';

export function offlineError(host: string, reason: string): AppError {
  return new AppError('offline', `Ollama is not reachable at ${host} (${reason}). ${START_HINT}`);
}

/**
 * A quick call got no answer in time. Nothing tells a host that never accepted the connection
 * from one too busy to answer, so it stays `offline` and the message names both.
 */
export function timeoutError(ctx: OllamaCallContext): AppError {
  const seconds = ctx.timeoutMs !== undefined ? ` within ${Math.round(ctx.timeoutMs / 100) / 10} s` : '';
  return new AppError(
    'offline',
    `Ollama at ${ctx.host} did not answer ${ctx.endpoint}${seconds}: it is not reachable, or too busy to answer. ${START_HINT} If it is running but slow, raise "Quick call timeout" in Settings.`,
  );
}

/**
 * Ollama accepted the request, then sent nothing for `silentMs`. It is reachable (this is not
 * "offline"), so the advice is about a busy or stuck server, and about the limit itself.
 */
export function stalledError(ctx: { host: string; endpoint: string }, silentMs: number): AppError {
  // Whole seconds, except for limits under ten seconds that are not whole (tests, impatient users).
  const seconds = silentMs >= 10_000 ? Math.round(silentMs / 1000) : Math.round(silentMs / 100) / 10;
  return new AppError(
    'stalled',
    `Ollama at ${ctx.host} stopped answering ${ctx.endpoint}: no answer for ${seconds} s, so Modelwright gave up. It may be stuck or overloaded: check Ollama's log and restart it if needed. If a large model is just slow on this machine, raise "Ollama stall timeout" in Settings (or --ollama-stall-timeout).`,
  );
}

/**
 * Ollama's API never redirects; the streaming requests refuse to follow one (redirect: 'error'),
 * so a chat, a create or a pull is never re-sent, prompt and all, to wherever a proxy points.
 */
export function redirectRefusedError(ctx: OllamaCallContext): AppError {
  return new AppError(
    'ollama',
    `${ctx.host} answered ${ctx.endpoint} with a redirect to another address, which Modelwright does not follow. Set the host in Settings to the address Ollama answers on itself (for a proxy that redirects to HTTPS, the https:// address).`,
  );
}

export function unexpectedReplyError(endpoint: string, detail: string): AppError {
  return new AppError(
    'ollama',
    `Ollama sent an unexpected reply to ${endpoint}: ${detail}. Check that the host in Settings is Ollama (not another server or a proxy) and that Ollama is up to date, then try again.`,
  );
}

/** An `{"error": …}` line inside a 200 stream (the npm client throws it as a plain Error). */
export function streamedError(endpoint: string, message: string): AppError {
  return new AppError('ollama', `Ollama reported an error during ${endpoint}: ${message}`);
}

function httpError(error: OllamaResponseError, ctx: OllamaCallContext): AppError {
  const status = error.status_code;
  const message = error.error || error.message;
  if (status === 403) {
    return new AppError(
      'ollama',
      `Ollama at ${ctx.host} refused ${ctx.endpoint} (HTTP 403). It only accepts requests addressed to a local host name; check the host in Settings.`,
    );
  }
  // gin's own 404 for an unknown path, not Ollama saying a model is missing.
  if (status === 404 && message === '404 page not found') {
    return new AppError('ollama', `${ctx.host} has no ${ctx.endpoint} (HTTP 404): is it an Ollama server, and a recent one?`);
  }
  if (status === 404) return new AppError('not_found', message);
  return new AppError('ollama', `Ollama returned an error (HTTP ${status}): ${message}`);
}

function hasCode(error: unknown, code: string, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if ((error as { code?: unknown }).code === code) return true;
  return hasCode((error as { cause?: unknown }).cause, code, depth + 1);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export function toOllamaError(error: unknown, ctx: OllamaCallContext): AppError {
  if (error instanceof AppError) return error;
  if (isResponseError(error)) return httpError(error, ctx);
  if (ctx.timedOut || (error instanceof Error && error.name === 'TimeoutError')) return timeoutError(ctx);
  if (isAbort(error)) return new AppError('cancelled', `Cancelled: ${ctx.endpoint} on ${ctx.host}`);
  // undici's own header/body limits (off on the app's link, but a caller's fetch may have them).
  if (hasCode(error, 'UND_ERR_HEADERS_TIMEOUT') || hasCode(error, 'UND_ERR_BODY_TIMEOUT')) return stalledError(ctx, 300_000);
  const code = networkErrorCode(error);
  if (code) return offlineError(ctx.host, NETWORK_REASONS[code] ?? code);
  // undici says "fetch failed" for every network failure; the cause says which, when it can.
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = (error as { cause?: unknown }).cause;
    // undici's words when a request sent with redirect: 'error' meets one.
    if (cause instanceof Error && cause.message === 'unexpected redirect') return redirectRefusedError(ctx);
    return offlineError(ctx.host, cause instanceof Error ? cause.message : 'network error');
  }
  if (error instanceof SyntaxError) return unexpectedReplyError(ctx.endpoint, `not JSON (${error.message})`);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', `Talking to Ollama (${ctx.endpoint}) failed: ${message}`);
}
