import { describe, expect, it } from 'vitest';
import { formatElapsed, formatEta, formatRate, formatTransfer, percentOf, wholePercent } from '../../src/renderer/src/models/job-format';

describe('job figures', () => {
  it('formats time left coarsely, as people say it', () => {
    expect(formatEta(0.4)).toBe('< 1 s');
    expect(formatEta(45)).toBe('45 s');
    expect(formatEta(77)).toBe('1 min 17 s');
    expect(formatEta(185)).toBe('3 min 05 s');
    expect(formatEta(7620)).toBe('2 h 07 min');
    expect(formatEta(Number.NaN)).toBe('—');
  });

  it('formats elapsed time as a clock', () => {
    expect(formatElapsed(7_400)).toBe('0:07');
    expect(formatElapsed(750_000)).toBe('12:30');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('formats speed and transfers in decimal units, as Ollama does', () => {
    expect(formatRate(45_300_000)).toBe('45.3 MB/s');
    expect(formatTransfer({ completed: 1_200_000_000, total: 4_700_000_000 })).toBe('1.2 GB of 4.7 GB');
    expect(formatTransfer({ completed: null, total: null })).toBeNull();
  });

  it('never shows 100% before the end, and computes a percent from totals when none is given', () => {
    expect(wholePercent(99.9)).toBe(99);
    expect(wholePercent(100)).toBe(100);
    expect(percentOf({ percent: null, total: 200, completed: 50 })).toBe(25);
    expect(percentOf({ percent: null, total: null, completed: null })).toBeNull();
  });
});
