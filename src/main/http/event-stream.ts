import type { ServerResponse } from 'node:http';
import { HTTP_EVENTS_PATH } from '../../shared/contract';
import type { EventBus } from '../events';
import { pathPattern } from './path-pattern';
import type { Route } from './route';

export interface EventStreamOptions {
  /** How often a `: ping` comment is sent, so proxies and the client notice a dead connection. */
  pingIntervalMs: number;
  /** The reconnect delay suggested to the client. */
  retryMs?: number;
}

export interface EventStream {
  readonly route: Route;
  /** Ends every open stream (server shutdown); otherwise they would keep the server open. */
  closeAll(): void;
}

/** A client that stops reading is dropped rather than buffered for without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * `GET /events`: every bus event as server-sent events (`event: <name>` / `data: <json>`). The
 * renderer reads it with fetch, not EventSource, because EventSource cannot send the token header.
 */
export function eventStream(bus: EventBus, options: EventStreamOptions): EventStream {
  const open = new Set<ServerResponse>();

  const route: Route = {
    method: 'GET',
    path: pathPattern(HTTP_EVENTS_PATH),
    auth: 'session',
    handle({ req, res }) {
      req.socket.setNoDelay(true);
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      open.add(res);

      const write = (text: string): void => {
        if (res.writableEnded) return;
        if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
        else res.write(text);
      };
      write(`retry: ${options.retryMs ?? 3000}\n\n`);

      const unsubscribe = bus.subscribe((event, payload) => {
        write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const ping = setInterval(() => write(': ping\n\n'), options.pingIntervalMs);
      ping.unref();

      res.once('close', () => {
        clearInterval(ping);
        unsubscribe();
        open.delete(res);
      });
    },
  };

  return {
    route,
    closeAll() {
      for (const res of open) res.end();
    },
  };
}
