import { createSseParser, type SseMessage } from './sse-parser';

/** The part of `fetch` the transport uses: a path and options. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface EventStreamOptions {
  url: string;
  fetch: FetchLike;
  headers: Record<string, string>;
  onMessage(message: SseMessage): void;
  /** Called on every successful connect; `reconnected` is true after a drop, when events may have been missed. */
  onOpen(reconnected: boolean): void;
  /** The server refused the token: retrying cannot help, so the stream stops. */
  onRejected(status: number): void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface EventStream {
  close(): void;
}

/**
 * One long-lived `text/event-stream` request read with fetch (EventSource cannot send the
 * Authorization header), reconnecting with exponential backoff whenever it drops.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const initialDelay = options.initialDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 15_000;
  let closed = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  }

  /** The server's `retry:` hint, used as the base delay once it has sent one. */
  let serverRetry: number | null = null;

  async function readOnce(reconnected: boolean): Promise<'opened' | 'failed' | 'rejected'> {
    controller = new AbortController();
    let response: Response;
    try {
      response = await options.fetch(options.url, {
        headers: { Accept: 'text/event-stream', ...options.headers },
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      return 'failed';
    }
    if (response.status === 401 || response.status === 403) {
      options.onRejected(response.status);
      return 'rejected';
    }
    if (!response.ok || !response.body) return 'failed';
    options.onOpen(reconnected);
    const parser = createSseParser(options.onMessage);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // A dropped connection ends the read; the loop below reconnects.
    }
    serverRetry = parser.retry ?? serverRetry;
    return 'opened';
  }

  void (async () => {
    let failures = 0;
    let connectedBefore = false;
    while (!closed) {
      const outcome = await readOnce(connectedBefore);
      if (closed || outcome === 'rejected') return;
      if (outcome === 'opened') {
        connectedBefore = true;
        failures = 0;
      }
      await sleep(Math.min(maxDelay, (serverRetry ?? initialDelay) * 2 ** failures));
      failures++;
    }
  })();

  return {
    close() {
      closed = true;
      controller?.abort();
      clearTimeout(timer);
      wake?.();
    },
  };
}
