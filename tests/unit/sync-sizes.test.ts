import { describe, expect, it } from 'vitest';
import { humanBytes } from '../../src/shared/human-bytes';

// Cases from Ollama's format/bytes_test.go (TestHumanBytes), plus the seed's sizes.
describe('humanBytes (Ollama CLI format)', () => {
  it.each<[number, string]>([
    [0, '0 B'],
    [1, '1 B'],
    [999, '999 B'],
    [1000, '1 KB'],
    [1500, '1.5 KB'],
    [999_999, '999 KB'],
    [1_000_000, '1 MB'],
    [1_500_000, '1.5 MB'],
    [999_999_999, '999 MB'],
    [1_000_000_000, '1 GB'],
    [1_500_000_000, '1.5 GB'],
    [999_999_999_999, '999 GB'],
    [1_000_000_000_000, '1 TB'],
    [1_500_000_000_000, '1.5 TB'],
    [1_999_999_999_999, '2.0 TB'],
    [1234, '1.2 KB'],
    [1_234_567, '1.2 MB'],
    [1_234_567_890, '1.2 GB'],
    [10_500, '10 KB'],
    [4_661_224_676, '4.7 GB'],
    [18_556_688_736, '18 GB'],
    // Exact ties: Go's %.1f rounds to even.
    [1_250_000_000, '1.2 GB'],
    [1_750_000_000, '1.8 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(humanBytes(bytes)).toBe(text);
  });
});
