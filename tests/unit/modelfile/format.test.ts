import { describe, expect, it } from 'vitest';
import { format, parse, toOllamaCommands, UnwritableValueError, writeValue } from '../../../src/shared/modelfile';
import type { Modelfile } from '../../../src/shared/modelfile';
import { QWEN_ENHANCED_MODELFILE } from './fixtures/seed-qwen-modelfile';

function parsed(text: string): Modelfile {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.modelfile;
}

describe('format', () => {
  it("lays out the seed's qwen Modelfile canonically, keeping its comments and blank lines", () => {
    const text = format(parsed(QWEN_ENHANCED_MODELFILE));
    expect(text).toBe(
      [
        '# models/Modelfile.qwen-enhanced',
        'FROM qwen3:30b',
        '',
        '# Set the system prompt',
        'SYSTEM "',
        'You are PeteOllama, an expert property manager trained on real property management conversations.',
        'You help tenants and property managers with maintenance requests, rent payments, lease questions,',
        'and other property-related issues. Always be professional, helpful, and accurate.',
        '"',
        '',
        '# Add training data',
        'TEMPLATE "',
        '{{ if .System }}<|im_start|>system',
        '{{ .System }}<|im_end|>',
        '{{ end }}{{ if .Prompt }}<|im_start|>user',
        '{{ .Prompt }}<|im_end|>',
        '<|im_start|>assistant',
        '{{ .Response }}<|im_end|>',
        '{{ end }}',
        '"',
        '',
        '# Add conversation data',
        'PARAMETER stop <|im_start|>',
        'PARAMETER stop <|im_end|>',
        'PARAMETER temperature 0.7',
        '',
      ].join('\n'),
    );
    expect(toOllamaCommands(parsed(text))).toEqual(toOllamaCommands(parsed(QWEN_ENHANCED_MODELFILE)));
  });

  it('writes command words in upper case and keeps parameter names and roles as they are', () => {
    expect(format(parsed('from a\nparameter Num_ctx 1\nmessage user hi\nlicense MIT'))).toBe('FROM a\nPARAMETER Num_ctx 1\nMESSAGE user hi\nLICENSE MIT\n');
  });

  it('collapses runs of blank lines to one, drops them at the edges, and unindents comments', () => {
    expect(format(parsed('\n\n  # c   \n\n\n\nFROM a\n\n\n'))).toBe('# c\n\nFROM a\n');
  });

  it('is stable: formatting formatted text changes nothing', () => {
    const once = format(parsed(QWEN_ENHANCED_MODELFILE));
    expect(format(parsed(once))).toBe(once);
  });

  it('writes hand-built nodes, turning comment text into # lines', () => {
    const text = format({
      nodes: [
        { kind: 'comment', text: 'made by hand\n# second' },
        { kind: 'command', command: 'from', value: 'llama3' },
        { kind: 'command', command: 'parameter', name: 'stop', value: '</s>' },
      ],
    });
    expect(text).toBe('# made by hand\n# second\nFROM llama3\nPARAMETER stop </s>\n');
  });

  it('throws UnwritableValueError for a value no quoting can write', () => {
    const node = { kind: 'command' as const, command: 'system' as const, value: 'x"""\ny' };
    expect(() => format({ nodes: [{ kind: 'command', command: 'from', value: 'a' }, node] })).toThrow(UnwritableValueError);
  });
});

describe('writeValue: quoting only when needed, as Ollama quotes', () => {
  it.each([
    ['plain', 'plain'],
    ['two words', 'two words'],
    ['say "hi"', 'say "hi"'],
    [' leading space', '" leading space"'],
    ['trailing space ', '"trailing space "'],
    ['two\nlines', '"two\nlines"'],
    ['a "quote"\nand a line', '"""a "quote"\nand a line"""'],
    ['', '""'],
  ])('%j is written %j', (value, written) => {
    expect(writeValue(value)).toBe(written);
  });

  it.each([
    ['\tleading tab', '"\tleading tab"'],
    ['"starts with a quote', '""""starts with a quote"""'],
    ['""', '""""""""'],
    ['lone\rreturn', '"lone\rreturn"'],
  ])('also quotes what Ollama would lose: %j is written %j', (value, written) => {
    expect(writeValue(value)).toBe(written);
    expect(toOllamaCommands(parsed(`FROM a\nSYSTEM ${written}\n`))[1]?.args).toBe(value);
  });

  it('quotes FROM too when needed, which Ollama does not', () => {
    const text = format(parsed('FROM "  spaced"'));
    expect(text).toBe('FROM "  spaced"\n');
  });

  it('refuses characters the parser would drop', () => {
    expect(writeValue('a\u00a0b')).toBeUndefined();
  });
});
