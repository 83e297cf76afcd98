import { describe, expect, it } from 'vitest';
import { matchRule, ruleFromJson, type ReplyRule } from '../support/fake-ollama/reply-rules';

/** Which scripted reply the fake picks: names as Ollama resolves them, substrings or RegExps of the last user message. */

describe('matchRule', () => {
  const rules: ReplyRule[] = [
    { model: 'team/bot-v1', when: 'France', text: 'Paris.' },
    { model: 'bot-v2:latest', when: /capital of (\w+)/gi, text: 'A city.' },
    { when: 'France', text: 'Any model.' },
  ];

  it('matches the model case-insensitively with :latest implied, and the first rule wins', () => {
    expect(matchRule(rules, 'Team/Bot-V1:latest', 'France?')?.text).toBe('Paris.');
    expect(matchRule(rules, 'bot-v3', 'France?')?.text).toBe('Any model.');
    expect(matchRule(rules, 'bot-v1', 'Spain?')).toBeUndefined();
  });

  it('matches a global RegExp every time, not every other time', () => {
    expect(matchRule(rules, 'bot-v2', 'The capital of Peru')?.text).toBe('A city.');
    expect(matchRule(rules, 'bot-v2', 'The capital of Peru')?.text).toBe('A city.');
  });

  it('reads a RegExp from JSON as {regex, flags} and says what is wrong with a bad one', () => {
    const rule = ruleFromJson({ when: { regex: '^hi$', flags: 'i' }, text: 'Hello.' });
    expect(matchRule([rule], 'x', 'HI')?.text).toBe('Hello.');
    expect(() => ruleFromJson({ when: { regex: '[' }, text: 'x' })).toThrow(/when.regex is not a valid regular expression/);
  });
});
