/**
 * Which failures of a call to Ollama mean "nothing answers there": the socket was refused, reset
 * or closed, or the host name does not resolve. An HTTP error is an answer, and a slow answer
 * (a stall, a time limit) is not proof that Ollama is gone, so neither counts.
 */

const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
};

/** Words for the connection failure in `error` (its cause chain, an AggregateError's parts), or null. */
export function connectionFailure(error: unknown, depth = 0): string | null {
  if (depth > 6 || typeof error !== 'object' || error === null) return null;
  const name = (error as { name?: unknown }).name;
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'ResponseError') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in CONNECTION_REASONS) return CONNECTION_REASONS[code] ?? code;
  const parts = (error as { errors?: unknown }).errors;
  if (Array.isArray(parts)) {
    for (const part of parts) {
      const found = connectionFailure(part, depth + 1);
      if (found) return found;
    }
  }
  return connectionFailure((error as { cause?: unknown }).cause, depth + 1);
}
