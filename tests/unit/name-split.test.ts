import { describe, expect, it } from 'vitest';
import { splitForMiddle, truncateMiddle } from '../../src/renderer/src/models/name-split';

/** Truncation must keep the part that tells sibling names apart: the version or tag at the end. */
describe('splitForMiddle', () => {
  it.each([
    ['PeteOllama Property Manager v1', 'PeteOllama Property', ' Manager v1'],
    ['PeteOllama Property Manager v2', 'PeteOllama Property', ' Manager v2'],
    ['peteollama:property-manager-v2', 'peteollama:property', '-manager-v2'],
    ['Creating PeteOllama Property Manager v2', 'Creating PeteOllama Property', ' Manager v2'],
    ['hf.co/bartowski/Qwen2.5-Coder-32B-Instruct-GGUF:Q4_K_M', 'hf.co/bartowski/Qwen2.5-Coder-32B-Instruct', '-GGUF:Q4_K_M'],
  ])('%s keeps %s … %s', (text, head, tail) => {
    expect(splitForMiddle(text)).toEqual([head, tail]);
  });

  it('does not split a short name', () => {
    expect(splitForMiddle('qwen3:30b')).toEqual(['qwen3:30b', '']);
  });

  it('keeps the end of one long word', () => {
    const [head, tail] = splitForMiddle('averyveryverylongsinglewordname');
    expect(head + tail).toBe('averyveryverylongsinglewordname');
    expect(tail.length).toBeGreaterThan(0);
  });

  it('two versions of one model differ in the part that always shows', () => {
    expect(splitForMiddle('PeteOllama Property Manager v1')[1]).not.toBe(splitForMiddle('PeteOllama Property Manager v2')[1]);
  });
});

describe('truncateMiddle', () => {
  it('leaves a name that fits as it is', () => {
    expect(truncateMiddle('PeteOllama Property Manager v1 (v1)', 44)).toBe('PeteOllama Property Manager v1 (v1)');
  });

  it.each([
    ['PeteOllama Property Manager for Large Portfolios v12 (v12)', 30],
    ['hf.co/bartowski/Qwen2.5-Coder-32B-Instruct-GGUF:Q4_K_M', 30],
    ['averyveryverylongsinglewordnamewithoutanyseparatorsatall', 20],
  ])('cuts %s in the middle to at most %i characters, keeping its end', (text, max) => {
    const cut = truncateMiddle(text, max);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(cut).toContain('…');
    const [head, end] = cut.split('…');
    expect(text.startsWith(head!)).toBe(true);
    expect(text.endsWith(end!)).toBe(true);
    expect(end!.length).toBeGreaterThan(0);
  });

  it('two long versions of one model still differ once cut', () => {
    const name = (v: number) => `PeteOllama Property Manager for Large Portfolios v${v} (v${v})`;
    expect(truncateMiddle(name(1), 30)).not.toBe(truncateMiddle(name(2), 30));
    expect(truncateMiddle(name(2), 30)).toMatch(/v2 \(v2\)$/);
  });
});
