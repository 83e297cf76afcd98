import type { ServerResponse } from 'node:http';

/**
 * A server-sent-events response for one streamed answer (OpenAI's `data: …` lines). Writes wait
 * when the client reads slower than Ollama writes, so a slow reader slows the Ollama request
 * instead of filling memory.
 */
export interface SseWriter {
  /** Sends one `data:` event; a string is sent as is (`[DONE]`), anything else as JSON. */
  send(data: unknown): Promise<void>;
  end(): void;
  readonly closed: boolean;
}

export function openSse(res: ServerResponse): SseWriter {
  res.socket?.setNoDelay(true);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const closed = (): boolean => res.writableEnded || res.destroyed;
  return {
    async send(data) {
      if (closed()) return;
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      if (res.write(`data: ${text}\n\n`) || closed()) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    end() {
      if (!closed()) res.end();
    },
    get closed() {
      return closed();
    },
  };
}
