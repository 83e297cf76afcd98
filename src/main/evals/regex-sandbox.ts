import { Worker } from 'node:worker_threads';
import type { RegexOutcome } from '../../shared/eval/check-verdict';

/**
 * Runs the user's `matches` patterns on answers in a worker thread with a time limit. A pattern
 * such as `^(a+)+$` can backtrack for hours on the wrong answer; in the main process that would
 * freeze every window, job and request. Here the worker is ended at the limit and the check fails
 * with the reason; the next pattern gets a fresh worker.
 */

/** Long enough for any sane pattern on a long answer; short enough that a run is not held up. */
export const REGEX_TIME_LIMIT_MS = 1_000;

// Plain JavaScript, evaluated as the worker's script: no bundling, no file to ship.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, pattern, flags, text }) => {
  try {
    const match = new RegExp(pattern, flags).exec(text);
    parentPort.postMessage({ id, match: match ? { index: match.index, text: match[0] } : null });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Reply {
  id: number;
  match?: { index: number; text: string } | null;
  error?: string;
}

export class RegexSandbox {
  private worker: Worker | null = null;
  private nextId = 0;

  constructor(private readonly limitMs = REGEX_TIME_LIMIT_MS) {}

  exec(pattern: string, flags: string, text: string): Promise<RegexOutcome> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<RegexOutcome>((resolve) => {
      const done = (outcome: RegexOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(outcome);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done(reply.error !== undefined ? { kind: 'invalid', problem: reply.error } : { kind: 'done', match: reply.match ?? null });
      };
      const onError = (error: Error) => {
        this.discard(worker);
        done({ kind: 'invalid', problem: error.message });
      };
      const timer = setTimeout(() => {
        this.discard(worker);
        done({ kind: 'timed-out', limitMs: this.limitMs });
      }, this.limitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, pattern, flags, text });
    });
  }

  /** Starts the worker now, so its start-up overlaps the first request to Ollama rather than following it. */
  warm(): void {
    this.worker ??= this.spawn();
  }

  close(): void {
    if (this.worker) this.discard(this.worker);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // An idle worker must not keep the command line (or a test) alive.
    worker.unref();
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}
