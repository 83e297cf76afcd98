import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StallWatchdog } from '../../src/main/ollama/stall-watchdog';

/** Slow is not stalled: the watchdog measures silence only, announces it, and aborts at the limit. */

let now = 0;
beforeEach(() => {
  vi.useFakeTimers();
  now = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves both clocks together, 50 ms at a time, so each timer sees the time it fires at. */
function advance(ms: number): void {
  for (let left = ms; left > 0; left -= 50) {
    const step = Math.min(50, left);
    now += step;
    vi.advanceTimersByTime(step);
  }
}

describe('StallWatchdog', () => {
  it('announces the silence once a second after the notice delay, then aborts at the stall limit', () => {
    const waits: Array<number | null> = [];
    const dog = new StallWatchdog({ stallMs: 10_000, noticeMs: 3_000, onWaiting: (s) => waits.push(s) }, () => now);
    advance(2_999);
    expect(waits).toEqual([]);
    advance(1);
    expect(waits).toEqual([3]);
    advance(3_000);
    expect(waits).toEqual([3, 4, 5, 6]);
    expect(dog.signal.aborted).toBe(false);
    advance(4_000);
    expect(dog.stalled).toBe(true);
    expect(dog.silentMs()).toBe(10_000);
  });

  it('never fires while data keeps coming, however long the request takes', () => {
    const waits: Array<number | null> = [];
    const dog = new StallWatchdog({ stallMs: 2_000, noticeMs: 1_000, onWaiting: (s) => waits.push(s) }, () => now);
    for (let i = 0; i < 100; i++) {
      advance(900);
      dog.touch();
    }
    expect(dog.stalled).toBe(false);
    expect(waits).toEqual([]);
    dog.stop();
  });

  it('does not count the time the consumer holds the data (paused) as Ollama\'s silence', () => {
    const waits: Array<number | null> = [];
    const dog = new StallWatchdog({ stallMs: 2_000, noticeMs: 1_000, onWaiting: (s) => waits.push(s) }, () => now);
    advance(500);
    dog.pause();
    advance(10_000);
    expect(dog.stalled).toBe(false);
    expect(waits).toEqual([]);
    dog.resume();
    advance(1_900);
    expect(dog.stalled).toBe(false);
    advance(100);
    expect(dog.stalled).toBe(true);
  });

  it('clears the announced wait when data comes again, and on stop', () => {
    const waits: Array<number | null> = [];
    const dog = new StallWatchdog({ stallMs: 60_000, noticeMs: 1_000, onWaiting: (s) => waits.push(s) }, () => now);
    advance(1_000);
    dog.touch();
    expect(waits).toEqual([1, null]);
    advance(1_500);
    dog.stop();
    expect(waits).toEqual([1, null, 1, null]);
    advance(120_000);
    expect(dog.stalled).toBe(false);
  });

  it("follows the caller's signal: a cancel aborts the request (not as a stall), and stop() lets go of it", () => {
    const outer = new AbortController();
    const dog = new StallWatchdog({ stallMs: 60_000, noticeMs: 5_000 });
    const signal = dog.follow(outer.signal);
    outer.abort(new Error('cancelled by the user'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('cancelled by the user');
    expect(dog.stalled).toBe(false);
    dog.stop();

    const later = new AbortController();
    const done = new StallWatchdog({ stallMs: 60_000, noticeMs: 5_000 });
    const finished = done.follow(later.signal);
    done.stop();
    later.abort();
    expect(finished.aborted).toBe(false);

    const already = new AbortController();
    already.abort();
    const dog3 = new StallWatchdog({ stallMs: 60_000, noticeMs: 5_000 });
    expect(dog3.follow(already.signal).aborted).toBe(true);
    dog3.stop();
  });
});
