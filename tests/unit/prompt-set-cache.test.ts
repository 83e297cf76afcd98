import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/main/modelfiles/sha256';
import { parsePromptSetCached } from '../../src/main/evals/prompt-set-cache';

const setText = (family: string, prompt: string): string => `family: ${family}\ncases:\n  - id: one\n    prompt: ${prompt}\n    checks:\n      - contains: hello\n`;

describe('parsed prompt sets by the hash of their text', () => {
  it('parses a text once and hands the same answer back while the text is unchanged', () => {
    const text = setText('cache-bot', 'Say hello');
    const first = parsePromptSetCached(text, sha256Hex(text));
    const again = parsePromptSetCached(text, sha256Hex(text));
    expect(first.set?.cases[0]?.prompt).toBe('Say hello');
    expect(again).toBe(first);
  });

  it('parses a changed text afresh', () => {
    const before = setText('cache-bot', 'Say hello');
    const after = setText('cache-bot', 'Say hello twice');
    parsePromptSetCached(before, sha256Hex(before));
    expect(parsePromptSetCached(after, sha256Hex(after)).set?.cases[0]?.prompt).toBe('Say hello twice');
  });

  it('answers frozen, so no caller can change the set another caller reads', () => {
    const text = setText('frozen-bot', 'Say hello');
    const parsed = parsePromptSetCached(text, sha256Hex(text));
    const cases = parsed.set?.cases as unknown as Array<{ prompt: string }>;
    expect(() => {
      cases[0]!.prompt = 'changed';
    }).toThrow(TypeError);
    expect(() => cases.push({ prompt: 'more' })).toThrow(TypeError);
    expect(parsePromptSetCached(text, sha256Hex(text)).set?.cases[0]?.prompt).toBe('Say hello');
  });

  it('keeps a bounded number of texts: an old one is parsed again after many others', () => {
    const text = setText('old-bot', 'Say hello');
    const old = parsePromptSetCached(text, sha256Hex(text));
    for (let i = 0; i < 40; i += 1) {
      const other = setText(`bot-${i}`, `Prompt ${i}`);
      parsePromptSetCached(other, sha256Hex(other));
    }
    const again = parsePromptSetCached(text, sha256Hex(text));
    expect(again).not.toBe(old);
    expect(again).toEqual(old);
  });
});
