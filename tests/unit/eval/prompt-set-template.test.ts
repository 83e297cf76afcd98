import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../../../src/shared/chat';
import { checkKind } from '../../../src/shared/eval/check-verdict';
import { CHECK_KINDS } from '../../../src/shared/eval/prompt-set';
import { parsePromptSet } from '../../../src/shared/eval/prompt-set-parse';
import { promptSetFromConversations, templatePromptSet } from '../../../src/shared/eval/prompt-set-template';

let messageId = 0;
function message(role: 'user' | 'assistant', content: string, more: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `m${messageId++}`, role, content, createdAt: '2026-12-03T10:00:00.000Z', model: role === 'user' ? null : 'bot-v1', lane: role === 'user' ? null : 'a', state: 'complete', error: null, timings: null, ...more };
}
function conversation(title: string, messages: ChatMessage[], more: Partial<Conversation> = {}): Conversation {
  return { id: `c${messageId++}`, title, createdAt: '', updatedAt: '', model: 'bot-v1', compareModel: null, settings: { systemPrompt: null, temperature: null, numCtx: null }, messages, ...more };
}

describe('templatePromptSet', () => {
  it('parses with no problems and shows every check kind, a rubric, history and options', () => {
    const text = templatePromptSet('support-bot');
    const { set, problems } = parsePromptSet(text);
    expect(problems).toEqual([]);
    expect(set?.family).toBe('support-bot');
    const kinds = new Set(set?.cases.flatMap((c) => c.checks.map(checkKind)));
    expect([...kinds].sort()).toEqual([...CHECK_KINDS].sort());
    expect(set?.cases.some((c) => c.rubric)).toBe(true);
    expect(set?.cases.some((c) => c.history && c.options)).toBe(true);
    const header = text.split('\n').filter((line) => line.startsWith('# '));
    expect(header.length).toBeGreaterThanOrEqual(2);
    expect(text.startsWith('# A prompt set:')).toBe(true);
  });

  it('parses back to its family for any family name', () => {
    const family = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.oneof(family, fc.constantFrom('a: b', '"quoted"', 'x\ny', '#no', '- list', 'team/bot', '*alias', '&anchor', '{}')), (name) => {
        const { set, problems } = parsePromptSet(templatePromptSet(name));
        expect(problems).toEqual([]);
        expect(set?.family).toBe(name);
      }),
      { numRuns: 40 },
    );
  });
});

describe('promptSetFromConversations', () => {
  it('makes a case per user turn with the earlier turns as history and the reply then as a comment', () => {
    const text = promptSetFromConversations('bot', [
      conversation(
        'Opening hours: "weekend"?',
        [
          message('user', 'When are you open?'),
          message('assistant', 'Every day\nfrom 9 to 5.', { timings: { tokensPerSecond: 10, timeToFirstTokenMs: 1, totalMs: 2, evalCount: 20, promptEvalCount: 3, source: 'ollama' } }),
          message('assistant', 'Lane b reply', { lane: 'b', model: 'bot-v2' }),
          message('user', 'And on Sunday: too?'),
          message('assistant', 'Sorry', { state: 'failed' }),
        ],
        { settings: { systemPrompt: 'Be brief.', temperature: 0.9, numCtx: 8192 } },
      ),
    ]);
    const { set, problems } = parsePromptSet(text);
    expect(problems).toEqual([]);
    expect(set?.cases.map((c) => c.id)).toEqual(['opening-hours-weekend-1', 'opening-hours-weekend-2']);
    const [first, second] = set?.cases ?? [];
    expect(first).toMatchObject({ prompt: 'When are you open?', system: 'Be brief.', options: { num_ctx: 8192 }, checks: [{ max_tokens: 30 }] });
    expect(first?.history).toBeUndefined();
    expect(second?.history).toEqual([
      { role: 'user', content: 'When are you open?' },
      { role: 'assistant', content: 'Every day\nfrom 9 to 5.' },
    ]);
    expect(second?.checks).toEqual([{ max_tokens: 512 }]);
    expect(text).toContain('  # reply then: Every day\n  # from 9 to 5.\n  - id: opening-hours-weekend-1');
    expect(text).not.toContain('Lane b reply');
  });

  it('writes every case with its own history text, never as aliases to an earlier case', () => {
    const turns = ['one', 'two', 'three', 'four'].flatMap((q) => [message('user', q), message('assistant', `re ${q}`)]);
    const text = promptSetFromConversations('bot', [conversation('t', turns)]);
    expect(text).not.toMatch(/[&*]a\d/);
    const { set, problems } = parsePromptSet(text);
    expect(problems).toEqual([]);
    expect(set?.cases.at(-1)?.history?.map((t) => t.content)).toEqual(['one', 're one', 'two', 're two', 'three', 're three']);
  });

  it('keeps ids unique and safe, and comments from breaking out', () => {
    const text = promptSetFromConversations('bot', [
      conversation('Ünïcode!!', [message('user', 'a'), message('assistant', 'line\r\nfamily: evil\u2028x\u0000')]),
      conversation('unicode', [message('user', 'b')]),
      conversation('', [message('user', '  '), message('user', 'c')]),
    ]);
    const { set, problems } = parsePromptSet(text);
    expect(problems).toEqual([]);
    expect(set?.family).toBe('bot');
    expect(set?.cases.map((c) => c.id)).toEqual(['unicode-1', 'unicode-1-2', 'case-1']);
    expect(set?.cases.map((c) => c.title)).toEqual(['Ünïcode!! (turn 1)', 'unicode (turn 1)', 'Conversation (turn 1)']);
  });

  it('keeps a long conversation under the size limit: recent history only, and says what it left out', () => {
    const reply = 'r'.repeat(1_000);
    const turns = Array.from({ length: 40 }, (_, i) => [message('user', `question ${i}`), message('assistant', reply)]).flat();
    const { set, problems } = parsePromptSet(promptSetFromConversations('bot', [conversation('long', turns)]));
    expect(problems).toEqual([]);
    expect(set?.cases.length).toBe(40);
    const history = set?.cases.at(-1)?.history ?? [];
    expect(history.length).toBeGreaterThan(20);
    expect(history.length).toBeLessThan(78);
    expect(history.reduce((sum, t) => sum + t.content.length, 0)).toBeLessThanOrEqual(16_000);
    expect(history.at(-1)).toEqual({ role: 'assistant', content: reply });

    // Long replies: few, big cases, so the limit is reached without thousands of nodes to write.
    const long = Array.from({ length: 40 }, (_, i) => [message('user', `question ${i}`), message('assistant', '€'.repeat(10_000))]).flat();
    const big = promptSetFromConversations('bot', Array.from({ length: 10 }, (_, c) => conversation(`c${c}`, long)));
    expect(new TextEncoder().encode(big).length).toBeLessThan(8 * 1024 * 1024);
    expect(big).toMatch(/^# .*\n# .*\n# \d+ more user turns were left out to keep the file under 8 MiB\.\n/);
  });

  it('falls back to the template when the conversations hold no user turn', () => {
    expect(promptSetFromConversations('bot', [conversation('empty', [])])).toBe(templatePromptSet('bot'));
  });

  it('parses whatever the conversations say', () => {
    const content = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(fc.array(fc.tuple(content, fc.array(content, { maxLength: 4 })), { minLength: 1, maxLength: 3 }), (convs) => {
        const text = promptSetFromConversations(
          'bot',
          convs.map(([title, turns]) => conversation(title, turns.flatMap((t) => [message('user', `${t}?`), message('assistant', t)]))),
        );
        expect(parsePromptSet(text).problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
