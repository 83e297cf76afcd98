/**
 * Coalesces a reply's tokens into at most one event per frame (~16 ms). The first token after a
 * quiet spell goes out at once, so batching adds nothing to the time to first token; tokens
 * arriving within the frame after it are joined and sent when the frame ends.
 */

export interface BatcherClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const FRAME_MS = 16;

const realClock: BatcherClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DeltaBatcher {
  private pending = '';
  private timer: unknown = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly frameMs: number = FRAME_MS,
    private readonly clock: BatcherClock = realClock,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.pending += text;
    if (this.timer !== null) return;
    const wait = this.frameMs - (this.clock.now() - this.lastFlush);
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Sends what is pending now (the stream ended): nothing is left behind a timer. */
  flush(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.lastFlush = this.clock.now();
    this.emit(text);
  }
}
