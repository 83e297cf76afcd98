import { describe, expect, it } from 'vitest';
import { caseRequest, setOptions } from '../../../src/shared/eval/case-request';
import type { PromptCase, PromptSet } from '../../../src/shared/eval/prompt-set';

const promptCase = (more: Partial<PromptCase> = {}): PromptCase => ({ id: 'a', prompt: 'Hello?', checks: [], ...more });
const set = (more: Partial<PromptSet> = {}): PromptSet => ({ family: 'bot', cases: [promptCase()], ...more });

describe('caseRequest', () => {
  it('sends the run defaults with thinking off when nothing says otherwise', () => {
    expect(caseRequest(set(), promptCase())).toEqual({ messages: [{ role: 'user', content: 'Hello?' }], options: { temperature: 0, seed: 42 }, think: false });
  });

  it('layers defaults ← set ← case and takes think out of the options', () => {
    const request = caseRequest(set({ options: { temperature: 0.3, num_ctx: 8192, think: true } }), promptCase({ options: { temperature: 0.9, seed: 7, think: 'high' } }));
    expect(request.options).toEqual({ temperature: 0.9, seed: 7, num_ctx: 8192 });
    expect(request.think).toBe('high');
    expect(caseRequest(set({ options: { think: true } }), promptCase()).think).toBe(true);
    expect(setOptions(set({ options: { temperature: 0.3, think: true } }))).toEqual({ temperature: 0.3, seed: 42, think: true });
  });

  it('drops undefined values instead of letting them erase a lower layer', () => {
    const request = caseRequest(set({ options: { temperature: 0.3 } }), promptCase({ options: { temperature: undefined, think: undefined } }));
    expect(request.options).toEqual({ temperature: 0.3, seed: 42 });
    expect(request.think).toBe(false);
  });

  it('orders the system override, the earlier turns, then the prompt', () => {
    const request = caseRequest(
      set(),
      promptCase({ system: '', history: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] }),
    );
    expect(request.messages).toEqual([
      { role: 'system', content: '' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Hello?' },
    ]);
  });
});
