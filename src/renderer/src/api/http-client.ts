import type { ApiClient, CallName, EventName } from '../../../shared/contract';
import { envelopeSchema } from '../../../shared/envelope';
import { HTTP_EVENTS_PATH, httpRoute } from '../../../shared/http-paths';
import { AppError } from '../../../shared/errors';
import { openEventStream, type EventStream, type FetchLike } from './event-stream';
import { takeAccessToken } from './http-token';
import { unwrapEnvelope } from './unwrap-envelope';

export const TOKEN_REQUIRED_MESSAGE =
  'This page needs the access token from the address the Modelwright server printed when it started (it ends in ?token=…). Open that address again.';

/**
 * After a reconnect, events sent while the stream was down are lost: these calls fetch the current
 * state instead (`each`: the call answers a list, delivered as one event per item). Events with no
 * entry (a Modelfile changed on disk) have nothing to refetch: their readers re-read on demand.
 */
const REFRESH: Partial<Record<EventName, { call: CallName; each?: true }>> = {
  'registry.changed': { call: 'registry.get' },
  'sync.changed': { call: 'sync.get' },
  'settings.changed': { call: 'settings.get' },
  'job.updated': { call: 'jobs.list', each: true },
};

export interface HttpClientOptions {
  window?: Window;
  fetch?: FetchLike;
  /** The token, when the page's first module has already taken it from the address. */
  token?: string | null;
  /** Backoff bounds for the event stream; tests shorten them. */
  reconnectDelayMs?: { initial: number; max: number };
}

type AnyListener = (payload: unknown) => void;

/** The browser transport for the headless server: POST per call, one shared server-sent-events stream. */
export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const win = options.window ?? window;
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => win.fetch(url, init));
  const token = options.token !== undefined ? options.token : takeAccessToken(win);
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const server = win.location.origin;
  const listeners = new Map<EventName, Set<AnyListener>>();
  let stream: EventStream | null = null;

  async function call<K extends CallName>(name: K, input: unknown) {
    let response: Response;
    try {
      response = await fetchImpl(httpRoute(name), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      // Not 'offline': that kind means Ollama is unreachable, and here it is our own server.
      throw new AppError('internal', `Cannot reach the Modelwright server at ${server}. Check that it is still running, then try again.`);
    }
    if (response.status === 401) throw new AppError('forbidden', TOKEN_REQUIRED_MESSAGE);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AppError('internal', `The Modelwright server at ${server} answered HTTP ${response.status} without a readable result.`);
    }
    if (!response.ok && !envelopeSchema.safeParse(body).success) {
      // Refusals made before any call runs (Host, Origin, unknown path) carry `{ detail }`, not an envelope.
      const detail = (body as { detail?: unknown } | null)?.detail;
      const why = typeof detail === 'string' ? `: ${detail}` : '';
      throw new AppError(response.status === 403 ? 'forbidden' : 'internal', `The Modelwright server at ${server} refused the request (HTTP ${response.status}${why}).`);
    }
    return unwrapEnvelope(name, body);
  }

  // Events come from main's typed bus, like answers: trusted, not parsed again (see unwrapEnvelope).
  function deliver(event: EventName, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  function refreshAfterReconnect(): void {
    for (const event of listeners.keys()) {
      const refresh = REFRESH[event];
      if (!refresh) continue;
      call(refresh.call, {}).then(
        (value) => {
          for (const item of refresh.each && Array.isArray(value) ? value : [value]) deliver(event, item);
        },
        (error: unknown) => console.error(`Could not refresh "${event}" after reconnecting`, error),
      );
    }
  }

  function ensureStream(): void {
    stream ??= openEventStream({
      url: HTTP_EVENTS_PATH,
      fetch: fetchImpl,
      headers: auth,
      initialDelayMs: options.reconnectDelayMs?.initial,
      maxDelayMs: options.reconnectDelayMs?.max,
      onOpen(reconnected) {
        if (reconnected) refreshAfterReconnect();
      },
      onRejected() {
        // Every call fails the same way and the UI shows it; this only explains the silent stream.
        console.error(TOKEN_REQUIRED_MESSAGE);
      },
      onMessage(message) {
        // Only events someone listens to; a name the page does not know has no listener.
        const event = message.event as EventName;
        if (!listeners.has(event)) return;
        let payload: unknown;
        try {
          payload = JSON.parse(message.data);
        } catch {
          console.error(`Ignored a "${event}" event whose data is not JSON`);
          return;
        }
        deliver(event, payload);
      },
    });
  }

  return {
    call: call as ApiClient['call'],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      const entry = listener as AnyListener;
      set.add(entry);
      ensureStream();
      return () => {
        set.delete(entry);
        if (set.size === 0) listeners.delete(event);
        if (listeners.size === 0) {
          stream?.close();
          stream = null;
        }
      };
    },
  };
}
