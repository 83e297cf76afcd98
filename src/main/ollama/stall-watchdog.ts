/**
 * Tells "Ollama is slow" from "Ollama stopped answering". A long request (create, pull, chat, a
 * model load, a blob upload) is touched whenever a byte comes (or, for an upload, goes); after
 * `noticeMs` of silence the wait is announced once a second ("no answer for N s"), and only after
 * `stallMs` is the request aborted as stalled. A large model on a CPU can take minutes to its first
 * token, so the stall limit is long and the notice short. One timer per request, re-armed lazily:
 * touch() runs for every chunk and does no more than store the time.
 */

export interface StallOptions {
  /** Silence after which the request is given up as stalled. */
  stallMs: number;
  /** Silence after which the wait is announced. */
  noticeMs: number;
  /** Seconds without an answer, once a second while waiting; null when data flows again. */
  onWaiting?: (silentSeconds: number | null) => void;
}

const TICK_MS = 1_000;

export class StallWatchdog {
  private readonly controller = new AbortController();
  private last: number;
  private timer: NodeJS.Timeout | null = null;
  private announced = false;
  private stopped = false;
  private paused = false;
  private didStall = false;
  private unfollow: (() => void) | null = null;

  constructor(
    private readonly options: StallOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = now();
    this.arm(Math.min(options.noticeMs, options.stallMs));
  }

  /** Aborts (with reason "stalled") when the silence reaches `stallMs`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stalled(): boolean {
    return this.didStall;
  }

  /**
   * The caller's signal and the watchdog's, as one: a listener rather than AbortSignal.any, which
   * costs a transferable signal per request (a tenth of a millisecond each, measurable when an
   * evaluation sends hundreds of quick chats). The listener goes at stop().
   */
  follow(outer: AbortSignal | undefined): AbortSignal {
    if (!outer) return this.controller.signal;
    if (outer.aborted) {
      this.controller.abort(outer.reason);
      return this.controller.signal;
    }
    const onAbort = () => this.controller.abort(outer.reason);
    outer.addEventListener('abort', onAbort, { once: true });
    this.unfollow = () => outer.removeEventListener('abort', onAbort);
    return this.controller.signal;
  }

  /** The stall limit: how long the silence had lasted when it stalled. */
  get limitMs(): number {
    return this.options.stallMs;
  }

  /** How long the silence lasted when it stalled (or lasts now). */
  silentMs(): number {
    return this.now() - this.last;
  }

  /** Something came from (or went to) Ollama. */
  touch(): void {
    this.last = this.now();
    if (this.announced) {
      this.announced = false;
      this.options.onWaiting?.(null);
    }
  }

  /**
   * The consumer holds the data (a slow /v1 client, say): its time is not Ollama's silence.
   * resume() starts the count afresh.
   */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.touch();
  }

  stop(): void {
    this.stopped = true;
    this.unfollow?.();
    this.unfollow = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.announced) {
      this.announced = false;
      this.options.onWaiting?.(null);
    }
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.check(), Math.max(1, ms));
    this.timer.unref?.();
  }

  private check(): void {
    this.timer = null;
    if (this.stopped) return;
    const { stallMs, noticeMs } = this.options;
    if (this.paused) {
      this.arm(Math.min(noticeMs, stallMs));
      return;
    }
    const silent = this.now() - this.last;
    if (silent >= stallMs) {
      this.stopped = true;
      this.didStall = true;
      this.controller.abort(new Error('stalled'));
      return;
    }
    if (silent >= noticeMs) {
      this.announced = true;
      this.options.onWaiting?.(Math.max(1, Math.round(silent / 1000)));
      this.arm(Math.min(TICK_MS, stallMs - silent));
      return;
    }
    // Data came since this timer was set: wait for the rest of the notice delay.
    this.arm(Math.min(noticeMs, stallMs) - silent);
  }
}
