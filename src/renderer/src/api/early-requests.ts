import type { CallName } from '../../../shared/contract';
import { HTTP_EVENTS_PATH, HTTP_RPC_PREFIX } from '../../../shared/http-paths';
import type { FetchLike } from './event-stream';

/**
 * What the app asks for before it can show anything: the event stream (opened first, as the store
 * subscribes before it loads) and the start-up calls (the store's `load`). The page's first module
 * sends these before zod, React and the UI's code are even evaluated.
 */
export const FIRST_CALLS = ['app.info', 'registry.get', 'sync.get', 'settings.get'] as const satisfies readonly CallName[];

interface Pending {
  response: Promise<Response>;
  controller: AbortController;
}

function keyOf(method: string, url: string, body: unknown): string {
  return `${method.toUpperCase()} ${url} ${typeof body === 'string' ? body : ''}`;
}

/**
 * Sends the first requests now, with the page's token, to its own server only (relative paths),
 * and returns the fetch the HTTP client should use: the first identical request (same method, path
 * and body) gets the response already on its way; every other request, and any later repeat, goes
 * out as usual. The client validates these answers like any other: nothing is trusted early.
 */
export function startEarlyRequests(token: string | null, fetchImpl: FetchLike): FetchLike {
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const pending = new Map<string, Pending>();
  const send = (url: string, init: RequestInit) => {
    const controller = new AbortController();
    const response = fetchImpl(url, { ...init, signal: controller.signal });
    // Whoever takes it sees a failure; until then, an unhandled rejection is noise.
    response.catch(() => undefined);
    pending.set(keyOf(init.method ?? 'GET', url, init.body), { response, controller });
  };

  send(HTTP_EVENTS_PATH, { headers: { Accept: 'text/event-stream', ...auth }, cache: 'no-store' });
  for (const name of FIRST_CALLS) {
    send(`${HTTP_RPC_PREFIX}${name}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
  }

  return (url, init) => {
    const key = keyOf(init?.method ?? 'GET', url, init?.body);
    const early = pending.get(key);
    if (!early) return fetchImpl(url, init);
    pending.delete(key);
    // The taker's abort (closing the event stream) must reach the request sent for it.
    const signal = init?.signal;
    if (signal?.aborted) early.controller.abort();
    else signal?.addEventListener('abort', () => early.controller.abort(), { once: true });
    return early.response;
  };
}
