import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiffPart, wordDiff } from '../../../src/shared/eval/word-diff';

const side = (parts: DiffPart[], drop: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks changed words and keeps the spaces', () => {
    expect(wordDiff('Hello dear world', 'Hello big world')).toEqual([
      { kind: 'same', text: 'Hello ' },
      { kind: 'removed', text: 'dear' },
      { kind: 'added', text: 'big' },
      { kind: 'same', text: ' world' },
    ]);
  });

  it('answers equal and empty texts simply', () => {
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
  });

  it('falls back to lines for huge outputs, quickly', () => {
    const line = (n: number) => `line ${n} of a long answer with several words\n`;
    const before = Array.from({ length: 3000 }, (_, i) => line(i)).join('');
    const after = before.replace(line(1500), 'a different line\n');
    expect(before.length).toBeGreaterThan(50_000);
    const started = Date.now();
    const parts = wordDiff(before, after);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: line(1500) },
      { kind: 'added', text: 'a different line\n' },
    ]);
  });

  it('gives up on a finer diff for unrelated huge texts without hanging', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}\n`).join('');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}\n`).join('');
    const started = Date.now();
    const parts = wordDiff(before, after);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('re-joins to both inputs, with no two neighbours of one kind', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', '.'), maxLength: 60 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
        parts.forEach((p, i) => {
          expect(p.text).not.toBe('');
          if (i > 0) expect(parts[i - 1]?.kind).not.toBe(p.kind);
        });
      }),
      { numRuns: 300 },
    );
  });
});
