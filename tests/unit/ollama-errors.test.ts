import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { isResponseError, networkErrorCode, streamedError, toOllamaError } from '../../src/main/ollama/errors';

const ctx = { host: 'http://127.0.0.1:11434', endpoint: '/api/tags', timeoutMs: 5000 };

/** What the npm client throws for an HTTP error (its class is not exported). */
function responseError(message: string, status: number): Error {
  return Object.assign(new Error(message), { name: 'ResponseError', error: message, status_code: status });
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('toOllamaError', () => {
  it('passes an AppError through unchanged', () => {
    const original = new AppError('validation', 'x');
    expect(toOllamaError(original, ctx)).toBe(original);
  });

  it('maps ECONNREFUSED, also when nested in an AggregateError (IPv4 and IPv6 both tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' });
    const direct = toOllamaError(fetchFailed(refused), ctx);
    expect(direct.kind).toBe('offline');
    expect(direct.message).toBe(
      'Ollama is not reachable at http://127.0.0.1:11434 (connection refused). Start it with `ollama serve` (or open the Ollama app), or check the host in Settings.',
    );
    const nested = toOllamaError(fetchFailed(new AggregateError([refused, refused])), ctx);
    expect(nested.kind).toBe('offline');
    expect(nested.message).toContain('connection refused');
  });

  it('maps DNS failures and resets to offline with their own words', () => {
    expect(toOllamaError(fetchFailed(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' })), ctx).message).toContain('host name not found');
    expect(toOllamaError(fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), ctx).message).toContain(
      'connection closed',
    );
  });

  it('maps an unexplained "fetch failed" to offline with the cause’s message', () => {
    const error = toOllamaError(fetchFailed(new Error('bad port')), ctx);
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('(bad port)');
  });

  it('maps the call’s own timeout to offline, saying how long it waited', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const error = toOllamaError(timeout, ctx);
    expect(error.kind).toBe('offline');
    expect(error.message).toBe(
      'Ollama at http://127.0.0.1:11434 did not answer /api/tags within 5 s: it is not reachable, or too busy to answer. Start it with `ollama serve` (or open the Ollama app), or check the host in Settings. If it is running but slow, raise "Quick call timeout" in Settings.',
    );
    expect(toOllamaError(new DOMException('aborted', 'AbortError'), { ...ctx, timedOut: true }).kind).toBe('offline');
  });

  it("maps undici's own header and body time limits to stalled, never to not reachable", () => {
    for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
      const error = toOllamaError(fetchFailed(Object.assign(new Error('Headers Timeout Error'), { code })), ctx);
      expect(error.kind).toBe('stalled');
      expect(error.message).toMatch(/^Ollama at http:\/\/127\.0\.0\.1:11434 stopped answering \/api\/tags: no answer for 300 s/);
      expect(error.message).not.toMatch(/not reachable|UND_ERR/);
    }
  });

  it('maps an abort by the caller to cancelled', () => {
    expect(toOllamaError(new DOMException('This operation was aborted', 'AbortError'), ctx).kind).toBe('cancelled');
  });

  it('maps HTTP 404 to not_found with Ollama’s message, and other statuses to ollama', () => {
    expect(toOllamaError(responseError("model 'x:latest' not found", 404), ctx).toData()).toEqual({
      kind: 'not_found',
      message: "model 'x:latest' not found",
    });
    expect(toOllamaError(responseError('server busy', 503), ctx).toData()).toEqual({
      kind: 'ollama',
      message: 'Ollama returned an error (HTTP 503): server busy',
    });
  });

  it('maps a body that is not JSON to an unexpected-reply error', () => {
    const error = toOllamaError(new SyntaxError('Unexpected token < in JSON'), ctx);
    expect(error.kind).toBe('ollama');
    expect(error.message).toMatch(/^Ollama sent an unexpected reply to \/api\/tags: not JSON \(Unexpected token < in JSON\)\. Check that the host in Settings is Ollama/);
  });

  it('keeps anything else as internal, naming the endpoint', () => {
    const error = toOllamaError(new RangeError('weird'), ctx);
    expect(error.kind).toBe('internal');
    expect(error.message).toContain('/api/tags');
  });
});

describe('helpers', () => {
  it('recognises the npm client’s ResponseError by name and status_code only', () => {
    expect(isResponseError(responseError('x', 500))).toBe(true);
    expect(isResponseError(Object.assign(new Error('x'), { name: 'ResponseError' }))).toBe(false);
    expect(isResponseError({ name: 'ResponseError', status_code: 500 })).toBe(false);
  });

  it('finds a network code deep in a cause chain, and none where there is none', () => {
    const deep = new Error('a', { cause: new Error('b', { cause: Object.assign(new Error('c'), { code: 'EHOSTUNREACH' }) }) });
    expect(networkErrorCode(deep)).toBe('EHOSTUNREACH');
    expect(networkErrorCode(new Error('plain'))).toBeNull();
  });

  it('words a streamed error line as an ollama error', () => {
    expect(streamedError('/api/pull', 'pull model manifest: file does not exist').toData()).toEqual({
      kind: 'ollama',
      message: 'Ollama reported an error during /api/pull: pull model manifest: file does not exist',
    });
  });
});
