import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { PROBE_TIMEOUT_MS } from '../../shared/connection-schedule';
import { connectionFailure } from './connection-error';

/**
 * The connection monitor's one request: `GET /api/version`, over a keep-alive agent that holds a
 * single connection to Ollama. Between probes that connection sits idle; Ollama's Go server
 * never closes an idle connection, so when it closes, Ollama stopped (or restarted): `onIdleClose`
 * fires and the monitor probes at once instead of waiting for its next turn.
 */

export type ProbeOutcome =
  /** Ollama (or whatever listens there) answered with an HTTP status; `reused`: over the connection held since the last probe. */
  | { kind: 'answered'; reused: boolean }
  /** Nothing answers: refused, reset, unknown host. */
  | { kind: 'unreachable'; reason: string }
  /** No answer in time, or a failure that says nothing about reachability. */
  | { kind: 'no-answer'; reason: string };

export interface Probe {
  check(host: string): Promise<ProbeOutcome>;
  close(): void;
}

/** Small bodies only: /api/version is a few bytes; anything longer is not read to the end. */
const MAX_BODY_BYTES = 64 * 1024;

export class VersionProbe implements Probe {
  private agent: http.Agent | null = null;
  private agentOrigin: string | null = null;
  /** Sockets in the middle of a probe: their close is that probe's failure, not an idle close. */
  private readonly busy = new WeakSet<Socket>();
  private readonly watched = new WeakSet<Socket>();

  constructor(
    private readonly onIdleClose: () => void,
    private readonly timeoutMs = PROBE_TIMEOUT_MS,
    /** Headers the host's link sends on every request (its bearer token, behind a reverse proxy). */
    private readonly extraHeaders: () => Readonly<Record<string, string>> = () => ({}),
  ) {}

  check(host: string): Promise<ProbeOutcome> {
    let url: URL;
    try {
      url = new URL('/api/version', host);
    } catch {
      return Promise.resolve({ kind: 'no-answer', reason: `"${host}" is not a valid address` });
    }
    const agent = this.agentFor(url);
    const get = url.protocol === 'https:' ? https.get : http.get;
    return new Promise<ProbeOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: ProbeOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      const request = get(url, { agent, headers: { ...this.extraHeaders(), Accept: 'application/json' } }, (response) => {
        const socket = response.socket;
        const answered: ProbeOutcome = { kind: 'answered', reused: request.reusedSocket };
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Not Ollama's few bytes: stop reading (the connection is not reused) but it did answer.
          if (size > MAX_BODY_BYTES) response.destroy();
        });
        response.on('end', () => {
          // Only a connection that finished its answer goes back to idle; a broken one stays marked.
          this.busy.delete(socket);
          finish(answered);
        });
        response.on('close', () => finish(answered));
        response.on('error', () => finish(answered));
      });
      request.setTimeout(this.timeoutMs, () => request.destroy(Object.assign(new Error('probe timed out'), { name: 'TimeoutError' })));
      request.on('socket', (socket: Socket) => {
        this.busy.add(socket);
        this.watch(socket, agent);
      });
      request.on('error', (error) => {
        const reason = connectionFailure(error);
        finish(reason ? { kind: 'unreachable', reason } : { kind: 'no-answer', reason: error.message });
      });
    });
  }

  close(): void {
    const agent = this.agent;
    this.agent = null;
    this.agentOrigin = null;
    agent?.destroy();
  }

  private agentFor(url: URL): http.Agent {
    if (this.agent && this.agentOrigin === url.origin) return this.agent;
    this.close();
    const options = { keepAlive: true, maxSockets: 1, maxFreeSockets: 1 };
    this.agent = url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    this.agentOrigin = url.origin;
    return this.agent;
  }

  private watch(socket: Socket, agent: http.Agent): void {
    if (this.watched.has(socket)) return;
    this.watched.add(socket);
    socket.once('close', () => {
      // Our own close (host changed, shut down) or a probe's failure: not news about Ollama.
      if (this.agent !== agent || this.busy.has(socket)) return;
      this.onIdleClose();
    });
  }
}
