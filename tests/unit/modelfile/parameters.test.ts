import { describe, expect, it } from 'vitest';
import { DEPRECATED_PARAMETERS, parameterCatalog, typeParameter } from '../../../src/shared/modelfile';

describe('parameterCatalog', () => {
  it("lists exactly the Options fields of Ollama's api/types.go with their types", () => {
    const byType = (type: string) => parameterCatalog.filter((p) => p.type === type).map((p) => p.name).sort();
    expect(byType('int')).toEqual(
      ['num_ctx', 'num_batch', 'num_gpu', 'main_gpu', 'num_thread', 'num_keep', 'seed', 'num_predict', 'top_k', 'repeat_last_n', 'draft_num_predict'].sort(),
    );
    expect(byType('float')).toEqual(['top_p', 'min_p', 'typical_p', 'temperature', 'repeat_penalty', 'presence_penalty', 'frequency_penalty'].sort());
    expect(byType('bool')).toEqual(['use_mmap']);
    expect(byType('string-list')).toEqual(['stop']);
  });

  it('has one line of help for each, and none of the deprecated names', () => {
    for (const p of parameterCatalog) expect(p.help).toMatch(/^[^\n]{10,}$/);
    expect(parameterCatalog.filter((p) => DEPRECATED_PARAMETERS.includes(p.name))).toEqual([]);
  });
});

describe('typeParameter: values typed as the Ollama CLI types them', () => {
  const value = (name: string, raw: string) => {
    const typed = typeParameter(name, raw);
    return typed.kind === 'value' ? typed.value : typed.kind;
  };

  it.each([
    ['42', 42],
    ['-1', -1],
    ['+7', 7],
    ['007', 7],
    ['1.0', 'invalid-value'],
    ['1_000', 'invalid-value'],
    ['0x10', 'invalid-value'],
    ['', 'invalid-value'],
    [' 1', 'invalid-value'],
    ['-9223372036854775808', -9223372036854775808],
    ['9223372036854775808', 'invalid-value'],
  ])('int %j → %j', (raw, expected) => {
    expect(value('num_ctx', raw)).toBe(expected);
  });

  it.each([
    ['0.7', 0.7],
    ['0.1', 0.1],
    ['1', 1],
    ['.5', 0.5],
    ['5.', 5],
    ['-1e-3', -0.001],
    ['1_000.5', 1000.5],
    ['0x1p-2', 0.25],
    ['0X1.8P1', 3],
    ['1e39', 'invalid-value'],
    ['inf', 'invalid-value'],
    ['NaN', 'invalid-value'],
    ['1..2', 'invalid-value'],
    ['_1', 'invalid-value'],
    ['1__0', 'invalid-value'],
    ['0x1', 'invalid-value'],
    ['1e', 'invalid-value'],
    ['', 'invalid-value'],
  ])('float %j → %j (float32, written as its shortest decimal)', (raw, expected) => {
    expect(value('temperature', raw)).toBe(expected);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['T', true],
    ['TRUE', true],
    ['False', false],
    ['0', false],
    ['yes', 'invalid-value'],
    ['tRue', 'invalid-value'],
  ])('bool %j → %j', (raw, expected) => {
    expect(value('use_mmap', raw)).toBe(expected);
  });

  it('takes stop as any text, and knows deprecated and unknown names', () => {
    expect(value('stop', '')).toBe('');
    expect(value('stop', '<|im_end|>')).toBe('<|im_end|>');
    expect(typeParameter('mirostat_eta', 'x')).toEqual({ kind: 'deprecated', message: 'parameter mirostat_eta is deprecated' });
    expect(typeParameter('numa', 'true')).toEqual({ kind: 'unknown-name', message: "unknown parameter 'numa'" });
  });

  it('warns when an int cannot be sent exactly', () => {
    const typed = typeParameter('seed', '9007199254740993');
    expect(typed.kind === 'value' && typed.hint).toMatch(/too large to be sent exactly/);
  });
});
