import { describe, expect, it } from 'vitest';
import { quantizeFieldSchema, quantizeGate, quantizeProblem, quantizeTypeOf, sourceWeightsOf, QUANTIZE_TYPES } from '../../src/shared/quantize';

const listed = (name: string, quantization_level: string) => ({ name, details: { quantization_level } });

describe('quantize types', () => {
  it('offers exactly the types Ollama accepts (fs/ggml/type.go ParseFileType)', () => {
    expect([...QUANTIZE_TYPES].sort()).toEqual(['BF16', 'F16', 'F32', 'Q4_K_M', 'Q4_K_S', 'Q8_0']);
  });

  it.each([
    ['q4_k_m', 'Q4_K_M'],
    ['Q4_K', 'Q4_K_M'],
    ['bf16', 'BF16'],
    [' q8_0 ', 'Q8_0'],
    ['Q5_K_M', null],
    ['Q4_0', null],
    ['', null],
  ])('%s → %s', (input, type) => {
    expect(quantizeTypeOf(input)).toBe(type);
  });

  it('says which types exist when one is refused', () => {
    expect(quantizeProblem('Q5_K_M')).toBe('"Q5_K_M" is not a type Ollama quantizes to; use one of Q4_K_M, Q4_K_S, Q8_0, F16, BF16, F32');
    expect(quantizeFieldSchema.safeParse('q4_k').data).toBe('Q4_K_M');
    expect(quantizeFieldSchema.safeParse('IQ3_M').success).toBe(false);
  });
});

describe('quantize gating by the source weights', () => {
  it.each(['F16', 'BF16', 'F32'])('offers every type for %s weights Ollama lists', (level) => {
    const gate = quantizeGate('base:fp', sourceWeightsOf('base:fp', [listed('base:fp', level)]));
    expect(gate).toEqual({ allowed: true, source: level, types: QUANTIZE_TYPES });
  });

  it.each(['Q4_K_M', 'Q4_0', 'Q8_0', 'MXFP4'])('refuses already quantized %s weights, saying why', (level) => {
    const gate = quantizeGate('llama3', sourceWeightsOf('llama3', [listed('llama3:latest', level)]));
    expect(gate).toEqual({ allowed: false, reason: expect.stringContaining(`llama3 is already quantized (Ollama lists it as ${level}); Ollama quantizes only F16, BF16 or F32`) });
  });

  it('reads an unpulled Hugging Face base from its tag', () => {
    expect(quantizeGate('hf.co/u/r:F16', sourceWeightsOf('hf.co/u/r:F16', []))).toMatchObject({ allowed: true, source: 'F16' });
    expect(quantizeGate('hf.co/u/r:bf16', sourceWeightsOf('hf.co/u/r:bf16', []))).toMatchObject({ allowed: true, source: 'BF16' });
    const byDefault = quantizeGate('hf.co/u/r', sourceWeightsOf('hf.co/u/r', []));
    expect(byDefault).toEqual({ allowed: false, reason: expect.stringContaining('its tag asks for Q4_K_M') });
  });

  it('trusts what Ollama lists over a Hugging Face tag', () => {
    const weights = sourceWeightsOf('hf.co/u/r:F16', [listed('hf.co/u/r:F16', 'Q8_0')]);
    expect(weights).toEqual({ type: 'Q8_0', from: 'ollama' });
  });

  it('refuses an unknown source until it is pulled, and an empty base', () => {
    expect(quantizeGate('mystery:7b', sourceWeightsOf('mystery:7b', []))).toEqual({ allowed: false, reason: expect.stringContaining('not known yet: pull it first') });
    expect(quantizeGate('', { type: null, from: null })).toEqual({ allowed: false, reason: 'Choose a base model first.' });
  });
});
