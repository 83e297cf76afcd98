import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressCoalescer } from '../../src/main/jobs/progress-coalescer';

/** A changing value and a coalescer that sends whatever the value is when it sends. */
function setup(intervalMs = 100) {
  const state = { value: 0 };
  const sent: number[] = [];
  const coalescer = new ProgressCoalescer(() => sent.push(state.value), intervalMs);
  const change = (value: number): void => {
    state.value = value;
    coalescer.mark();
  };
  return { state, sent, coalescer, change };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ProgressCoalescer', () => {
  it('sends the first change after a quiet spell at once', () => {
    const { sent, change } = setup();
    change(1);
    expect(sent).toEqual([1]);
  });

  it('folds a burst of changes into one send of the latest state at the end of the interval', () => {
    const { sent, change } = setup();
    change(1);
    for (let i = 2; i <= 500; i++) change(i);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 500]);
  });

  it('sends at most one update per interval however fast the changes come, and the last one sent is the latest', () => {
    const { sent, change } = setup(100);
    // 10,000 changes over 10 seconds of (fake) time: one every millisecond.
    for (let i = 1; i <= 10_000; i++) {
      change(i);
      vi.advanceTimersByTime(1);
    }
    vi.runOnlyPendingTimers();
    expect(sent.length).toBeLessThanOrEqual(10 * 10 + 1);
    expect(sent.length).toBeGreaterThanOrEqual(10 * 10 - 1);
    expect(sent[sent.length - 1]).toBe(10_000);
    // Sends are in order and never repeat a stale state.
    expect([...sent].sort((a, b) => a - b)).toEqual(sent);
  });

  it('flush delivers a pending change immediately and cancels the scheduled send', () => {
    const { sent, change, coalescer } = setup();
    change(1);
    change(2);
    change(3);
    coalescer.flush();
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1, 3]);
  });

  it('flush(true) sends the state even without a pending change; flush() without one sends nothing', () => {
    const { sent, change, coalescer } = setup();
    change(7);
    coalescer.flush();
    expect(sent).toEqual([7]);
    coalescer.flush(true);
    expect(sent).toEqual([7, 7]);
  });

  it('after dispose a scheduled send never happens', () => {
    const { sent, change, coalescer } = setup();
    change(1);
    change(2);
    coalescer.dispose();
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1]);
  });

  it('a change after a long pause goes out at once again', () => {
    const { sent, change } = setup();
    change(1);
    vi.advanceTimersByTime(5_000);
    change(2);
    expect(sent).toEqual([1, 2]);
  });
});
