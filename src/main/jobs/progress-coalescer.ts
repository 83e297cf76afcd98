/**
 * Limits how often a changing state is sent: at most one send per `intervalMs`, the first change
 * after a quiet spell sent at once, later ones folded into one send at the end of the interval.
 * `send` reads the state when it runs, so whatever goes out is the latest state, and `flush`
 * delivers a pending change immediately (the final state of a job is never held back or lost).
 */

export interface CoalescerTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: CoalescerTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A little over 100 ms, so that with the immediate first and final sends a job stays under ten a second. */
export const DEFAULT_COALESCE_MS = 120;

export class ProgressCoalescer {
  private dirty = false;
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private readonly timers: CoalescerTimers;

  constructor(
    private readonly send: () => void,
    private readonly intervalMs = DEFAULT_COALESCE_MS,
    timers?: Partial<CoalescerTimers>,
  ) {
    this.timers = { ...realTimers, ...timers };
  }

  /** The state changed. */
  mark(): void {
    this.dirty = true;
    if (this.timer !== null) return;
    const wait = this.lastSent + this.intervalMs - this.timers.now();
    if (wait <= 0) {
      this.emit();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (this.dirty) this.emit();
    }, wait);
  }

  /** Sends a pending change now (and the state if `force`, changed or not). */
  flush(force = false): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.dirty || force) this.emit();
  }

  /** Drops a pending change (the job is gone). */
  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
  }

  private emit(): void {
    this.dirty = false;
    this.lastSent = this.timers.now();
    this.send();
  }
}
