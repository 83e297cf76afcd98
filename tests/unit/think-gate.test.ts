import { describe, expect, it } from 'vitest';
import { asksToThink, gateThink, thinkControl, thinkFromReasoningEffort, THINK_LEVELS } from '../../src/shared/think';

describe('gateThink', () => {
  const capable = ['completion', 'tools', 'thinking'];
  const plain = ['completion', 'tools'];

  it('never lets true or a level through to a model without the thinking capability', () => {
    for (const requested of [true, ...THINK_LEVELS] as const) {
      expect(gateThink(requested, plain)).toEqual({ think: false, refused: true });
      expect(gateThink(requested, [])).toEqual({ think: false, refused: true });
    }
  });

  it('treats unknown capabilities as "cannot think"', () => {
    expect(gateThink(true, null)).toEqual({ think: false, refused: true });
    expect(gateThink('high', undefined)).toEqual({ think: false, refused: true });
  });

  it('passes true and levels to a capable model unchanged', () => {
    expect(gateThink(true, capable)).toEqual({ think: true, refused: false });
    expect(gateThink('low', capable)).toEqual({ think: 'low', refused: false });
    expect(gateThink('max', capable)).toEqual({ think: 'max', refused: false });
  });

  it('sends an explicit false when nothing or false was asked, capable or not (capable models think by default since 0.12.4)', () => {
    for (const caps of [capable, plain, null]) {
      expect(gateThink(undefined, caps)).toEqual({ think: false, refused: false });
      expect(gateThink(null, caps)).toEqual({ think: false, refused: false });
      expect(gateThink(false, caps)).toEqual({ think: false, refused: false });
    }
  });

  it('knows which values ask to think', () => {
    expect([true, false, 'low', null, undefined].map((v) => asksToThink(v as never))).toEqual([true, false, true, false, false]);
  });
});

describe('thinkControl', () => {
  it('offers nothing to a model without the capability', () => {
    expect(thinkControl({ name: 'llama3:latest', architecture: 'llama', capabilities: ['completion'] })).toEqual({ kind: 'none' });
    // A gpt-oss name alone does not make a model think.
    expect(thinkControl({ name: 'gpt-oss:20b', capabilities: ['completion'] })).toEqual({ kind: 'none' });
  });

  it('offers a toggle to capable models and levels to gpt-oss, by architecture or by name', () => {
    expect(thinkControl({ name: 'qwen3:8b', architecture: 'qwen3', capabilities: ['completion', 'thinking'] })).toEqual({ kind: 'toggle' });
    expect(thinkControl({ name: 'helper-v2:latest', architecture: 'gptoss', capabilities: ['completion', 'thinking'] })).toEqual({
      kind: 'levels',
      levels: ['low', 'medium', 'high'],
    });
    expect(thinkControl({ name: 'gpt-oss:120b-cloud', architecture: null, capabilities: ['thinking'] }).kind).toBe('levels');
    expect(thinkControl({ name: 'me/gpt-oss-ish:latest', architecture: null, capabilities: ['thinking'] }).kind).toBe('toggle');
  });
});

describe('thinkFromReasoningEffort', () => {
  it('maps OpenAI efforts as Ollama’s compatibility layer does', () => {
    expect(thinkFromReasoningEffort(undefined)).toBeNull();
    expect(thinkFromReasoningEffort('')).toBeNull();
    expect(thinkFromReasoningEffort('none')).toBe(false);
    expect(thinkFromReasoningEffort('minimal')).toBe('low');
    expect(thinkFromReasoningEffort('medium')).toBe('medium');
    expect(thinkFromReasoningEffort('xhigh')).toBe('max');
    expect(thinkFromReasoningEffort('ultra')).toBe('max');
    expect(thinkFromReasoningEffort('extreme')).toBe('invalid');
  });
});
