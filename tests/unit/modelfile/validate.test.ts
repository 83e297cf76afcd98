import { describe, expect, it } from 'vitest';
import { diagnose, parse, validate } from '../../../src/shared/modelfile';
import type { Diagnostic, ValidationContext } from '../../../src/shared/modelfile';
import { QWEN_ENHANCED_MODELFILE } from './fixtures/seed-qwen-modelfile';

function check(text: string, context: ValidationContext = {}): Diagnostic[] {
  return validate(parse(text).modelfile, context);
}

/** code, severity and position of each diagnostic, for compact expectations. */
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, at: [d.line, d.column, d.endLine, d.endColumn] });

describe('validate: what Ollama rejects', () => {
  it('reports a missing FROM at the start of the file', () => {
    const [d] = check('SYSTEM s');
    expect(d).toMatchObject({ code: 'no-from', severity: 'error', message: 'no FROM line', line: 1, column: 1, from: 0, to: 0 });
  });

  it('reports an unknown parameter on its name, names being case-sensitive', () => {
    const found = check('FROM a\nPARAMETER Temperature 0.7');
    expect(found.map(brief)).toEqual([{ code: 'unknown-parameter', severity: 'error', at: [2, 11, 2, 22] }]);
    expect(found[0]?.message).toBe("unknown parameter 'Temperature'");
  });

  it.each([
    ['temperature hot', 'invalid float value [hot]'],
    ['temperature inf', 'invalid float value [inf]'],
    ['num_ctx 1.5', 'invalid int value [1.5]'],
    ['seed 9223372036854775808', 'invalid int value [9223372036854775808]'],
    ['use_mmap yes', 'invalid bool value [yes]'],
  ])('reports PARAMETER %s as %j on the value', (parameter, message) => {
    const found = check(`FROM a\nPARAMETER ${parameter}`);
    const valueColumn = 11 + parameter.indexOf(' ') + 1;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'invalid-value', severity: 'error', message, line: 2, column: valueColumn, endColumn: 11 + parameter.length });
  });

  it('reports an invalid REQUIRES version and accepts v-prefixed and short ones', () => {
    expect(check('FROM a\nREQUIRES 0.14').map(brief)).toEqual([]);
    expect(check('FROM a\nREQUIRES v1.2.3-rc.1+build.5').map(brief)).toEqual([]);
    const found = check('FROM a\nREQUIRES latest');
    expect(found.map(brief)).toEqual([{ code: 'invalid-requires', severity: 'error', at: [2, 10, 2, 16] }]);
    expect(found[0]?.message).toBe('requires must be a valid semver (e.g. 0.14.0)');
  });
});

describe('validate: warnings a user wants', () => {
  const context = { baseModels: ['llama3'], ollamaModels: ['qwen3:30b', 'mistral:7b'] };

  it('accepts a base model from the registry or from Ollama, compared as Ollama compares names', () => {
    expect(check('FROM Llama3:latest', context)).toEqual([]);
    expect(check('FROM registry.ollama.ai/library/qwen3:30b', context)).toEqual([]);
  });

  it('warns on a base model that neither the registry nor Ollama has, on the name', () => {
    const found = check('FROM gemma3', context);
    expect(found.map(brief)).toEqual([{ code: 'unknown-base-model', severity: 'warning', at: [1, 6, 1, 12] }]);
  });

  it('does not judge base models without a list of known ones, nor paths', () => {
    expect(check('FROM gemma3')).toEqual([]);
    expect(check('FROM ./weights/model.gguf', context)).toEqual([]);
    expect(check('FROM ~/models/llama', context)).toEqual([]);
  });

  it('warns on a FROM that is not a valid model name', () => {
    const found = check('FROM my model!');
    expect(found.map(brief)).toEqual([{ code: 'invalid-model-name', severity: 'warning', at: [1, 6, 1, 15] }]);
  });

  it('warns on each {{ or }} without its partner in TEMPLATE, at the delimiter', () => {
    const found = check('FROM a\nTEMPLATE """{{ .System }\n{{ .Prompt }} }}"""');
    expect(found.map(brief)).toEqual([
      { code: 'unbalanced-template', severity: 'warning', at: [2, 13, 2, 15] },
      { code: 'unbalanced-template', severity: 'warning', at: [3, 15, 3, 17] },
    ]);
  });

  it('places template findings correctly after characters the parser drops', () => {
    const found = check('FROM a\nTEMPLATE "\u200d\u200d{{ x"');
    expect(found.map(brief)).toEqual([{ code: 'unbalanced-template', severity: 'warning', at: [2, 13, 2, 15] }]);
  });

  it('warns that an earlier SYSTEM or TEMPLATE is overridden, on the earlier one', () => {
    const found = check('FROM a\nSYSTEM one\nTEMPLATE t1\nSYSTEM two\nTEMPLATE t2');
    expect(found.map(brief)).toEqual([
      { code: 'repeated-command', severity: 'warning', at: [2, 1, 2, 7] },
      { code: 'repeated-command', severity: 'warning', at: [3, 1, 3, 9] },
    ]);
    expect(found[0]?.message).toBe('SYSTEM is given again on line 4; only the last one is used');
  });

  it('warns on a parameter set twice, but not on stop, which accumulates', () => {
    const found = check('FROM a\nPARAMETER temperature 1\nPARAMETER stop a\nPARAMETER stop b\nPARAMETER temperature 0.5');
    expect(found.map(brief)).toEqual([{ code: 'repeated-command', severity: 'warning', at: [2, 1, 2, 10] }]);
  });

  it('warns on deprecated parameters, which Ollama drops', () => {
    const found = check('FROM a\nPARAMETER mirostat 2\nPARAMETER use_mlock true');
    expect(found.map(brief)).toEqual([
      { code: 'deprecated-parameter', severity: 'warning', at: [2, 11, 2, 19] },
      { code: 'deprecated-parameter', severity: 'warning', at: [3, 11, 3, 20] },
    ]);
    expect(found[0]?.message).toBe('parameter mirostat is deprecated');
  });

  it('tells that an empty SYSTEM is not sent', () => {
    expect(check('FROM a\nSYSTEM ""').map(brief)).toEqual([{ code: 'empty-value', severity: 'info', at: [2, 1, 2, 7] }]);
  });

  it("finds nothing to say about the seed's qwen Modelfile when its base model is known", () => {
    expect(check(QWEN_ENHANCED_MODELFILE, { ollamaModels: ['qwen3:30b'] })).toEqual([]);
  });
});

describe('diagnose', () => {
  it('gives the parse error and the findings before it, in order, without a spurious no-FROM', () => {
    const { diagnostics } = diagnose('PARAMETER temperature hot\nSYSTEM\nFROM a');
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-value', 'invalid-command']);
  });

  it('gives no-FROM once when that is the parse error', () => {
    expect(diagnose('SYSTEM s').diagnostics.map((d) => d.code)).toEqual(['no-from']);
  });
});
