import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultQueue } from './faults';
import type { ModelStore } from './model-store';
import type { ReplyRule } from './reply-rules';
import type { CancelledRequest, ChatSettings, Fault, PullSettings, RecordedRequest } from './types';

/** Everything a route handler can see: the shared state and one request/response pair. */

export interface FakeSettings {
  version: string;
  latencyMs: number;
  chat: ChatSettings;
  pull: PullSettings;
  /** Where the fake pretends its blobs live, for Ollama's "open …: no such file" messages. */
  modelsDir: string;
  /**
   * Stands in for a reverse proxy in front of Ollama (Ollama itself has no authentication): when
   * set, a request without `Authorization: Bearer <this>` gets the proxy's 401 and never reaches Ollama.
   */
  bearerToken: string | null;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  readonly cancellations: CancelledRequest[] = [];
  private nextId = 1;

  start(method: string, path: string, host: string | null, authorization: string | null = null): RecordedRequest {
    const record: RecordedRequest = {
      id: this.nextId++,
      at: new Date().toISOString(),
      method,
      path,
      body: null,
      bytes: 0,
      host,
      authorization,
      status: null,
      lines: 0,
      cancelled: false,
    };
    this.requests.push(record);
    return record;
  }

  clear(): void {
    this.requests.length = 0;
    this.cancellations.length = 0;
  }
}

/** Scripted replies, and how many unseeded samples have been drawn (the fake's randomness). */
export interface ReplyBook {
  rules: ReplyRule[];
  unseededDraws: number;
}

export interface FakeContext {
  store: ModelStore;
  replies: ReplyBook;
  settings: FakeSettings;
  faults: FaultQueue;
  log: RequestLog;
}

export interface Exchange {
  ctx: FakeContext;
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  record: RecordedRequest;
  /** Aborts when the client goes away or the server shuts down. */
  signal: AbortSignal;
  /** The fault this request drew from the queue, if any. */
  fault: Fault | undefined;
  /** The server ended the connection (a drop fault, going offline): not a client cancellation. */
  closedByServer: boolean;
}
